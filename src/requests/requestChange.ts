import { freeze } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { randomToken } from '../core/random';
import { actorOn } from '../records/ownership';
import { planUpdate } from '../records/planUpdate';
import { readAct, readRecord } from '../records/recordContext';
import { ChangeRequestError, type ChangeRequest } from './changeRequestTypes';
import { changeRequestsOf } from './changeRequestsOf';
import { requestedChanges } from './requestedChanges';

/**
 * A pending request to change a record, for a reviewer to approve: the changes are checked as
 * updateRecord checks them for this role (access lists, `$owner`, `ownership.ownOnly`, valid values;
 * RecordValidationError otherwise), except that `readonlyIf` does not hold them back, since review is
 * how a locked record changes. The record is not touched. The request lists each answer it changes,
 * from the record's current answer (what approval will expect to find) to the new one; computed
 * answers are left to be computed again. A request that would change nothing is ChangeRequestError
 * `no-change`. Starts in the review workflow's initial state.
 */
export const requestChange = (form: InternalForm, recordArg: unknown, changesArg: unknown, given: unknown): ChangeRequest => {
  const review = changeRequestsOf(form, 'requestChange');
  const record = readRecord(form, recordArg, 'requestChange');
  const act = readAct(form, given, 'requestChange', ['id']);
  const id = act.options.id ?? randomToken(16);
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new FormUsageError('bad-option', '`id` must be a non-empty string', 'id');
  const plan = planUpdate(form, record, changesArg, act, actorOn(form, record, act), false);
  const changes = plan === undefined ? [] : requestedChanges(form, record.values, plan.values);
  if (changes.length === 0) throw new ChangeRequestError('no-change', 'the request changes no answer of the record');
  const at = act.now.toISOString();
  const role = act.role === undefined ? {} : { role: act.role };
  const state = review.workflow.initial;
  const request: ChangeRequest = {
    id, formId: form.id, recordId: record.id, baseRevision: record.revision, by: act.by, ...role, at, changes, state,
    history: [{ at, by: act.by, ...role, action: 'request', to: state }],
  };
  return freeze(request, true);
};
