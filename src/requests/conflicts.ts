import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { FormRecord, HistoryChange } from '../records/recordTypes';
import { sameValue } from '../validate/sameValue';

/**
 * Groups whose whole list changed after `revision` (rows added or removed, or the list replaced):
 * history writes such a change at the group's own path. Rows matched by index no longer line up
 * there, so a row answer a request expects may now sit in another row.
 */
const relaidSince = (record: FormRecord, revision: number): Set<string> => {
  const relaid = new Set<string>();
  for (const entry of record.history as readonly unknown[]) {
    if (!isPlainObject(entry) || typeof entry.revision !== 'number' || entry.revision <= revision || !Array.isArray(entry.changes)) continue;
    for (const change of entry.changes as readonly unknown[]) {
      if (isPlainObject(change) && typeof change.path === 'string' && !change.path.includes('.')) relaid.add(change.path);
    }
  }
  return relaid;
};

/** Whether the record still holds the answer a change expects at its path. */
const stillAt = (values: FormValues, change: HistoryChange, relaid: ReadonlySet<string>): boolean => {
  const parts = change.path.split('.');
  const [key, row, child] = parts;
  if (key === undefined) return false;
  if (parts.length === 1) return sameValue(hasOwn(values, key) ? values[key] : undefined, change.from);
  if (parts.length !== 3 || child === undefined || row === undefined || !/^\d+$/.test(row) || relaid.has(key)) return false;
  const rows = hasOwn(values, key) ? values[key] : undefined;
  const stored: unknown = Array.isArray(rows) ? rows[Number(row)] : undefined;
  return isPlainObject(stored) && sameValue(hasOwn(stored, child) ? stored[child] : undefined, change.from);
};

/**
 * The paths a request would overwrite although they changed since it was made: the record's answer
 * is no longer the request's `from`, or the row it names may have moved. Answers changed and changed
 * back are not in conflict: the request still finds what it was made against.
 */
export const conflictingPaths = (record: FormRecord, changes: readonly HistoryChange[], baseRevision: number): string[] => {
  const relaid = relaidSince(record, baseRevision);
  return changes.filter((change) => !stillAt(record.values, change, relaid)).map((change) => change.path);
};
