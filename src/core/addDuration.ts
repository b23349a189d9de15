import { TZDate } from '@date-fns/tz';
import { add } from 'date-fns';
import type { Duration } from './duration';

/**
 * `date` plus an ISO 8601 duration, calendar-aware in `timeZone` (undefined: the runtime's zone):
 * `P1D` is the same wall-clock time the next day even across a daylight-saving change, `P1M` from
 * 31 January is the end of February; hours, minutes and seconds are exact.
 */
export const addDuration = (date: Date, duration: Duration, timeZone: string | undefined): Date => {
  const start = timeZone === undefined ? date : new TZDate(date.getTime(), timeZone);
  const { years, months, weeks, days, hours, minutes, seconds } = duration;
  const calendar = add(start, { years, months, weeks, days });
  return new Date(calendar.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
};
