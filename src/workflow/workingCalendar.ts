import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';

/** Which calendar days are worked. Dates are 'YYYY-MM-DD' in the form's time zone. */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}

/** Options of `workingCalendar`: dates are 'YYYY-MM-DD', weekdays 0 (Sunday) to 6 (Saturday) as `Date#getDay`. */
export interface WorkingCalendarOptions {
  /** Days off whatever their weekday (public holidays, including the weekdays moved by 调休). */
  readonly holidays?: readonly string[];
  /** Weekend days that are worked (调休 make-up days). */
  readonly workdays?: readonly string[];
  /** Weekdays off; default [6, 0] (Saturday, Sunday). [] is a seven-day week. */
  readonly weekend?: readonly number[];
}

const OPTIONS = ['holidays', 'workdays', 'weekend'];
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The weekday (0 Sunday … 6 Saturday) of a real 'YYYY-MM-DD' in the years 0001–9999, or undefined
 * ('2025-02-30', '2025-1-5'). This runs for every day a deadline counts: a regex and one Date.
 */
const weekdayOf = (text: string): number | undefined => {
  const match = DAY_TEXT.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  // setFullYear, unlike the Date constructor, does not read years 0–99 as 1900–1999; noon is on the
  // same day in every zone.
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(year, month, day);
  // A day past the month's end rolls over into the next month: the fields no longer match.
  if (year < 1 || date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return undefined;
  return date.getDay();
};

const readDays = (value: unknown, option: string): ReadonlySet<string> => {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) throw new FormUsageError('bad-option', `\`${option}\` must be an array of 'YYYY-MM-DD' dates`, option);
  for (const day of value) {
    if (typeof day !== 'string' || weekdayOf(day) === undefined) {
      throw new FormUsageError('bad-option', `\`${option}\` holds ${JSON.stringify(day)}, not a 'YYYY-MM-DD' date`, option);
    }
  }
  return new Set(value as string[]);
};

const readWeekend = (value: unknown): ReadonlySet<number> => {
  if (value === undefined) return new Set([6, 0]);
  if (!Array.isArray(value)) throw new FormUsageError('bad-option', '`weekend` must be an array of weekdays 0 (Sunday) to 6 (Saturday)', 'weekend');
  for (const day of value) {
    if (!Number.isInteger(day) || (day as number) < 0 || (day as number) > 6) {
      throw new FormUsageError('bad-option', `\`weekend\` holds ${String(day)}, not a weekday 0 (Sunday) to 6 (Saturday)`, 'weekend');
    }
  }
  return new Set(value as number[]);
};

/**
 * A calendar where the `weekend` weekdays (Saturday and Sunday by default) are off, except the
 * `workdays` listed (调休 make-up days), and the `holidays` listed are off whatever their weekday.
 * Throws a `FormUsageError` (`bad-option`) for an unknown option, a date that is not a real
 * 'YYYY-MM-DD', a weekday outside 0..6, or a date listed both as holiday and workday (the calendar
 * would have to guess which list is wrong). `isWorkingDay` throws a `FormUsageError`
 * (`bad-argument`) for a date that is not a real 'YYYY-MM-DD'.
 */
export const workingCalendar = (options: WorkingCalendarOptions = {}): WorkingCalendar => {
  if (!isPlainObject(options)) throw new FormUsageError('bad-option', 'workingCalendar needs options { holidays?, workdays?, weekend? }');
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) throw new FormUsageError('bad-option', `unknown workingCalendar option '${key}' (options: ${OPTIONS.join(', ')})`, key);
  }
  const holidays = readDays(options.holidays, 'holidays');
  const workdays = readDays(options.workdays, 'workdays');
  const weekend = readWeekend(options.weekend);
  for (const day of workdays) {
    if (holidays.has(day)) throw new FormUsageError('bad-option', `${day} is listed both in \`holidays\` and in \`workdays\``, 'workdays');
  }
  return {
    isWorkingDay: (date: string): boolean => {
      const weekday = typeof date === 'string' ? weekdayOf(date) : undefined;
      if (weekday === undefined) throw new FormUsageError('bad-argument', `isWorkingDay needs a 'YYYY-MM-DD' date, not ${JSON.stringify(date)}`);
      if (holidays.has(date)) return false;
      if (workdays.has(date)) return true;
      return !weekend.has(weekday);
    },
  };
};
