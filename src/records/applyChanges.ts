import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { HistoryChange } from './recordTypes';

/** Thrown when a change's path does not exist in the values: the history was altered. */
export class HistoryPathError extends Error {}

/** A shallow copy that keeps every own key as data, `__proto__` included (a spread or assignment would drop it). */
const copyOwn = (source: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) setOwn(copy, key, source[key]);
  return copy;
};

const setOwn = (target: Record<string, unknown>, key: string, value: unknown): void => {
  if (value === undefined) delete target[key];
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * Applies history changes to values, copying only what they touch. History holds two kinds of
 * path (diffValues writes no other): a field id, and `group.<row>.<field>` in a row that exists.
 * Values are shared, never cloned: history's values are frozen, and a clone (immer's applyPatches
 * makes one) loses an own `__proto__` key of an answer.
 */
export const applyChanges = (values: FormValues, changes: readonly HistoryChange[], direction: 'forward' | 'backward'): FormValues => {
  const result = copyOwn(values);
  for (const change of changes) {
    const value = direction === 'forward' ? change.to : change.from;
    const parts = change.path.split('.');
    const [key, row, child] = parts;
    if (parts.length === 1 && key !== undefined) {
      setOwn(result, key, value);
      continue;
    }
    const rows = key === undefined || !hasOwn(result, key) ? undefined : result[key];
    const index = row !== undefined && /^\d+$/.test(row) ? Number(row) : -1;
    if (parts.length !== 3 || child === undefined || !Array.isArray(rows) || index >= rows.length || index < 0 || !isPlainObject(rows[index])) {
      throw new HistoryPathError(`no row at ${parts.length} segments`);
    }
    const nextRows = [...rows];
    const nextRow = copyOwn(rows[index] as Record<string, unknown>);
    setOwn(nextRow, child, value);
    nextRows[index] = nextRow;
    setOwn(result, key as string, nextRows);
  }
  return result as FormValues;
};
