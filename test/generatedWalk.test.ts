import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, FormDefinitionError } from '../src/index';
import { internalFormOf } from '../src/form/internal';
import type { InternalForm } from '../src/compile/internalForm';
import { runPass, runReferencePass, type PassOptions } from '../src/validate/runPass';
import { generatedWalk } from '../src/validate/generate/generatedWalk';
import { walkSource } from '../src/validate/generate/walkSource';
import { jsString } from '../src/core/jsString';
import { isDate, isDateByPattern } from '../src/formats/calendar';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { NOW, SAMPLE_RECORDS } from '../examples/records';

// The generated walk must say exactly what the reference pass says: errors (codes, params, messages),
// cleaned values, states, tags and the scope conditions saw. Both run here on the same input.
const same = (form: InternalForm, values: unknown, options: PassOptions): void => {
  expect(generatedWalk(form)).toBeTypeOf('function');
  const fast = runPass(form, values, options);
  const reference = runReferencePass(form, values, options);
  expect(fast.errors).toEqual(reference.errors);
  expect(fast.values).toEqual(reference.values);
  expect(fast.states).toEqual(reference.states);
  expect(fast.tags).toEqual(reference.tags);
  expect(fast.scope).toEqual(reference.scope);
};

const optionsFor = (form: InternalForm, role: string | undefined, mode: 'submit' | 'draft', system: boolean, wantStates: boolean): PassOptions => ({
  mode, role: role !== undefined && form.roleSet.has(role) ? role : undefined, locale: 'en', now: new Date(NOW), timeZone: 'Asia/Shanghai',
  previous: undefined, states: wantStates, tags: wantStates, access: system ? 'all' : 'role',
});

