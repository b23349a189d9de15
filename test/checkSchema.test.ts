import Ajv, { type ErrorObject } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { checkSchema, type SchemaError } from '../src/definition/checkSchema';
import { COMMON_FIELD_PROPERTIES, definitionSchema } from '../src/definition/definitionSchema';
import { FIELD_KINDS, FIELD_TYPES } from '../src/fields/registry';

/**
 * Differential test: the hand-written interpreter (checkSchema) against ajv, the reference, on the
 * published definition schema. Both must agree on validity and on the multiset of leaf problems,
 * each problem being (path, keyword, whether it is about a key). Inputs are JSON values only: that
 * is checkSchema's domain, because compileDefinition runs readDefinition first, which refuses
 * undefined, non-finite numbers, functions and class instances and drops reserved keys before
 * checkShape ever calls checkSchema (ajv, unlike JSON Schema, treats `{ key: undefined }` as absent
 * and NaN as a number, so outside JSON the two would differ without either being wrong).
 */
const ajv = new Ajv({ allErrors: true, strict: false });
// FORMLOOM_FUZZ=50 multiplies every numRuns below, for a long hunt; the default suite runs 1,600 cases.
const RUNS = Number(process.env.FORMLOOM_FUZZ ?? 1);
const validate = ajv.compile(definitionSchema);

// checkSchema's own path join: '' + key is key, so the dotted path is lossy in the same way on both sides.
const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
const fromPointer = (pointer: string): string =>
  pointer === '' ? '' : pointer.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).reduce(join, '');

// ajv reports these around the errors of their subschemas; the leaves are what both sides must name.
const WRAPPERS = new Set(['if', 'allOf', 'propertyNames', 'anyOf', '$ref']);

const problem = (path: string, keyword: string, aboutKey: boolean): string => `${aboutKey ? 'key' : 'value'} ${keyword} @ ${JSON.stringify(path)}`;

const ajvProblems = (errors: readonly ErrorObject[]): string[] =>
  errors
    .filter((error) => !WRAPPERS.has(error.keyword))
    .map((error) => {
      let path = fromPointer(error.instancePath);
      // Inside propertyNames ajv points at the object and names the key in `propertyName`.
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName !== undefined) path = join(path, propertyName);
      const params = error.params as { missingProperty?: string; additionalProperty?: string };
      if (error.keyword === 'required') path = join(path, String(params.missingProperty));
      if (error.keyword === 'additionalProperties') path = join(path, String(params.additionalProperty));
      return problem(path, error.keyword, propertyName !== undefined);
    })
    .sort();

const interpreterProblems = (errors: readonly SchemaError[]): string[] =>
  errors
    .map((error) => {
      const named = error.keyword === 'required' || error.keyword === 'additionalProperties';
      return problem(named ? join(error.path, String(error.property)) : error.path, error.keyword, error.propertyName === true);
    })
    .sort();

/** Runs both and returns what each says, for one expect that shows the whole difference. */
const compare = (value: unknown): { ajv: { valid: boolean; problems: string[] }; interpreter: { valid: boolean; problems: string[] } } => {
  const valid = validate(value);
  const errors = checkSchema(definitionSchema, value);
  return {
    ajv: { valid, problems: valid ? [] : ajvProblems(validate.errors ?? []) },
    interpreter: { valid: errors.length === 0, problems: interpreterProblems(errors) },
  };
};

const agrees = (value: unknown): void => {
  const { ajv: reference, interpreter } = compare(value);
  // Property 1: valid exactly when ajv says valid.
  expect(interpreter.valid, JSON.stringify(value)).toBe(reference.valid);
  // Property 2: the same leaf problems, each as often (a duplicate becomes a duplicate issue in checkShape).
  expect(interpreter.problems, JSON.stringify(value)).toEqual(reference.problems);
};

// ---------------------------------------------------------------------------------------------
// Inputs

const examples = loadExampleDefinitions();
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every key a field of some type may have beyond the common ones. */
const KIND_KEYS = [...new Set(Object.values(FIELD_KINDS).flatMap((kind) => Object.keys(kind.properties)))].sort();
/** Every key some field may have. */
const FIELD_KEYS = [...new Set([...Object.keys(COMMON_FIELD_PROPERTIES), ...KIND_KEYS])].sort();
const MISSPELT_TYPES = ['txt', 'Text', 'dropdown', 'string', 'select ', 'autoid', ''];

