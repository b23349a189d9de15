import type { InternalForm } from '../compile/internalForm';
import type { LocalizedText } from '../core/definitionTypes';
import { FormUsageError } from '../core/issues';
import { catalogueLocale, localize } from '../core/localize';
import { containerKind, isPlainObject, isReservedName } from '../core/reserved';
import { readRecord } from '../records/recordContext';
import { averageOf } from './summary/average';
import { didYouMean, specError, type Accumulator, type OverdueCheck, type SummaryContext, type SummaryItem } from './summary/context';
import { conversionOf } from './summary/conversion';
import { countBy } from './summary/countBy';
import { durationOf } from './summary/duration';
import { overdueOf } from './summary/overdue';
import type { Summary, SummaryResult } from './summary/types';

export type { OverdueCheck } from './summary/context';

export interface SummarizeStageOptions {
  /** Language of labels. Default: the form's `defaultLocale`. */
  readonly locale?: string;
  /** The time overdue is judged at. Default: the current time. */
  readonly now?: Date;
  /** Whether a record is overdue in a workflow (the workflow stage, with the form's calendar); needed by `overdue`. */
  readonly overdue?: OverdueCheck;
}

type AggregateKind = (context: SummaryContext, name: string, entry: unknown) => Accumulator<Summary>;

/** The aggregates, one file each under ./summary. */
const KINDS: Readonly<Record<string, AggregateKind>> = { count: countBy, average: averageOf, conversion: conversionOf, duration: durationOf, overdue: overdueOf };
const KIND_NAMES = /* @__PURE__ */ Object.keys(KINDS);

/** Every entry of the spec read and checked before a single record is: a wrong spec costs no pass. */
const readSpec = (context: SummaryContext, spec: unknown): { readonly name: string; readonly accumulator: Accumulator<Summary> }[] => {
  if (!isPlainObject(spec)) {
    throw new FormUsageError('bad-argument', 'summarize: the spec must be an object, result name -> aggregate, e.g. { "byType": { "count": "feedbackType" } }');
  }
  return Object.keys(spec).map((name) => {
    if (isReservedName(name)) throw specError(name, 'this name is reserved (it reaches object prototypes); choose another result name');
    const entry = spec[name];
    if (!isPlainObject(entry)) throw specError(name, `must be an object with one aggregate: ${KIND_NAMES.join(', ')}`);
    const kinds = Object.keys(entry).filter((key) => KIND_NAMES.includes(key));
    if (kinds.length > 1) throw specError(name, `names ${kinds.map((kind) => `'${kind}'`).join(' and ')}: one aggregate per entry`);
    const kind = kinds[0];
    if (kind === undefined) {
      const first = Object.keys(entry)[0];
      throw specError(name, first === undefined
        ? `names no aggregate (aggregates: ${KIND_NAMES.join(', ')})`
        : `unknown aggregate '${first}'${didYouMean(first, KIND_NAMES)} (aggregates: ${KIND_NAMES.join(', ')})`);
    }
    return { name, accumulator: (KINDS[kind] as AggregateKind)(context, name, entry) };
  });
};

const contextOf = (form: InternalForm, options: SummarizeStageOptions | undefined): SummaryContext => {
  const locale = typeof options?.locale === 'string' ? options.locale : form.defaultLocale;
  return {
    form,
    locale,
    words: catalogueLocale(locale) ?? catalogueLocale(form.defaultLocale) ?? 'en',
    now: options?.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date(),
    overdue: options?.overdue,
    text: (text: LocalizedText | undefined) => localize(text, locale, form.defaultLocale),
  };
};

/** A FormRecord made by createRecord, as opposed to a plain values object (whose `values` would be an answer). */
const looksLikeRecord = (item: Readonly<Record<string, unknown>>): boolean =>
  typeof item.formId === 'string' && isPlainObject(item.values) && Array.isArray(item.history);

/** The single pass: every item goes to every aggregate once; nothing is kept per item. */
const startPass = (form: InternalForm, spec: unknown, options: SummarizeStageOptions | undefined) => {
  const entries = readSpec(contextOf(form, options), spec);
  let total = 0;
  let records = 0;
  let ignored = 0;
  const feed = (item: unknown): void => {
    total++;
    if (containerKind(item) !== 'object') {
      ignored++;
      return;
    }
    const object = item as Readonly<Record<string, unknown>>;
    let read: SummaryItem;
    if (looksLikeRecord(object)) {
      const record = readRecord(form, object, 'summarize');
      records++;
      read = { values: record.values, record };
    } else read = { values: object, record: undefined };
    for (const entry of entries) entry.accumulator.add(read);
  };
  const finish = (): SummaryResult => {
    const summaries: Record<string, Summary> = {};
    for (const entry of entries) summaries[entry.name] = entry.accumulator.result();
    return { total, records, ignored, summaries };
  };
  return { feed, finish };
};

export const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';

const isIterable = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';

/**
 * Chart-ready aggregates of records (or plain values objects) in one pass, in memory that follows
 * the number of groups, never the number of records: counts per option, averages and their monthly
 * trend, conversion to a workflow state, durations between states, overdue records. Synchronous
 * for an iterable (an array), a Promise for an async iterable (a database cursor). A wrong spec is
 * a FormUsageError naming the entry, before any record is read (for an async iterable, the Promise
 * rejects with it).
 */
export function summarize(form: InternalForm, records: Iterable<unknown>, spec: unknown, options?: SummarizeStageOptions): SummaryResult;
export function summarize(form: InternalForm, records: AsyncIterable<unknown>, spec: unknown, options?: SummarizeStageOptions): Promise<SummaryResult>;
export function summarize(form: InternalForm, records: Iterable<unknown> | AsyncIterable<unknown>, spec: unknown, options?: SummarizeStageOptions): SummaryResult | Promise<SummaryResult>;
export function summarize(form: InternalForm, records: unknown, spec: unknown, options?: SummarizeStageOptions): SummaryResult | Promise<SummaryResult> {
  if (isAsyncIterable(records)) {
    return (async () => {
      const pass = startPass(form, spec, options);
      for await (const item of records) pass.feed(item);
      return pass.finish();
    })();
  }
  if (!isIterable(records)) throw new FormUsageError('bad-argument', 'summarize expects records as an array, an iterable or an async iterable');
  const pass = startPass(form, spec, options);
  for (const item of records) pass.feed(item);
  return pass.finish();
}
