import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, type PatternMatcher } from '../src/pattern/index';
import { compileProgram, type Program } from '../src/pattern/compileProgram';
import { parsePattern } from '../src/pattern/parsePattern';
import { traceProgram } from '../src/pattern/runProgram';

const matcherFor = (source: string): PatternMatcher => {
  const result = compilePattern(source);
  if (!result.ok) throw new Error(`${source} was refused: ${result.reason}: ${result.detail}`);
  return result.matcher;
};

const programFor = (source: string): Program => {
  const parsed = parsePattern(source);
  if (!parsed.ok) throw new Error(`${source} was refused: ${parsed.detail}`);
  const compiled = compileProgram(parsed.node, Infinity);
  if (!compiled.ok) throw new Error(`${source} is too large`);
  return compiled.program;
};

const nativeAccepts = (source: string): boolean => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

const isLead = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isTrail = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * `new RegExp(source, 'u').test(text)`, corrected for one engine bug. The specification starts
 * `u`-mode matches only at code point boundaries, but V8 (Node 20 at least; see
 * https://github.com/LadybirdBrowser/ladybird/issues/9899) lets a zero-width match such as `\B`
 * start between the halves of a surrogate pair: `/\B/u.test('a😀a')` is true there. When the
 * leftmost native match starts inside a pair, the engine is asked again, sticky, at each boundary.
 */
const nativeTest = (source: string, text: string, seen?: { engineBug: number }): boolean => {
  const match = new RegExp(source, 'u').exec(text);
  if (match === null) return false;
  const index = match.index;
  if (!(index > 0 && isLead(text.charCodeAt(index - 1)) && isTrail(text.charCodeAt(index)))) return true;
  if (seen !== undefined) seen.engineBug++;
  const sticky = new RegExp(source, 'uy');
  for (let boundary = 0; boundary <= text.length; boundary += (text.codePointAt(boundary) ?? 0) > 0xffff ? 2 : 1) {
    sticky.lastIndex = boundary;
    if (sticky.test(text)) return true;
  }
  return false;
};

/** A generated pattern with the features the property must be seen to explore. */
interface Generated {
  readonly source: string;
  /** Deepest nesting of quantifiers: `(a+)+` is 2. */
  readonly quantifierDepth: number;
  /** Whether some quantifier applies to a group containing `|`. */
  readonly repeatedAlternation: boolean;
}

const leaf = (source: string): Generated => ({ source, quantifierDepth: 0, repeatedAlternation: false });

// Every alphabet character: ASCII, a character that needs escaping, a dash, CJK, an astral emoji.
const literal = fc.constantFrom('a', 'b', '-', '\\.', '好', '😀', ' ', 'a', 'b', '\\u597D', '\\u{1F600}', '\\uD83D', '\\uDE00', '\\n', '\\x61');
// Ordered by code point so that a range built from two of them is valid.
const rangeEnds = ['\\-', '.', '1', 'a', 'b', '好', '😀'];
const classItem = fc.oneof(
  fc.constantFrom('a', 'b', '\\-', '.', '好', '😀', ' ', '\\uD83D', '\\d', '\\w', '\\s', '\\D', '\\W', '\\S', '\\b', '\\n', '\\p{L}', '\\P{Script=Han}'),
  fc.tuple(fc.nat(rangeEnds.length - 1), fc.nat(rangeEnds.length - 1)).map(([x, y]) =>
    `${rangeEnds[Math.min(x, y)] ?? 'a'}-${rangeEnds[Math.max(x, y)] ?? 'b'}`),
);
const characterClass = fc.tuple(fc.boolean(), fc.array(classItem, { maxLength: 4 }))
  .map(([negated, items]) => leaf(`[${negated ? '^' : ''}${items.join('')}]`));
const small = fc.integer({ min: 0, max: 3 });
const quantifier = fc.tuple(
  fc.oneof(
    fc.constantFrom('*', '+', '?'),
    small.map((n) => `{${n}}`),
    small.map((n) => `{${n},}`),
    fc.tuple(small, small).map(([x, y]) => `{${Math.min(x, y)},${Math.max(x, y)}}`),
  ),
  fc.boolean(),
).map(([q, lazy]) => (lazy ? `${q}?` : q));
const assertion = fc.constantFrom('^', '$', '\\b', '\\B').map(leaf);

const { pattern } = fc.letrec<{ pattern: Generated; sequence: Generated; term: Generated; atom: Generated }>((tie) => ({
  pattern: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('sequence'),
    fc.array(tie('sequence'), { minLength: 2, maxLength: 3 }).map((branches) => ({
      source: branches.map((branch) => branch.source).join('|'),
      quantifierDepth: Math.max(...branches.map((branch) => branch.quantifierDepth)),
      repeatedAlternation: branches.some((branch) => branch.repeatedAlternation),
    })),
  ),
  sequence: fc.array(tie('term'), { minLength: 0, maxLength: 4 }).map((terms) => ({
    source: terms.map((term) => term.source).join(''),
    quantifierDepth: Math.max(0, ...terms.map((term) => term.quantifierDepth)),
    repeatedAlternation: terms.some((term) => term.repeatedAlternation),
  })),
  term: fc.oneof(
    { depthSize: 'small' },
    { arbitrary: assertion, weight: 1 },
    { arbitrary: tie('atom'), weight: 2 },
    {
      arbitrary: fc.tuple(tie('atom'), quantifier).map(([atom, q]) => ({
        source: atom.source + q,
        quantifierDepth: atom.quantifierDepth + 1,
        repeatedAlternation: atom.repeatedAlternation || (atom.source.startsWith('(') && atom.source.includes('|')),
      })),
      weight: 4,
    },
  ),
  atom: fc.oneof(
    { depthSize: 'small' },
    { arbitrary: literal.map(leaf), weight: 3 },
    { arbitrary: fc.constantFrom('.', '\\d', '\\w', '\\s', '\\S', '\\p{Script=Han}', '\\P{L}').map(leaf), weight: 1 },
    { arbitrary: characterClass, weight: 2 },
    {
      arbitrary: fc.tuple(fc.constantFrom('(', '(?:', '(?<g>'), tie('pattern')).map(([open, inner]) => ({ ...inner, source: `${open}${inner.source})` })),
      weight: 4,
    },
  ),
}));

