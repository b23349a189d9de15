import type { InternalForm } from '../compile/internalForm';
import { readNow } from '../core/clock';
import { FormUsageError } from '../core/issues';
import type { FormValues } from '../core/values';
import { createExporter, type ExportFormat, type Exporter } from '../export/exporter';
import { isRecordSource } from '../export/recordLines';
import { dedupKeys, type DedupKey } from '../governance/dedupKeys';
import { recordValues } from '../governance/recordValues';
import { findDuplicates, type DuplicateGroup } from '../governance/findDuplicates';
import { maskPlan, maskValues } from '../governance/maskValues';
import { mergeRecords } from '../governance/mergeRecords';
import { retentionOf, type Retention } from '../governance/retention';
import { readRecord } from '../records/recordContext';
import type { FormRecord } from '../records/recordTypes';
import { AUDIT_OPTIONS, auditedExporter, auditMask, readAudit, type AuditOptions } from './privacy';
import { readLocale, readOptionBag, readRole } from './readOptions';

export interface MaskOptions extends AuditOptions {
  /** A policy of the definition's `masking.policies` (export, view …). */
  readonly policy: string;
  /** Roles in the policy's `reveal` see plain values; fields the role may not read are dropped. */
  readonly role?: string;
}

export interface ExporterOptions extends AuditOptions {
  readonly format: ExportFormat;
  /** The masking policy; default the form's `export` policy, else each pii field masked by its kind. */
  readonly policy?: string;
  readonly role?: string;
  /** Language of headers and option labels. Default the form's. */
  readonly locale?: string;
  /** Headers: field labels (default) or field ids. */
  readonly header?: 'label' | 'id';
  /** One line per row of this repeating group (a service log), instead of one line per record. */
  readonly rows?: string;
}

/** `form.mask(values, { policy, role })`: a masked copy; the input is never mutated. */
export const maskFor = (form: InternalForm, values: unknown, options: unknown): FormValues => {
  const bag = readOptionBag(options, ['policy', 'role', ...AUDIT_OPTIONS], 'mask');
  const audit = readAudit(bag, 'mask');
  const plan = maskPlan(form, bag.policy, readRole(form, bag.role));
  // A FormRecord masks as its values.
  const masked = maskValues(form, recordValues(form, values), plan);
  auditMask(form, values, plan, audit);
  return masked;
};

/** `form.exporter(options)`. */
export const exporterFor = (form: InternalForm, options: unknown): Exporter => {
  const bag = readOptionBag(options, ['format', 'policy', 'role', 'locale', 'header', 'rows', ...AUDIT_OPTIONS], 'exporter');
  const audit = readAudit(bag, 'export');
  const format = bag.format;
  if (format !== 'csv' && format !== 'jsonl' && format !== 'xlsx') throw new FormUsageError('bad-option', "`format` is 'csv', 'jsonl' or 'xlsx'", 'format');
  if (bag.header !== undefined && bag.header !== 'label' && bag.header !== 'id') throw new FormUsageError('bad-option', "`header` is 'label' or 'id'", 'header');
  if (bag.policy !== undefined && typeof bag.policy !== 'string') throw new FormUsageError('bad-option', '`policy` names a masking policy', 'policy');
  if (bag.rows !== undefined && typeof bag.rows !== 'string') throw new FormUsageError('bad-option', '`rows` names a repeating group', 'rows');
  const role = readRole(form, bag.role);
  const exporter = createExporter(form, format, {
    policy: bag.policy as string | undefined,
    role,
    locale: readLocale(form, bag.locale),
    header: (bag.header as 'label' | 'id' | undefined) ?? 'label',
    rows: bag.rows as string | undefined,
  });
  // The plan the export masks with (its policy, else the form's `export` one): only a revealing one is audited.
  const policy = (bag.policy as string | undefined) ?? (form.masking.policies.has('export') ? 'export' : undefined);
  return policy === undefined ? exporter : auditedExporter(form, exporter, maskPlan(form, policy, role), audit);
};

/** `form.dedupKeys(values)`. */
export const dedupKeysFor = (form: InternalForm, values: unknown): DedupKey[] => dedupKeys(form, values);

/** `form.findDuplicates(records)`: groups for an iterable, a Promise of them for an async iterable. */
export function duplicatesFor<T>(form: InternalForm, records: Iterable<T>): DuplicateGroup<T>[];
export function duplicatesFor<T>(form: InternalForm, records: AsyncIterable<T>): Promise<DuplicateGroup<T>[]>;
export function duplicatesFor<T>(form: InternalForm, records: Iterable<T> | AsyncIterable<T>): DuplicateGroup<T>[] | Promise<DuplicateGroup<T>[]> {
  if (!isRecordSource(records) || typeof records === 'string') throw new FormUsageError('bad-argument', 'findDuplicates needs an iterable or async iterable of records');
  return Symbol.asyncIterator in (records as object) ? findDuplicates(form, records as AsyncIterable<T>) : findDuplicates(form, records as Iterable<T>);
}

/** `form.mergeRecords(a, b, { prefer, by, now })`. */
export const mergeFor = (form: InternalForm, a: unknown, b: unknown, options: unknown): FormRecord => mergeRecords(form, a, b, options);

/** `form.retention(record, now)`. */
export const retentionFor = (form: InternalForm, record: unknown, now: unknown): Retention => {
  const checked = readRecord(form, record, 'retention');
  const clock = readNow(now);
  if (clock === undefined) throw new FormUsageError('bad-argument', 'retention: `now` must be a Date, an ISO 8601 string or epoch milliseconds');
  return retentionOf(form, checked, clock);
};
