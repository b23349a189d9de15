import { describe, expect, it } from 'vitest';
import { closest, type SuggestBudget } from '../src/core/suggest';
import { compileForm, FormDefinitionError, FormUsageError, MemoryDraftStore, type DefinitionIssue } from '../src/index';
import { compilePattern } from '../src/pattern';
import { defineForm, issuesOf } from './helpers';

const usageError = (run: () => unknown): FormUsageError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormUsageError);
    return error as FormUsageError;
  }
  throw new Error('expected a FormUsageError');
};

const textarea = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id: 't', type: 'textarea', label: 'T', ...extra });
const only = (definition: unknown): DefinitionIssue => {
  const issues = issuesOf(definition);
  expect(issues).toHaveLength(1);
  return issues[0] as DefinitionIssue;
};

describe('"did you mean" costs near-linear work in total', () => {
  const selectWithConditions = (n: number, pad: number, typo: string): Record<string, unknown> => {
    const value = (i: number): string => `${'x'.repeat(pad)}${String(i).padStart(5, '0')}`;
    return defineForm([
      { id: 'sel', type: 'select', label: 'S', options: Array.from({ length: n }, (_, i) => ({ value: value(i), label: 'L' })) },
      ...Array.from({ length: n }, (_, i) => ({ id: `f${i}`, type: 'text', label: 'F', visibleIf: { '==': [{ var: 'sel' }, value(i) + typo] } })),
    ]);
  };

  it('thousands of misspelt long values against thousands of options', () => {
    // No timing assertion: this took 100 s before suggestions had a total budget; the test timeout catches a regression.
    const issues = issuesOf(selectWithConditions(1400, 200, 'zz'));
    expect(issues).toHaveLength(1400);
    expect(issues.every((issue) => issue.code === 'unknown-option')).toBe(true);
    // The first ones still come with a suggestion; later ones may not, once the budget is spent.
    expect(issues[0]?.params.suggestion).toBe(`${'x'.repeat(200)}00000`);
  });

  it('a search stops at its share of the budget, and the shared budget runs out', () => {
    const candidates = Array.from({ length: 10_000 }, (_, i) => `${'y'.repeat(2000)}${i}`);
    const budget: SuggestBudget = { remaining: 1_000_000 };
    closest(`${'y'.repeat(2000)}zz`, candidates, budget);
    expect(budget.remaining).toBeLessThanOrEqual(0);
    expect(closest('visibelIf', ['visibleIf'], budget)).toBeUndefined();
    expect(closest('visibelIf', ['visibleIf'], { remaining: 1000 })).toBe('visibleIf');
  });

  it('still finds the closest candidate, transpositions and case included', () => {
    expect(closest('feedbackKind', ['feedbackType', 'kind'])).toBe('feedbackType');
    expect(closest('satisfication', ['satisfaction', 'suggestion', 'complaint'])).toBe('satisfaction');
    expect(closest('lable', ['label', 'labels'])).toBe('label');
    expect(closest('TEXTAREA', ['text', 'textarea'])).toBe('textarea');
    expect(closest('qwerty', ['label', 'text'])).toBeUndefined();
  });
});

describe('pattern checks cost a bounded amount of work per validate', () => {
  it('refuses a program over 1,000 instructions, with the reason', () => {
    const issue = only(defineForm([textarea({ pattern: '[\\s\\S]{0,2000}b' })]));
    expect(issue).toMatchObject({ code: 'bad-pattern', reason: 'too-large', path: 'sections.0.fields.0.pattern' });
  });

  it('refuses a pattern whose size times the longest text is over the limit, naming both', () => {
    // 1,000 instructions × 10,000 characters (the textarea default) is exactly the limit.
    expect(() => compileForm(defineForm([textarea({ pattern: '[\\s\\S]{0,499}b' })]))).not.toThrow();
    const issue = only(defineForm([textarea({ pattern: '[\\s\\S]{0,499}b', maxLength: 20_000 })]));
    expect(issue).toMatchObject({
      code: 'bad-pattern', reason: 'too-costly', path: 'sections.0.fields.0.pattern',
      params: { cost: 20_000_000, limit: 10_000_000, maxLength: 20_000 },
    });
  });

  it('accepts real-world patterns, anchored ones on texts of any allowed length', () => {
    const patterns = [
      '^\\d{17}[\\dXx]$', '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', '^1[3-9]\\d{9}$', '^\\d{6}$',
      '^[A-Z0-9]{18}$', '\\d{6,20}', '^[a-zA-Z0-9._%+-]{1,64}@[a-zA-Z0-9.-]{1,253}\\.[a-zA-Z]{2,63}$', '^[\\u4e00-\\u9fa5]{2,10}$',
    ];
    for (const pattern of patterns) {
      expect(() => compileForm(defineForm([{ id: 'a', type: 'text', label: 'A', pattern }, textarea({ pattern })]))).not.toThrow();
      if (pattern.startsWith('^')) expect(() => compileForm(defineForm([textarea({ pattern, maxLength: 1_000_000 })]))).not.toThrow();
    }
  });

  it('costs an anchored, bounded pattern its longest match, not the text', () => {
    const result = compilePattern('^\\d{6,20}$');
    if (!result.ok) throw new Error(result.detail);
    // ^, 6 + 2 × 14 for the digits, $, and the final match: 37 instructions over at most 20 code points.
    expect(result.matcher.cost(1_000_000)).toBe(37 * 20);
    expect(result.matcher.cost(10)).toBe(37 * 10);
    const unanchored = compilePattern('\\d{6,20}');
    if (!unanchored.ok) throw new Error(unanchored.detail);
    expect(unanchored.matcher.cost(1000)).toBe(35 * 1000);
  });

  it('caps maxLength at 1,000,000 in the schema', () => {
    expect(() => compileForm(defineForm([textarea({ maxLength: 1_000_000 })]))).not.toThrow();
    expect(only(defineForm([textarea({ maxLength: 1e12 })]))).toMatchObject({ code: 'schema', path: 'sections.0.fields.0.maxLength' });
    expect(only(defineForm([{ id: 'a', type: 'text', label: 'A', minLength: 1_000_001 }]))).toMatchObject({ code: 'schema', path: 'sections.0.fields.0.minLength' });
  });
});

