import { keepHiddenAnswers } from '../records/keepHidden';
import { produce, type Draft } from 'immer';
import type { InternalForm, TransitionIR, WorkflowIR } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import type { FormValues } from '../core/values';
import { fillAutoFields } from '../records/autoFields';
import { diffValues } from '../records/diffValues';
import { readAct, readRecord } from '../records/recordContext';
import { systemPass } from '../records/recordPass';
import { RecordValidationError, type FormRecord, type HistoryEntry } from '../records/recordTypes';
import { checkTransition } from './checkTransition';
import { WorkflowError } from './workflowError';

const MESSAGES = {
  'not-allowed': (event: string, state: string) => `'${event}' is not possible from state '${state}'`,
  forbidden: (event: string) => `this role may not '${event}'`,
  guard: (event: string) => `the condition of '${event}' does not hold for this record`,
  'missing-fields': (event: string) => `'${event}' needs fields answered first`,
  'reason-required': (event: string) => `'${event}' needs a reason`,
  limit: (event: string) => `'${event}' has already happened as often as it may on this record`,
} as const;

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
  const reason = act.options.reason;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) {
    throw new FormUsageError('bad-option', '`reason` must be a text (at most 2000 characters)', 'reason');
  }
  const scope = systemPass(form, record.values, act).scope;
  const check = checkTransition(workflow, record, event, { role: act.role, scope, reason: reason ?? undefined });
  const from = record.states[workflow.name] ?? workflow.initial;
  if (check.transition === undefined) {
    const code = check.code ?? 'not-allowed';
    const message = code === 'not-allowed' ? MESSAGES[code](event, from) : MESSAGES[code](event);
    throw new WorkflowError(code, message, workflow.name, event, check.missing);
  }
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
    workflow: workflow.name, event, from, to: transition.to, ...(reason === undefined || reason === '' ? {} : { reason }),
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
  return { record: next, transition, reason: reason === undefined || reason === '' ? undefined : reason, locale: act.locale };
};
