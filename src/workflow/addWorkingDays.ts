import { FormUsageError } from '../core/issues';
import { instantOf, wallClockOf, wallOfTime, wallTime, type WallClock } from '../core/zonedTime';
import type { WorkingCalendar } from './workingCalendar';

/** How many days in a row may be off before a calendar is taken to have no working days at all. */
export const MAX_DAYS_OFF = 366;

const DAY = 86_400_000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

// The calendar speaks 'YYYY-MM-DD', which has four-digit years only.
const dayText = (wall: WallClock): string => {
  if (wall.year < 1 || wall.year > 9999) throw new FormUsageError('bad-argument', 'working days are counted only in the years 1 to 9999');
  return `${pad(wall.year, 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`;
};

/**
 * `days` working days after `since`, counted on `calendar` in `timeZone` (undefined: the runtime's
 * zone); `days` is a non-negative integer, 0 gives `since` itself.
 *
 * - `since` on a working day: the same wall-clock time on the `days`-th working day after
 *   `since`'s calendar day (Friday 15:00 + 1 is Monday 15:00 in a Monday-to-Friday week). When that
 *   time does not exist there (a daylight-saving gap), it moves forward by the gap.
 * - `since` on a day off: counting starts at 00:00 of the next working day, and that whole day is
 *   the first working day, so the result is the end of the `days`-th working day, i.e. 00:00 of the
 *   calendar day after it (Saturday 10:00 + 1 is Tuesday 00:00 — even if Tuesday is off). Both
 *   cases count only time spent on working days: the first from `since`, the second from the
 *   start of the first working day, as time before it is not working time.
 *
 * Throws a `FormUsageError` (`bad-option`) when the calendar has no working day in 366 days in a
 * row, and (`bad-argument`) when counting leaves the years 1–9999.
 */
export const addWorkingDays = (since: Date, days: number, calendar: WorkingCalendar, timeZone: string | undefined): Date => {
  if (days === 0) return new Date(since.getTime());
  // Calendar days are stepped on the wall clock read as UTC: no daylight-saving change in the way.
  const wall = wallClockOf(since, timeZone);
  const start = wallTime(wall);
  const dayAt = (offset: number): WallClock => wallOfTime(start + offset * DAY);
  const isWorking = (offset: number): boolean => calendar.isWorkingDay(dayText(dayAt(offset)));
  const nextWorking = (offset: number): number => {
    for (let next = offset + 1; next <= offset + MAX_DAYS_OFF; next += 1) if (isWorking(next)) return next;
    throw new FormUsageError('bad-option', `the working calendar has no working day in the ${MAX_DAYS_OFF} days after ${dayText(dayAt(offset))}`, 'calendar');
  };
  if (isWorking(0)) {
    let offset = 0;
    for (let counted = 0; counted < days; counted += 1) offset = nextWorking(offset);
    return instantOf(dayAt(offset), timeZone);
  }
  let offset = nextWorking(0);
  for (let counted = 1; counted < days; counted += 1) offset = nextWorking(offset);
  return instantOf({ ...dayAt(offset + 1), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
};
