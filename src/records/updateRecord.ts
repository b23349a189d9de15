import type { InternalForm } from '../compile/internalForm';
import { actorOn } from './ownership';
import { planUpdate } from './planUpdate';
import { readAct, readRecord } from './recordContext';
import type { FormRecord } from './recordTypes';
import { writeRevision } from './writeRevision';

/**
 * A new record with `changes` merged into the stored values (revision + 1; the input is never
 * mutated). The role may change only what it may read and write and what `readonlyIf` does not
 * lock, at the top level and inside rows (mergeChanges, mergeRows); every stored answer it cannot
 * read, and every answer hidden after the update, is kept as it was (keepHiddenAnswers). `$owner`
 * in a write list lets in the record's owner only, and a role of `ownership.ownOnly` changes
 * nothing on a record it does not own. Throws RecordValidationError with `unknownField` /
 * `forbidden` for what the role may not change, and with the usual codes for values that are not
 * valid. An update that changes nothing returns the record itself. History gets one entry with
 * every field that changed, from and to.
 */
export const updateRecord = (form: InternalForm, recordArg: unknown, changesArg: unknown, given: unknown): FormRecord => {
  const record = readRecord(form, recordArg, 'updateRecord');
  const act = readAct(form, given, 'updateRecord');
  const plan = planUpdate(form, record, changesArg, act, actorOn(form, record, act), true);
  return plan === undefined ? record : writeRevision(form, record, plan.values, plan.tags, act, { action: 'update' });
};
