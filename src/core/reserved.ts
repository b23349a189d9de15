/**
 * Names that reach object prototypes in JavaScript. They are never valid as an id, key, option-set,
 * role, state or variable anywhere in a definition: `__proto__`, `constructor` and `prototype` pollute
 * or escape, and the other `Object.prototype` members (`hasOwnProperty`, `toString`, …) would turn a
 * consumer's `values.hasOwnProperty(…)` into a call on data. Cleaned values stay ordinary objects.
 */
export const RESERVED_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  'toString', 'toLocaleString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/** True for a prototype-reaching name, including any member a newer engine adds to Object.prototype. */
export const isReservedName = (name: string): boolean => RESERVED_NAMES.has(name) || name in Object.prototype;

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Own-property test that works on null-prototype objects and never consults a prototype. */
export const hasOwn = (object: object, key: string): boolean => hasOwnProperty.call(object, key);

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false; // a revoked Proxy: nothing can be read from it
  }
};

/** A dictionary for lookups by caller- or author-supplied names: no prototype to fall through to. */
export const dictionary = <T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> => {
  const result = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) result[key] = value;
  return result;
};

/** 'array', 'object' (plain: Object.prototype or none), or undefined for anything else; never throws (a revoked Proxy would). */
export const containerKind = (value: unknown): 'array' | 'object' | undefined => {
  try {
    if (typeof value !== 'object' || value === null) return undefined;
    if (Array.isArray(value)) return 'array';
    const proto: unknown = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null ? 'object' : undefined;
  } catch {
    return undefined;
  }
};
