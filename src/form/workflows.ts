import type { InternalForm, WorkflowIR } from '../compile/internalForm';
import { readNow } from '../core/clock';
import { FormUsageError } from '../core/issues';
import type { FormValues } from '../core/values';
import { closest } from '../core/suggest';
import type { FormRecord } from '../records/recordTypes';
import { actorOn } from '../records/ownership';
import { readRecord } from '../records/recordContext';
import { systemPass } from '../records/recordPass';
import { checkTransition } from '../workflow/checkTransition';
import { deadlineOf, isRecordOverdue } from '../workflow/overdue';
import { fireEvent, sendEvent } from '../workflow/sendEvent';
import { notifyEffects, type Effect } from '../effects/notifyEffects';
import type { WorkingCalendar } from '../workflow/workingCalendar';
import { readLocale, readOptionBag, readRole } from './readOptions';

/** Who asks, and when: what `available` and `can` evaluate guards with. */
export interface WorkflowContext {
  readonly role?: string;
  readonly now?: Date | string | number;
  /** Who asks: without it nobody owns the record, so a `$owner` transition is not available. */
  readonly by?: string;
}

/** One workflow of a form, over records: pure functions, each returning a new record or an answer. */
export interface Workflow<V extends FormValues = FormValues> {
  readonly name: string;
  /** The states, in definition order. */
  readonly states: readonly string[];
  /** The events the record can take now, for this role (a UI shows these as buttons). */
  available(record: FormRecord<V>, context?: WorkflowContext): string[];
  /** Whether `event` could fire now for this role (a reason is asked for by `send`, not here). */
  can(record: FormRecord<V>, event: string, context?: WorkflowContext): boolean;
  /** Fires `event`: a new record, or a WorkflowError with the reason it may not. */
  send(record: FormRecord<V>, event: string, options: SendOptions): FormRecord<V>;
  /**
   * Fires `event` as `send` does, and returns the new record beside the transition's effects: the
   * notifications the app should deliver (a confirmation SMS), rendered in `options.locale` (default
   * the form's) and masked under `notifications.policy`. formloom itself sends nothing.
   */
  fire(record: FormRecord<V>, event: string, options: SendOptions): { readonly record: FormRecord<V>; readonly effects: readonly Effect[] };
  /** Whether the record stayed in its current state past the state's deadline (never in a final state). */
  overdue(record: FormRecord<V>, now?: Date | string | number): boolean;
  /** When the record's current state runs out, if it has a deadline. */
  deadline(record: FormRecord<V>): Date | undefined;
}

/** Who fires an event, as what, when, why, and in which language its messages are written. */
export interface SendOptions {
  readonly by: string;
  readonly role?: string;
  readonly now?: Date | string | number;
  readonly reason?: string;
  readonly locale?: string;
}

const CONTEXT_OPTIONS = ['role', 'now', 'by'] as const;

const readContext = (form: InternalForm, context: unknown): { role: string | undefined; now: Date; by: string } => {
  const options = readOptionBag(context, CONTEXT_OPTIONS, 'workflow');
  const now = readNow(options.now);
  if (now === undefined) throw new FormUsageError('bad-option', '`now` must be a Date, an ISO 8601 string or epoch milliseconds', 'now');
  const by = options.by ?? '';
  if (typeof by !== 'string') throw new FormUsageError('bad-option', '`by` must name who asks (a user id or name)', 'by');
  return { role: readRole(form, options.role), now, by };
};

/** `form.workflow(name)`: the workflow's functions, or a FormUsageError naming the workflows there are. */
export const workflowOf = (form: InternalForm, name: unknown, calendar: WorkingCalendar | undefined): Workflow => {
  const workflow: WorkflowIR | undefined = typeof name === 'string' ? form.workflows.get(name) : undefined;
  if (workflow === undefined) {
    const names = [...form.workflows.keys()];
    const suggestion = typeof name === 'string' ? closest(name, names) : undefined;
    throw new FormUsageError('bad-argument', `form '${form.id}' has no workflow ${typeof name === 'string' ? `'${name}'` : `named by a ${typeof name}`}${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (workflows: ${names.join(', ') || 'none'})`);
  }
  const check = (record: FormRecord, event: string, context: unknown) => {
    const checked = readRecord(form, record, 'workflow');
    const { role, now, by } = readContext(form, context);
    const scope = systemPass(form, checked.values, { role, now, locale: form.defaultLocale }).scope;
    return checkTransition(workflow, checked, event, { ...actorOn(form, checked, { by, role }), scope, reason: null });
  };
  const handle: Workflow = {
    name: workflow.name,
    states: Object.freeze([...workflow.states.keys()]),
    available: (record, context) => {
      const events = [...new Set(workflow.transitions.map((transition) => transition.event))];
      return events.filter((event) => check(record, event, context).transition !== undefined);
    },
    can: (record, event, context) => typeof event === 'string' && check(record, event, context).transition !== undefined,
    send: (record, event, options) => sendEvent(form, workflow, record, event, options),
    fire: (record, event, options) => {
      const fired = fireEvent(form, workflow, record, event, options);
      // The messages' language is a tag like any call's (`__proto__` or '' is misuse, not a language).
      const locale = readLocale(form, fired.locale);
      const effects = notifyEffects(form, { workflow, transition: fired.transition, recordId: fired.record.id, values: fired.record.values, reason: fired.reason, locale });
      return Object.freeze({ record: fired.record, effects: Object.freeze(effects) });
    },
    overdue: (record, now) => {
      const checked = readRecord(form, record, 'overdue');
      const clock = readNow(now);
      if (clock === undefined) throw new FormUsageError('bad-option', '`now` must be a Date, an ISO 8601 string or epoch milliseconds', 'now');
      return isRecordOverdue(form, workflow, checked, clock, calendar);
    },
    deadline: (record) => deadlineOf(form, workflow, readRecord(form, record, 'deadline'), calendar),
  };
  return Object.freeze(handle);
};

