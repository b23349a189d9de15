import { hasOwn } from '../core/reserved';

/**
 * Reads a dotted path as json-logic-js's `var` does, but only through own properties, so that no
 * name ever reaches a prototype (`{"var": "constructor"}` is not found rather than a function).
 */
export const readPath = (data: unknown, parts: readonly string[], notFound: unknown): unknown => {
  let current = data;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || current === undefined) return notFound;
    const key = parts[i] as string;
    const type = typeof current;
    current = (type === 'object' || type === 'string') && hasOwn(Object(current), key)
      ? (current as Record<string, unknown>)[key]
      : undefined;
    if (current === undefined) return notFound;
  }
  return current;
};

/** Splits a `var` argument into path parts; `null`, `undefined` and `""` mean the whole data. */
export const varParts = (name: unknown): readonly string[] | null =>
  name === undefined || name === null || name === '' ? null : String(name).split('.');

export const readVar = (data: unknown, name: unknown, fallback: unknown): unknown => {
  const parts = varParts(name);
  const notFound = fallback === undefined ? null : fallback;
  return parts === null ? data : readPath(data, parts, notFound);
};
