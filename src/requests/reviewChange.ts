import { produce, type Draft } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { actorOn } from '../records/ownership';
import { readAct, readRecord } from '../records/recordContext';
import { systemPass } from '../records/recordPass';
import type { FormRecord } from '../records/recordTypes';
import { checkTransition } from '../workflow/checkTransition';
import { readReason } from '../workflow/readReason';
import { refusal } from '../workflow/refusal';
import { applyRequest } from './applyRequest';
import type { ChangeRequestEntry, ChangeReview } from './changeRequestTypes';
import { changeRequestsOf } from './changeRequestsOf';
import { readRequest } from './readRequest';

/**
 * Fires a review event on a request, checked as `send` checks a record's event (WorkflowError with
 * the same codes): roles and `$owner` (the record's owner), `ownership.ownOnly`, `when` and
 * `requires` on the record's values, a required reason, `maxTimes` on the request's own history.
 * The first time the request enters the `apply` state its changes reach the record (applyRequest:
 * a `change-request` history entry, or ChangeRequestError `conflict`); every other event leaves the
 * record as it is. Neither input is mutated: both come back new, the request with the event in its
 * history (and `appliedRevision` once applied).
 */
export const reviewChange = (form: InternalForm, recordArg: unknown, requestArg: unknown, event: unknown, given: unknown): ChangeReview<FormRecord> => {
  const review = changeRequestsOf(form, 'reviewChange');
  const workflow = review.workflow;
  const record = readRecord(form, recordArg, 'reviewChange');
  const act = readAct(form, given, 'reviewChange', ['reason']);
  if (typeof event !== 'string') throw new FormUsageError('bad-argument', 'reviewChange: the event must be a string');
  const request = readRequest(form, workflow, record, requestArg);
  const reason = readReason(act.options.reason);
  // The request seen as what checkTransition reads of a record: its state, and its events to count.
  const subject = {
    states: { [workflow.name]: request.state },
    history: request.history.map((entry) => ({ ...entry, workflow: workflow.name })),
  };
  const scope = systemPass(form, record.values, act).scope;
  const check = checkTransition(workflow, subject, event, { ...actorOn(form, record, act), scope, reason });
  if (check.transition === undefined) throw refusal(workflow, event, request.state, check);
  const to = check.transition.to;
  const next = to === review.apply && request.appliedRevision === undefined ? applyRequest(form, record, request, act) : record;
  const entry: ChangeRequestEntry = {
    at: act.now.toISOString(), by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: 'transition',
    event, from: request.state, to, ...(reason === undefined ? {} : { reason }),
  };
  const moved = produce(request, (draft) => {
    draft.state = to;
    draft.history.push(entry as Draft<ChangeRequestEntry>);
    if (next !== record) draft.appliedRevision = next.revision;
  });
  return Object.freeze({ record: next, request: moved });
};
