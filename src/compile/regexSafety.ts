/**
 * Finds regular expressions that can backtrack exponentially, so that a definition cannot make
 * `validate` hang on a long input (ReDoS). Two shapes cause almost every real case:
 *   - a repetition inside a repetition, where the inner count can vary: `(a+)+`, `([a-z]+-?)*`;
 *   - a repeated alternation whose branches can start with the same character: `(a|a)*`, `(\d|\w)+`.
 * The check is conservative (it may reject a safe pattern such as `(a*b)*`; the message says how to
 * rewrite it) and never accepts either shape.
 */
type Node =
  | { readonly kind: 'atom'; readonly source: string }
  | { readonly kind: 'assertion' }
  | { readonly kind: 'group'; readonly alternatives: readonly Node[][]; readonly lookaround: boolean }
  | { readonly kind: 'repeat'; readonly node: Node; readonly min: number; readonly max: number };

export type RegexVerdict =
  | { readonly safe: true }
  | { readonly safe: false; readonly reason: 'invalid'; readonly detail: string }
  | { readonly safe: false; readonly reason: 'nested-quantifier' | 'overlapping-alternation' };

export const checkRegex = (pattern: string): RegexVerdict => {
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return { safe: false, reason: 'invalid', detail: error instanceof Error ? error.message : String(error) };
  }
  const tree = new Parser(pattern).parse();
  const problem = inspect(tree);
  return problem === undefined ? { safe: true } : { safe: false, reason: problem };
};

class Parser {
  private index = 0;
  constructor(private readonly text: string) {}

  parse(): Node {
    return this.alternation(false);
  }

  private alternation(lookaround: boolean): Node {
    const alternatives: Node[][] = [this.sequence()];
    while (this.text[this.index] === '|') {
      this.index++;
      alternatives.push(this.sequence());
    }
    return { kind: 'group', alternatives, lookaround };
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.index < this.text.length && this.text[this.index] !== '|' && this.text[this.index] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return items;
  }

  private atom(): Node {
    const start = this.index;
    const char = this.text[this.index++] as string;
    if (char === '(') {
      let lookaround = false;
      if (this.text[this.index] === '?') {
        const head = this.text.slice(this.index, this.index + 3);
        lookaround = /^\?(=|!|<=|<!)/.test(head);
        const named = /^\?<[A-Za-z_$]/.test(head);
        if (named) this.index = this.text.indexOf('>', this.index) + 1;
        else this.index += head.startsWith('?<') ? 3 : 2;
      }
      const group = this.alternation(lookaround);
      this.index++; // ')'
      return group;
    }
    if (char === '[') {
      while (this.index < this.text.length && this.text[this.index] !== ']') {
        this.index += this.text[this.index] === '\\' ? 2 : 1;
      }
      this.index++;
      return { kind: 'atom', source: this.text.slice(start, this.index) };
    }
    if (char === '^' || char === '$') return { kind: 'assertion' };
    if (char === '\\') return this.escape(start);
    const codePoint = this.text.codePointAt(start) ?? 0;
    this.index = start + (codePoint > 0xffff ? 2 : 1);
    return { kind: 'atom', source: this.text.slice(start, this.index) };
  }

  private escape(start: number): Node {
    const next = this.text[this.index++] ?? '';
    if (next === 'b' || next === 'B') return { kind: 'assertion' };
    if (/[1-9]/.test(next)) {
      while (/[0-9]/.test(this.text[this.index] ?? '')) this.index++;
      return { kind: 'atom', source: '[^]' };
    }
    const braced = /^[pPk]$/.test(next) || (next === 'u' && this.text[this.index] === '{');
    if (braced) this.index = Math.max(this.index, this.text.indexOf(next === 'k' ? '>' : '}', this.index) + 1);
    else if (next === 'u') this.index += 4;
    else if (next === 'x') this.index += 2;
    else if (next === 'c') this.index += 1;
    return { kind: 'atom', source: next === 'k' ? '[^]' : this.text.slice(start, this.index) };
  }

  private quantified(node: Node): Node {
    const rest = this.text.slice(this.index);
    const match = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (match === null) return node;
    this.index += match[0].length;
    const symbol = match[1];
    if (symbol === '*') return { kind: 'repeat', node, min: 0, max: Infinity };
    if (symbol === '+') return { kind: 'repeat', node, min: 1, max: Infinity };
    if (symbol === '?') return { kind: 'repeat', node, min: 0, max: 1 };
    const min = Number(match[2]);
    const max = match[3] === undefined ? min : match[4] === '' ? Infinity : Number(match[4]);
    return { kind: 'repeat', node, min, max };
  }
}

