import { describe, expect, it } from 'vitest';
import { compileForm, DEFINITION_ISSUE_CODES, formatIssue, FormDefinitionError, type DefinitionIssue } from '../src/index';
import { choice, defineForm, issuesOf } from './helpers';

/** The one issue a definition has; fails the test when it has none or several. */
const onlyIssue = (definition: unknown): DefinitionIssue => {
  const issues = issuesOf(definition);
  expect(issues).toHaveLength(1);
  return issues[0] as DefinitionIssue;
};

const text = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id, type: 'text', label: id, ...extra });

describe('every definition issue code has a located, coded, explained issue', () => {
  const seen = new Set<string>();
  const expectIssue = (issue: DefinitionIssue, code: string, path: string, params: Record<string, unknown> = {}): void => {
    expect(issue).toMatchObject({ code, path, params });
    expect(issue.message.length).toBeGreaterThan(0);
    for (const locale of ['en', 'zh-CN', 'zh-TW']) expect(formatIssue(issue, locale)).not.toMatch(/\{\w+\}/);
    seen.add(code);
  };

  it('schema: a misspelt key, a missing key, a wrong type, an unknown field type with its alias', () => {
    const issues = issuesOf(defineForm([text('a', { lable: 'x' }), { id: 'b', type: 'star', label: 'Stars' }, { id: 'c', type: 'number', label: 'C', min: '1' }]));
    expectIssue(issues[0] as DefinitionIssue, 'schema', 'sections.0.fields.0.lable', { name: 'lable', suggestion: 'label' });
    expect(issues.find((issue) => issue.path === 'sections.0.fields.1.type')).toMatchObject({ reason: 'enum', params: { suggestion: 'rating' } });
    expect(issues.find((issue) => issue.path === 'sections.0.fields.2.min')).toMatchObject({ reason: 'type', params: { expected: 'number' } });
  });

  it('duplicate-id: two top-level fields, or two fields of one group row', () => {
    expectIssue(onlyIssue(defineForm([text('a'), text('a')])), 'duplicate-id', 'sections.0.fields.1.id', { name: 'a', first: 'sections.0.fields.0.id' });
  });

  it('reserved-id: prototype names, including Object.prototype members, as ids and keys', () => {
    expectIssue(onlyIssue(defineForm([text('hasOwnProperty')])), 'reserved-id', 'sections.0.fields.0.id', { name: 'hasOwnProperty' });
    expect(onlyIssue(defineForm([text('a')], { export: { filename: '{field:constructor}' } }))).toMatchObject({ code: 'reserved-id', path: 'export.filename' });
    expect(onlyIssue(defineForm([text('a', { visibleIf: { toString: [1] } })]))).toMatchObject({ code: 'reserved-id', path: 'sections.0.fields.0.visibleIf.toString' });
  });

  it('unknown-field: a misspelt variable, also inside missing, missing_some, some over merge and reduce', () => {
    expectIssue(onlyIssue(defineForm([text('phone'), text('b', { visibleIf: { var: 'phnoe' } })])), 'unknown-field', 'sections.0.fields.1.visibleIf.var', { name: 'phnoe', suggestion: 'phone' });
    const rows = { id: 'services', type: 'group', label: 'S', fields: [text('urgency')] };
    const issues = issuesOf(defineForm([text('phone'), rows, text('b', { visibleIf: { and: [
      { '!': { missing: ['phnoe'] } },
      { missing_some: [1, ['phone', 'emial']] },
      { some: [{ merge: [{ var: 'services' }, { var: 'services' }] }, { '==': [{ var: 'urgnecy' }, 'high'] }] },
      { reduce: [{ var: 'services' }, { '+': [{ var: 'accumulator' }, { var: 'current.urgncy' }] }, 0] },
    ] } })]));
    expect(issues.map((issue) => [issue.path, issue.params.suggestion])).toEqual([
      ['sections.0.fields.2.visibleIf.and.0.!.missing.0', 'phone'],
      ['sections.0.fields.2.visibleIf.and.1.missing_some.1.1', undefined],
      ['sections.0.fields.2.visibleIf.and.2.some.1.==.0.var', 'urgency'],
      ['sections.0.fields.2.visibleIf.and.3.reduce.1.+.1.var', 'urgency'],
    ]);
  });

  it('missing makes a dependency: a field shown when another is missing is ordered after it', () => {
    const form = compileForm(defineForm([text('reason', { visibleIf: { '!': { missing: ['b'] } } }), text('b')]));
    expect(form.evaluate({ b: 'x' }).fields.reason?.visible).toBe(true);
    expect(form.evaluate({}).fields.reason?.visible).toBe(false);
  });

  it('unknown-operator: outside the allow-list with its alias, and an object that is not an operation', () => {
    expectIssue(onlyIssue(defineForm([text('a'), text('b', { visibleIf: { gte: [{ var: 'a' }, 1] } })])), 'unknown-operator', 'sections.0.fields.1.visibleIf.gte', { name: 'gte', suggestion: '>=' });
    const notOperation = onlyIssue(defineForm([text('a'), text('b', { visibleIf: { '==': [{ var: 'a' }, 'x'], '!=': [1, 2] } })]));
    expect(notOperation).toMatchObject({ code: 'unknown-operator', reason: 'not-operation', path: 'sections.0.fields.1.visibleIf' });
  });

  it('bad-arity: an operator with the wrong number of arguments', () => {
    expectIssue(onlyIssue(defineForm([text('a'), text('b', { visibleIf: { '==': [{ var: 'a' }] } })])), 'bad-arity', 'sections.0.fields.1.visibleIf.==', { name: '==', expected: '2', actual: 1 });
  });

  it('dynamic-var: a variable whose name is computed', () => {
    expectIssue(onlyIssue(defineForm([text('a'), text('b', { visibleIf: { var: { cat: ['a', ''] } } })])), 'dynamic-var', 'sections.0.fields.1.visibleIf.var');
  });

  it('cycle: visibility that depends on itself through another field', () => {
    expectIssue(issuesOf(defineForm([text('a', { visibleIf: { var: 'b' } }), text('b', { required: { var: 'a' } })]))[0] as DefinitionIssue, 'cycle', 'sections.0.fields.0.visibleIf.var', { chain: 'a → b → a' });
  });

  it('unknown-option and type-mismatch: comparisons with values the field cannot hold', () => {
    expectIssue(onlyIssue(defineForm([choice('kind', ['enterprise']), text('b', { visibleIf: { '==': [{ var: 'kind' }, 'enterprize'] } })])), 'unknown-option', 'sections.0.fields.1.visibleIf', { value: 'enterprize', suggestion: 'enterprise' });
    expectIssue(onlyIssue(defineForm([{ id: 'n', type: 'number', label: 'N' }, text('b', { visibleIf: { '>': [{ var: 'n' }, '5'] } })])), 'type-mismatch', 'sections.0.fields.1.visibleIf', { field: 'n', fieldType: 'number' });
  });

  it('bad-pattern: does not compile, needs backtracking, too large, or an unknown template token', () => {
    expectIssue(onlyIssue(defineForm([text('a', { pattern: '(' })])), 'bad-pattern', 'sections.0.fields.0.pattern');
    expect(onlyIssue(defineForm([text('a', { pattern: '(a)\\1' })]))).toMatchObject({ reason: 'unsupported' });
    expect(onlyIssue(defineForm([{ id: 'no', type: 'autoId', label: 'No', pattern: 'YQ{yyyyMMdd}{counter}' }]))).toMatchObject({ reason: 'token', params: { name: 'counter' } });
  });

  it('unknown-role, unknown-state, unknown-option-set, unknown-format (with the name authors meant), bad-duration', () => {
    expectIssue(onlyIssue(defineForm([text('a', { access: { write: ['clerc'] } })])), 'unknown-role', 'sections.0.fields.0.access.write.0', { name: 'clerc', suggestion: 'clerk' });
    expectIssue(onlyIssue(defineForm([text('a')], { workflows: { review: { initial: 'drafted', states: { draft: {} }, transitions: [] } } })), 'unknown-state', 'workflows.review.initial', { suggestion: 'draft' });
    expectIssue(onlyIssue(defineForm([{ id: 'a', type: 'select', label: 'A', optionsRef: 'industy' }], { optionSets: { industry: [{ value: 'x', label: 'X' }] } })), 'unknown-option-set', 'sections.0.fields.0.optionsRef', { suggestion: 'industry' });
    expectIssue(onlyIssue(defineForm([text('a', { format: 'cn-phone' })])), 'unknown-format', 'sections.0.fields.0.format', { suggestion: 'cn-mobile' });
    expectIssue(onlyIssue(defineForm([text('a')], { drafts: { ttl: '7 days' } })), 'bad-duration', 'drafts.ttl', { name: '7 days' });
  });

  it('bad-default: a default the field itself would refuse, or one for a derived field', () => {
    expectIssue(onlyIssue(defineForm([text('phone', { format: 'cn-mobile', default: '123' })])), 'bad-default', 'sections.0.fields.0.default', { problem: 'format' });
    expect(onlyIssue(defineForm([{ id: 't', type: 'computed', label: 'T', expression: 1, default: 2 }]))).toMatchObject({ code: 'bad-default', params: { problem: 'derived' } });
  });

  it('unknown-template, unknown-policy, bad-placeholder: notifications that could not be rendered', () => {
    const workflows = { review: { initial: 'a', states: { a: {}, b: {} }, transitions: [{ event: 'go', from: 'a', to: 'b', effects: [{ notify: 'sent', to: 'm' }] }] } };
    const base = { masking: { policies: { notify: { m: 'phone' } } }, workflows };
    expectIssue(onlyIssue(defineForm([text('m')], { ...base, notifications: { templates: { send: 'ok' } } })), 'unknown-template', 'workflows.review.transitions.0.effects.0.notify', { name: 'sent', suggestion: 'send' });
    expectIssue(onlyIssue(defineForm([text('m')], { ...base, notifications: { templates: { sent: 'ok' }, policy: 'notfy' } })), 'unknown-policy', 'notifications.policy', { name: 'notfy', suggestion: 'notify' });
    expectIssue(onlyIssue(defineForm([text('m')], { ...base, notifications: { templates: { sent: 'Hi {name}' } } })), 'bad-placeholder', 'notifications.templates.sent', { name: 'name' });
  });

  it('forbidden-data: a field that would collect what the form forbids, by its pii or its format', () => {
    expectIssue(onlyIssue(defineForm([text('idNo', { pii: 'id-card' })], { forbid: ['id-card'] })), 'forbidden-data', 'sections.0.fields.0.pii', { field: 'idNo', kind: 'id-card' });
    expect(onlyIssue(defineForm([text('m', { format: 'cn-mobile' })], { forbid: ['phone'] }))).toMatchObject({ code: 'forbidden-data', params: { kind: 'phone' } });
  });

  it('no-resolver, unknown-base, extends-cycle, removed-field-referenced: a variant and its base', () => {
    const base = defineForm([text('phone'), text('note', { visibleIf: { '!!': { var: 'phone' } } })]);
    const variant = { id: 'test-variant', version: 1, extends: { id: 'test-form', version: 1 } };
    const resolve = (ref: { id: string }): unknown => (ref.id === 'test-form' ? base : undefined);
    const issueOf = (definition: unknown, options: Record<string, unknown>): DefinitionIssue => {
      try {
        compileForm(definition, options);
      } catch (error) {
        if (error instanceof FormDefinitionError && error.issues.length === 1) return error.issues[0] as DefinitionIssue;
        throw error;
      }
      throw new Error('expected one issue');
    };
    expectIssue(issueOf(variant, {}), 'no-resolver', 'extends', { id: 'test-form', version: 1 });
    expectIssue(issueOf({ ...variant, extends: { id: 'other', version: 1 } }, { resolve }), 'unknown-base', 'extends', { id: 'other', version: 1 });
    expectIssue(issueOf({ ...variant, extends: { id: 'test-variant', version: 1 } }, { resolve }), 'extends-cycle', 'extends', { chain: 'test-variant v1 → test-variant v1' });
    expectIssue(issueOf({ ...variant, remove: ['phone'] }, { resolve }), 'removed-field-referenced', 'remove.0', { name: 'phone', base: 'test-form v1', basePath: 'sections.0.fields.1.visibleIf.!!.var' });
  });

  it('unknown-workflow: changeRequests naming a workflow the definition does not have', () => {
    const workflows = { review: { initial: 'open', states: { open: {}, done: {} }, transitions: [{ event: 'accept', from: 'open', to: 'done' }] } };
    expectIssue(onlyIssue(defineForm([text('a')], { workflows, changeRequests: { workflow: 'reveiw', apply: 'done' } })), 'unknown-workflow', 'changeRequests.workflow', { name: 'reveiw', suggestion: 'review' });
  });

  it('covers every code', () => {
    expect([...seen].sort()).toEqual([...DEFINITION_ISSUE_CODES].sort());
  });
});

