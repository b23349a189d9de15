import { produce, type Draft } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import { FormUsageError, type ValidationIssue } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { fillAutoFields } from './autoFields';
import { carryStates } from './carryStates';
import { carryValues } from './carryValues';
import { readAct, type ActContext } from './recordContext';
import { systemPass } from './recordPass';
import type { FormRecord, HistoryChange, HistoryEntry } from './recordTypes';
import { replayableChanges } from './replayableChanges';

/** What migrating one record to a later version of its form does, before it is written. */
export interface MigrationReport {
  readonly fromVersion: number;
  readonly toVersion: number;
  /** The values under the target version, validated by its system pass. */
  readonly values: FormValues;
  readonly states: Readonly<Record<string, string>>;
  readonly stateSince: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
  /** Every value that changed (a dropped answer goes to `undefined`), then every `states.<workflow>` that changed. */
  readonly changes: readonly HistoryChange[];
  /** Paths the target requires that the record has no answer for (`contractNo`, `services.0.contact`). */
  readonly newRequired: readonly string[];
  /** Every way the migrated values fall short of the target, required fields included. */
  readonly problems: readonly ValidationIssue[];
  /** The problems in one line for history; undefined when there are none. */
  readonly note: string | undefined;
}

/** The record, checked to be one of this form at this or an earlier version. */
const readOlderRecord = (form: InternalForm, record: unknown): FormRecord => {
  if (!isPlainObject(record) || typeof record.formId !== 'string' || !isPlainObject(record.values) || !Array.isArray(record.history)
    || typeof record.revision !== 'number' || typeof record.formVersion !== 'number') {
    throw new FormUsageError('bad-argument', 'migrateRecord expects a FormRecord made by createRecord');
  }
  if (record.formId !== form.id) throw new FormUsageError('bad-argument', `migrateRecord: the record belongs to form '${record.formId}', not '${form.id}'`);
  if (record.formVersion > form.version) {
    throw new FormUsageError('bad-argument', `migrateRecord: the record follows version ${record.formVersion}, later than the target version ${form.version}`);
  }
  return record as unknown as FormRecord;
};

const noteOf = (toVersion: number, newRequired: readonly string[], problems: readonly ValidationIssue[]): string | undefined => {
  const others = problems.filter((problem) => problem.code !== 'required').map((problem) => `${problem.path || '(root)'} (${problem.code})`);
  const parts = [
    ...(newRequired.length === 0 ? [] : [`new required fields: ${newRequired.join(', ')}`]),
    ...(others.length === 0 ? [] : [`invalid under version ${toVersion}: ${others.join(', ')}`]),
  ];
  return parts.length === 0 ? undefined : parts.join('; ');
};

/**
 * How `record` looks under `form` (a later version of its form): answers whose field the target
 * still has, in a shape its type takes, are carried and validated by the target's system pass
 * (which also drops what the target hides and recomputes computed fields); the rest are dropped.
 * Workflow states are carried by carryStates. Problems are reported, never thrown: a record is data.
 */
export const planMigration = (form: InternalForm, record: FormRecord, act: ActContext): MigrationReport => {
  const at = act.now.toISOString();
  const result = systemPass(form, carryValues(form, record.values), act);
  const values = fillAutoFields(form, result.values, act, false);
  const states = carryStates(form, record, at);
  const newRequired = [...new Set(result.errors.filter((error) => error.code === 'required').map((error) => error.path))];
  return {
    fromVersion: record.formVersion,
    toVersion: form.version,
    values,
    states: states.states,
    stateSince: states.stateSince,
    tags: result.tags ?? [],
    changes: [...replayableChanges(record.values, values, form.fields.map((field) => field.id)), ...states.changes],
    newRequired,
    problems: result.errors,
    note: noteOf(form.version, newRequired, result.errors),
  };
};

/**
 * `record` carried into `form`, a later version of the form it was collected under: a new record
 * (the input is never mutated) with `formVersion` the target's, revision + 1, and one history entry
 * `{ action: 'migrate', fromVersion, toVersion, changes, note? }`. The changes hold every answer
 * dropped (`to: undefined`) or changed and every workflow state reset (`states.<workflow>`), so
 * `recordAt` still rebuilds every earlier revision. The migrated record may be invalid under the
 * target (a newly required field, a withdrawn option): that is not thrown but named in the note.
 * A record already at the target's version is returned as it is.
 * Throws FormUsageError `bad-argument` for a record of another form or of a later version, and
 * `bad-option` / `unknown-role` for options that are not `{ by, now?, role?, locale? }`.
 */
export const migrateRecord = (form: InternalForm, recordArg: unknown, given: unknown): FormRecord => {
  const record = readOlderRecord(form, recordArg);
  const act = readAct(form, given, 'migrateRecord');
  if (record.formVersion === form.version) return record;
  const plan = planMigration(form, record, act);
  const at = act.now.toISOString();
  const entry: HistoryEntry = {
    revision: record.revision + 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: 'migrate',
    changes: plan.changes, fromVersion: plan.fromVersion, toVersion: plan.toVersion, ...(plan.note === undefined ? {} : { note: plan.note }),
  };
  return produce(record, (draft) => {
    draft.formVersion = form.version;
    draft.values = plan.values as Draft<FormValues>;
    draft.states = plan.states;
    draft.stateSince = plan.stateSince;
    draft.revision = entry.revision;
    draft.tags = [...plan.tags];
    draft.history.push(entry as Draft<HistoryEntry>);
    draft.updatedAt = at;
    draft.updatedBy = act.by;
  });
};
