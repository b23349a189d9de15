import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, FormDefinitionError, type CompiledForm } from '../src/index';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { NOW, SAMPLE_RECORDS } from '../examples/records';

/** A small grammar of definitions: mostly valid, sometimes wrong in the ways authors are wrong. */
const fieldId = fc.constantFrom('a', 'b', 'c', 'd', 'kind', 'rows', 'constructor', 'x-1');
const options = fc.constantFrom([{ value: 'p', label: 'P' }, { value: 'q', label: 'Q' }], [], 'nope');
const condition = fc.oneof(
  fc.boolean(),
  fc.record({ '==': fc.tuple(fc.record({ var: fieldId }), fc.constantFrom('p', 'q', 'r', 1)) }),
  fc.record({ '!': fc.record({ var: fieldId }) }),
  fc.record({ method: fc.constant([1, 'toString']) }),
  fc.record({ '<': fc.tuple(fc.record({ var: fc.constantFrom('a', '$row.a', '$today') }), fc.integer()) }),
);
const field = fc.record(
  {
    id: fieldId,
    type: fc.constantFrom('text', 'number', 'radio', 'multiselect', 'date', 'rating', 'computed', 'group', 'autoId', 'bogus'),
    label: fc.constantFrom('L', { 'zh-CN': '标签', en: 'Label' }, ''),
    required: fc.oneof(fc.boolean(), condition),
    visibleIf: condition,
    options,
    pattern: fc.constantFrom('^a+$', '(a+)+', '[', 'YQ{yyyy}{seq:3}'),
    expression: condition,
    fields: fc.constant([{ id: 'inner', type: 'text', label: 'I', visibleIf: { var: '$row.inner' } }]),
  },
  { requiredKeys: ['id', 'type', 'label'], noNullPrototype: true },
);
const definition = fc.oneof(
  fc.record({
    id: fc.constantFrom('f', ''),
    version: fc.constantFrom(1, 0),
    title: fc.constant('T'),
    roles: fc.constantFrom(['customer', 'admin'], undefined),
    sections: fc.array(fc.record({ id: fc.constantFrom('s', 't'), fields: fc.array(field, { maxLength: 5 }) }, { noNullPrototype: true }), { maxLength: 3 }),
  }, { requiredKeys: ['id', 'version', 'title', 'sections'], noNullPrototype: true }),
  fc.anything(),
);

const forms: CompiledForm[] = loadExampleDefinitions().map(({ definition: def }) => compileForm(def));
const anyValues = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom('name', 'phone', 'services', 'region', 'sources', '__proto__', 'satisfaction', 'budget', 'qualifications', 'x'), fc.anything()),
);

describe('properties', () => {
  it('any generated definition compiles or throws FormDefinitionError with coded, located issues', () => {
    fc.assert(
      fc.property(definition, (def) => {
        try {
          compileForm(def);
        } catch (error) {
          expect(error).toBeInstanceOf(FormDefinitionError);
          for (const issue of (error as FormDefinitionError).issues) {
            expect(typeof issue.path).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('validate never throws, is deterministic and never mutates its input, for any values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), anyValues, fc.constantFrom('customer', 'clerk', 'admin'), fc.constantFrom('submit', 'draft'), (form, values, role, mode) => {
        const before = structuredClone(values);
        const options = { role, mode: mode as 'submit' | 'draft', now: NOW };
        const first = form.validate(values, options);
        expect(form.validate(values, options)).toEqual(first);
        expect(values).toEqual(before);
        expect(first.valid).toBe(first.errors.length === 0);
        for (const error of first.errors) expect(typeof error.code).toBe('string');
        form.evaluate(values, { role });
      }),
      { numRuns: 1000 },
    );
  });

  it('mutated realistic records never crash validate, and cleaned values re-validate to themselves', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.string(), fc.anything(), (form, key, junk) => {
        const record = SAMPLE_RECORDS[form.id] as Record<string, unknown>;
        const keys = Object.keys(record);
        const target = keys[key.length % keys.length] as string;
        const values = { ...record, [target]: junk };
        const result = form.validate(values, { role: 'clerk', now: NOW });
        const again = form.validate(result.values, { role: 'clerk', now: NOW });
        expect(again.values).toEqual(result.values);
      }),
      { numRuns: 500 },
    );
  });
});
