/** Names that reach object prototypes in JavaScript; never valid as an id, key or variable anywhere. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isReservedName = (name: string): boolean => RESERVED_NAMES.has(name);

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Own-property test that works on null-prototype objects and never consults a prototype. */
export const hasOwn = (object: object, key: string): boolean => hasOwnProperty.call(object, key);

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
