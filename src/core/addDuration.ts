import type { Duration } from './duration';
import { addCalendar, instantOf, wallClockOf } from './zonedTime';

/**
 * `date` plus an ISO 8601 duration, calendar-aware in `timeZone` (undefined: the runtime's zone):
 * `P1D` is the same wall-clock time the next day even across a daylight-saving change, `P1M` from
 * 31 January is the end of February; hours, minutes and seconds are exact.
 */
export const addDuration = (date: Date, duration: Duration, timeZone: string | undefined): Date => {
  const { years, months, weeks, days, hours, minutes, seconds } = duration;
  const calendar = years === 0 && months === 0 && weeks === 0 && days === 0
    ? date
    : instantOf(addCalendar(wallClockOf(date, timeZone), { years, months, weeks, days }), timeZone);
  return new Date(calendar.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
};
