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
 * agrees with ajv on the published schema. `if` is checked silently and gates `then`, as in ajv.
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

class Checker {
  constructor(private readonly root: JsonSchema, private readonly errors: SchemaError[]) {}

  /** Checks `value` at `path`; with `silent`, only answers whether it is valid (for `if`). */
  check(schema: JsonSchema, value: unknown, path: string, silent: boolean, propertyName = false): boolean {
    let valid = true;
    const fail = (keyword: string, extra: { property?: string } = {}): void => {
      valid = false;
      if (!silent) this.errors.push({ keyword, path, schema, data: value, ...(propertyName ? { propertyName } : {}), ...extra });
    };
    if (typeof schema.$ref === 'string') {
      const target = this.resolve(schema.$ref);
      if (!this.check(target, value, path, silent, propertyName)) valid = false;
    }
    // A type error does not end the check: the keywords below each apply by the value's own type, as
    // in ajv, so 0.5 for an integer with minimum 1 is reported as both (the author fixes it once).
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((type) => typeMatches(type, value))) fail('type');
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => equal(allowed, value))) fail('enum');
    if (hasOwn(schema, 'const') && !equal(schema.const, value)) fail('const');
    if (typeof value === 'string') this.string(schema, value, fail);
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum) fail('minimum');
      if (typeof schema.maximum === 'number' && value > schema.maximum) fail('maximum');
    }
    if (Array.isArray(value) && !this.array(schema, value, path, silent, fail)) valid = false;
    if (isPlainObject(value) && !this.object(schema, value, path, silent, fail)) valid = false;
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf as JsonSchema[]) if (!this.check(part, value, path, silent, propertyName)) valid = false;
    }
    if (isPlainObject(schema.if) && this.check(schema.if, value, path, true, propertyName) && isPlainObject(schema.then)) {
      if (!this.check(schema.then, value, path, silent, propertyName)) valid = false;
    }
    return valid;
  }

  private string(schema: JsonSchema, value: string, fail: (keyword: string) => void): void {
    if (typeof schema.minLength === 'number' && codePointLength(value) < schema.minLength) fail('minLength');
    if (typeof schema.maxLength === 'number' && codePointLength(value) > schema.maxLength) fail('maxLength');
    if (typeof schema.pattern === 'string' && !regex(schema.pattern).test(value)) fail('pattern');
  }

  private array(schema: JsonSchema, value: readonly unknown[], path: string, silent: boolean, fail: (keyword: string) => void): boolean {
    let valid = true;
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('minItems');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('maxItems');
    if (schema.uniqueItems === true && value.some((item, i) => value.some((other, j) => j < i && equal(item, other)))) fail('uniqueItems');
    if (isPlainObject(schema.items)) {
      value.forEach((item, index) => {
        if (!this.check(schema.items as JsonSchema, item, join(path, index), silent)) valid = false;
      });
    }
    return valid;
  }

  private object(
    schema: JsonSchema,
    value: Readonly<Record<string, unknown>>,
    path: string,
    silent: boolean,
    fail: (keyword: string, extra?: { property?: string }) => void,
  ): boolean {
    let valid = true;
    const keys = Object.keys(value);
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) fail('minProperties');
    if (Array.isArray(schema.required)) {
      for (const key of schema.required as string[]) if (!hasOwn(value, key)) fail('required', { property: key });
    }
    const properties = isPlainObject(schema.properties) ? schema.properties : {};
    const patternProperties = isPlainObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
    for (const key of keys) {
      const keyPath = join(path, key);
      if (isPlainObject(schema.propertyNames) && !this.check(schema.propertyNames, key, keyPath, silent, true)) valid = false;
      let known = false;
      if (hasOwn(properties, key) && isPlainObject(properties[key])) {
        known = true;
        if (!this.check(properties[key] as JsonSchema, value[key], keyPath, silent)) valid = false;
      }
      for (const [source, sub] of patternProperties) {
        if (!regex(source).test(key)) continue;
        known = true;
        if (isPlainObject(sub) && !this.check(sub, value[key], keyPath, silent)) valid = false;
      }
      if (known) continue;
      if (schema.additionalProperties === false) fail('additionalProperties', { property: key });
      else if (isPlainObject(schema.additionalProperties) && !this.check(schema.additionalProperties, value[key], keyPath, silent)) valid = false;
    }
    return valid;
  }

  private resolve(pointer: string): JsonSchema {
    const name = pointer.replace('#/definitions/', '');
    const definitions = this.root.definitions as Readonly<Record<string, JsonSchema>>;
    return definitions[name] ?? {};
  }
}
