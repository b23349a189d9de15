import type { FormRecord } from '../records/recordTypes';
import { FormUsageError } from '../core/issues';
import { isAsyncIterable, summarize } from '../governance/summarize';
import type { SummaryResult, SummarySpec } from '../governance/summary/types';
import { isRecordOverdue } from '../workflow/overdue';
import type { WorkingCalendar } from '../workflow/workingCalendar';
import { internalFormOf } from './internal';
import { readClock, readLocale, readOptionBag } from './readOptions';

export type { SummaryResult, SummarySpec };

export interface SummarizeOptions {
  /** Language of every label. Default: the form's `defaultLocale`. */
  readonly locale?: string;
  /** The time `overdue` is judged at (Date, ISO 8601 or epoch ms). Default: the current time. */
  readonly now?: Date | string | number;
  /** The working-day calendar of `overdue`. Default: the one given to compileForm. */
  readonly calendar?: WorkingCalendar;
}

const OPTIONS = ['locale', 'now', 'calendar'] as const;

/** What items `summarize` takes: FormRecords of the form, or plain values objects. */
export type SummaryItems = Iterable<FormRecord | Record<string, unknown>> | AsyncIterable<FormRecord | Record<string, unknown>>;

/**
 * `form.summarize(records, spec, options?)`: the public side of src/governance/summarize.ts. Checks
 * the options and lends the aggregates the workflow stage's overdue check with the calendar (the
 * form's, from compileForm, unless the call gives one).
 */
export function summarizeForm<S extends SummarySpec>(form: unknown, records: Iterable<unknown>, spec: S, options?: SummarizeOptions, calendar?: WorkingCalendar): SummaryResult<S>;
export function summarizeForm<S extends SummarySpec>(form: unknown, records: AsyncIterable<unknown>, spec: S, options?: SummarizeOptions, calendar?: WorkingCalendar): Promise<SummaryResult<S>>;
export function summarizeForm<S extends SummarySpec>(form: unknown, records: Iterable<unknown> | AsyncIterable<unknown>, spec: S, options?: SummarizeOptions, calendar?: WorkingCalendar): SummaryResult<S> | Promise<SummaryResult<S>>;
export function summarizeForm(form: unknown, records: Iterable<unknown> | AsyncIterable<unknown>, spec: unknown, options?: unknown, calendar?: WorkingCalendar): SummaryResult | Promise<SummaryResult> {
  const run = (): SummaryResult | Promise<SummaryResult> => {
    const internal = internalFormOf(form);
    const given = readOptionBag(options, OPTIONS, 'summarize');
    const locale = readLocale(internal, given.locale);
    const now = readClock(given.now);
    const chosen = given.calendar ?? calendar;
    if (chosen !== undefined && (typeof chosen !== 'object' || chosen === null || typeof (chosen as { isWorkingDay?: unknown }).isWorkingDay !== 'function')) {
      throw new FormUsageError('bad-option', '`calendar` must be a WorkingCalendar ({ isWorkingDay(date) }), e.g. workingCalendar({ holidays, workdays })', 'calendar');
    }
    const workingDays = chosen as WorkingCalendar | undefined;
    return summarize(internal, records, spec, {
      locale,
      now,
      overdue: (workflow, record, at) => isRecordOverdue(internal, workflow, record, at, workingDays),
    });
  };
  if (!isAsyncIterable(records)) return run();
  // For an async iterable every mistake, options included, rejects the Promise rather than throwing.
  try {
    return run();
  } catch (error) {
    return Promise.reject(error);
  }
}
