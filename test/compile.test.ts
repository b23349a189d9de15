import { describe, expect, it } from 'vitest';
import { compileForm, FormDefinitionError } from '../src/index';
import { choice, defineForm, issuesOf } from './helpers';

const feedbackType = choice('feedbackType', ['satisfaction', 'suggestion', 'complaint']);
const rating = { id: 'rating', type: 'rating', label: 'Rating', visibleIf: { '==': [{ var: 'feedbackType' }, 'satisfaction'] } };

describe('compileForm: bad input is a FormDefinitionError, never a TypeError', () => {
  it.each([null, undefined, [], 'form', 42, true])('rejects %j', (input) => {
    expect(() => compileForm(input)).toThrow(FormDefinitionError);
    expect(issuesOf(input)[0]).toMatchObject({ path: '', code: 'schema' });
  });

  it('names the missing id and sections', () => {
    const issues = issuesOf({ version: 1, title: 'x' });
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'id', code: 'schema' }),
      expect.objectContaining({ path: 'sections', code: 'schema' }),
    ]));
  });

  it('reports a misspelt property with a suggestion, at its path', () => {
    const issues = issuesOf(defineForm([{ id: 'a', type: 'text', label: 'A', visibelIf: true }]));
    expect(issues).toContainEqual({
      path: 'sections.0.fields.0.visibelIf', code: 'schema', reason: 'additional',
      message: "unknown property 'visibelIf' — did you mean 'visibleIf'?", params: { name: 'visibelIf', suggestion: 'visibleIf' },
    });
  });

  it('reports an unknown field type with the closest type', () => {
    const issues = issuesOf(defineForm([{ id: 'a', type: 'textare', label: 'A' }]));
    expect(issues[0]).toMatchObject({ path: 'sections.0.fields.0.type', code: 'schema' });
    expect(issues[0]?.message).toContain("did you mean 'textarea'?");
  });
});

