import { produce, type Draft } from 'immer';
import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { Failure, ValidationIssue } from '../core/issues';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { truthy } from '../logic/truthy';
import { validationMessage } from '../messages/formatIssue';
import { readJson } from '../validate/readJson';
import { sameValue } from '../validate/sameValue';
import { fillAutoFields } from './autoFields';
import { diffValues } from './diffValues';
import { readAct, readRecord, type ActContext } from './recordContext';
import { systemPass } from './recordPass';
import { RecordValidationError, type FormRecord, type HistoryEntry } from './recordTypes';

const issue = (form: InternalForm, path: string, failure: Failure, field: FieldIR | undefined, locale: string): ValidationIssue => {
  const subject = field?.subject ?? { defaultLocale: form.defaultLocale };
  const message = validationMessage(path, failure.code, failure.params, subject, locale);
  return { path, code: failure.code, message, subject } as ValidationIssue;
};

/**
 * What the acting role may not do with these changes: a field it cannot read or write, one locked
 * by `readonlyIf`, or one that does not exist. Checked on the changes alone, so that stored answers
 * the role cannot see are never part of its request.
 */
const checkAccess = (form: InternalForm, record: FormRecord, changes: FormValues, act: ActContext): ValidationIssue[] => {
  const problems: ValidationIssue[] = [];
  const stored = systemPass(form, record.values, act);
  for (const key of Object.keys(changes)) {
    const field = form.fieldsByKey.get(key);
    if (field === undefined || field.group !== undefined) {
      problems.push(issue(form, key, { code: 'unknownField' }, undefined, act.locale));
      continue;
    }
    if (field.compute !== undefined || sameValue(record.values[key], changes[key])) continue;
    const role = act.role;
    const readable = field.readRoles === undefined || (role !== undefined && field.readRoles.has(role));
    const writable = field.writeRoles === undefined ? field.type !== 'autoId' : role !== undefined && field.writeRoles.has(role);
    const locked = field.readonly !== undefined && truthy(field.readonly(stored.scope));
    if (!readable || !writable || locked) problems.push(issue(form, key, { code: 'forbidden' }, field, act.locale));
  }
  return problems;
};

/**
 * A new record with `changes` merged into the stored values (revision + 1; the input is never
 * mutated). The role may change only what it may read and write; every stored answer it cannot see
 * is kept as it was. Throws RecordValidationError with `forbidden` for what the role may not change
 * and with the usual codes for values that are not valid. An update that changes nothing returns
 * the record itself. History gets one entry with every field that changed, from and to.
 */
export const updateRecord = (form: InternalForm, recordArg: unknown, changesArg: unknown, given: unknown): FormRecord => {
  const record = readRecord(form, recordArg, 'updateRecord');
  const act = readAct(form, given, 'updateRecord');
  const read = readJson(changesArg);
  if (!isPlainObject(read.value) || read.unreadable.length > 0) {
    throw new RecordValidationError([issue(form, '', { code: 'type', params: { expected: 'object' } }, undefined, act.locale)]);
  }
  const changes = read.value;
  const denied = checkAccess(form, record, changes, act);
  if (denied.length > 0) throw new RecordValidationError(denied);
  const merged: FormValues = { ...record.values };
  for (const key of Object.keys(changes)) if (hasOwn(changes, key)) merged[key] = changes[key];
  const result = systemPass(form, merged, act);
  if (result.errors.length > 0) throw new RecordValidationError(result.errors);
  if (diffValues(record.values, result.values, []).length === 0) return record;
  const values = fillAutoFields(form, result.values, act, false);
  const changed = diffValues(record.values, values, form.fields.map((field) => field.id));
  const at = act.now.toISOString();
  const entry: HistoryEntry = {
    revision: record.revision + 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: 'update', changes: changed,
  };
  return produce(record, (draft) => {
    draft.values = values as Draft<FormValues>;
    draft.revision = entry.revision;
    draft.tags = [...(result.tags ?? [])];
    draft.history.push(entry as Draft<HistoryEntry>);
    draft.updatedAt = at;
    draft.updatedBy = act.by;
  });
};
