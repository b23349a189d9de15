import Ajv, { type ErrorObject } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadExampleDefinitions, loadVariantDefinitions } from '../examples/loadExamples';
import { checkSchema, type SchemaError } from '../src/definition/checkSchema';
import { COMMON_FIELD_PROPERTIES, definitionSchema } from '../src/definition/definitionSchema';
import { FIELD_KINDS, FIELD_TYPES } from '../src/fields/registry';

/**
 * Differential test: the hand-written interpreter (checkSchema) against ajv, the reference, on the
 * published definition schema. Both must agree on validity and on the leaf problems, each problem
 * being (path, keyword, whether it is about a key), counted (a multiset, stricter than a set: both
 * report a bad field id twice, once from `field` and once from its type's `then`). No difference is
 * normalised away: there is none left on JSON input.
 *
 * Inputs are JSON values, checkSchema's domain: compileDefinition runs readDefinition before
 * checkShape, which drops undefined keys and reserved keys and refuses holes, undefined items,
 * non-finite numbers, functions and class instances. Outside JSON the two differ without either
 * being wrong: ajv skips a key whose value is undefined (as if absent) and array holes, counts NaN
 * and Infinity as numbers (strict: false) and throws on null-prototype objects in uniqueItems.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(definitionSchema);
// FORMLOOM_FUZZ=50 multiplies every numRuns below, for a long hunt; the default suite runs 1,600 cases.
const RUNS = Number(process.env.FORMLOOM_FUZZ ?? 1);

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
      const { propertyName } = error;
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
  // Property 2: the same leaf problems, each as often.
  expect(interpreter.problems, JSON.stringify(value)).toEqual(reference.problems);
};

// ---------------------------------------------------------------------------------------------
// Inputs

const examples = loadExampleDefinitions();
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** Any value made JSON: undefined keys dropped (as readDefinition drops them); holes, undefined and NaN, which it refuses, become null. */
const asJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** Every key a field of some type may have beyond the common ones. */
const KIND_KEYS = [...new Set(Object.values(FIELD_KINDS).flatMap((kind) => Object.keys(kind.properties)))].sort();
/** Every key some field may have. */
const FIELD_KEYS = [...new Set([...Object.keys(COMMON_FIELD_PROPERTIES), ...KIND_KEYS])].sort();
const MISSPELT_TYPES = ['txt', 'Text', 'dropdown', 'string', 'select ', 'autoid', ''];

/**
 * Strings at the edges of the id and name rules: the pattern, and maxLength 64 counted in code points
 * (63 emoji after a letter are 64 code points but 127 UTF-16 units).
 */
const nameEdge = fc.constantFrom(
  'a', 'a-b', 'a_b', 'A1', 'bad id!', '', '1abc', '-a', 'a.b', 'a.b.c', 'zh-CN', 'constructor', 'x-note', 'é', '😀', '\ud800',
  'A'.repeat(64), 'A'.repeat(65), 'a-'.repeat(32), 'a-'.repeat(33), `a${'😀'.repeat(63)}`, `a${'😀'.repeat(64)}`, `a${'é'.repeat(63)}`,
);
/** Values that break something somewhere: wrong types, pattern violations, limits, empties. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  nameEdge,
  fc.constantFrom<unknown>('x', 'zh_CN', 'P7D', 'toString', '.pdf', 'image/*', 'bad', ...FIELD_TYPES, ...MISSPELT_TYPES, ...KIND_KEYS),
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

/** Lists at the edges of minItems and uniqueItems. */
const listEdge = fc.constantFrom<unknown>(
  [], ['a'], ['a', 'b'], ['a', 'a'], ['a', 'A'], [1, 1], [1, 1.0, 2], [{}, {}], [[], []], [[1], [1]], [{}, []], [[1, 2], [1]], [null, null],
  [{ a: 1, b: [2] }, { b: [2], a: 1 }], [{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 1, b: 1 }], [{ a: 1, b: 1 }, { a: 1 }], ['bad id!', 'bad id!'], [true, 'true'],
);

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
const unknownKey = fc.oneof(
  fc.constantFrom('unknown', 'lable', 'Label', 'x-note', 'x-', 'X-note', '', 'bad key!', 'a.b', 'a/b~c', '~1', 'constructor', 'toString', '__proto__', 'zh-CN', 'required', 'format', ...KIND_KEYS),
  nameEdge,
  fc.string({ maxLength: 4 }),
);

type Segment = string | number;
type Mutation =
  | { readonly kind: 'replace'; readonly seed: number; readonly value: unknown }
  | { readonly kind: 'replace-name'; readonly seed: number; readonly value: string }
  | { readonly kind: 'replace-list'; readonly seed: number; readonly value: unknown }
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
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace-name' as const), seed, value: nameEdge }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace-list' as const), seed, value: listEdge }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), seed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add-key' as const), seed, key: unknownKey, value: badValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-key' as const), seed, key: unknownKey }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), seed }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('field-type' as const), seed, type: fc.constantFrom(...FIELD_TYPES, ...MISSPELT_TYPES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('field-key' as const), seed, key: fc.constantFrom(...FIELD_KEYS), value: fc.oneof(badValue, nearLimit), retype: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constantFrom(...KIND_KEYS).chain((key) =>
    fc.record({ kind: fc.constant('foreign-key' as const), seed, key: fc.constant(key), value: fc.constantFrom(...(plausible[key] ?? [null])) })) },
);