/** Values that break something somewhere: wrong types, pattern violations, limits, empties. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'bad id!', '', 'x', '1abc', 'a-b', 'a_b', 'a.b', 'a.b.c', 'zh-CN', 'zh_CN', 'P7D', 'constructor', 'toString', 'x-note',
    'A'.repeat(64), 'A'.repeat(65), 'a-'.repeat(33), `a${'😀'.repeat(63)}`, `a${'😀'.repeat(64)}`, '😀', '\ud800', '.pdf', 'image/*',
    ...FIELD_TYPES, ...MISSPELT_TYPES, ...KIND_KEYS,
  ),
  fc.constantFrom<unknown>(-1, 0, 1, 2, 3, 0.5, 1.5, -0.5, 6, 6.5, 7, 10, 10.5, 11, 1e21, -0, 2 ** 53),
  fc.constantFrom<unknown>(
    null, true, false, [], {}, [''], ['a', 'a'], ['a', 'b'], [{}], [{}, {}], { 'zh-CN': '' }, { '': 'x' }, { 'zh-CN': 1 },
    { value: 'a', label: 'A' }, [{ value: 'a', label: 'A' }], [{ value: '', label: {} }], { var: 'x' }, { 'x-a': 1 },
    [{ id: 'f', type: 'text', label: 'F' }], [{ id: 'f', type: 'group', label: 'G', fields: [] }],
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Numbers at and around every minimum and maximum in the schema, integers or not. */
const nearLimit = fc.constantFrom(-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 6, 6.5, 7, 10, 10.5, 11);

/** Plausible values for a key of another field type: well-formed, so only the key itself is wrong. */
const plausible: { readonly [key: string]: readonly unknown[] } = {
  options: [[{ value: 'a', label: 'A' }]],
  optionsRef: ['industry'],
  optionsIf: [[{ when: true, optionsRef: 'industry' }]],
  fields: [[{ id: 'inner', type: 'text', label: 'Inner' }]],
  expression: [{ '+': [1, 2] }],
  format: ['email'], pattern: ['^a$'], minLength: [1], maxLength: [10], min: [0], max: [5], integer: [true], unit: ['kg'],
  minItems: [1], maxItems: [3], levels: [2], accept: [['.pdf', 'image/*']], maxSize: [1024], maxFiles: [2],
};
const foreignKey = fc.constantFrom(...KIND_KEYS).chain((key) =>
  fc.tuple(fc.constant(key), fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(plausible[key] ?? [null])) }, { weight: 1, arbitrary: badValue })),
);
const unknownKey = fc.oneof(
  fc.constantFrom('unknown', 'lable', 'Label', 'x-note', 'x-', 'X-note', '', 'bad key!', 'a.b', 'a/b~c', '~1', 'constructor', 'toString', 'zh-CN', 'required', 'format', ...KIND_KEYS),
  fc.string({ maxLength: 4 }),
);

type Segment = string | number;
type Mutation =
  | { readonly kind: 'replace'; readonly seed: number; readonly value: unknown }
  | { readonly kind: 'delete'; readonly seed: number }
  | { readonly kind: 'add-key'; readonly seed: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'rename-key'; readonly seed: number; readonly key: string }
  | { readonly kind: 'duplicate'; readonly seed: number }
  | { readonly kind: 'field-type'; readonly seed: number; readonly type: string }
  | { readonly kind: 'field-key'; readonly seed: number; readonly key: string; readonly value: unknown; readonly retype: boolean }
  | { readonly kind: 'foreign-key'; readonly seed: number; readonly key: string; readonly value: unknown };

const seed = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), seed, value: badValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), seed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add-key' as const), seed, key: unknownKey, value: badValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-key' as const), seed, key: unknownKey }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), seed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('field-type' as const), seed, type: fc.constantFrom(...FIELD_TYPES, ...MISSPELT_TYPES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('field-key' as const), seed, key: fc.constantFrom(...FIELD_KEYS), value: fc.oneof(badValue, nearLimit), retype: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('foreign-key' as const), seed, key: foreignKey.map(([key]) => key), value: fc.constant(null) }).chain((m) =>
    fc.constantFrom(...(plausible[m.key] ?? [null])).map((value) => ({ ...m, value }))) },
);

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

