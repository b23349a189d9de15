import { produce, type Draft } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';
import { fillAutoFields } from './autoFields';
import { diffValues } from './diffValues';
import { keepHiddenAnswers } from './keepHidden';
import { mergeChanges } from './mergeChanges';
import { readAct, readRecord } from './recordContext';
import { recordIssue } from './recordIssue';
import { systemPass } from './recordPass';
import { RecordValidationError, type FormRecord, type HistoryEntry } from './recordTypes';
import { storedView } from './storedView';

/**
 * A new record with `changes` merged into the stored values (revision + 1; the input is never
 * mutated). The role may change only what it may read and write and what `readonlyIf` does not
 * lock, at the top level and inside rows (mergeChanges, mergeRows); every stored answer it cannot
 * read, and every answer hidden after the update, is kept as it was (keepHiddenAnswers). Throws
 * RecordValidationError with `unknownField` / `forbidden` for what the role may not change, and with
 * the usual codes for values that are not valid. An update that changes nothing returns the record
 * itself. History gets one entry with every field that changed, from and to.
 */
export const updateRecord = (form: InternalForm, recordArg: unknown, changesArg: unknown, given: unknown): FormRecord => {
  const record = readRecord(form, recordArg, 'updateRecord');
  const act = readAct(form, given, 'updateRecord');
  const read = readJson(changesArg);
  if (!isPlainObject(read.value) || read.unreadable.length > 0) {
    throw new RecordValidationError([recordIssue(form, '', { code: 'type', params: { expected: 'object' } }, undefined, undefined, act.locale)]);
  }
  const merged = mergeChanges(storedView(form, record.values, act), read.value);
  if (merged.problems.length > 0) throw new RecordValidationError(merged.problems);
  const result = systemPass(form, merged.values, act);
  if (result.errors.length > 0) throw new RecordValidationError(result.errors);
  const kept = keepHiddenAnswers(form, record.values, result, merged.relaid);
  if (diffValues(record.values, kept, []).length === 0) return record;
  const values = fillAutoFields(form, kept, act, false);
  const changed = diffValues(record.values, values, form.fields.map((field) => field.id));
  const at = act.now.toISOString();
  const entry: HistoryEntry = {
    revision: record.revision + 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: 'update', changes: changed,
  };
  return produce(record, (draft) => {
    draft.values = values as Draft<FormValues>;
    draft.revision = entry.revision;
    draft.tags = [...(result.tags ?? [])];
    draft.history.push(entry as Draft<HistoryEntry>);
    draft.updatedAt = at;
    draft.updatedBy = act.by;
  });
};
