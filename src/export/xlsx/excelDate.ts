import { wallClockOf, wallOfTime, wallTime, type WallClock } from '../../core/zonedTime';

const DAY = 86_400_000;
// Excel's day 0 of the 1900 date system. Counting from here makes every serial from 1 March 1900 on
// right despite Excel's fictitious 29 February 1900 (serial 60).
const EPOCH = /* @__PURE__ */ Date.UTC(1899, 11, 30);
// The first and last days Excel both represents and shows correctly: 1900-03-01 and 9999-12-31.
const FIRST = /* @__PURE__ */ Date.UTC(1900, 2, 1);
const LAST = /* @__PURE__ */ Date.UTC(9999, 11, 31);
const YEAR_ONE = -62_135_596_800_000; // 0001-01-01T00:00:00Z

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const wallText = (wall: WallClock, withTime: boolean): string => {
  const day = `${wall.year < 0 ? '-' : ''}${pad(Math.abs(wall.year), 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`;
  return withTime ? `${day} ${pad(wall.hour, 2)}:${pad(wall.minute, 2)}:${pad(wall.second, 2)}` : day;
};

/**
 * Excel serials of instants as shown in one zone. The wall clock comes from core's wallClockOf, which
 * reads each day's offset once (an export reads millions of dates).
 */
export class ExcelDates {
  constructor(private readonly timeZone: string | undefined) {}

  /** The instant's wall clock in the zone, as milliseconds read as if UTC. */
  wallTimeOf(instant: number): number {
    // Intl names years before 1 AD with an era that wallClockOf does not read; no zone changed its
    // clocks before the 19th century, so earlier instants take the zone's offset at the start of 1 AD.
    if (this.timeZone !== undefined && instant < YEAR_ONE) return instant + (wallTime(wallClockOf(new Date(YEAR_ONE), this.timeZone)) - YEAR_ONE);
    return wallTime(wallClockOf(new Date(instant), this.timeZone));
  }

  /**
   * What a date cell holds: the Excel serial of the instant's wall clock (days since 1899-12-30, the
   * time as a fraction; whole days for a date-only column, so the cell is the day and compares equal
   * to it), text for a day Excel cannot show (before 1 March 1900 or after 9999, where a serial would
   * display one day off or as ####), undefined for an Invalid Date.
   */
  value(date: Date, dateOnly: boolean): number | string | undefined {
    const instant = date.getTime();
    if (Number.isNaN(instant)) return undefined;
    const time = this.wallTimeOf(instant);
    const day = Math.floor(time / DAY) * DAY;
    if (day < FIRST || day > LAST) return wallText(wallOfTime(time), !dateOnly);
    return (dateOnly ? day - EPOCH : time - EPOCH) / DAY;
  }
}