describe('durations a definition gives stay within what a Date can hold', () => {
  const withWorkflow = (deadline: string): Record<string, unknown> => defineForm([{ id: 'name', type: 'text', label: 'N' }], {
    workflows: { w: { initial: 'open', states: { open: { deadline }, done: { final: true } }, transitions: [{ event: 'close', from: 'open', to: 'done' }] } },
  });

  it('refuses a duration over 1000 years at compile time, saying why', () => {
    for (const [extra, path, name] of [
      [{ drafts: { ttl: 'P99999999Y' } }, 'drafts.ttl', 'P99999999Y'],
      [{ retention: { keep: 'P1001Y' } }, 'retention.keep', 'P1001Y'],
      [{ retention: { reconfirm: 'P12013M' } }, 'retention.reconfirm', 'P12013M'],
      [{ drafts: { ttl: `PT${'9'.repeat(400)}S` } }, 'drafts.ttl', `PT${'9'.repeat(400)}S`],
    ] as const) {
      expect(only(defineForm([{ id: 'a', type: 'text', label: 'A' }], extra))).toMatchObject({ code: 'bad-duration', reason: 'too-long', path, params: { name, max: 'P1000Y' } });
    }
    expect(only(withWorkflow('P300000Y'))).toMatchObject({ code: 'bad-duration', reason: 'too-long', path: 'workflows.w.states.open.deadline' });
  });

  it('accepts 1000 years, and then saving drafts and checking deadlines work', async () => {
    const form = compileForm(defineForm([{ id: 'name', type: 'text', label: 'N' }], { drafts: { ttl: 'P1000Y' } }));
    const saved = await form.createSession({ drafts: new MemoryDraftStore() }).saveDraft();
    expect(saved).toBeDefined();
    const flow = compileForm(withWorkflow('P1000Y'));
    const record = flow.createRecord({ name: 'x' }, { by: 'u' });
    expect(flow.workflow('w').overdue(record, new Date())).toBe(false);
  });
});

describe('compileForm options are checked like every call\'s options', () => {
  const definition = defineForm([{ id: 'a', type: 'text', label: 'A' }]);

  it('refuses a locale validate() would refuse', () => {
    for (const locale of ['x', '', 'zh CN', 5]) {
      expect(usageError(() => compileForm(definition, { locale } as never))).toMatchObject({ code: 'bad-option', option: 'locale' });
    }
    expect(compileForm(definition, { locale: 'zh-TW' }).validate({}, { locale: 'zh-TW' }).valid).toBe(true);
  });

  it('gives FormUsageError, never a TypeError, for hostile option objects', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = new Proxy({ locale: 'en' }, { get: () => { throw new Error('boom'); } });
    const getter = Object.defineProperty({}, 'locale', { enumerable: true, get: () => { throw new Error('boom'); } });
    const formats = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('boom'); } });
    for (const options of [proxy, throwing, getter, { calendar: proxy }, { formats }, { formats: proxy }, { lcoale: 'en' }, 'en']) {
      expect(usageError(() => compileForm(definition, options as never)).code).toBe('bad-option');
    }
    expect(usageError(() => compileForm(definition, { lcoale: 'en' } as never)).message).toMatch(/did you mean 'locale'/);
  });

  it('still reports definition mistakes as FormDefinitionError with valid options', () => {
    expect(() => compileForm({}, { locale: 'en', timeZone: 'Asia/Shanghai' })).toThrow(FormDefinitionError);
  });
});
