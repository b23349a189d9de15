import { applyPatches, enablePatches, freeze, type Patch } from 'immer';
import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { FormRecord, HistoryChange } from './recordTypes';
import { isStatePath } from './statePaths';

const segments = (path: string): (string | number)[] => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** History changes as immer patches, applying `from` (back in time) or `to` (forward). */
export const changesToPatches = (changes: readonly HistoryChange[], direction: 'forward' | 'backward'): Patch[] =>
  changes.map((change) => {
    const value = direction === 'forward' ? change.to : change.from;
    return value === undefined ? { op: 'remove', path: segments(change.path) } : { op: 'add', path: segments(change.path), value };
  });

let patchesEnabled = false;
const replay = (values: FormValues, changes: readonly HistoryChange[], direction: 'forward' | 'backward'): FormValues => {
  if (!patchesEnabled) {
    enablePatches();
    patchesEnabled = true;
  }
  // A migration's `states.<workflow>` changes are about the record, not its values.
  const valueChanges = changes.filter((change) => !isStatePath(change.path));
  return applyPatches(values, changesToPatches(direction === 'backward' ? valueChanges.reverse() : valueChanges, direction));
};

/**
 * The values of a record as they were at a revision (a number) or a moment (a Date or ISO string),
 * rebuilt from its history: every update kept what it changed from, so walking back from the current
 * values gives every earlier version exactly.
 */
export const recordAt = (record: FormRecord, revisionOrTime: number | Date | string): FormValues => {
  if (!isPlainObject(record) || !Array.isArray(record.history) || typeof record.revision !== 'number') {
    throw new FormUsageError('bad-argument', 'recordAt expects a FormRecord');
  }
  let target: number;
  if (typeof revisionOrTime === 'number') target = revisionOrTime;
  else {
    const time = revisionOrTime instanceof Date ? revisionOrTime.getTime() : Date.parse(revisionOrTime);
    if (Number.isNaN(time)) throw new FormUsageError('bad-argument', 'recordAt: not a valid time');
    const before = record.history.filter((entry) => Date.parse(entry.at) <= time);
    target = before.length === 0 ? 0 : Math.max(...before.map((entry) => entry.revision));
  }
  if (!Number.isInteger(target) || target < 1 || target > record.revision) {
    throw new FormUsageError('bad-argument', `recordAt: the record has revisions 1 to ${record.revision}`);
  }
  let values = record.values;
  for (let index = record.history.length - 1; index >= 0; index--) {
    const entry = record.history[index];
    if (entry === undefined || entry.revision <= target) break;
    values = replay(values, entry.changes, 'backward');
  }
  return freeze(values, true);
};

/** Rebuilds every revision forward from nothing: what history says, to compare with recordAt. */
export const replayHistory = (record: FormRecord): FormValues[] => {
  const versions: FormValues[] = [];
  let values: FormValues = {};
  for (const entry of record.history) {
    values = replay(values, entry.changes, 'forward');
    versions[entry.revision] = values;
  }
  return versions;
};
