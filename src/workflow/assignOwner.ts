import { produce, type Draft } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { OWNER } from '../core/owner';
import type { FormValues } from '../core/values';
import { fillAutoFields } from '../records/autoFields';
import { diffValues } from '../records/diffValues';
import { ownerOf } from '../records/ownership';
import { readAct, readRecord } from '../records/recordContext';
import type { FormRecord, HistoryEntry } from '../records/recordTypes';
import { OWNER_PATH } from '../records/statePaths';
import { readReason } from './readReason';
import { WorkflowError } from './workflowError';

/** The event name an owner change is refused and recorded under. */
export const ASSIGN_OWNER = 'assign-owner';

/**
 * The record given to `owner` (an employee who left hands over their customers), by a role of
 * `ownership.assign`; anyone else is refused with WorkflowError `forbidden` (workflow `$owner`, event
 * `assign-owner`). Like a transition it is a revision of its own: history gets an `assign-owner`
 * entry with the owners as `from` and `to` and a `$owner` change, which recordAt skips (it is no
 * value), beside the system's stamps (`updatedAt` …). Assigning the current owner returns the record.
 */
export const assignOwner = (form: InternalForm, recordArg: unknown, ownerArg: unknown, given: unknown): FormRecord => {
  const record = readRecord(form, recordArg, 'assignOwner');
  const act = readAct(form, given, 'assignOwner', ['reason']);
  if (typeof ownerArg !== 'string' || ownerArg.trim() === '' || ownerArg.length > 200) {
    throw new FormUsageError('bad-argument', 'assignOwner: the owner must name someone (a user id or name)');
  }
  const reason = readReason(act.options.reason);
  if (act.role === undefined || !form.ownership.assign.has(act.role)) {
    throw new WorkflowError('forbidden', `this role may not '${ASSIGN_OWNER}'`, OWNER, ASSIGN_OWNER);
  }
  const from = ownerOf(record);
  if (from === ownerArg) return record;
  const values = fillAutoFields(form, record.values, act, false);
  const at = act.now.toISOString();
  const entry: HistoryEntry = {
    revision: record.revision + 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: ASSIGN_OWNER,
    changes: [{ path: OWNER_PATH, from, to: ownerArg }, ...diffValues(record.values, values, form.fields.map((field) => field.id))],
    ...(from === undefined ? {} : { from }), to: ownerArg, ...(reason === undefined ? {} : { reason }),
  };
  return produce(record, (draft) => {
    draft.values = values as Draft<FormValues>;
    draft.owner = ownerArg;
    draft.revision = entry.revision;
    draft.history.push(entry as Draft<HistoryEntry>);
    draft.updatedAt = at;
    draft.updatedBy = act.by;
  });
};
