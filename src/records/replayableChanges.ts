import { isReservedName } from '../core/reserved';
import type { FormValues } from '../core/values';
import { diffValues } from './diffValues';
import type { HistoryChange } from './recordTypes';

const isId = (part: string | undefined): boolean => part !== undefined && /^[A-Za-z][A-Za-z0-9_]*$/.test(part) && !isReservedName(part);

/** A path recordAt can walk: a field id, or `group.<row>.<field>`. */
const replayable = (path: string): boolean => {
  const parts = path.split('.');
  return parts.length === 1 ? isId(parts[0]) : parts.length === 3 && isId(parts[0]) && /^\d+$/.test(parts[1] ?? '') && isId(parts[2]);
};

/**
 * diffValues' changes, except that a group whose rows hold a key no definition could give (`.`,
 * `__proto__`: a record made by hand) is one change of its whole list: a row path built from such
 * a key would not lead recordAt back to it. Records made by formloom never need this.
 */
export const replayableChanges = (before: FormValues, after: FormValues, order: readonly string[]): HistoryChange[] => {
  const changes = diffValues(before, after, order);
  const whole = new Set(changes.filter((change) => !replayable(change.path) && change.path.split('.').length > 1).map((change) => change.path.split('.')[0] ?? ''));
  if (whole.size === 0) return changes;
  const result: HistoryChange[] = [];
  const emitted = new Set<string>();
  for (const change of changes) {
    const key = change.path.split('.')[0] ?? '';
    if (!whole.has(key) || change.path === key) result.push(change);
    else if (!emitted.has(key)) {
      emitted.add(key);
      result.push({ path: key, from: before[key], to: after[key] });
    }
  }
  return result;
};
