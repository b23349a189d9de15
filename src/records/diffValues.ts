import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { sameValue } from '../validate/sameValue';
import type { HistoryChange } from './recordTypes';

/**
 * The changes from one values object to another, field by field. Rows of a group that kept its
 * length are compared field by field (`services.0.solution`); a group whose rows were added or
 * removed is one change of the whole list, so that replaying history never depends on row order.
 */
export const diffValues = (before: FormValues, after: FormValues, order: readonly string[]): HistoryChange[] => {
  const changes: HistoryChange[] = [];
  const keys = [...order, ...Object.keys(before), ...Object.keys(after)];
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const from = before[key];
    const to = after[key];
    if (sameValue(from, to)) continue;
    if (Array.isArray(from) && Array.isArray(to) && from.length === to.length && from.every(isPlainObject) && to.every(isPlainObject)) {
      from.forEach((row, index) => {
        const next = to[index] as FormValues;
        const rowKeys = new Set([...Object.keys(row as FormValues), ...Object.keys(next)]);
        for (const child of rowKeys) {
          const a = (row as FormValues)[child];
          const b = next[child];
          if (!sameValue(a, b)) changes.push({ path: `${key}.${index}.${child}`, from: a, to: b });
        }
      });
      continue;
    }
    changes.push({ path: key, from, to });
  }
  return changes;
};
