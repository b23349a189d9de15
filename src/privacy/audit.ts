import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';

/** Why plain personal data was shown: the three reveals formloom performs, or the caller's own word. */
export type AuditPurpose = 'mask' | 'unseal' | 'export' | (string & {});

/**
 * One reveal of plain personal data, as an audit log keeps it: who saw which fields of which record,
 * when and why — never what they saw. The quarterly review of operation logs reads these
 * (`summarizeAudit`).
 */
export interface AuditEntry {
  /** When, ISO 8601 in UTC (`2026-11-03T02:15:00.000Z`). */
  readonly at: string;
  /** The operator's id, as the caller gave it. */
  readonly by: string;
  /** The role the data was revealed to. */
  readonly role?: string;
  readonly formId: string;
  /** The record revealed; absent when the values revealed were not a stored record. */
  readonly recordId?: string;
  /** Keys of the fields shown in plain (`phone`, `contacts.phone` for a row field), in definition order. Never values. */
  readonly fields: readonly string[];
  readonly purpose: AuditPurpose;
}

/**
 * Where audit entries go: a log table, a queue, an append-only file. The contract:
 *
 * - **When.** Called once per record (or values object) whose personal data a call reveals in
 *   plain, and only then: a role listed in the policy's `reveal` seeing fields that the policy
 *   (or the field's `pii` kind) would otherwise mask, an `unseal` of sealed fields, an export under
 *   a revealing role (one call per exported record that shows any). A masked read calls nothing.
 * - **What.** An `AuditEntry` built by `revealEntry`: field keys, record id, operator and role, the
 *   time and the purpose. Never a value, masked or plain — the log must not become a second copy of
 *   the data it guards.
 * - **Before.** It is called before the plain values are handed back, and an async sink is awaited
 *   where the call is async (`unseal`, exports). A synchronous call (`mask`) cannot wait: there a
 *   sink that returns a Promise is a FormUsageError, and no plain values are returned.
 * - **Errors propagate.** What the sink throws (or the Promise it returns rejects with) is the
 *   caller's: the reveal fails with that error and the plain values are not returned. An access
 *   that could not be logged must not happen unlogged — the review would miss exactly the entries
 *   lost while the log was down. A caller who prefers availability catches inside its own sink.
 */
export type AuditSink = (entry: AuditEntry) => void | Promise<void>;

/** What a reveal did, as `revealEntry` takes it. */
export interface Reveal {
  readonly by: string;
  readonly role?: string;
  readonly recordId?: string;
  /** Keys (`phone`, `contacts.phone`) or paths with row indexes (`contacts.0.phone`) of the fields shown in plain. */
  readonly fields: Iterable<string>;
  readonly purpose: AuditPurpose;
  /** When. Default: the current time. */
  readonly now?: Date;
}

const fail = (problem: string, option?: string): FormUsageError => new FormUsageError('bad-argument', `revealEntry: ${problem}`, option);

/** `contacts.0.phone` -> `contacts.phone`: the audit names what kind of data was seen, not which row. */
const fieldKey = (path: string): string => path.split('.').filter((part) => !/^\d+$/.test(part)).join('.');

/**
 * The audit entry of a reveal, for an `AuditSink`; undefined when no field was revealed (nothing
 * to log). Every name in `fields` must be a field of the form: an entry can therefore hold field
 * keys alone, never an answer passed by mistake where a field name was expected, and the error
 * says which position was wrong without repeating what was there. Fields come out deduplicated
 * and in definition order, so that equal reveals give equal entries. A FormUsageError for a
 * missing operator, an undeclared role or an invalid time.
 */
export const revealEntry = (form: InternalForm, reveal: Reveal): AuditEntry | undefined => {
  if (typeof reveal !== 'object' || reveal === null) throw fail('needs { by, role?, recordId?, fields, purpose, now? }');
  const { by, role, recordId, fields, purpose, now } = reveal;
  if (typeof by !== 'string' || by === '') throw fail('`by` must name the operator', 'by');
  if (role !== undefined && (typeof role !== 'string' || !form.roleSet.has(role))) {
    throw new FormUsageError('unknown-role', `revealEntry: \`role\` is not a role of form '${form.id}' (roles: ${form.roles.join(', ') || 'none'})`, 'role');
  }
  if (recordId !== undefined && (typeof recordId !== 'string' || recordId === '')) throw fail('`recordId` must be a record id', 'recordId');
  if (typeof purpose !== 'string' || purpose === '') throw fail("`purpose` must say why: 'mask', 'unseal', 'export' or your own word", 'purpose');
  if (now !== undefined && !(now instanceof Date && !Number.isNaN(now.getTime()))) throw fail('`now` must be a valid Date', 'now');
  if (typeof fields !== 'object' || fields === null || typeof (fields as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function') {
    throw fail('`fields` must list the keys of the fields revealed', 'fields');
  }
  const revealed = new Set<string>();
  let index = 0;
  for (const path of fields) {
    const key = typeof path === 'string' ? fieldKey(path) : undefined;
    if (key === undefined || !form.fieldsByKey.has(key)) throw fail(`fields[${index}] is not a field of form '${form.id}'`, 'fields');
    revealed.add(key);
    index++;
  }
  if (revealed.size === 0) return undefined;
  // Built key by key in the order of AuditEntry, so that logs written as JSON read alike.
  return Object.freeze({
    at: (now ?? new Date()).toISOString(),
    by,
    ...(role === undefined ? {} : { role }),
    formId: form.id,
    ...(recordId === undefined ? {} : { recordId }),
    fields: Object.freeze(form.allFields.filter((field) => revealed.has(field.key)).map((field) => field.key)),
    purpose,
  });
};
