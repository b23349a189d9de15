import { hasOwn } from '../core/reserved';

// Values are JSON and a field's value is at most a few levels deep (rows of files); anything deeper
// or cyclic is not an answer formloom kept, so it is "changed" rather than walked forever.
const MAX_DEPTH = 16;

/** Structural equality of JSON values, depth-bounded: tells whether a locked field was changed. Never throws on JSON. */
export const sameValue = (a: unknown, b: unknown, depth = 0): boolean => {
  if (a === b) return true;
  if (depth > MAX_DEPTH || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!hasOwn(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
};