/** A repetition that can match the same text in more than one way: its count varies and exceeds one. */
const isVarying = (node: Node): boolean => node.kind === 'repeat' && node.max > 1 && node.min !== node.max;
type Problem = 'nested-quantifier' | 'overlapping-alternation';

const inspect = (node: Node): Problem | undefined => {
  if (node.kind === 'repeat') {
    if (node.max > 1) {
      if (isVarying(node) && hasOverlappingAlternatives(node.node)) return 'overlapping-alternation';
      if (ambiguousInside(node.node, firstAtoms([node.node]))) return 'nested-quantifier';
    }
    return inspect(node.node);
  }
  if (node.kind === 'group') {
    for (const alternative of node.alternatives) {
      for (const item of alternative) {
        const problem = inspect(item);
        if (problem !== undefined) return problem;
      }
    }
  }
  return undefined;
};

/**
 * Inside a repeated body, a varying repetition is ambiguous when it can also match how the next
 * iteration starts (`(a+)+`, `(.*a){12}`), or when it sits right after another varying repetition
 * that matches the same characters (`(x\d+\d+)+`). `(\.[\w-]+)+` is safe: each iteration starts with '.'.
 */
const ambiguousInside = (node: Node, iterationStart: readonly string[]): boolean => {
  if (node.kind === 'repeat') {
    if (isVarying(node) && overlaps(allAtoms(node), iterationStart)) return true;
    return ambiguousInside(node.node, iterationStart);
  }
  if (node.kind !== 'group') return false;
  return node.alternatives.some((sequence) =>
    sequence.some((item, index) => {
      const previous = sequence[index - 1];
      if (previous !== undefined && isVarying(previous) && isVarying(item) && overlaps(allAtoms(previous), allAtoms(item))) {
        return true;
      }
      return ambiguousInside(item, iterationStart);
    }),
  );
};

const allAtoms = (node: Node): string[] => {
  if (node.kind === 'atom') return [node.source];
  if (node.kind === 'repeat') return allAtoms(node.node);
  if (node.kind === 'group') return node.alternatives.flatMap((sequence) => sequence.flatMap(allAtoms));
  return [];
};

const hasOverlappingAlternatives = (node: Node): boolean => {
  if (node.kind !== 'group' || node.alternatives.length < 2) return false;
  const starts = node.alternatives.map((alternative) => firstAtoms(alternative));
  for (let i = 0; i < starts.length; i++) {
    for (let j = i + 1; j < starts.length; j++) {
      if (overlaps(starts[i] as string[], starts[j] as string[])) return true;
    }
  }
  return false;
};

/** Sources of the atoms a sequence can start with ('[^]' when it can match empty: it overlaps anything). */
const firstAtoms = (sequence: readonly Node[]): string[] => {
  const atoms: string[] = [];
  for (const node of sequence) {
    const { sources, canBeEmpty } = starts(node);
    atoms.push(...sources);
    if (!canBeEmpty) return atoms;
  }
  atoms.push('[^]');
  return atoms;
};

const starts = (node: Node): { sources: string[]; canBeEmpty: boolean } => {
  switch (node.kind) {
    case 'atom':
      return { sources: [node.source], canBeEmpty: false };
    case 'assertion':
      return { sources: [], canBeEmpty: true };
    case 'repeat': {
      const inner = starts(node.node);
      return { sources: inner.sources, canBeEmpty: inner.canBeEmpty || node.min === 0 };
    }
    case 'group': {
      if (node.lookaround) return { sources: [], canBeEmpty: true };
      const sources: string[] = [];
      let canBeEmpty = false;
      for (const alternative of node.alternatives) {
        const first = firstAtoms(alternative);
        if (first.includes('[^]') && first.length > 0 && first[first.length - 1] === '[^]') {
          canBeEmpty = true;
          sources.push(...first.slice(0, -1));
        } else sources.push(...first);
      }
      return { sources, canBeEmpty };
    }
  }
};

// Characters that stand for every class an atom can name: ASCII, whitespace, Latin, CJK, emoji.
const SAMPLE = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '\t', '\n', '\r', '\u00a0', '\u3000', 'é', 'ß', 'Ж', '中', '文', '，', '。', '１', 'Ａ', '😀',
];
const matcherCache = new Map<string, RegExp | null>();

const matcher = (source: string): RegExp | null => {
  let regex = matcherCache.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${source})$`, 'u');
    } catch {
      regex = null;
    }
    matcherCache.set(source, regex);
  }
  return regex;
};

const overlaps = (left: readonly string[], right: readonly string[]): boolean =>
  left.some((a) =>
    right.some((b) => {
      const ra = matcher(a);
      const rb = matcher(b);
      if (ra === null || rb === null) return true;
      return SAMPLE.some((char) => ra.test(char) && rb.test(char));
    }),
  );