describe('compileForm: static analysis', () => {
  it('suggests the field a condition meant', () => {
    const issues = issuesOf(defineForm([feedbackType, { ...rating, visibleIf: { '==': [{ var: 'feedbackKind' }, 'satisfaction'] } }]));
    expect(issues).toEqual([{
      path: 'sections.0.fields.1.visibleIf.==.0.var', code: 'unknown-field',
      message: "unknown field 'feedbackKind' — did you mean 'feedbackType'?",
      params: { name: 'feedbackKind', suggestion: 'feedbackType' },
    }]);
  });

  it('catches a misspelt option value and suggests the real one', () => {
    const issues = issuesOf(defineForm([feedbackType, { ...rating, visibleIf: { '==': [{ var: 'feedbackType' }, 'satisfication'] } }]));
    expect(issues).toEqual([{
      path: 'sections.0.fields.1.visibleIf', code: 'unknown-option',
      message: "'satisfication' is not an option of 'feedbackType' — did you mean 'satisfaction'?",
      params: { value: 'satisfication', field: 'feedbackType', suggestion: 'satisfaction' },
    }]);
  });

  it('suggests the value when the author compared with the label', () => {
    const issues = issuesOf(defineForm([feedbackType, { ...rating, visibleIf: { in: [{ var: 'feedbackType' }, ['SATISFACTION']] } }]));
    expect(issues[0]?.message).toContain("did you mean 'satisfaction'?");
  });

  it('rejects operators outside the allow-list, json-logic-js `method` included', () => {
    const issues = issuesOf(defineForm([feedbackType, {
      ...rating,
      visibleIf: { and: [{ method: [{ var: 'feedbackType' }, 'toUpperCase'] }, { gt: [1, 0] }, { log: 1 }] },
    }]));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown-operator', 'sections.0.fields.1.visibleIf.and.0.method'],
      ['unknown-operator', 'sections.0.fields.1.visibleIf.and.1.gt'],
      ['unknown-operator', 'sections.0.fields.1.visibleIf.and.2.log'],
    ]);
    expect(issues[1]?.message).toBe("unknown operator 'gt' — did you mean '>'?");
  });

  it('finds dependency cycles through visibility, required and computed fields', () => {
    const issues = issuesOf(defineForm([
      { id: 'a', type: 'text', label: 'A', visibleIf: { var: 'b' } },
      { id: 'b', type: 'text', label: 'B', required: { var: 'c' } },
      { id: 'c', type: 'computed', label: 'C', expression: { cat: [{ var: 'a' }] } },
    ]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'cycle', message: 'circular dependency: a → b → c → a' });
  });

  it('finds a field whose visibility depends on itself', () => {
    expect(issuesOf(defineForm([{ id: 'a', type: 'text', label: 'A', visibleIf: { '!': { var: 'a' } } }]))[0]?.code).toBe('cycle');
  });

  it('rejects patterns that do not compile or need backtracking, and accepts the rest (matched in linear time)', () => {
    const issues = issuesOf(defineForm([
      { id: 'a', type: 'text', label: 'A', pattern: '^(a+)+$' },
      { id: 'b', type: 'text', label: 'B', pattern: '^(\\w+)-\\1$' },
      { id: 'c', type: 'text', label: 'C', pattern: '[unclosed' },
      { id: 'd', type: 'text', label: 'D', pattern: '^(?=.*\\d)\\w+$' },
      { id: 'e', type: 'text', label: 'E', pattern: '^(a{1000}){1000}$' },
    ]));
    expect(issues.map((issue) => [issue.path, issue.code, issue.reason])).toEqual([
      ['sections.0.fields.1.pattern', 'bad-pattern', 'unsupported'],
      ['sections.0.fields.2.pattern', 'bad-pattern', 'invalid'],
      ['sections.0.fields.3.pattern', 'bad-pattern', 'unsupported'],
      ['sections.0.fields.4.pattern', 'bad-pattern', 'too-large'],
    ]);
  });

  it('rejects reserved names anywhere: ids, keys, variables, values parsed from JSON', () => {
    const definition = JSON.parse(`{
      "id": "f", "version": 1, "title": "t", "roles": ["constructor"],
      "sections": [{ "id": "s", "fields": [
        { "id": "constructor", "type": "text", "label": "x" },
        { "id": "b", "type": "text", "label": "b", "visibleIf": { "var": "__proto__" } },
        { "id": "c", "type": "text", "label": "c", "__proto__": { "polluted": true } }
      ] }]
    }`);
    const issues = issuesOf(definition);
    const reserved = issues.filter((issue) => issue.code === 'reserved-id').map((issue) => issue.path);
    expect(reserved).toEqual(expect.arrayContaining(['roles.0', 'sections.0.fields.0.id', 'sections.0.fields.2.__proto__']));
    expect(issues.some((issue) => issue.path.startsWith('sections.0.fields.1.visibleIf'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects duplicate ids at the top level and within a group; row ids are scoped to their group', () => {
    const issues = issuesOf(defineForm([
      { id: 'a', type: 'text', label: 'A' },
      { id: 'a', type: 'text', label: 'A again' },
      { id: 'rows', type: 'group', label: 'R', fields: [{ id: 'b', type: 'text', label: 'B' }, { id: 'b', type: 'text', label: 'B again' }] },
    ]));
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['sections.0.fields.1.id', 'duplicate-id'], ['sections.0.fields.2.fields.1.id', 'duplicate-id'],
    ]);
    const form = compileForm(defineForm([
      choice('kind', ['enterprise', 'individual']),
      { id: 'services', type: 'group', label: 'S', fields: [
        choice('kind', ['repair', 'install']),
        { id: 'note', type: 'text', label: 'N', required: { and: [{ '==': [{ var: '$row.kind' }, 'repair'] }, { '==': [{ var: 'kind' }, 'enterprise'] }] } },
      ] },
    ]));
    expect(form.validate({ kind: 'enterprise', services: [{ kind: 'repair' }, { kind: 'install' }] }).errors.map((error) => error.path)).toEqual(['services.0.note']);
  });

  it('checks $row: only inside a group, and only its fields', () => {
    const issues = issuesOf(defineForm([
      { id: 'top', type: 'text', label: 'T', visibleIf: { var: '$row.x' } },
      { id: 'rows', type: 'group', label: 'R', fields: [
        { id: 'kind', type: 'text', label: 'K' },
        { id: 'detail', type: 'text', label: 'D', visibleIf: { var: '$row.knid' } },
        { id: 'other', type: 'text', label: 'O', visibleIf: { var: 'kind' } },
      ] },
    ]));
    expect(issues.map((issue) => issue.message)).toEqual([
      "'$row.x' reads a group row, but this condition is not inside a repeating group",
      "repeating group 'rows' has no field 'knid' — did you mean 'kind'?",
      "unknown field 'kind' — did you mean '$row.kind'?",
    ]);
  });

  it('checks fields read inside some/all/none over a group, and element reads of plain lists', () => {
    const issues = issuesOf(defineForm([
      { id: 'services', type: 'group', label: 'S', fields: [{ id: 'urgency', type: 'text', label: 'U' }] },
      { id: 'sources', type: 'multiselect', label: 'Src', options: [{ value: 'expo', label: 'Expo' }] },
    ], { tags: [
      { id: 'urgent', when: { some: [{ var: 'services' }, { '==': [{ var: 'urgnecy' }, 'urgent'] }] } },
      { id: 'fair', when: { some: [{ var: 'sources' }, { '==': [{ var: 'value' }, 'expo'] }] } },
      { id: 'ok', when: { all: [{ var: 'services' }, { '!!': { var: 'urgency' } }] } },
    ] }));
    expect(issues.map((issue) => issue.message)).toEqual([
      "repeating group 'services' has no field 'urgnecy' — did you mean 'urgency'?",
      "'value' is read from elements of 'sources', which have no fields",
    ]);
  });

  it('checks roles, workflow states, option sets, formats and durations', () => {
    const issues = issuesOf(defineForm([
      { id: 'a', type: 'text', label: 'A', access: { write: ['admn'] }, format: 'cn-mobil' },
      { id: 'b', type: 'select', label: 'B', optionsRef: 'industy' },
    ], {
      optionSets: { industry: [{ value: 'x', label: 'X' }] },
      workflows: { review: { initial: 'draft', states: { draft: {}, done: { deadline: '24 hours' } }, transitions: [{ event: 'finish', from: 'drat', to: 'done', roles: ['clerk'] }] } },
      drafts: { ttl: '7 days' },
    }));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual(expect.arrayContaining([
      ['unknown-role', 'sections.0.fields.0.access.write.0'],
      ['unknown-format', 'sections.0.fields.0.format'],
      ['unknown-option-set', 'sections.0.fields.1.optionsRef'],
      ['unknown-state', 'workflows.review.transitions.0.from'],
      ['bad-duration', 'workflows.review.states.done.deadline'],
      ['bad-duration', 'drafts.ttl'],
    ]));
    expect(issues.find((issue) => issue.code === 'unknown-role')?.message).toContain("did you mean 'admin'?");
  });

  it('catches comparisons of a field with a value of the wrong type', () => {
    const issues = issuesOf(defineForm([
      { id: 'age', type: 'number', label: 'Age' },
      { id: 'agree', type: 'boolean', label: 'Agree' },
      choice('tags', ['a', 'b'], { type: 'multiselect' }),
      { id: 'x', type: 'text', label: 'X', visibleIf: { and: [{ '>': [{ var: 'age' }, '18'] }, { '==': [{ var: 'agree' }, 'yes'] }, { '==': [{ var: 'tags' }, 'a'] }] } },
    ]));
    expect(issues.map((issue) => issue.code)).toEqual(['type-mismatch', 'type-mismatch', 'type-mismatch']);
    expect(issues[2]?.message).toContain('{"in": ["a", {"var": "tags"}]}');
  });

  it('reports every problem at once', () => {
    const issues = issuesOf(defineForm([
      { id: 'a', type: 'text', label: 'A', pattern: '(a)\\1', visibleIf: { var: 'nope' } },
      { id: 'a', type: 'number', label: 'dup' },
      { id: 'b', type: 'select', label: 'B' },
    ], { roles: ['customer'], workflows: { w: { initial: 'x', states: { y: {} }, transitions: [] } } }));
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['bad-pattern', 'unknown-field', 'duplicate-id', 'schema', 'unknown-state']));
  });

  it('writes issue messages in the requested language', () => {
    try {
      compileForm(defineForm([feedbackType, { ...rating, visibleIf: { var: 'feedbackKind' } }]), { locale: 'zh-CN' });
    } catch (error) {
      expect((error as FormDefinitionError).issues[0]?.message).toBe('未知字段“feedbackKind”——是否应为“feedbackType”？');
    }
    expect.assertions(1);
  });
});