// Definitions made to exercise what the generator writes: every condition shape it inlines and some
// it leaves to closures, section and field visibility, conditional and implied requirements,
// read/write roles, readonlyIf, computed fields, auto ids and a group whose rows read `$row` and the
// top level.
const ids = ['a', 'b', 'c', 'd', 'e'] as const;
const literal = fc.constantFrom<unknown>('p', 'q', 1, 2, 0, true, false, null, '', '2026-01-01');
// A condition may read only what is known before it (no cycles): earlier fields, context variables,
// and in a row the row's earlier fields.
const conditionOver = (names: readonly string[]): fc.Arbitrary<unknown> => {
  const vars = ['$role', '$today', ...names];
  const operand = fc.oneof({ weight: 4, arbitrary: fc.record({ var: fc.constantFrom(...vars) }) }, literal);
  const leaf = fc.oneof(
    fc.record({ '==': fc.tuple(operand, operand) }),
    fc.record({ '!=': fc.tuple(operand, operand) }),
    fc.record({ '===': fc.tuple(operand, operand) }),
    fc.record({ '<': fc.tuple(operand, operand) }),
    fc.record({ '>=': fc.tuple(operand, operand) }),
    fc.record({ '<': fc.tuple(operand, operand, operand) }),
    fc.record({ in: fc.tuple(operand, fc.constantFrom<unknown>(['p', 'q'], [1, 'p'], 'pq', { var: '$today' })) }),
    fc.record({ '!': operand }),
    fc.record({ '!!': operand }),
    fc.record({ var: fc.constantFrom(...vars) }),
    fc.record({ '+': fc.tuple(operand, operand) }),
    fc.record({ missing: fc.constant(names.filter((name) => !name.startsWith('$'))) }),
    fc.boolean(),
  );
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.record({ and: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
    fc.record({ or: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
    fc.record({ if: fc.tuple(leaf, literal, literal) }),
  );
};
const access = fc.constantFrom(undefined, { read: ['clerk'] }, { write: ['clerk'] }, { read: ['clerk'], write: ['admin'] });
const opts = [{ value: 'p', label: 'P' }, { value: 'q', label: 'Q' }, { value: 1, label: 'One' }];
const plainField = (id: string) => fc.oneof(
  fc.record({ id: fc.constant(id), type: fc.constant('text'), label: fc.constant(id), maxLength: fc.constantFrom(undefined, 3, 20) }, { requiredKeys: ['id', 'type', 'label'] }),
  fc.record({ id: fc.constant(id), type: fc.constant('number'), label: fc.constant(id), min: fc.constantFrom(undefined, 0), max: fc.constantFrom(undefined, 10) }, { requiredKeys: ['id', 'type', 'label'] }),
  fc.record({ id: fc.constant(id), type: fc.constantFrom('radio', 'select'), label: fc.constant(id), options: fc.constant(opts) }),
  fc.record({ id: fc.constant(id), type: fc.constant('multiselect'), label: fc.constant(id), options: fc.constant(opts), maxItems: fc.constantFrom(undefined, 1), minItems: fc.constantFrom(undefined, 1) }, { requiredKeys: ['id', 'type', 'label', 'options'] }),
  fc.record({ id: fc.constant(id), type: fc.constantFrom('date', 'datetime', 'boolean'), label: fc.constant(id) }),
  fc.record({ id: fc.constant(id), type: fc.constant('rating'), label: fc.constant(id), max: fc.constant(5) }),
);
const decorated = (id: string, reads: readonly string[], inRow: boolean) => {
  const condition = conditionOver(reads);
  return fc.tuple(
    plainField(id),
    fc.record({ required: fc.oneof(fc.boolean(), condition), visibleIf: condition, readonlyIf: condition, access }, { requiredKeys: [] }),
  ).map(([field, extra]) => ({ ...field, ...extra, ...(inRow ? { access: undefined } : {}) }));
};
const rowGroup = fc.tuple(decorated('x', ['a', 'b'], true), decorated('y', ['a', '$row.x'], true), fc.option(conditionOver(['a', 'b']), { nil: undefined }), fc.constantFrom(undefined, 1)).map(([x, y, visibleIf, minItems]) => ({
  id: 'rows', type: 'group', label: 'Rows', fields: [x, y], ...(visibleIf === undefined ? {} : { visibleIf }), ...(minItems === undefined ? {} : { minItems }),
}));
const definition = fc.tuple(
  fc.tuple(...ids.map((id, index) => decorated(id, ids.slice(0, index), false))),
  rowGroup,
  fc.option(conditionOver(['a', 'b']), { nil: undefined }),
  fc.boolean(),
  fc.option(conditionOver([...ids, 'rows']), { nil: undefined }),
).map(([fields, group, sectionIf, auto, computed]) => ({
  id: 'generated', version: 1, title: 'Generated', roles: ['customer', 'clerk', 'admin'],
  sections: [
    { id: 's1', fields: fields.slice(0, 3) },
    { id: 's2', ...(sectionIf === undefined ? {} : { visibleIf: sectionIf }), fields: [...fields.slice(3), group] },
    { id: 's3', fields: [
      ...(auto ? [{ id: 'no', type: 'autoId', label: 'No', pattern: 'N{seq:3}' }] : []),
      ...(computed === undefined ? [] : [{ id: 'sum', type: 'computed', label: 'Sum', expression: computed }]),
    ] },
  ].filter((section) => section.fields.length > 0),
}));
const answer = fc.oneof(literal, fc.constantFrom<unknown>(['p'], ['p', 'q'], [1], [], 'abcd', '2026-02-29', '2024-02-29', '2026-11-23 10:00', 3, 5.5, -1, 6, { x: 1 }, [{}]), fc.anything());
const row = fc.oneof(fc.record({ x: answer, y: answer }, { requiredKeys: [] }), fc.dictionary(fc.constantFrom('x', 'y', 'z', '__proto__'), answer), fc.anything());
const values = fc.oneof(
  { weight: 4, arbitrary: fc.record({ a: answer, b: answer, c: answer, d: answer, e: answer, rows: fc.oneof(fc.array(row, { maxLength: 3 }), answer), no: answer, sum: answer }, { requiredKeys: [] }) },
  fc.dictionary(fc.constantFrom('a', 'b', 'rows', 'zz', '__proto__', 'constructor'), answer),
  fc.anything(),
);

describe('generated walk', () => {
  const examples = loadExampleDefinitions().map(({ definition }) => internalFormOf(compileForm(definition)));

  it('says what the reference pass says on the examples, for any values, roles, modes and views', () => {
    const realistic = fc.oneof(values, fc.constantFrom(...Object.values(SAMPLE_RECORDS)), fc.constantFrom(...Object.values(SAMPLE_RECORDS)).chain((record) =>
      fc.record({ key: fc.constantFrom(...Object.keys(record)), value: answer }).map(({ key, value }) => ({ ...record, [key]: value }))));
    fc.assert(
      fc.property(fc.constantFrom(...examples), realistic, fc.constantFrom('customer', 'clerk', 'admin', undefined), fc.constantFrom('submit', 'draft') as fc.Arbitrary<'submit' | 'draft'>, fc.boolean(), fc.boolean(),
        (form, input, role, mode, system, states) => same(form, input, optionsFor(form, role, mode, system, states))),
      { numRuns: Number(process.env.WALK_RUNS ?? 1500) },
    );
  }, 600_000);

  it('says what the reference pass says on generated definitions', () => {
    let compiled = 0;
    fc.assert(
      fc.property(definition, fc.array(values, { minLength: 1, maxLength: 4 }), fc.constantFrom('customer', 'clerk', 'admin', undefined), fc.constantFrom('submit', 'draft') as fc.Arbitrary<'submit' | 'draft'>, fc.boolean(), fc.boolean(),
        (def, inputs, role, mode, system, states) => {
          let form: InternalForm;
          try {
            form = internalFormOf(compileForm(def));
          } catch (error) {
            // Conditions comparing a field with a literal of the wrong kind are refused at compile time.
            expect(error).toBeInstanceOf(FormDefinitionError);
            if (process.env.WALK_DEBUG) console.log((error as FormDefinitionError).issues.map((issue) => issue.code).join(','));
            return;
          }
          compiled++;
          for (const input of inputs) same(form, input, optionsFor(form, role, mode, system, states));
        }),
      { numRuns: Number(process.env.WALK_RUNS ?? 1500) },
    );
    // The grammar must mostly make forms that compile, or the property proves little.
    expect(compiled).toBeGreaterThan(300);
  }, 600_000);

  it('writes definition strings into the source only as escaped literals', () => {
    const hostile = "x\u2028\u2029*/`${globalThis.pwned=1}`\"'\\</script>";
    const form = internalFormOf(compileForm({
      id: 'hostile', version: 1, title: 'T',
      sections: [{ id: 's', fields: [
        { id: 'a', type: 'text', label: hostile },
        { id: 'b', type: 'text', label: 'B', visibleIf: { '==': [{ var: 'a' }, hostile] }, required: { in: [hostile, [hostile, 'q']] } },
      ] }],
    }));
    const source = walkSource(form).body;
    expect(source).not.toContain('\u2028');
    expect(source).not.toContain('\u2029');
    // The text is there, but only inside a string literal.
    expect(source).toContain(jsString(hostile));
    same(form, { a: hostile, b: 'x' }, optionsFor(form, undefined, 'submit', false, true));
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('reads dates by character codes exactly as the pattern does', () => {
    const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(fc.oneof(dateLike, fc.string(), fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '/', '٣', ' ') })), (text) => {
      expect(isDate(text)).toBe(isDateByPattern(text));
    }), { numRuns: 5000 });
  });
});