/** Numbers the named groups, since a name may appear only once. */
const generatedPattern = pattern.map((generated) => {
  let count = 0;
  return { ...generated, source: generated.source.replace(/\(\?<g>/g, () => `(?<g${++count}>`) };
});

const inputCharacter = fc.constantFrom('a', 'b', '-', '.', '好', '😀', ' ', 'a', 'b', '\uD83D', '\uDE00', '1', '_', 'A', '\n');
// At most 12 characters: the reference is the native engine, which backtracks, and a generated pattern such
// as ((a|a)*)*b on 20 a's can keep it busy for minutes; 12 keeps every case short.
const input = fc.array(inputCharacter, { maxLength: 12 }).map((characters) => characters.join(''));

describe('compilePattern agrees with new RegExp(source, "u").test', () => {
  // Thousands of runs: seconds on an idle machine, so a loaded one gets more than the default 5 s.
  it('on generated patterns and inputs', { timeout: 30_000 }, () => {
    const seen = { runs: 0, nativeValid: 0, nestedQuantifiers: 0, repeatedAlternations: 0, matched: 0, unmatched: 0, engineBug: 0 };
    fc.assert(
      fc.property(generatedPattern, fc.array(input, { minLength: 1, maxLength: 6 }), (generated, inputs) => {
        seen.runs++;
        const { source } = generated;
        if (!nativeAccepts(source)) {
          expect(compilePattern(source)).toMatchObject({ ok: false, reason: 'invalid' });
          return;
        }
        seen.nativeValid++;
        if (generated.quantifierDepth >= 2) seen.nestedQuantifiers++;
        if (generated.repeatedAlternation) seen.repeatedAlternations++;
        const matcher = matcherFor(source);
        for (const text of inputs) {
          const expected = nativeTest(source, text, seen);
          if (expected) seen.matched++;
          else seen.unmatched++;
          expect({ source, text, result: matcher.test(text) }).toEqual({ source, text, result: expected });
        }
      }),
      { numRuns: 3000 },
    );
    // The grammar must really produce the hard shapes, not just flat literals.
    expect(seen.nativeValid).toBeGreaterThan(seen.runs * 0.9);
    expect(seen.nestedQuantifiers).toBeGreaterThan(300);
    expect(seen.repeatedAlternations).toBeGreaterThan(100);
    expect(seen.matched).toBeGreaterThan(1000);
    expect(seen.unmatched).toBeGreaterThan(1000);
  });

  it('on tricky patterns, for every input of up to 3 characters from an awkward alphabet', () => {
    const patterns = [
      '(?:^a)+', '(?:$)*a', '(a|^)+b', 'a+?$', '[^]', '[]', '^[]*$', '[\\b]', '\\0', '[\\0-\\x1f]+', '\\cA|\\cz',
      '^[\\s\\S]{2}$', '(?:)', 'a{0,0}b', '(?:a{0})+$', '()*$', '(|a)+$', '((a*)*)*b', '\\u{10FFFF}',
      '^[\\u{10000}-\\u{10FFFF}]$', '[\\uD800-\\uDFFF]', '^[\\uD800-\\uDFFF]+$', '\\uD83D\\uDE00', '[\\uD83D\\uDE00]',
      '^[^\\uD83D]$', '\\uDE00', '^\\uDE00', '\\uD83D$', '\\b\\uDE00', '\\B😀\\B', '\\B', '^\\B$', '(?:\\b|a)+$',
      '.\\b.', '😀{2}', '^😀?$', '[😀-😂]{2}', '^(?:a|b|)*?$', '^(?:(?:a|)\\b)+$', '(?:\\B(?:a|b))+', 'a$|^b',
      '(?:^|b)(?:$|a)', '^.*$', '^[^a]*$', '\\W\\b\\w', '[\\W\\d]+$', '[^\\W\\d]', '\\S\\s', '(?<n>a)(?<m>\\b)',
      '[.-]', '[--.]', '[-a]', '[a-]', '[\\--\\.]+', '\\/', '\\u{0}', '[\\u{1F600}-\\u{1F602}\\d]', '\\p{L}\\P{L}',
    ];
    const alphabet = ['a', 'b', '1', ' ', '😀', '\uD83D', '\uDE00', '\n', '\0', '\b', '-', '.', '\u{10FFFF}', '😂', '\u0001'];
    const inputs = [''];
    let layer = [''];
    for (let length = 1; length <= 3; length++) {
      layer = layer.flatMap((prefix) => alphabet.map((character) => prefix + character));
      inputs.push(...layer);
    }
    for (const source of patterns) {
      const matcher = matcherFor(source);
      const wrong = inputs.filter((text) => matcher.test(text) !== nativeTest(source, text));
      expect({ source, wrong }).toEqual({ source, wrong: [] });
    }
  });

  it('on every code point for sets whose members are defined by tables', () => {
    const sets = ['.', '\\s', '\\S', '\\w', '\\W', '\\d', '\\D', '[^\\s\\d]', '[\\u4e00-\\u9fa5]', '\\p{Script=Han}', '[\\p{L}\\d]', '\\P{L}', '[^\\p{Lu}a]'];
    for (const set of sets) {
      const native = new RegExp(`^${set}$`, 'u');
      const matcher = matcherFor(`^${set}$`);
      // Every BMP code point (surrogates included) and a sample of the astral planes, both ends included.
      const mismatches: number[] = [];
      for (let code = 0; code <= 0x10ffff; code += code < 0x10000 || code >= 0x10fff0 ? 1 : 13) {
        const text = String.fromCodePoint(code);
        if (matcher.test(text) !== native.test(text)) mismatches.push(code);
      }
      expect({ set, mismatches }).toEqual({ set, mismatches: [] });
    }
  });

  it('on typical form patterns', () => {
    const cases: [string, string, boolean][] = [
      ['^1[3-9]\\d{9}$', '13812345678', true],
      ['^1[3-9]\\d{9}$', '12812345678', false],
      ['^1[3-9]\\d{9}$', '138123456789', false],
      ['^[A-Z]{2}\\d{6}$', 'AB123456', true],
      ['^[A-Z]{2}\\d{6}$', 'Ab123456', false],
      ['^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$', 'zhang.san+form@example.com.cn', true],
      ['^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$', 'zhang.san@localhost', false],
      ['^[\\u4e00-\\u9fa5]{2,10}$', '张三', true],
      ['^[\\u4e00-\\u9fa5]{2,10}$', '张', false],
      ['^[\\u4e00-\\u9fa5]{2,10}$', '张三a', false],
      ['^\\p{Script=Han}+$', '𠀀好', true],
      ['^.$', '😀', true],
      ['^..$', '😀', false],
      ['^.$', '\uD83D', true],
      ['\\uD83D', '😀', false],
      ['\\uD83D\\uDE00', '😀', true],
      ['^[😀-😂]$', '😁', true],
      ['^\\u{1F600}\\u{1F601}?$', '😀😁', true],
      ['(?<year>\\d{4})-(?<month>\\d{2})', '日期 2024-05', true],
      ['^\\cJ\\x41\\0\\t$', '\nA\0\t', true],
      ['^[\\b]$', '\b', true],
      ['\\bcat\\b', 'a cat!', true],
      ['\\bcat\\b', 'concatenate', false],
      ['\\Bcat\\B', 'concatenate', true],
      ['^$', '', true],
      ['a{0}', '', true],
      ['(?:){99999999999999999999}', '', true],
      ['^(?:a|)*$', 'aaa', true],
      ['^(a*)*b$', 'aaab', true],
    ];
    for (const [source, text, expected] of cases) {
      expect({ source, text, result: matcherFor(source).test(text) }).toEqual({ source, text, result: expected });
      expect({ source, text, native: new RegExp(source, 'u').test(text) }).toEqual({ source, text, native: expected });
    }
    expect(matcherFor('^a$').source).toBe('^a$');
  });

  it('never starts a match inside a surrogate pair, as the specification says (V8 does, for zero-width matches)', () => {
    // Every code point boundary of 'a😀a' is a word boundary; only the middle of the pair is not.
    expect(matcherFor('\\B').test('a😀a')).toBe(false);
    expect(nativeTest('\\B', 'a😀a')).toBe(false);
    expect(matcherFor('\\B').test('😀😀')).toBe(true);
    expect(matcherFor('a|\\B$').test('b😀')).toBe(true);
  });
});

// Attack patterns with long inputs; each expected answer follows from reading the pattern.
const a5000 = 'a'.repeat(5000);
const attacks: [string, string, boolean][] = [
  ['^(a+)+$', `${a5000}!`, false],
  ['^(a+)+$', a5000, true],
  ['^(好+)+$', `${'好'.repeat(5000)}!`, false],
  ['(a|aa)+', `${a5000}!`, true], // unanchored: the first 'a' is a match
  ['^(a|aa)+$', `${a5000}!`, false],
  ['(?:a|aa){30}', `${'a'.repeat(29)}!`.repeat(170), false], // no run of 30 a's
  ['(?:a|aa){30}', `${a5000}!`, true],
  ['^a*a*a*a*a*a*a*a*b$', `${a5000}c`, false],
  ['\\d{3,}\\d{3,}\\d{3,}\\d{3,}', `${'1'.repeat(11)}x`.repeat(450), false], // no run of 12 digits
  ['\\d{3,}\\d{3,}\\d{3,}\\d{3,}', `${'1'.repeat(5000)}x`, true],
  ['^\\d{3,}\\d{3,}\\d{3,}\\d{3,}$', `${'1'.repeat(5000)}x`, false],
  ['(.+)+x', a5000, false],
  ['(.+)+x', `${a5000}\nx`, false], // '.' stops at the line break and the x has nothing before it on its line
  ['(.+)+x', `${a5000}x`, true],
];

describe('attack patterns', () => {
  it.each(attacks)('%s on a long input', (source, text, expected) => {
    expect(matcherFor(source).test(text)).toBe(expected);
  });

  // Failing inputs of growing size: the native engine's worst case, and so the VM's largest step count.
  const failing: [string, (n: number) => string][] = [
    ['^(a+)+$', (n) => `${'a'.repeat(n)}!`],
    ['^(好+)+$', (n) => `${'好'.repeat(n)}!`],
    ['(a|aa)+$', (n) => `${'a'.repeat(n)}!`],
    ['(?:a|aa){30}', (n) => `${'a'.repeat(29)}!`.repeat(n / 30)],
    ['^a*a*a*a*a*a*a*a*b$', (n) => `${'a'.repeat(n)}c`],
    ['\\d{3,}\\d{3,}\\d{3,}\\d{3,}', (n) => `${'1'.repeat(11)}x`.repeat(n / 12)],
    ['(.+)+x', (n) => 'a'.repeat(n)],
    ['(😀|😀😀)+$', (n) => `${'😀'.repeat(n)}!`],
  ];
  it.each(failing)('%s takes a number of steps linear in the input', (source, build) => {
    const program = programFor(source);
    const steps = [1200, 2400, 4800, 9600].map((n) => {
      const text = build(n);
      const trace = traceProgram(program, text);
      expect(trace.matched).toBe(false);
      // At most every instruction twice (expanded, then consuming) per code point boundary.
      expect(trace.steps).toBeLessThanOrEqual(2 * program.ops.length * ([...text].length + 1));
      return trace.steps;
    });
    for (let index = 1; index < steps.length; index++) {
      expect(steps[index]!).toBeLessThanOrEqual(2.1 * steps[index - 1]!);
    }
  });
});

describe('refusals', () => {
  it.each([
    ['(a)\\1', 'backreferences'],
    ['(?<x>a)\\k<x>', 'backreferences'],
    ['a(?=b)', 'lookahead'],
    ['a(?!b)', 'lookahead'],
    ['(?<=a)b', 'lookbehind'],
    ['(?<!a)b', 'lookbehind'],
  ])('%s is unsupported', (source, construct) => {
    const result = compilePattern(source);
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
    if (!result.ok) expect(result.detail).toContain(construct);
  });

  it.each(['(', 'a**', '[b-a]', '\\-', '{', 'a{2,1}', '\\1', '(?<x>a)(?<x>b)', '\\p{NoSuchProperty}', '[\\w-z]', '\\u{110000}'])(
    '%s is invalid, with the engine message',
    (source) => {
      let message = '';
      try {
        new RegExp(source, 'u');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(compilePattern(source)).toEqual({ ok: false, reason: 'invalid', detail: message });
    },
  );

  it('refuses programs over the size limit', () => {
    expect(compilePattern('(a{1000}){1000}')).toMatchObject({ ok: false, reason: 'too-large' });
    expect(compilePattern('a{99999999999999999999}')).toMatchObject({ ok: false, reason: 'too-large' });
    expect(compilePattern('a{0,99999999999999999999}')).toMatchObject({ ok: false, reason: 'too-large' });
    // a{20} is 20 instructions plus the final match.
    expect(compilePattern('a{20}', { maxProgramSize: 20 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(compilePattern('a{20}', { maxProgramSize: 21 })).toMatchObject({ ok: true });
    // The default limit is 1,000 instructions: a{999} and its final match fit, a{1000} does not.
    expect(compilePattern('a{999}')).toMatchObject({ ok: true });
    expect(compilePattern('a{1000}')).toMatchObject({ ok: false, reason: 'too-large' });
    expect(compilePattern('(?:a{10}){99}')).toMatchObject({ ok: true });
    expect(compilePattern('(?:a{100}){99}')).toMatchObject({ ok: false, reason: 'too-large' });
    expect(compilePattern('[\\s\\S]{0,2000}b')).toMatchObject({ ok: false, reason: 'too-large' });
    const deep = `${'('.repeat(500)}a${')'.repeat(500)}`;
    expect(compilePattern(deep)).toMatchObject({ ok: false, reason: 'too-large' });
  });
});
