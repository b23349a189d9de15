import type { JsonSchema } from '../core/jsonSchema';
import { hasOwn, isPlainObject } from '../core/reserved';
import { codePointLength } from '../fields/valueHelpers';

/** One way a value fails the schema: the keyword, where (dotted path), and the schema object holding it. */
export interface SchemaError {
  readonly keyword: string;
  readonly path: string;
  readonly schema: JsonSchema;
  readonly data: unknown;
  /** For `required`: the missing key; for `additionalProperties`: the extra key. */
  readonly property?: string;
  /** True when the error is about an object key (propertyNames): `path` ends with the key itself. */
  readonly propertyName?: boolean;
}

/**
 * Checks a value against the subset of JSON Schema draft-07 the definition schema uses, reporting
 * every error (ajv's allErrors), with no code generation and nothing compiled: the first
 * `compileForm` in a page costs a walk, not a compiler's warm-up. A differential test proves it
 * agrees with ajv on the published schema. `if` is checked silently and picks `then` or `else`, as in ajv.
 */
export const checkSchema = (root: JsonSchema, value: unknown): SchemaError[] => {
  const errors: SchemaError[] = [];
  new Checker(root, errors).check(root, value, '', false);
  return errors;
};

const join = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);

const typeMatches = (type: string, value: unknown): boolean => {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return isPlainObject(value);
    default: return false;
  }
};

/** JSON equality, as `enum`, `const` and `uniqueItems` compare. */
const equal = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && equal(a[key], b[key]));
  }
  return false;
};

const patterns = /* @__PURE__ */ new Map<string, RegExp>();
// The schema's own patterns only (never a definition's): simple anchored classes, compiled once.
const regex = (source: string): RegExp => {
  let compiled = patterns.get(source);
  if (compiled === undefined) patterns.set(source, (compiled = new RegExp(source, 'u')));
  return compiled;
};

/** `allOf` parts of the shape `{ if: { properties: { K: { const: V } }, required: [K] }, then }`, by V. */
interface Dispatch {
  readonly key: string;
  readonly byValue: ReadonlyMap<string, readonly JsonSchema[]>;
}

const OBJECT_ONLY = new Set(['properties', 'required', 'patternProperties', 'additionalProperties', 'description']);
const dispatches = new WeakMap<readonly unknown[], Dispatch | null>();

/**
 * Recognises an `allOf` that picks one `then` by the constant value of one key (the field schema
 * picks its type's keys this way), so that a field is checked against its own type's schema instead
 * of evaluating sixteen `if`s. Exactly equivalent: for an object, such an `if` holds when the key is
 * present with that value; for anything else it holds vacuously, but then the `then`, made only of
 * object keywords, is vacuous too.
 */
const dispatchOf = (parts: readonly unknown[]): Dispatch | null => {
  let dispatch = dispatches.get(parts);
  if (dispatch !== undefined) return dispatch;
  dispatch = null;
  let key: string | undefined;
  const byValue = new Map<string, JsonSchema[]>();
  for (const part of parts) {
    const condition = isPlainObject(part) && isPlainObject(part.if) ? part.if : undefined;
    const then = isPlainObject(part) && isPlainObject(part.then) ? part.then : undefined;
    const properties = condition !== undefined && isPlainObject(condition.properties) ? condition.properties : undefined;
    const names = properties === undefined ? [] : Object.keys(properties);
    const only = names[0];
    const constant = only === undefined || properties === undefined ? undefined : properties[only];
    const shapeOk = part !== undefined && isPlainObject(part) && Object.keys(part).length === 2 && then !== undefined &&
      condition !== undefined && Object.keys(condition).length === 2 && names.length === 1 &&
      Array.isArray(condition.required) && condition.required.length === 1 && condition.required[0] === only &&
      isPlainObject(constant) && Object.keys(constant).length === 1 && typeof constant.const === 'string' &&
      Object.keys(then).every((keyword) => OBJECT_ONLY.has(keyword));
    if (!shapeOk || (key !== undefined && key !== only)) {
      dispatches.set(parts, null);
      return null;
    }
    key = only;
    const value = (constant as { const: string }).const;
    byValue.set(value, [...(byValue.get(value) ?? []), then as JsonSchema]);
  }
  dispatch = key === undefined ? null : { key, byValue };
  dispatches.set(parts, dispatch);
  return dispatch;
};

class Checker {
  // Above zero inside an `if`: keywords are evaluated, nothing is reported.
  private silent = 0;

  constructor(private readonly root: JsonSchema, private readonly errors: SchemaError[]) {}

  private report(keyword: string, path: string, schema: JsonSchema, data: unknown, propertyName: boolean, property?: string): void {
    if (this.silent > 0) return;
    const error: { -readonly [K in keyof SchemaError]: SchemaError[K] } = { keyword, path, schema, data };
    if (propertyName) error.propertyName = true;
    if (property !== undefined) error.property = property;
    this.errors.push(error);
  }

  /** Checks `value` at `path`; with `silent`, only answers whether it is valid (for `if`). */
  check(schema: JsonSchema, value: unknown, path: string, silent: boolean, propertyName = false): boolean {
    if (silent) this.silent++;
    try {
      return this.checkNode(schema, value, path, propertyName);
    } finally {
      if (silent) this.silent--;
    }
  }

