/**
 * Wall-clock time in an IANA time zone, over Intl alone. date-fns' time-zone companion patches
 * `Date.prototype` methods when imported, a side effect every bundle of formloom would then carry,
 * even one that only checks a mobile number; the conversions formloom needs are these few lines.
 */
export interface WallClock {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

// Formatters by zone, bounded: a caller passing endless spellings must not grow memory.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    if (formatters.size >= 64) formatters.delete(formatters.keys().next().value as string);
    formatters.set(timeZone, format);
  }
  return format;
};

const intlWallClock = (instant: Date, timeZone: string): WallClock => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) if (part.type !== 'literal' && part.type !== 'era') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0,
    second: parts.second ?? 0, millisecond: instant.getUTCMilliseconds(),
  };
};

// Reading a wall clock through Intl costs microseconds; an export or a summary reads thousands. A
// zone's offset is therefore read once per UTC day, at the day's first and last millisecond: when both
// agree it holds all day (no zone changes its clocks and back within a day), and a day whose ends
// differ holds a change, so its instants are read one by one. Bounded per zone and in zones.
const DAY = 86_400_000;
const FIRST_SAFE = -62_135_596_800_000; // 0001-01-01: Intl names earlier years with an era
const LAST_SAFE = 253_402_300_799_999; // 9999-12-31
const dayOffsets = new Map<string, Map<number, number>>();
const intlOffset = (instant: number, timeZone: string): number => wallTime(intlWallClock(new Date(instant), timeZone)) - instant;
const dayOffset = (instant: number, timeZone: string): number | undefined => {
  const day = Math.floor(instant / DAY);
  let days = dayOffsets.get(timeZone);
  if (days === undefined) {
    if (dayOffsets.size >= 64) dayOffsets.clear();
    dayOffsets.set(timeZone, (days = new Map()));
  }
  const known = days.get(day);
  if (known !== undefined) return known;
  const start = intlOffset(day * DAY, timeZone);
  if (intlOffset(day * DAY + DAY - 1, timeZone) !== start) return undefined;
  if (days.size >= 4096) days.clear();
  days.set(day, start);
  return start;
};

/** The wall clock of an instant in `timeZone` (undefined: the runtime's own zone). */
export const wallClockOf = (instant: Date, timeZone: string | undefined): WallClock => {
  if (timeZone === undefined) {
    return {
      year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate(),
      hour: instant.getHours(), minute: instant.getMinutes(), second: instant.getSeconds(), millisecond: instant.getMilliseconds(),
    };
  }
  const time = instant.getTime();
  if (time >= FIRST_SAFE && time <= LAST_SAFE - DAY) {
    const offset = dayOffset(time, timeZone);
    if (offset !== undefined) return wallOfTime(time + offset);
  }
  return intlWallClock(instant, timeZone);
};

/** The wall clock read as if it were UTC: milliseconds to compare and step calendar days with. */
export const wallTime = (wall: WallClock): number => {
  const date = new Date(Date.UTC(2000, 0, 1, wall.hour, wall.minute, wall.second, wall.millisecond));
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return date.getTime();
};

/** The wall clock of a `wallTime`. */
export const wallOfTime = (time: number): WallClock => {
  const date = new Date(time);
  return {
    year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
    hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(), millisecond: date.getUTCMilliseconds(),
  };
};

const offsetAt = (instant: number, timeZone: string): number => wallTime(wallClockOf(new Date(instant), timeZone)) - instant;

/**
 * The instant a wall clock names in `timeZone`. A time that does not exist there (skipped when the
 * clocks go forward) moves forward by the gap, as a person setting a clock would; a time that exists
 * twice (when they go back) is the earlier one.
 */
export const instantOf = (wall: WallClock, timeZone: string | undefined): Date => {
  if (timeZone === undefined) {
    const date = new Date(2000, 0, 1, wall.hour, wall.minute, wall.second, wall.millisecond);
    date.setFullYear(wall.year, wall.month - 1, wall.day);
    return date;
  }
  const target = wallTime(wall);
  // Beyond what a Date can hold: an Invalid Date, which callers check for.
  if (!Number.isFinite(target) || Math.abs(target) > 8.64e15 - 2 * 86_400_000) return new Date(Number.NaN);
  const first = target - offsetAt(target, timeZone);
  const second = target - offsetAt(first, timeZone);
  const candidates = [first, second].filter((instant) => wallTime(wallClockOf(new Date(instant), timeZone)) === target);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: the offset before the gap, applied to the wall clock, lands after it.
  return new Date(Math.max(first, second));
};

const daysInMonth = (year: number, month: number): number => {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
};

/**
 * Calendar arithmetic on a wall clock: years and months first, keeping the day but not past the
 * month's end (31 January + 1 month is 28 or 29 February), then weeks and days.
 */
export const addCalendar = (wall: WallClock, add: { readonly years: number; readonly months: number; readonly weeks: number; readonly days: number }): WallClock => {
  const totalMonths = wall.year * 12 + (wall.month - 1) + add.years * 12 + add.months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12 + 1;
  const day = Math.min(wall.day, daysInMonth(year, month));
  return wallOfTime(wallTime({ ...wall, year, month, day }) + (add.weeks * 7 + add.days) * 86_400_000);
};
