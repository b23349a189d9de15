import type { InternalForm } from '../compile/internalForm';
import { readNow } from '../core/clock';
import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormRecord } from './recordTypes';

/** Who acts, as what, when: every record operation needs it, and history keeps it. */
export interface ActContext {
  readonly by: string;
  readonly role: string | undefined;
  readonly now: Date;
  readonly locale: string;
}

const ACT_OPTIONS = ['by', 'role', 'now', 'locale'];

/** Reads `{ by, role, now, locale }` (plus `extra` option names), refusing what is wrong with a FormUsageError. */
export const readAct = (form: InternalForm, given: unknown, call: string, extra: readonly string[] = []): ActContext & { readonly options: Readonly<Record<string, unknown>> } => {
  if (!isPlainObject(given)) throw new FormUsageError('bad-option', `${call} needs options { by, role?, now? }`);
  const allowed = [...ACT_OPTIONS, ...extra];
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key)) throw new FormUsageError('bad-option', `unknown ${call} option '${key}' (options: ${allowed.join(', ')})`, key);
  }
  const { by, role, now, locale } = given;
  if (typeof by !== 'string' || by.trim() === '' || by.length > 200) throw new FormUsageError('bad-option', '`by` must name who acts (a user id or name)', 'by');
  if (role !== undefined && (typeof role !== 'string' || (form.roleSet.size > 0 && !form.roleSet.has(role)))) {
    throw new FormUsageError('unknown-role', `role '${String(role)}' is not declared by form '${form.id}'`, 'role');
  }
  const clock = readNow(now);
  if (clock === undefined) throw new FormUsageError('bad-option', '`now` must be a Date, an ISO 8601 string or epoch milliseconds', 'now');
  if (locale !== undefined && typeof locale !== 'string') throw new FormUsageError('bad-option', '`locale` must be a language tag', 'locale');
  return { by, role: form.roleSet.size > 0 ? (role as string | undefined) : undefined, now: clock, locale: (locale as string | undefined) ?? form.defaultLocale, options: given };
};

/** The record, checked to be one of this form at this version. */
export const readRecord = (form: InternalForm, record: unknown, call: string): FormRecord => {
  if (!isPlainObject(record) || typeof record.formId !== 'string' || !isPlainObject(record.values) || !Array.isArray(record.history) || typeof record.revision !== 'number') {
    throw new FormUsageError('bad-argument', `${call} expects a FormRecord made by createRecord`);
  }
  if (record.formId !== form.id) throw new FormUsageError('bad-argument', `${call}: the record belongs to form '${record.formId}', not '${form.id}'`);
  if (record.formVersion !== form.version) {
    throw new FormUsageError('bad-argument', `${call}: the record follows version ${String(record.formVersion)} of the form, this is version ${form.version}; migrateRecord it first`);
  }
  return record as unknown as FormRecord;
};
