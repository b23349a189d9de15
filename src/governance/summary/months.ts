import { wallClockOf } from '../../core/zonedTime';
import { isDate, isDateTime, isMonth } from '../../formats/calendar';

/** What a date is read from: a date, month or datetime answer, or an instant (a record's `createdAt`). */
export type DateKind = 'date' | 'month' | 'datetime' | 'instant';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

const monthOfInstant = (time: number, timeZone: string | undefined): string | undefined => {
  if (Number.isNaN(time)) return undefined;
  const wall = wallClockOf(new Date(time), timeZone);
  return wall.year < 0 || wall.year > 9999 ? undefined : `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}`;
};

/**
 * The month (`YYYY-MM`) a value falls in, in the form's time zone: a date or a datetime written
 * without an offset is already a wall-clock time there; an instant (ISO 8601 with an offset, as
 * records keep `createdAt`) is converted. Undefined for anything that is not such a value.
 */
export const monthOf = (value: unknown, kind: DateKind, timeZone: string | undefined): string | undefined => {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  switch (kind) {
    case 'date':
      return isDate(value) ? value.slice(0, 7) : undefined;
    case 'month':
      return isMonth(value) ? value : undefined;
    case 'datetime': {
      if (!isDateTime(value)) return undefined;
      const offset = OFFSET.exec(value)?.[1];
      if (offset === undefined) return value.slice(0, 7);
      // Date.parse is only specified for `T` and `±hh:mm`: "2024-03-15 09:30+0800" is written so first.
      const iso = value.slice(0, value.length - offset.length).replace(' ', 'T') + (offset === 'Z' || offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`);
      return monthOfInstant(Date.parse(iso), timeZone);
    }
    case 'instant':
      return monthOfInstant(Date.parse(value), timeZone);
  }
};

/** A month as a number, to step through and to compare. */
export const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export const monthOfIndex = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad((index % 12) + 1)}`;
