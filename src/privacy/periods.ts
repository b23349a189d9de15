import { FormUsageError } from '../core/issues';
import { instantOf, wallClockOf } from '../core/zonedTime';

/** The calendar periods audits are bucketed in and verification samples are drawn from. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter'];

/** A calendar date, month 1-12. */
interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DAY = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Days since 1970-01-01; setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
const dayNumber = (year: number, month: number, day: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / DAY);
};
const dayOfNumber = (number: number): CalendarDay => {
  const date = new Date(number * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};
/** 1 (Monday) … 7 (Sunday): the ISO 8601 weekday. */
export const isoWeekday = (year: number, month: number, day: number): number => ((((dayNumber(year, month, day) + 3) % 7) + 7) % 7) + 1;

/** ISO 8601 week: the week (Monday to Sunday) belongs to the year of its Thursday. */
const isoWeek = (year: number, month: number, day: number): { readonly year: number; readonly week: number } => {
  const thursday = dayNumber(year, month, day) + 4 - isoWeekday(year, month, day);
  const weekYear = dayOfNumber(thursday).year;
  return { year: weekYear, week: Math.floor((thursday - dayNumber(weekYear, 1, 1)) / 7) + 1 };
};

const inRange = (year: number): boolean => year >= 1 && year <= 9999;

/**
 * The period a calendar date falls in: `2026-11-03`, `2026-W45` (ISO week), `2026-11`, `2026-Q4`.
 * Keys of one unit sort as text in time order. Undefined outside the years 0001-9999.
 */
export const periodOfDay = (date: CalendarDay, unit: PeriodUnit): string | undefined => {
  if (!inRange(date.year)) return undefined;
  switch (unit) {
    case 'day':
      return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
    case 'week': {
      const { year, week } = isoWeek(date.year, date.month, date.day);
      return inRange(year) ? `${pad(year, 4)}-W${pad(week)}` : undefined;
    }
    case 'month':
      return `${pad(date.year, 4)}-${pad(date.month)}`;
    case 'quarter':
      return `${pad(date.year, 4)}-Q${Math.ceil(date.month / 3)}`;
  }
};

/** The period an instant (ms since the epoch) falls in, on the wall clock of `timeZone`. */
export const periodOfInstant = (instant: number, unit: PeriodUnit, timeZone: string): string | undefined =>
  Number.isFinite(instant) ? periodOfDay(wallClockOf(new Date(instant), timeZone), unit) : undefined;

const PERIOD_TEXT = /^(\d{4})-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4]))$/;

/** First day and the first day after, of a period key; undefined for anything else. */
const daysOfPeriod = (key: string): { readonly unit: PeriodUnit; readonly first: CalendarDay; readonly next: CalendarDay } | undefined => {
  const match = PERIOD_TEXT.exec(key);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (!inRange(year)) return undefined;
  const [month, day, week, quarter] = [match[2], match[3], match[4], match[5]].map((part) => (part === undefined ? undefined : Number(part)));
  if (quarter !== undefined) return { unit: 'quarter', first: { year, month: quarter * 3 - 2, day: 1 }, next: dayOfNumber(dayNumber(year, quarter * 3 + 1, 1)) };
  if (week !== undefined) {
    const monday = dayNumber(year, 1, 4) - (isoWeekday(year, 1, 4) - 1) + (week - 1) * 7;
    const first = dayOfNumber(monday);
    // Week 53 exists only in years whose 28 December falls in it.
    if (week < 1 || periodOfDay(first, 'week') !== key) return undefined;
    return { unit: 'week', first, next: dayOfNumber(monday + 7) };
  }
  if (month === undefined || month < 1 || month > 12) return undefined;
  if (day === undefined) return { unit: 'month', first: { year, month, day: 1 }, next: dayOfNumber(dayNumber(year, month + 1, 1)) };
  const first = dayOfNumber(dayNumber(year, month, day));
  if (first.month !== month || first.day !== day) return undefined; // 2026-02-30 rolls over
  return { unit: 'day', first, next: dayOfNumber(dayNumber(year, month, day + 1)) };
};

/** A period key's unit and its instants in `timeZone`, from (inclusive) to (exclusive); undefined if it is no key. */
export const periodBounds = (key: string, timeZone: string): { readonly unit: PeriodUnit; readonly from: Date; readonly to: Date } | undefined => {
  const days = daysOfPeriod(key);
  if (days === undefined) return undefined;
  const midnight = (date: CalendarDay): Date => instantOf({ ...date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
  return { unit: days.unit, from: midnight(days.first), to: midnight(days.next) };
};

/**
 * An IANA time zone option, checked by Intl (which throws a RangeError for a zone it does not know):
 * a typo must fail the call, not bucket every entry in the wrong day. Default UTC, the same on every
 * machine, where the runtime's own zone would make a summary depend on where it runs.
 */
export const readTimeZone = (value: unknown, what: string): string => {
  if (value === undefined) return 'UTC';
  if (typeof value === 'string' && value !== '') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return value;
    } catch {
      // fall through to the usage error
    }
  }
  throw new FormUsageError('bad-option', `${what}: \`timeZone\` must be an IANA time zone such as 'Asia/Shanghai'`, 'timeZone');
};
