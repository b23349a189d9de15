import { containerKind } from '../core/reserved';

const MAX_DEPTH = 32;

export interface JsonRead {
  readonly value: unknown;
  /** Dotted paths of parts that could not be read as JSON: getters, cycles, functions, too deep. */
  readonly unreadable: readonly string[];
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * Copies untrusted values into plain JSON data, reading each part once and never calling a getter:
 * what cannot be read (a throwing Proxy trap, an accessor, a cycle, a function, nesting deeper than
 * any form's values go) is left out and named in `unreadable`. Used when the fast pass meets values
 * that are not plain data; validate then reports each unreadable part as a `type` error at its path.
 */
export const readJson = (input: unknown): JsonRead => {
  const unreadable: string[] = [];
  const onPath = new Set<object>();
  const copy = (value: unknown, path: string, depth: number): unknown => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    const kind = containerKind(value);
    if (kind === undefined || depth > MAX_DEPTH || onPath.has(value as object)) {
      unreadable.push(path);
      return undefined;
    }
    const source = value as object;
    onPath.add(source);
    try {
      if (kind === 'array') {
        const length = (source as unknown[]).length;
        const result: unknown[] = [];
        for (let i = 0; i < length && i < 100_000; i++) result.push(read(source, String(i), join(path, String(i)), depth));
        return result;
      }
      const result: Record<string, unknown> = {};
      for (const key of Object.keys(source)) {
        const item = read(source, key, join(path, key), depth);
        // Own data property only, defined rather than assigned, so that a key `__proto__` stays data.
        if (item !== undefined) Object.defineProperty(result, key, { value: item, enumerable: true, writable: true, configurable: true });
      }
      return result;
    } catch {
      unreadable.push(path);
      return undefined;
    } finally {
      onPath.delete(source);
    }
  };
  const read = (source: object, key: string, path: string, depth: number): unknown => {
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Object.getOwnPropertyDescriptor(source, key);
    } catch {
      descriptor = undefined;
    }
    if (descriptor === undefined) return undefined;
    if (!('value' in descriptor)) {
      unreadable.push(path);
      return undefined;
    }
    return descriptor.value === undefined ? undefined : copy(descriptor.value, path, depth + 1);
  };
  return { value: copy(input, '', 0), unreadable };
};