describe('compileForm: warnings and the compiled form', () => {
  it('warns about legal but suspicious definitions', () => {
    const form = compileForm(defineForm([
      { id: 'phone', type: 'text', label: 'P', pii: 'phone' },
      { id: 'ghost', type: 'text', label: 'G', required: true, visibleIf: false },
    ], {
      optionSets: { unused: [{ value: 'x', label: 'X' }] },
      rules: [{ id: 'never', when: false, assert: { var: 'phone' } }],
    }));
    expect(form.warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ['pii-unmasked', 'sections.0.fields.0.pii'],
      ['never-visible-required', 'sections.0.fields.1.required'],
      ['unused-option-set', 'optionSets.unused'],
      ['rule-never-fires', 'rules.0'],
    ]);
  });

  it('is frozen and keeps its own copy of the definition', () => {
    const definition = defineForm([{ id: 'a', type: 'text', label: 'A', required: true }]);
    const form = compileForm(definition);
    ((definition.sections as { fields: { required: boolean }[] }[])[0]?.fields[0] as { required: boolean }).required = false;
    expect(form.validate({}).errors[0]?.code).toBe('required');
    expect(Object.isFrozen(form)).toBe(true);
    expect(Object.isFrozen(form.definition.sections[0]?.fields[0])).toBe(true);
  });

  it('accepts custom formats given at compile time', () => {
    const form = compileForm(defineForm([{ id: 'hk', type: 'text', label: 'HK', format: 'hk-mobile' }]), {
      formats: { 'hk-mobile': (value) => /^[5-9]\d{7}$/.test(value) },
    });
    expect(form.validate({ hk: '91234567' }).valid).toBe(true);
    expect(form.validate({ hk: '1234' }).errors[0]).toMatchObject({ code: 'format', params: { format: 'hk-mobile' } });
  });
});