// Where names are: values of these keys and items of these lists, and keys of these objects.
const NAMING_VALUE = /\.(id|event|to|from|initial|optionsRef|defaultLocale)$|\.(roles|read|write|requires|from)\.\d+$|\.dedup\.\d+\.fields\.\d+$/;
const NAMING = new RegExp(`${NAMING_VALUE.source}|\\.(optionSets|workflows|states|policies|reveal|set|messages|title|label)\\.[^.]+$`);

const LIST = /\.(roles|read|write|requires|from|fields)$/;

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
    case 'replace-name': {
      // A name where the schema wants an id or a name: as a value, or (renaming the key) as a key.
      const path = pick(all.filter((p) => NAMING.test(p.join('.'))));
      if (path === undefined) return;
      const { parent, key } = parentOf(path);
      if (typeof key === 'number' || NAMING_VALUE.test(path.join('.'))) (parent as Record<string, unknown>)[key] = m.value;
      else {
        const value = (parent as Record<string, unknown>)[key];
        delete (parent as Record<string, unknown>)[key];
        Object.defineProperty(parent, m.value, { value, enumerable: true, writable: true, configurable: true });
      }
      return;
    }
    case 'replace-list': {
      // A list where the schema wants unique ids or names (uniqueItems compares as JSON, not by identity).
      const path = pick(all.filter((p) => LIST.test(p.join('.'))));
      if (path === undefined) return;
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

// Variants take the other branch of the top-level `if`: no title or sections required, their own keys.
const variantExamples = loadVariantDefinitions();
const mutatedVariant = fc
  .tuple(fc.integer({ min: 0, max: variantExamples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([index, mutations]) => {
    const holder = { root: clone((variantExamples[index] as { definition: unknown }).definition) };
    for (const m of mutations) mutate(holder, m);
    return holder.root;
  });

/** Small definition-shaped objects, mostly wrong somewhere. */
const text = fc.oneof(fc.constantFrom('x', 'Label', '', 'bad id!', 'zh-CN', 'a'), fc.string({ maxLength: 4 }));
const localized = fc.oneof(text, fc.dictionary(fc.constantFrom('zh-CN', 'en', 'x', 'bad!', ''), text, { maxKeys: 2, noNullPrototype: true }), badValue);
const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'b', 'name', 'a-b', 'a_1') }, { weight: 2, arbitrary: nameEdge }, { weight: 1, arbitrary: fc.oneof(text, badValue) });
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
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const { definition } of examples) {
      expect(validate(definition), JSON.stringify(validate.errors)).toBe(true);
      agrees(definition);
    }
  });

  it('the schema uses only keywords checkSchema interprets (a new one needs the interpreter first)', () => {
    const used = new Set<string>();
    const walk = (schema: unknown): void => {
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
      for (const [keyword, value] of Object.entries(schema)) {
        used.add(keyword);
        if (['enum', 'const', 'default', 'examples', 'required'].includes(keyword)) continue; // data, not schemas
        if (keyword === 'properties' || keyword === 'patternProperties' || keyword === 'definitions') Object.values(value as object).forEach(walk);
        else if (Array.isArray(value)) value.forEach(walk);
        else walk(value);
      }
    };
    walk(definitionSchema);
    const interpreted = ['$ref', 'type', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'required', 'properties', 'patternProperties', 'additionalProperties', 'propertyNames', 'items', 'allOf', 'if', 'then', 'else'];
    const annotations = ['$schema', '$id', 'title', 'description', 'examples', 'definitions', 'default'];
    expect([...used].filter((keyword) => !interpreted.includes(keyword) && !annotations.includes(keyword))).toEqual([]);
  });

  it('regression: a type error does not hide the limits at the same node (0.5 for an integer with minimum 1)', () => {
    const definition = {
      id: 'f', version: 0.5, title: 'T',
      sections: [{ id: 's', fields: [{ id: 'r', type: 'rating', label: 'R', max: 10.5 }] }],
      workflows: { w: { initial: 'a', states: { a: {} }, transitions: [{ event: 'e', from: 'a', to: 'a', maxTimes: -0.5 }] } },
    };
    agrees(definition);
    expect(interpreterProblems(checkSchema(definitionSchema, definition))).toEqual([
      'value maximum @ "sections.0.fields.0.max"', 'value minimum @ "version"', 'value minimum @ "workflows.w.transitions.0.maxTimes"',
      'value type @ "sections.0.fields.0.max"', 'value type @ "version"', 'value type @ "workflows.w.transitions.0.maxTimes"',
    ]);
  });

  it('mutations of the examples (1-4 at a time)', () => {
    fc.assert(fc.property(mutated, agrees), { numRuns: 1000 * RUNS });
  }, 30_000 * RUNS);

  it('the example variants and their mutations (1-4 at a time)', () => {
    for (const { definition } of variantExamples) {
      expect(validate(definition), JSON.stringify(validate.errors)).toBe(true);
      agrees(definition);
    }
    fc.assert(fc.property(mutatedVariant, agrees), { numRuns: 300 * RUNS });
  }, 30_000 * RUNS);

  it('small definition-shaped objects', () => {
    fc.assert(fc.property(definitionShaped, agrees), { numRuns: 300 * RUNS });
  }, 30_000 * RUNS);

  it('any value (as JSON), and objects with random keys at the root', () => {
    const anyValue = fc.oneof(
      fc.jsonValue(),
      fc.anything().map(asJson),
      fc.dictionary(fc.oneof(fc.constantFrom('id', 'version', 'title', 'sections', 'x-a', '$schema'), fc.string()), fc.jsonValue({ maxDepth: 2 }), { noNullPrototype: true }),
    );
    fc.assert(fc.property(anyValue, agrees), { numRuns: 300 * RUNS });
  }, 30_000 * RUNS);
});