/** Paths of every node, root first (depth-first). */
const nodes = (value: unknown, path: Segment[] = [], out: Segment[][] = []): Segment[][] => {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => nodes(item, [...path, index], out));
  else if (isContainer(value)) for (const [key, item] of Object.entries(value)) nodes(item, [...path, key], out);
  return out;
};
const at = (root: unknown, path: readonly Segment[]): unknown =>
  path.reduce<unknown>((node, key) => (isContainer(node) ? (node as Record<string, unknown>)[key] : undefined), root);
const isField = (root: unknown, path: readonly Segment[]): boolean =>
  path.length >= 2 && typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'fields' && isContainer(at(root, path)) && !Array.isArray(at(root, path));

/** Applies one mutation in place under a holder ({ root }) so that the root itself can be replaced. */
const mutate = (holder: { root: unknown }, m: Mutation): void => {
  const all = nodes(holder.root).map((path): Segment[] => ['root', ...path]);
  const pick = (candidates: Segment[][]): Segment[] | undefined => (candidates.length === 0 ? undefined : candidates[m.seed % candidates.length]);
  const parentOf = (path: Segment[]): { parent: Record<string, unknown> | unknown[]; key: Segment } => ({
    parent: at(holder, path.slice(0, -1)) as Record<string, unknown> | unknown[],
    key: path[path.length - 1] as Segment,
  });
  const objects = all.filter((path) => { const node = at(holder, path); return isContainer(node) && !Array.isArray(node); });
  switch (m.kind) {
    case 'replace': {
      const path = pick(all) as Segment[];
      const { parent, key } = parentOf(path);
      (parent as Record<string, unknown>)[key] = clone(m.value);
      return;
    }
    case 'delete': {
      const path = pick(all.slice(1));
      if (path === undefined) return;
      const { parent, key } = parentOf(path);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return;
    }
    case 'add-key': {
      const path = pick(objects);
      if (path !== undefined) Object.defineProperty(at(holder, path), m.key, { value: clone(m.value), enumerable: true, writable: true, configurable: true });
      return;
    }
    case 'rename-key': {
      const path = pick(all.filter((p) => p.length > 1 && typeof p[p.length - 1] === 'string' && !Array.isArray(at(holder, p.slice(0, -1)))));
      if (path === undefined) return;
      const { parent, key } = parentOf(path);
      const object = parent as Record<string, unknown>;
      const value = object[key];
      delete object[key];
      Object.defineProperty(object, m.key, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    case 'duplicate': {
      const path = pick(all.filter((p) => Array.isArray(at(holder, p))));
      const array = path === undefined ? undefined : (at(holder, path) as unknown[]);
      if (array !== undefined && array.length > 0) array.push(clone(array[m.seed % array.length]));
      return;
    }
    case 'field-type':
    case 'field-key':
    case 'foreign-key': {
      const path = pick(all.filter((p) => isField(holder, p)));
      if (path === undefined) return;
      const field = at(holder, path) as Record<string, unknown>;
      if (m.kind === 'field-type') field.type = m.type;
      else if (m.kind === 'field-key' && m.retype) {
        // Give the field a type that has the key, so that the value is checked against that type's schema.
        const owners = FIELD_TYPES.filter((type) => Object.keys(FIELD_KINDS[type].properties).includes(m.key));
        if (owners.length > 0) field.type = owners[m.seed % owners.length];
      }
      if (m.kind !== 'field-type') Object.defineProperty(field, m.key, { value: clone(m.value), enumerable: true, writable: true, configurable: true });
      return;
    }
  }
};

const mutated = fc
  .tuple(fc.integer({ min: 0, max: examples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([index, mutations]) => {
    const holder = { root: clone((examples[index] as { definition: unknown }).definition) };
    for (const m of mutations) mutate(holder, m);
    return holder.root;
  });

/** Small definition-shaped objects, mostly wrong somewhere. */
const text = fc.oneof(fc.constantFrom('x', 'Label', '', 'bad id!', 'zh-CN', 'a'), fc.string({ maxLength: 4 }));
const localized = fc.oneof(text, fc.dictionary(fc.constantFrom('zh-CN', 'en', 'x', 'bad!', ''), text, { maxKeys: 2, noNullPrototype: true }), badValue);
const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', 'name', 'a-b', 'a_1') }, { weight: 1, arbitrary: fc.oneof(text, badValue) });
const logic = fc.oneof(fc.boolean(), fc.constant({ var: 'a' }), fc.jsonValue({ maxDepth: 1 }));
const extras = fc.dictionary(fc.oneof(fc.constantFrom(...KIND_KEYS), unknownKey), fc.oneof(badValue, fc.constantFrom(...Object.values(plausible).flat())), { maxKeys: 3, noNullPrototype: true });
const field = fc
  .tuple(
    fc.record(
      { id: name, type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELD_TYPES) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...MISSPELT_TYPES), badValue) }), label: localized, required: logic, pii: fc.constantFrom('phone', 'email', 'nope'), messages: fc.dictionary(fc.constantFrom('required', 'format', 'nope', 'x'), localized, { maxKeys: 2, noNullPrototype: true }) },
      { requiredKeys: [], noNullPrototype: true },
    ),
    extras,
  )
  .map(([base, extra]) => ({ ...extra, ...base }));
