import { freeze } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { randomToken } from '../core/random';
import type { FormValues } from '../core/values';
import { fillAutoFields } from './autoFields';
import { fillAutoIds, memoryCounter, type SequenceCounter } from './autoIds';
import { diffValues } from './diffValues';
import { readAct } from './recordContext';
import { rolePass, systemPass } from './recordPass';
import { RecordValidationError, type FormRecord } from './recordTypes';

/**
 * A new record from values a role submitted: validated as that role (throws RecordValidationError),
 * then completed by the system: defaults for unanswered fields, auto ids from the form's templates
 * (numbered by `counter`, default in memory per form and date part), the initial state of every
 * workflow, tags, the creation in history, the recorder and time (R9), and its owner: the recorder.
 */
export const createRecord = (form: InternalForm, values: unknown, given: unknown): FormRecord => {
  const act = readAct(form, given, 'createRecord', ['counter', 'id']);
  const counter = act.options.counter ?? memoryCounter(form);
  if (typeof counter !== 'function') throw new FormUsageError('bad-option', '`counter` must be a function (key) => next number', 'counter');
  const id = act.options.id ?? randomToken(16);
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new FormUsageError('bad-option', '`id` must be a non-empty string', 'id');
  const submitted = rolePass(form, values, act);
  if (submitted.errors.length > 0) throw new RecordValidationError(submitted.errors);
  let completed: FormValues = { ...submitted.values };
  for (const field of form.fields) {
    if (field.defaultValue !== undefined && field.value.isEmpty(completed[field.id])) completed[field.id] = field.defaultValue.value;
  }
  completed = fillAutoFields(form, fillAutoIds(form, completed, act.now, counter as SequenceCounter), act, true);
  const result = systemPass(form, completed, act);
  if (result.errors.length > 0) throw new RecordValidationError(result.errors);
  const at = act.now.toISOString();
  const states: Record<string, string> = {};
  const stateSince: Record<string, string> = {};
  for (const workflow of form.workflows.values()) {
    states[workflow.name] = workflow.initial;
    stateSince[workflow.name] = at;
  }
  const record: FormRecord = {
    id,
    formId: form.id,
    formVersion: form.version,
    revision: 1,
    values: result.values,
    states,
    stateSince,
    tags: result.tags ?? [],
    history: [{
      revision: 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: 'create',
      changes: diffValues({}, result.values, form.fields.map((field) => field.id)),
    }],
    createdAt: at,
    createdBy: act.by,
    // Whoever enters a record follows it up until someone assigns it to another (assignOwner).
    owner: act.by,
    updatedAt: at,
    updatedBy: act.by,
  };
  // Records are immutable values: every later operation makes a new record with immer.
  return freeze(record, true);
};