describe('definitions that would crash a naive compiler', () => {
  it('refuses JSON Logic nested thousands of levels deep with a FormDefinitionError, not a RangeError', () => {
    let logic: unknown = { var: 'a' };
    for (let i = 0; i < 20_000; i++) logic = { '!': logic };
    const issues = issuesOf(defineForm([text('a'), text('b', { visibleIf: logic })]));
    expect(issues[0]).toMatchObject({ code: 'schema', reason: 'too-deep' });
  });

  it('refuses what is not JSON: functions, class instances, cycles, getters — without calling the getter', () => {
    const cyclic: Record<string, unknown> = { id: 'a', type: 'text', label: 'A' };
    cyclic.self = cyclic;
    let called = false;
    const getter = Object.defineProperty({ id: 'g', type: 'text' }, 'label', { enumerable: true, get: () => { called = true; return 'G'; } });
    const issues = issuesOf(defineForm([cyclic, { id: 'f', type: 'text', label: () => 'x' }, { id: 'd', type: 'text', label: new Date(0) }, getter]));
    expect(issues.map((issue) => [issue.path, issue.reason])).toEqual([
      ['sections.0.fields.0.self', 'bad-value'], ['sections.0.fields.1.label', 'bad-value'],
      ['sections.0.fields.2.label', 'bad-value'], ['sections.0.fields.3.label', 'bad-value'],
    ]);
    expect(called).toBe(false);
  });

  it('accepts a definition that shares one options array between fields (TypeScript authors do)', () => {
    const options = [{ value: 'a', label: 'A' }];
    const form = compileForm(defineForm([{ id: 'x', type: 'select', label: 'X', options }, { id: 'y', type: 'radio', label: 'Y', options }]));
    expect(form.validate({ x: 'a', y: 'a' }).valid).toBe(true);
  });

  it('reports ten thousand broken fields at once, in one linear pass', () => {
    // No timing assertion: a quadratic check would exceed the test timeout on its own.
    const fields = Array.from({ length: 10_000 }, (_, i) => text(`f${i}`, { minLength: 5, maxLength: 1, visibleIf: { var: `g${i}` } }));
    const issues = issuesOf(defineForm(fields));
    expect(issues.length).toBe(20_000);
  });

  it('suggests among thousands of long option values without quadratic work', () => {
    const options = Array.from({ length: 2000 }, (_, i) => ({ value: `${'x'.repeat(2000)}${i}`, label: String(i) }));
    const issues = issuesOf(defineForm([{ id: 'kind', type: 'select', label: 'K', options }, text('b', { visibleIf: { '==': [{ var: 'kind' }, `${'x'.repeat(2000)}y7`] } })]));
    expect(issues[0]).toMatchObject({ code: 'unknown-option' });
  });

  it('throws FormDefinitionError, never a TypeError, for a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => compileForm(proxy)).toThrow(FormDefinitionError);
    expect(() => compileForm(defineForm([text('a', { label: proxy })]))).toThrow(FormDefinitionError);
  });
});