const transition = fc.record(
  { event: name, from: fc.oneof(name, fc.array(name, { maxLength: 2 })), to: name, roles: fc.array(name, { maxLength: 2 }), maxTimes: fc.constantFrom(0, 1, 1.5, 'x'), set: fc.dictionary(name.filter((n): n is string => typeof n === 'string'), logic, { maxKeys: 2, noNullPrototype: true }), requires: fc.array(name, { maxLength: 2 }), reason: fc.constantFrom('required', 'nope') },
  { requiredKeys: [], noNullPrototype: true },
);
const definitionShaped = fc.record(
  {
    id: name,
    version: fc.constantFrom<unknown>(1, 2, 0, 1.5, '1'),
    title: localized,
    defaultLocale: fc.constantFrom('zh-CN', 'en', 'e', 'zh_CN'),
    roles: fc.array(name, { maxLength: 3 }),
    optionSets: fc.dictionary(fc.constantFrom('a', 'b', 'bad!'), fc.oneof(fc.constantFrom(...plausible.options as unknown[]), badValue), { maxKeys: 2, noNullPrototype: true }),
    sections: fc.array(fc.record({ id: name, title: localized, fields: fc.array(field, { maxLength: 3 }) }, { requiredKeys: ['id', 'fields'], noNullPrototype: true }), { maxLength: 2 }),
    workflows: fc.dictionary(fc.constantFrom('review', 'bad!'), fc.record({ initial: name, states: fc.dictionary(fc.constantFrom('a', 'b', 'bad!', ''), fc.record({ label: localized, final: fc.constantFrom<unknown>(true, 'yes') }, { requiredKeys: [], noNullPrototype: true }), { maxKeys: 2, noNullPrototype: true }), transitions: fc.array(transition, { maxLength: 2 }) }, { requiredKeys: [], noNullPrototype: true }), { maxKeys: 1, noNullPrototype: true }),
    masking: fc.record({ policies: fc.dictionary(fc.constantFrom('export', 'bad!'), fc.dictionary(fc.constantFrom('a', 'a.b', 'a.b.c', '1a'), fc.constantFrom('phone', 'full', 'nope'), { maxKeys: 2, noNullPrototype: true }), { maxKeys: 2, noNullPrototype: true }), reveal: fc.dictionary(name.filter((n): n is string => typeof n === 'string'), fc.array(name, { maxLength: 2 }), { maxKeys: 1, noNullPrototype: true }) }, { requiredKeys: [], noNullPrototype: true }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

// ---------------------------------------------------------------------------------------------

describe('checkSchema agrees with ajv on the definition schema', () => {
  it('the example definitions are valid for both', () => {
    expect(examples).toHaveLength(5);
    for (const { definition } of examples) {
      expect(validate(definition), JSON.stringify(validate.errors)).toBe(true);
      agrees(definition);
    }
  });

  it('mutations of the examples (1-4 at a time)', () => {
    fc.assert(fc.property(mutated, agrees), { numRuns: 1000 * RUNS });
  }, 30_000 * RUNS);

  it('small definition-shaped objects', () => {
    fc.assert(fc.property(definitionShaped, agrees), { numRuns: 300 * RUNS });
  }, 30_000 * RUNS);

  it('any JSON value, and objects with random keys at the root', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.oneof(fc.constantFrom('id', 'version', 'title', 'sections', 'x-a', '$schema'), fc.string()), fc.jsonValue({ maxDepth: 2 }), { noNullPrototype: true })), agrees), { numRuns: 300 * RUNS });
  }, 30_000 * RUNS);
});
