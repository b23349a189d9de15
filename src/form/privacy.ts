import type { FieldIR, InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { hasOwn, isPlainObject } from '../core/reserved';
import { claimsSealed } from '../core/sealedValue';
import type { FormValues } from '../core/values';
import type { Exporter } from '../export/exporter';
import { recordValues } from '../governance/recordValues';
import type { MaskPlan } from '../governance/maskValues';
import { revealEntry, type AuditPurpose, type AuditSink } from '../privacy/audit';
import { revealedFields } from '../privacy/auditFields';
import { unsealValues } from '../privacy/unsealValues';

/** Who sees plain personal data, for an audit log: given with `audit` to mask, unseal and exporter. */
export interface AuditOptions {
  /** Called once per record whose plain personal data a call reveals, before it is returned (see AuditSink). */
  readonly audit?: AuditSink;
  /** The operator, kept in each entry; required with `audit`. */
  readonly by?: string;
  /** Why; default the call's name ('mask', 'unseal', 'export'). */
  readonly purpose?: AuditPurpose;
}

export const AUDIT_OPTIONS = ['audit', 'by', 'purpose'] as const;

/** Splits the audit options off a call's options; a sink without an operator is misuse. */
export const readAudit = (options: unknown, call: string): { sink: AuditSink | undefined; by: string; purpose: AuditPurpose; rest: Record<string, unknown> } => {
  const rest: Record<string, unknown> = isPlainObject(options) ? { ...options } : {};
  const sink = rest.audit;
  const by = rest.by;
  const purpose = rest.purpose ?? call;
  for (const key of AUDIT_OPTIONS) delete rest[key];
  if (sink !== undefined && typeof sink !== 'function') throw new FormUsageError('bad-option', '`audit` must be a function (entry) => void', 'audit');
  if (sink !== undefined && (typeof by !== 'string' || by === '')) throw new FormUsageError('bad-option', '`by` must name the operator when an `audit` sink is given', 'by');
  if (typeof purpose !== 'string' || purpose === '') throw new FormUsageError('bad-option', '`purpose` must be a word', 'purpose');
  return { sink: sink as AuditSink | undefined, by: typeof by === 'string' ? by : '', purpose, rest };
};

const recordIdOf = (value: unknown): string | undefined =>
  isPlainObject(value) && typeof value.id === 'string' && isPlainObject(value.values) && Array.isArray(value.history) ? value.id : undefined;

/** Calls a sink where nothing may wait: a sink that returns a Promise cannot be honoured by a synchronous call. */
export const reportNow = (sink: AuditSink, entry: Parameters<AuditSink>[0], call: string): void => {
  const result = sink(entry);
  if (result !== undefined && typeof (result as { then?: unknown }).then === 'function') {
    (result as Promise<void>).catch(() => undefined);
    throw new FormUsageError('bad-option', `${call} is synchronous: its audit sink must not return a Promise (use an async call, or log synchronously)`, 'audit');
  }
};

/** `mask`'s audit: the fields a revealing plan showed in plain, reported before the values are returned. */
export const auditMask = (form: InternalForm, values: unknown, plan: MaskPlan, audit: ReturnType<typeof readAudit>): void => {
  if (audit.sink === undefined) return;
  const entry = revealEntry(form, { by: audit.by, role: plan.role, recordId: recordIdOf(values), fields: revealedFields(form, plan, recordValues(form, values)), purpose: audit.purpose });
  if (entry !== undefined) reportNow(audit.sink, entry, 'mask');
};

const sealedKeys = (form: InternalForm, values: FormValues): string[] => {
  const keys: string[] = [];
  const visit = (field: FieldIR, holder: Readonly<Record<string, unknown>>): void => {
    if (!hasOwn(holder, field.id)) return;
    const value = holder[field.id];
    if (field.newRowScope === undefined) {
      if (claimsSealed(value)) keys.push(field.key);
      return;
    }
    if (!Array.isArray(value)) return;
    for (const child of field.children) {
      if ((value as readonly unknown[]).some((row) => isPlainObject(row) && hasOwn(row, child.id) && claimsSealed(row[child.id]))) keys.push(child.key);
    }
  };
  for (const field of form.fields) visit(field, values);
  return keys;
};

/** `form.unseal`, reporting to the audit sink the sealed fields a revealing role opened. */
export const unsealFor = async (form: InternalForm, values: unknown, options: unknown): Promise<FormValues> => {
  const audit = readAudit(options, 'unseal');
  const opened = await unsealValues(form, values, audit.rest);
  const role = audit.rest.role;
  if (audit.sink !== undefined && typeof role === 'string' && form.encryption?.reveal.has(role) === true && isPlainObject(values)) {
    const entry = revealEntry(form, { by: audit.by, role, recordId: typeof audit.rest.recordId === 'string' ? audit.rest.recordId : undefined, fields: sealedKeys(form, values as FormValues), purpose: audit.purpose });
    if (entry !== undefined) await audit.sink(entry);
  }
  return opened;
};

/**
 * An exporter whose records pass an audit first: under a revealing plan each record's entry is
 * reported (and awaited, in the streaming calls) before its line is written.
 */
export const auditedExporter = (form: InternalForm, exporter: Exporter, plan: MaskPlan, audit: ReturnType<typeof readAudit>): Exporter => {
  const sink = audit.sink;
  if (sink === undefined || !plan.reveal) return exporter;
  const entryOf = (record: unknown) => revealEntry(form, { by: audit.by, role: plan.role, recordId: recordIdOf(record), fields: revealedFields(form, plan, recordValues(form, record)), purpose: audit.purpose });
  async function* reported(records: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<unknown> {
    for await (const record of records as AsyncIterable<unknown>) {
      const entry = entryOf(record);
      if (entry !== undefined) await sink?.(entry);
      yield record;
    }
  }
  function* reportedNow(records: Iterable<unknown>): Generator<unknown> {
    for (const record of records) {
      const entry = entryOf(record);
      if (entry !== undefined && sink !== undefined) reportNow(sink, entry, 'toString');
      yield record;
    }
  }
  return Object.freeze({
    ...exporter,
    toString: (records: Iterable<unknown>) => exporter.toString(isIterable(records) ? reportedNow(records) : records),
    stream: (records: Iterable<unknown> | AsyncIterable<unknown>) => exporter.stream(isSource(records) ? reported(records) : records),
    readable: (records: Iterable<unknown> | AsyncIterable<unknown>) => exporter.readable(isSource(records) ? reported(records) : records),
    pipe: (records: Iterable<unknown> | AsyncIterable<unknown>, writable: Parameters<Exporter['pipe']>[1]) => exporter.pipe(isSource(records) ? reported(records) : records, writable),
  });
};

const isIterable = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
const isSource = (value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> =>
  isIterable(value) || (typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function');
