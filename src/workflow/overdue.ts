import { isPlainObject } from '../core/reserved';
import type { InternalForm, WorkflowIR, WorkflowStateIR } from '../compile/internalForm';
import type { FormRecord } from '../records/recordTypes';
import { deadlineAt, readDeadline, type Deadline } from './deadline';
import type { WorkingCalendar } from './workingCalendar';

const deadlines = /* @__PURE__ */ new WeakMap<WorkflowStateIR, Deadline | null>();

/** A state's deadline, read once from the definition (checked when the form was compiled). */
const deadlineOfState = (state: WorkflowStateIR): Deadline | undefined => {
  let deadline = deadlines.get(state);
  if (deadline === undefined) deadlines.set(state, (deadline = readDeadline(state.deadline) ?? null));
  return deadline ?? undefined;
};

/**
 * When the record's current state in `workflow` runs out: counted from when the record entered it,
 * in the form's time zone, on `calendar` for working days. Undefined in a final state or a state
 * without a deadline.
 */
export const deadlineOf = (form: InternalForm, workflow: WorkflowIR, record: FormRecord, calendar: WorkingCalendar | undefined): Date | undefined => {
  // A record read from storage may lack parts: what is missing has no deadline rather than a TypeError.
  const states: Readonly<Record<string, unknown>> = isPlainObject(record.states) ? record.states : {};
  const sinceAll: Readonly<Record<string, unknown>> = isPlainObject(record.stateSince) ? record.stateSince : {};
  const current = states[workflow.name];
  const state = workflow.states.get(typeof current === 'string' ? current : workflow.initial);
  if (state === undefined || state.final) return undefined;
  const deadline = deadlineOfState(state);
  const entered = sinceAll[workflow.name] ?? record.createdAt;
  const since = typeof entered === 'string' ? Date.parse(entered) : Number.NaN;
  if (deadline === undefined || Number.isNaN(since)) return undefined;
  return deadlineAt(new Date(since), deadline, { timeZone: form.timeZone, ...(calendar === undefined ? {} : { calendar }) });
};

/** Whether the record stayed in its state past the deadline at `now` (exactly at the deadline is in time). */
export const isRecordOverdue = (form: InternalForm, workflow: WorkflowIR, record: FormRecord, now: Date, calendar: WorkingCalendar | undefined): boolean => {
  const deadline = deadlineOf(form, workflow, record, calendar);
  return deadline !== undefined && now.getTime() > deadline.getTime();
};
