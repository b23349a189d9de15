import { keepHiddenAnswers } from '../records/keepHidden';
import { produce, type Draft } from 'immer';
import type { InternalForm, TransitionIR, WorkflowIR } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import type { FormValues } from '../core/values';
import { fillAutoFields } from '../records/autoFields';
import { diffValues } from '../records/diffValues';
import { actorOn } from '../records/ownership';
import { readAct, readRecord } from '../records/recordContext';
import { systemPass } from '../records/recordPass';
import { RecordValidationError, type FormRecord, type HistoryEntry } from '../records/recordTypes';
import { checkTransition } from './checkTransition';
import { readReason } from './readReason';
import { refusal } from './refusal';

/**
 * Fires `event` on a record: checks (see checkTransition), writes the transition's `set` fields,
 * moves the workflow to its new state, and records it all in history with the reason. The record
 * is never mutated; a refused event throws WorkflowError and changes nothing.
 */
export const sendEvent = (form: InternalForm, workflow: WorkflowIR, recordArg: unknown, event: unknown, given: unknown): FormRecord =>
  fireEvent(form, workflow, recordArg, event, given).record;

/** What firing an event did: the new record, the transition that fired, and what its effects read. */
export interface FiredEvent {
  readonly record: FormRecord;
  readonly transition: TransitionIR;
  readonly reason: string | undefined;
  readonly locale: string;
}

/** sendEvent, telling also which transition fired (its effects are the caller's to render). */
export const fireEvent = (form: InternalForm, workflow: WorkflowIR, recordArg: unknown, event: unknown, given: unknown): FiredEvent => {
  const record = readRecord(form, recordArg, 'send');
  const act = readAct(form, given, 'send', ['reason']);
  if (typeof event !== 'string') throw new FormUsageError('bad-argument', 'send: the event must be a string');
  const reason = readReason(act.options.reason);
  const scope = systemPass(form, record.values, act).scope;
  const check = checkTransition(workflow, record, event, { ...actorOn(form, record, act), scope, reason });
  const from = record.states[workflow.name] ?? workflow.initial;
  if (check.transition === undefined) throw refusal(workflow, event, from, check);
  const transition = check.transition;
  let values: FormValues = fillAutoFields(form, record.values, act, false);
  if (transition.set.length > 0) {
    const written: FormValues = { ...values };
    for (const { field, value } of transition.set) {
      const result = value(scope);
      written[field.id] = result === undefined ? null : result;
    }
    const result = systemPass(form, written, act);
    if (result.errors.length > 0) throw new RecordValidationError(result.errors);
    // A stored answer hidden after `set` is kept, as an update keeps it; a `set` on a hidden field is not taken.
    values = keepHiddenAnswers(form, values, result);
  }
  const at = act.now.toISOString();
  const entry: HistoryEntry = {
    revision: record.revision + 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: 'transition',
    changes: diffValues(record.values, values, form.fields.map((field) => field.id)),
    workflow: workflow.name, event, from, to: transition.to, ...(reason === undefined ? {} : { reason }),
  };
  const tags = systemPass(form, values, act).tags ?? [];
  const next = produce(record, (draft) => {
    draft.values = values as Draft<FormValues>;
    draft.states[workflow.name] = transition.to;
    draft.stateSince[workflow.name] = at;
    draft.revision = entry.revision;
    draft.tags = [...tags];
    draft.history.push(entry as Draft<HistoryEntry>);
    draft.updatedAt = at;
    draft.updatedBy = act.by;
  });
  return { record: next, transition, reason, locale: act.locale };
};
