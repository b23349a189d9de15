import { addDuration } from '../core/addDuration';
import { isTimeZone } from '../core/clock';
import { parseDuration, type Duration } from '../core/duration';
import { FormUsageError } from '../core/issues';
import { containerKind, isPlainObject } from '../core/reserved';
import { addWorkingDays } from './addWorkingDays';
import { workingCalendar, type WorkingCalendar } from './workingCalendar';

export { workingCalendar, type WorkingCalendar, type WorkingCalendarOptions } from './workingCalendar';

/** A state's deadline: an ISO 8601 duration, or a number of working days. */
export type Deadline =
  | { readonly kind: 'duration'; readonly duration: Duration }
  | { readonly kind: 'workingDays'; readonly days: number };

/** Where a deadline is counted: an IANA time zone (undefined: the runtime's) and the working days. */
export interface DeadlineContext {
  readonly timeZone?: string;
  /** Default: Monday to Friday, no holidays. */
  readonly calendar?: WorkingCalendar;
}

/** The most working days a deadline may have (about 40 years): counting visits each day, so the work is bounded. */
export const MAX_WORKING_DAYS = 10_000;

const DEFAULT_CALENDAR = /* @__PURE__ */ workingCalendar();
const DURATION_PARTS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

// Deadlines are built by callers too, not only by readDeadline: a bad one must fail loudly, since an
// Invalid Date deadline would silently never be overdue.
const checkDeadline = (deadline: Deadline): void => {
  if (isPlainObject(deadline) && deadline.kind === 'workingDays') {
    const { days } = deadline;
    if (Number.isInteger(days) && days >= 0 && days <= MAX_WORKING_DAYS) return;
    throw new FormUsageError('bad-argument', `working days must be an integer from 0 to ${MAX_WORKING_DAYS}, not ${String(days)}`);
  }
  if (isPlainObject(deadline) && deadline.kind === 'duration' && isPlainObject(deadline.duration)) {
    const { duration } = deadline;
    // A fraction of a calendar part would be silently dropped; the clock parts are exact.
    const fine = (part: (typeof DURATION_PARTS)[number], index: number): boolean =>
      (index < 4 ? Number.isInteger(duration[part]) : Number.isFinite(duration[part])) && duration[part] >= 0;
    if (DURATION_PARTS.every(fine)) return;
  }
  throw new FormUsageError('bad-argument', 'a deadline is { kind: "duration", duration } with non-negative parts (whole years to days), or { kind: "workingDays", days }');
};

/**
 * The instant a deadline runs out for something that entered its state at `since`, counted in
 * `context.timeZone` (an IANA zone such as 'Asia/Shanghai'; undefined: the runtime's zone).
 *
 * - A duration is added calendar-aware in that zone (addDuration over the zone's wall clock): `P1D` is the
 *   same wall-clock time the next day even across a daylight-saving change, `P1M` from 31 January is
 *   the last day of February; hours, minutes and seconds are exact (`PT24H` is 24 h to the
 *   millisecond, so it differs from `P1D` across a change).
 * - N working days on `context.calendar` (default: Saturday and Sunday off, no holidays): from a
 *   working day, the same wall-clock time on the N-th working day after `since`'s calendar day; from
 *   a day off, counting starts at 00:00 of the next working day and that whole day counts, so the
 *   deadline is 00:00 of the calendar day after the N-th working day (1 working day after Saturday
 *   10:00 is Tuesday 00:00 when Monday is worked). 0 working days is `since` itself.
 *
 * Never throws for a valid `since`, deadline and zone. Throws a `FormUsageError`: `bad-argument` for
 * an invalid Date, a malformed deadline (working days not an integer 0..`MAX_WORKING_DAYS`, or
 * duration parts negative, not finite, or fractional years to days), or a deadline beyond what a Date can hold (working days
 * are counted in the years 1–9999); `bad-option` for an unknown time zone or a calendar with no
 * working day in 366 days in a row.
 */
export const deadlineAt = (since: Date, deadline: Deadline, context: DeadlineContext = {}): Date => {
  if (!isDate(since)) throw new FormUsageError('bad-argument', '`since` must be a valid Date');
  checkDeadline(deadline);
  const { timeZone, calendar = DEFAULT_CALENDAR } = context;
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone))) {
    throw new FormUsageError('bad-option', `unknown time zone ${JSON.stringify(timeZone)}`, 'timeZone');
  }
  const at = deadline.kind === 'duration'
    ? addDuration(since, deadline.duration, timeZone)
    : addWorkingDays(since, deadline.days, calendar, timeZone);
  if (!isDate(at)) throw new FormUsageError('bad-argument', 'the deadline falls outside the range of Date');
  return at;
};

/**
 * Whether the deadline has passed at `now`: strictly after the instant `deadlineAt` gives (exactly
 * at the deadline is still in time). Same context and errors as `deadlineAt`, and `bad-argument`
 * when `now` is not a valid Date.
 */
export const isOverdue = (since: Date, deadline: Deadline, now: Date, context: DeadlineContext = {}): boolean => {
  if (!isDate(now)) throw new FormUsageError('bad-argument', '`now` must be a valid Date');
  return now.getTime() > deadlineAt(since, deadline, context).getTime();
};

/**
 * Reads a definition's deadline: an ISO 8601 duration string (`"PT24H"`, `"P7D"`, as
 * `parseDuration` reads it) or exactly `{ "workingDays": n }` with n an integer from 1 to
 * `MAX_WORKING_DAYS`; undefined for anything else (other keys, 0 working days, fractions). Never throws.
 */
export const readDeadline = (value: unknown): Deadline | undefined => {
  if (typeof value === 'string') {
    const duration = parseDuration(value);
    return duration === undefined ? undefined : { kind: 'duration', duration };
  }
  if (containerKind(value) !== 'object') return undefined;
  let days: unknown;
  // Definitions are untrusted JSON-ish input: a Proxy or a getter must not make reading throw.
  try {
    const keys = Object.keys(value as object);
    if (keys.length !== 1 || keys[0] !== 'workingDays') return undefined;
    days = (value as { readonly workingDays: unknown }).workingDays;
  } catch {
    return undefined;
  }
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_WORKING_DAYS) return undefined;
  return { kind: 'workingDays', days };
};
