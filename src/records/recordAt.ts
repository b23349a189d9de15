import { freeze } from 'immer';
import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';
import { applyChanges } from './applyChanges';
import type { FormRecord, HistoryChange, HistoryEntry } from './recordTypes';
import { isRecordPath } from './statePaths';

const replay = (values: FormValues, changes: readonly HistoryChange[], direction: 'forward' | 'backward'): FormValues => {
  // A migration's `states.<workflow>` and an assignment's `$owner` are about the record, not its values.
  const valueChanges = changes.filter((change) => !isRecordPath(change.path));
  return applyChanges(values, direction === 'backward' ? valueChanges.reverse() : valueChanges, direction);
};

/** A moment as epoch milliseconds: a Date or a date string; NaN for anything else (a Symbol, a bare object). */
const timeOf = (value: unknown): number => {
  if (typeof value === 'string') return Date.parse(value);
  if (!(value instanceof Date)) return Number.NaN;
  // An object that only claims to be a Date has no time: getTime throws on it.
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
};

/** The last revision made at or before `time`; 0 when the record did not exist yet. A loop: a long history must not overflow a spread. */
const revisionAtTime = (history: readonly HistoryEntry[], time: number): number => {
  let revision = 0;
  for (const entry of history) {
    if (Date.parse(entry.at) <= time && entry.revision > revision) revision = entry.revision;
  }
  return revision;
};

/** Whether a history entry can be walked back: recordAt reads only these parts of it. */
const walkable = (entry: unknown): entry is HistoryEntry =>
  isPlainObject(entry) && typeof entry.revision === 'number' && typeof entry.at === 'string' && Array.isArray(entry.changes)
  && entry.changes.every((change) => isPlainObject(change) && typeof change.path === 'string');

/**
 * The values of a record as they were at a revision (a number) or a moment (a Date or ISO string),
 * rebuilt from its history: every update kept what it changed from, so walking back from the current
 * values gives every earlier version exactly. A record whose history is not what formloom writes
 * (loaded from a store and altered) is a FormUsageError, never a TypeError.
 */
export const recordAt = (record: FormRecord, revisionOrTime: number | Date | string): FormValues => {
  if (!isPlainObject(record) || !isPlainObject(record.values) || !Array.isArray(record.history) || typeof record.revision !== 'number') {
    throw new FormUsageError('bad-argument', 'recordAt expects a FormRecord');
  }
  if (!record.history.every(walkable)) throw new FormUsageError('bad-argument', 'recordAt: the record\'s history holds an entry that is not a history entry');
  let target: number;
  if (typeof revisionOrTime === 'number') target = revisionOrTime;
  else {
    const time = timeOf(revisionOrTime);
    if (Number.isNaN(time)) throw new FormUsageError('bad-argument', 'recordAt: expects a revision number, a Date or an ISO 8601 time');
    target = revisionAtTime(record.history, time);
  }
  if (!Number.isInteger(target) || target < 1 || target > record.revision) {
    throw new FormUsageError('bad-argument', `recordAt: the record has revisions 1 to ${record.revision}`);
  }
  // Freezing what is returned must not freeze the caller's record: one loaded from JSON is copied first.
  let values = Object.isFrozen(record.values) ? record.values : (readJson(record.values).value as FormValues);
  try {
    for (let index = record.history.length - 1; index >= 0; index--) {
      const entry = record.history[index];
      if (entry === undefined || entry.revision <= target) break;
      values = replay(values, entry.changes, 'backward');
    }
  } catch {
    // A change whose path does not exist in the values: the history was altered.
    throw new FormUsageError('bad-argument', `recordAt: the record's history does not lead back to revision ${target}`);
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