  private checkNode(schema: JsonSchema, value: unknown, path: string, propertyName: boolean): boolean {
    let valid = true;
    if (typeof schema.$ref === 'string' && !this.checkNode(this.resolve(schema.$ref), value, path, propertyName)) valid = false;
    // A type error does not end the check: the keywords below each apply by the value's own type, as
    // in ajv, so 0.5 for an integer with minimum 1 is reported as both (the author fixes it once).
    const type = schema.type;
    if (type !== undefined && !(Array.isArray(type) ? type.some((each: string) => typeMatches(each, value)) : typeMatches(type as string, value))) {
      valid = false;
      this.report('type', path, schema, value, propertyName);
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => equal(allowed, value))) {
      valid = false;
      this.report('enum', path, schema, value, propertyName);
    }
    if (hasOwn(schema, 'const') && !equal(schema.const, value)) {
      valid = false;
      this.report('const', path, schema, value, propertyName);
    }
    if (typeof value === 'string' && !this.string(schema, value, path, propertyName)) valid = false;
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum) {
        valid = false;
        this.report('minimum', path, schema, value, propertyName);
      }
      if (typeof schema.maximum === 'number' && value > schema.maximum) {
        valid = false;
        this.report('maximum', path, schema, value, propertyName);
      }
    }
    if (Array.isArray(value) && !this.array(schema, value, path)) valid = false;
    if (isPlainObject(value) && !this.object(schema, value, path)) valid = false;
    const allOf = schema.allOf;
    if (Array.isArray(allOf)) {
      const dispatch = dispatchOf(allOf);
      if (dispatch === null) {
        for (const part of allOf as JsonSchema[]) if (!this.checkNode(part, value, path, propertyName)) valid = false;
      } else if (isPlainObject(value) && hasOwn(value, dispatch.key) && typeof value[dispatch.key] === 'string') {
        for (const then of dispatch.byValue.get(value[dispatch.key] as string) ?? []) if (!this.checkNode(then, value, path, propertyName)) valid = false;
      }
    }
    if (isPlainObject(schema.if) && (isPlainObject(schema.then) || isPlainObject(schema.else))) {
      const branch = this.check(schema.if, value, path, true, propertyName) ? schema.then : schema.else;
      if (isPlainObject(branch) && !this.checkNode(branch, value, path, propertyName)) valid = false;
    }
    return valid;
  }

  private string(schema: JsonSchema, value: string, path: string, propertyName: boolean): boolean {
    let valid = true;
    const fail = (keyword: string): void => {
      valid = false;
      this.report(keyword, path, schema, value, propertyName);
    };
    if (typeof schema.minLength === 'number' && codePointLength(value) < schema.minLength) fail('minLength');
    if (typeof schema.maxLength === 'number' && codePointLength(value) > schema.maxLength) fail('maxLength');
    if (typeof schema.pattern === 'string' && !regex(schema.pattern).test(value)) fail('pattern');
    return valid;
  }

  private array(schema: JsonSchema, value: readonly unknown[], path: string): boolean {
    let valid = true;
    const fail = (keyword: string): void => {
      valid = false;
      this.report(keyword, path, schema, value, false);
    };
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('minItems');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('maxItems');
    if (schema.uniqueItems === true && value.some((item, i) => value.some((other, j) => j < i && equal(item, other)))) fail('uniqueItems');
    if (isPlainObject(schema.items)) {
      for (let index = 0; index < value.length; index++) {
        if (!this.checkNode(schema.items, value[index], join(path, index), false)) valid = false;
      }
    }
    return valid;
  }

  private object(schema: JsonSchema, value: Readonly<Record<string, unknown>>, path: string): boolean {
    let valid = true;
    const keys = Object.keys(value);
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) {
      valid = false;
      this.report('minProperties', path, schema, value, false);
    }
    if (Array.isArray(schema.required)) {
      for (const key of schema.required as string[]) {
        if (hasOwn(value, key)) continue;
        valid = false;
        this.report('required', path, schema, value, false, key);
      }
    }
    const properties = isPlainObject(schema.properties) ? schema.properties : undefined;
    const patternProperties = isPlainObject(schema.patternProperties) ? schema.patternProperties : undefined;
    const names = isPlainObject(schema.propertyNames) ? schema.propertyNames : undefined;
    const additional = schema.additionalProperties;
    // Nothing constrains keys outside `properties`: only those need a look (an `if` names one key).
    const keysToCheck = names === undefined && patternProperties === undefined && additional === undefined && properties !== undefined
      ? Object.keys(properties).filter((key) => hasOwn(value, key))
      : keys;
    for (const key of keysToCheck) {
      const keyPath = join(path, key);
      if (names !== undefined && !this.checkNode(names, key, keyPath, true)) valid = false;
      let known = false;
      if (properties !== undefined && hasOwn(properties, key) && isPlainObject(properties[key])) {
        known = true;
        if (!this.checkNode(properties[key] as JsonSchema, value[key], keyPath, false)) valid = false;
      }
      if (patternProperties !== undefined) {
        for (const source in patternProperties) {
          if (!hasOwn(patternProperties, source) || !regex(source).test(key)) continue;
          known = true;
          const sub = patternProperties[source];
          if (isPlainObject(sub) && !this.checkNode(sub, value[key], keyPath, false)) valid = false;
        }
      }
      if (known) continue;
      if (additional === false) {
        valid = false;
        this.report('additionalProperties', path, schema, value, false, key);
      } else if (isPlainObject(additional) && !this.checkNode(additional, value[key], keyPath, false)) valid = false;
    }
    return valid;
  }

  private resolve(pointer: string): JsonSchema {
    const definitions = this.root.definitions as Readonly<Record<string, JsonSchema>>;
    const name = pointer.startsWith('#/definitions/') ? pointer.slice(14) : pointer;
    return hasOwn(definitions, name) ? (definitions[name] as JsonSchema) : {};
  }
}
