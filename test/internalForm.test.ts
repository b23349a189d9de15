import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError } from '../src/index';
import { internalFormOf } from '../src/form/internal';
import { runPass } from '../src/validate/runPass';
import { FIELD_KINDS, FIELD_TYPES } from '../src/fields/registry';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { choice, defineForm } from './helpers';

const form = compileForm(defineForm([
  { id: 'total', type: 'computed', label: 'Total', expression: { '*': [{ var: 'count' }, 2] } },
  choice('kind', ['enterprise', 'individual'], { default: 'enterprise' }),
  { id: 'company', type: 'text', label: { 'zh-CN': '公司', en: 'Company' }, required: { '==': [{ var: 'kind' }, 'enterprise'] }, pii: 'name' },
  { id: 'count', type: 'number', label: 'Count', default: 1 },
  { id: 'services', type: 'group', label: 'Services', fields: [
    choice('kind', ['repair', 'install']),
    { id: 'note', type: 'text', label: 'Note', visibleIf: { '==': [{ var: '$row.kind' }, 'repair'] } },
  ] },
], {
  rules: [{ id: 'enough', path: 'count', assert: { '>': [{ var: 'count' }, 0] } }],
  tags: [{ id: 'big', when: { '>': [{ var: 'total' }, 10] } }],
  workflows: { review: { initial: 'submitted', states: { submitted: {}, approved: { final: true } }, transitions: [
    { event: 'approve', from: 'submitted', to: 'approved', requires: ['company'], when: { '==': [{ var: 'kind' }, 'enterprise'] } },
  ] } },
  masking: { policies: { export: { company: 'name' } } },
}));
const internal = internalFormOf(form);

describe('the internal form: one typed, frozen model every stage reads', () => {
  it('keeps fields in definition order and in evaluation order, with row fields keyed by their group', () => {
    expect(internal.fields.map((field) => field.key)).toEqual(['total', 'kind', 'company', 'count', 'services']);
    expect(internal.evaluationOrder.map((field) => field.key).indexOf('total')).toBeGreaterThan(internal.evaluationOrder.map((field) => field.key).indexOf('count'));
    expect(internal.allFields.map((field) => field.key)).toEqual(['total', 'kind', 'company', 'count', 'services', 'services.kind', 'services.note']);
    expect(internal.fieldsByKey.get('services.kind')?.group?.key).toBe('services');
  });

  it('holds per field what later stages need: kind, labels, options with labels, pii, access, default, definition path, mask', () => {
    const company = internal.fieldsByKey.get('company');
    expect(company).toMatchObject({ type: 'text', pii: 'name', mask: 'name', defPath: 'sections.0.fields.2', label: { 'zh-CN': '公司', en: 'Company' } });
    expect(company?.kind).toBe(FIELD_KINDS.text);
    expect(internal.fieldsByKey.get('kind')?.options?.all.get('enterprise')?.label).toBe('ENTERPRISE');
    expect(internal.fieldsByKey.get('kind')?.defaultValue).toEqual({ value: 'enterprise' });
    expect(internal.fieldsByKey.get('count')?.defaultValue).toEqual({ value: 1 });
    expect(internal.fieldsByKey.get('company')?.defaultValue).toBeUndefined();
  });

  it('indexes, for each field, every field, rule, tag and workflow condition that reads it', () => {
    expect(internal.dependents.get('kind')).toEqual(expect.arrayContaining([
      { kind: 'field', key: 'company', via: 'required' },
      { kind: 'workflow', workflow: 'review', transition: 0, via: 'when' },
    ]));
    expect(internal.dependents.get('count')).toEqual(expect.arrayContaining([
      { kind: 'field', key: 'total', via: 'expression' },
      { kind: 'rule', id: 'enough', index: 0 },
    ]));
    expect(internal.dependents.get('total')).toEqual([{ kind: 'tag', id: 'big' }]);
    expect(internal.dependents.get('company')).toEqual([{ kind: 'workflow', workflow: 'review', transition: 0, via: 'requires' }]);
    expect(internal.dependents.get('services.kind')).toEqual([{ kind: 'field', key: 'services.note', via: 'visibleIf' }]);
  });

  it('compiles workflows, masking and drafts once', () => {
    const review = internal.workflows.get('review');
    expect(review?.initial).toBe('submitted');
    expect(review?.transitions[0]?.requires.map((field) => field.key)).toEqual(['company']);
    expect(internal.masking.policies.get('export')?.get('company')).toBe('name');
    expect(internal.drafts.ttl).toMatchObject({ days: 7 });
  });

  it('is frozen, and the public form reaches it only through a non-enumerable member', () => {
    expect(Object.isFrozen(internal)).toBe(true);
    expect(Object.isFrozen(internal.fields)).toBe(true);
    expect(Object.isFrozen(internal.fields[0])).toBe(true);
    expect(Object.keys(form)).not.toContain('~internal');
    expect(JSON.stringify(form)).not.toContain('evaluationOrder');
    expect(() => internalFormOf({})).toThrow(FormUsageError);
  });

  it('one pass returns what later stages need: the evaluated scope and the tags', () => {
    const result = runPass(internal, { kind: 'enterprise', count: 6, company: 'ACME' }, {
      mode: 'submit', role: undefined, locale: 'en', now: new Date('2026-11-23T00:00:00Z'), timeZone: 'UTC', previous: undefined, states: true, tags: true,
    });
    expect(result.tags).toEqual(['big']);
    expect(result.scope).toMatchObject({ kind: 'enterprise', total: 12, company: 'ACME', $today: '2026-11-23' });
    expect(result.states?.company).toEqual({ visible: true, required: true, readonly: false });
  });
});

describe('the field registry', () => {
  it('has one unit per field type, each with every part a later stage needs', () => {
    expect([...FIELD_TYPES].sort()).toEqual(['autoId', 'boolean', 'cascader', 'computed', 'date', 'datetime', 'file', 'group', 'month', 'multiselect', 'number', 'radio', 'rating', 'select', 'text', 'textarea']);
    for (const type of FIELD_TYPES) {
      const kind = FIELD_KINDS[type];
      expect(kind.summary.length).toBeGreaterThan(10);
      expect(typeof kind.values).toBe('function');
      expect(typeof kind.cellText).toBe('function');
      expect(typeof kind.tsType).toBe('function');
      expect(typeof kind.defaultMask).toBe('function');
    }
  });

  it("each unit's example is an answer its own field accepts", () => {
    for (const type of FIELD_TYPES) {
      if (type === 'computed' || type === 'autoId') continue;
      const field: Record<string, unknown> = { id: 'x', type, label: 'X' };
      if (FIELD_KINDS[type].hasOptions) {
        const example = FIELD_KINDS[type].example;
        const values = (Array.isArray(example) ? example : [example]) as string[];
        field.options = type === 'cascader'
          ? [{ value: 'gd', label: '广东', children: [{ value: 'sz', label: '深圳', children: [{ value: 'ns', label: '南山' }] }] }]
          : values.map((value) => ({ value, label: value }));
      }
      if (type === 'group') field.fields = [{ id: 'feedbackTime', type: 'datetime', label: 'T' }, { id: 'solution', type: 'text', label: 'S' }];
      const unit = compileForm(defineForm([field]));
      expect(unit.validate({ x: FIELD_KINDS[type].example }).errors).toEqual([]);
    }
  });
});

describe('defaults', () => {
  it('are checked when the form is compiled, for every example form', () => {
    for (const { definition } of loadExampleDefinitions()) expect(() => compileForm(definition)).not.toThrow();
  });
});
