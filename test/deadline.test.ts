import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaCalendar2025 } from '../examples/chinaCalendar2025';
import { parseDuration, type Duration } from '../src/core/duration';
import { FormUsageError } from '../src/core/issues';
import { MAX_WORKING_DAYS, deadlineAt, isOverdue, readDeadline, type Deadline } from '../src/workflow/deadline';
import { workingCalendar, type WorkingCalendar } from '../src/workflow/workingCalendar';

const SHANGHAI = { timeZone: 'Asia/Shanghai' } as const;
const CHINA = { timeZone: 'Asia/Shanghai', calendar: chinaCalendar2025 } as const;
const workingDays = (days: number): Deadline => ({ kind: 'workingDays', days });
const duration = (text: string): Deadline => ({ kind: 'duration', duration: parseDuration(text) as Duration });
/** An instant written as wall-clock time in Shanghai (UTC+8, no daylight saving since 1991). */
const cst = (wallClock: string): Date => new Date(`${wallClock}:00+08:00`);
// The oracle reads wall clocks with Intl directly (sv-SE writes 'YYYY-MM-DD HH:mm:ss'), not with the code under test.
const swedish = (timeZone: string): Intl.DateTimeFormat => new Intl.DateTimeFormat('sv-SE', {
  timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const wallClock = (date: Date, timeZone: string): string => `${swedish(timeZone).format(date)}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
const dayOf = (date: Date, timeZone: string): string => swedish(timeZone).format(date).slice(0, 10);

/** The FormUsageError `run` throws (fails the test when it throws none or another error). */
const usageError = (run: () => unknown): FormUsageError => {
  try {
    run();
  } catch (error) {
    if (error instanceof FormUsageError) return error;
    throw error;
  }
  throw new Error('expected a FormUsageError');
};

describe('deadlineAt in working days (Asia/Shanghai, Monday to Friday)', () => {
  it('1 working day from Friday 15:00 is Monday 15:00', () => {
    expect(deadlineAt(cst('2025-03-14T15:00'), workingDays(1), SHANGHAI)).toEqual(cst('2025-03-17T15:00'));
  });

  it('1 working day from Saturday 10:00 is Tuesday 00:00: the whole of Monday counts', () => {
    expect(deadlineAt(cst('2025-03-15T10:00'), workingDays(1), SHANGHAI)).toEqual(cst('2025-03-18T00:00'));
    expect(deadlineAt(cst('2025-03-16T23:59'), workingDays(2), SHANGHAI)).toEqual(cst('2025-03-19T00:00'));
  });

  it('from a day off, the deadline is the end of the N-th working day even when the next day is off', () => {
    const tuesdayOff = workingCalendar({ holidays: ['2025-03-18'] });
    expect(deadlineAt(cst('2025-03-15T10:00'), workingDays(1), { ...SHANGHAI, calendar: tuesdayOff })).toEqual(cst('2025-03-18T00:00'));
    expect(deadlineAt(cst('2025-03-15T10:00'), workingDays(2), { ...SHANGHAI, calendar: tuesdayOff })).toEqual(cst('2025-03-20T00:00'));
  });

  it('0 working days is `since` itself', () => {
    expect(deadlineAt(cst('2025-03-15T10:00'), workingDays(0), SHANGHAI)).toEqual(cst('2025-03-15T10:00'));
  });

  it('uses the runtime zone when none is given', () => {
    const runtimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const since = cst('2025-03-14T15:00');
    expect(deadlineAt(since, workingDays(3), {})).toEqual(deadlineAt(since, workingDays(3), { timeZone: runtimeZone }));
    expect(deadlineAt(since, duration('P1M'))).toEqual(deadlineAt(since, duration('P1M'), { timeZone: runtimeZone }));
  });

  it('counts in the given zone: Friday evening in Shanghai is still Friday morning in New York', () => {
    const since = new Date('2025-03-14T12:00:00Z'); // Friday 20:00 in Shanghai, Friday 08:00 in New York
    expect(deadlineAt(since, workingDays(1), SHANGHAI)).toEqual(cst('2025-03-17T20:00'));
    expect(deadlineAt(since, workingDays(1), { timeZone: 'America/New_York' })).toEqual(new Date('2025-03-17T12:00:00Z'));
    // New York on 2025-03-09 moved its clocks forward: the same wall-clock time, one hour earlier in UTC.
    expect(deadlineAt(new Date('2025-03-07T13:00:00Z'), workingDays(1), { timeZone: 'America/New_York' })).toEqual(new Date('2025-03-10T12:00:00Z'));
  });
});

describe('deadlineAt on the 2025 mainland China calendar', () => {
  it('counts the 调休 Sunday 2025-09-28 before National Day as a working day', () => {
    expect(deadlineAt(cst('2025-09-26T15:00'), workingDays(1), CHINA)).toEqual(cst('2025-09-28T15:00'));
    expect(deadlineAt(cst('2025-09-26T15:00'), workingDays(1), SHANGHAI)).toEqual(cst('2025-09-29T15:00'));
    // From Saturday the 27th: the whole of Sunday the 28th is the first working day.
    expect(deadlineAt(cst('2025-09-27T10:00'), workingDays(1), CHINA)).toEqual(cst('2025-09-29T00:00'));
  });

  it('skips the National Day holiday (1–8 October) and counts the 调休 Saturday 2025-10-11', () => {
    expect(deadlineAt(cst('2025-09-30T10:00'), workingDays(1), CHINA)).toEqual(cst('2025-10-09T10:00'));
    expect(deadlineAt(cst('2025-09-30T10:00'), workingDays(3), CHINA)).toEqual(cst('2025-10-11T10:00'));
    expect(deadlineAt(cst('2025-09-30T10:00'), workingDays(4), CHINA)).toEqual(cst('2025-10-13T10:00'));
    expect(deadlineAt(cst('2025-10-01T09:00'), workingDays(1), CHINA)).toEqual(cst('2025-10-10T00:00'));
  });

  it('knows the Spring Festival: 调休 Sunday 2025-01-26, holiday 28 January to 4 February, 调休 Saturday 2025-02-08', () => {
    expect(deadlineAt(cst('2025-01-24T18:00'), workingDays(1), CHINA)).toEqual(cst('2025-01-26T18:00'));
    expect(deadlineAt(cst('2025-01-27T18:00'), workingDays(1), CHINA)).toEqual(cst('2025-02-05T18:00'));
    expect(deadlineAt(cst('2025-02-07T18:00'), workingDays(1), CHINA)).toEqual(cst('2025-02-08T18:00'));
  });

  it('has the 2025 holidays and make-up days of the State Council notice', () => {
    const working = (day: string): boolean => chinaCalendar2025.isWorkingDay(day);
    for (const day of ['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-05-01', '2025-05-05', '2025-06-02', '2025-10-01', '2025-10-06', '2025-10-08']) {
      expect(working(day), day).toBe(false);
    }
    for (const day of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2025-01-02', '2025-10-09']) expect(working(day), day).toBe(true);
    expect(working('2025-10-12')).toBe(false); // an ordinary Sunday
  });
});

describe('deadlineAt with an ISO 8601 duration', () => {
  it('PT24H from 2025-03-15 09:30 in Shanghai is 2025-03-16 09:30', () => {
    expect(deadlineAt(cst('2025-03-15T09:30'), duration('PT24H'), SHANGHAI)).toEqual(cst('2025-03-16T09:30'));
  });

  it('P1D keeps the wall-clock time across a daylight-saving change; PT24H is exactly 24 hours', () => {
    const newYork = { timeZone: 'America/New_York' };
    const since = new Date('2025-03-08T14:30:00Z'); // Saturday 09:30 EST, the day before the change
    const oneDay = deadlineAt(since, duration('P1D'), newYork);
    const hours24 = deadlineAt(since, duration('PT24H'), newYork);
    expect(wallClock(oneDay, 'America/New_York')).toBe('2025-03-09 09:30:00.000');
    expect(oneDay).toEqual(new Date('2025-03-09T13:30:00Z')); // 23 hours later
    expect(wallClock(hours24, 'America/New_York')).toBe('2025-03-09 10:30:00.000');
    expect(hours24.getTime() - since.getTime()).toBe(24 * 3600 * 1000);
  });

  it('P1M from 31 January is the end of February', () => {
    expect(deadlineAt(cst('2025-01-31T10:00'), duration('P1M'), SHANGHAI)).toEqual(cst('2025-02-28T10:00'));
    expect(deadlineAt(cst('2024-01-31T10:00'), duration('P1M'), SHANGHAI)).toEqual(cst('2024-02-29T10:00'));
  });

  it('adds the calendar date in the zone, not in UTC', () => {
    // 2025-03-31 07:00 in Shanghai is still the 30th in UTC; P1M is 30 April in Shanghai.
    expect(deadlineAt(cst('2025-03-31T07:00'), duration('P1M'), SHANGHAI)).toEqual(cst('2025-04-30T07:00'));
  });
});

describe('isOverdue', () => {
  it('is false exactly at the deadline and true 1 ms after', () => {
    const since = cst('2025-03-14T15:00');
    const at = deadlineAt(since, workingDays(1), SHANGHAI);
    expect(isOverdue(since, workingDays(1), new Date(at.getTime() - 1), SHANGHAI)).toBe(false);
    expect(isOverdue(since, workingDays(1), at, SHANGHAI)).toBe(false);
    expect(isOverdue(since, workingDays(1), new Date(at.getTime() + 1), SHANGHAI)).toBe(true);
    const hours = deadlineAt(since, duration('PT24H'), SHANGHAI);
    expect(isOverdue(since, duration('PT24H'), hours, SHANGHAI)).toBe(false);
    expect(isOverdue(since, duration('PT24H'), new Date(hours.getTime() + 1), SHANGHAI)).toBe(true);
  });

  it('throws a bad-argument FormUsageError for an invalid `now`', () => {
    expect(usageError(() => isOverdue(cst('2025-03-14T15:00'), workingDays(1), new Date(Number.NaN), SHANGHAI)).code).toBe('bad-argument');
  });
});

describe('readDeadline', () => {
  it('reads ISO 8601 durations and { workingDays: n }', () => {
    expect(readDeadline('PT24H')).toEqual({ kind: 'duration', duration: { years: 0, months: 0, weeks: 0, days: 0, hours: 24, minutes: 0, seconds: 0 } });
    expect(readDeadline('P7D')).toEqual({ kind: 'duration', duration: { years: 0, months: 0, weeks: 0, days: 7, hours: 0, minutes: 0, seconds: 0 } });
    expect(readDeadline({ workingDays: 1 })).toEqual({ kind: 'workingDays', days: 1 });
    expect(readDeadline({ workingDays: MAX_WORKING_DAYS })).toEqual({ kind: 'workingDays', days: MAX_WORKING_DAYS });
    expect(readDeadline(Object.assign(Object.create(null) as object, { workingDays: 3 }))).toEqual({ kind: 'workingDays', days: 3 });
  });

  it('is undefined for anything else, and never throws', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const bad: unknown[] = [
      undefined, null, 42, true, '', 'P', 'PT', '24h', 'P-1D', 'p1d', ' P1D', 'P1DT', [], ['PT24H'], new Date(),
      {}, { workingDays: 0 }, { workingDays: -1 }, { workingDays: 1.5 }, { workingDays: '1' }, { workingDays: Number.NaN },
      { workingDays: Infinity }, { workingDays: MAX_WORKING_DAYS + 1 }, { workingDays: 1, hours: 2 }, { days: 1 },
      { get workingDays(): number { throw new Error('getter'); } },
      new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }),
      proxy,
    ];
    for (const value of bad) expect(readDeadline(value)).toBeUndefined();
  });
});

describe('workingCalendar', () => {
  it('has Saturday and Sunday off by default, holidays off, workdays worked', () => {
    const calendar = workingCalendar({ holidays: ['2025-03-12'], workdays: ['2025-03-15'] });
    expect(['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14', '2025-03-15', '2025-03-16'].map(calendar.isWorkingDay))
      .toEqual([true, true, false, true, true, true, false]);
    expect(workingCalendar().isWorkingDay('2025-03-15')).toBe(false);
  });

  it('takes another weekend (0 is Sunday, as Date#getDay)', () => {
    const fridayOff = workingCalendar({ weekend: [5] });
    expect(['2025-03-14', '2025-03-15', '2025-03-16'].map(fridayOff.isWorkingDay)).toEqual([false, true, true]);
  });

  it.each([
    [{ holidays: ['2025-1-1'] }, 'holidays'],
    [{ holidays: ['2025-02-30'] }, 'holidays'],
    [{ holidays: ['2025-02-28T00:00'] }, 'holidays'],
    [{ holidays: ['0000-01-01'] }, 'holidays'],
    [{ workdays: [20250101] }, 'workdays'],
    [{ workdays: '2025-01-26' }, 'workdays'],
    [{ weekend: [7] }, 'weekend'],
    [{ weekend: [-1] }, 'weekend'],
    [{ weekend: [1.5] }, 'weekend'],
    [{ weekend: ['6'] }, 'weekend'],
    [{ holiday: ['2025-01-01'] }, 'holiday'],
    [{ holidays: ['2025-01-26'], workdays: ['2025-01-26'] }, 'workdays'],
  ])('throws a bad-option FormUsageError for %j', (options, option) => {
    const error = usageError(() => workingCalendar(options as never));
    expect(error.code).toBe('bad-option');
    expect(error.option).toBe(option);
  });

  it('accepts 29 February in leap years only', () => {
    expect(() => workingCalendar({ holidays: ['2024-02-29'] })).not.toThrow();
    expect(usageError(() => workingCalendar({ holidays: ['2025-02-29'] })).code).toBe('bad-option');
  });

  it('isWorkingDay throws a bad-argument FormUsageError for a date that is not YYYY-MM-DD', () => {
    for (const date of ['2025-3-15', '2025-13-01', 'today', '']) expect(usageError(() => workingCalendar().isWorkingDay(date)).code).toBe('bad-argument');
  });
});

describe('deadlineAt errors', () => {
  it('throws a bad-option FormUsageError for a calendar without working days, after a bounded search', () => {
    const never: WorkingCalendar = { isWorkingDay: () => false };
    for (const calendar of [never, workingCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6] })]) {
      const error = usageError(() => deadlineAt(cst('2025-03-14T15:00'), workingDays(1), { ...SHANGHAI, calendar }));
      expect(error.code).toBe('bad-option');
      expect(error.option).toBe('calendar');
    }
    // One make-up day, then nothing: the first working day is found, the second is not.
    const once = { ...SHANGHAI, calendar: workingCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6], workdays: ['2025-03-20'] }) };
    expect(deadlineAt(cst('2025-03-14T15:00'), workingDays(1), once)).toEqual(cst('2025-03-21T00:00'));
    expect(usageError(() => deadlineAt(cst('2025-03-14T15:00'), workingDays(2), once)).code).toBe('bad-option');
  });

  it('throws a bad-option FormUsageError for an unknown time zone', () => {
    const error = usageError(() => deadlineAt(cst('2025-03-14T15:00'), workingDays(1), { timeZone: 'Mars/Olympus' }));
    expect([error.code, error.option]).toEqual(['bad-option', 'timeZone']);
  });

  it('throws a bad-argument FormUsageError for an invalid since, a malformed deadline, or a deadline beyond Date', () => {
    const since = cst('2025-03-14T15:00');
    const zero = parseDuration('PT0S') as Duration;
    const cases: (() => unknown)[] = [
      () => deadlineAt(new Date(Number.NaN), workingDays(1), SHANGHAI),
      () => deadlineAt(since, workingDays(-1), SHANGHAI),
      () => deadlineAt(since, workingDays(1.5), SHANGHAI),
      () => deadlineAt(since, workingDays(MAX_WORKING_DAYS + 1), SHANGHAI),
      () => deadlineAt(since, { kind: 'duration', duration: { ...zero, hours: -1 } }, SHANGHAI),
      () => deadlineAt(since, { kind: 'duration', duration: { ...zero, days: 0.5 } }, SHANGHAI),
      () => deadlineAt(since, { kind: 'duration', duration: { ...zero, seconds: Number.NaN } }, SHANGHAI),
      () => deadlineAt(since, { kind: 'other' } as unknown as Deadline, SHANGHAI),
      () => deadlineAt(since, null as unknown as Deadline, SHANGHAI),
      () => deadlineAt(since, duration('P300000Y'), SHANGHAI),
      () => deadlineAt(new Date('9999-12-30T12:00:00Z'), workingDays(5), { timeZone: 'UTC', calendar: workingCalendar({ weekend: [] }) }),
    ];
    for (const run of cases) expect(usageError(run).code).toBe('bad-argument');
  });

  it('bounds the work: the largest deadline is counted (no timing asserted; the test timeout is the bound)', () => {
    expect(deadlineAt(cst('2025-09-26T15:00'), workingDays(MAX_WORKING_DAYS), CHINA).getTime()).toBeGreaterThan(Date.UTC(2060, 0));
  });
});

describe('deadlineAt properties', () => {
  const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'];
  // Zones without daylight saving in the years generated, where wall-clock times always exist.
  const STEADY_ZONES = ['Asia/Shanghai', 'UTC', 'Asia/Kolkata'];

  const day = (offset: number): string => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
  const daysAround = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 40 }).map((offsets) => offsets.map(day));
  const calendars = fc
    .record({ weekend: fc.subarray([0, 1, 2, 3, 4, 5, 6], { maxLength: 5 }), holidays: daysAround, workdays: daysAround })
    .map(({ weekend, holidays, workdays }) => workingCalendar({ weekend, holidays, workdays: workdays.filter((d) => !holidays.includes(d)) }));
  const sinces = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2025-03-31T00:00:00Z'), noInvalidDate: true });
  const counts = fc.integer({ min: 1, max: 40 });

  /** The 'YYYY-MM-DD' after `text`, by UTC arithmetic: independent of the code under test. */
  const nextDay = (text: string): string => new Date(Date.parse(`${text}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  /** Working days in (from, to], both 'YYYY-MM-DD'. */
  const workingDaysBetween = (calendar: WorkingCalendar, from: string, to: string): number => {
    let count = 0;
    for (let d = nextDay(from); d <= to; d = nextDay(d)) if (calendar.isWorkingDay(d)) count += 1;
    return count;
  };

  it('is strictly after since and strictly increasing in N', () => {
    fc.assert(fc.property(sinces, counts, calendars, fc.constantFrom(...ZONES), (since, n, calendar, timeZone) => {
      const context = { timeZone, calendar };
      const at = deadlineAt(since, workingDays(n), context);
      expect(at.getTime()).toBeGreaterThan(since.getTime());
      expect(deadlineAt(since, workingDays(n + 1), context).getTime()).toBeGreaterThan(at.getTime());
    }));
  });

  it('from a working day: lands on a working day at the same wall-clock time, N working days later', () => {
    fc.assert(fc.property(sinces, counts, calendars, fc.constantFrom(...ZONES), (since, n, calendar, timeZone) => {
      const start = dayOf(since, timeZone);
      fc.pre(calendar.isWorkingDay(start));
      const at = deadlineAt(since, workingDays(n), { timeZone, calendar });
      const end = dayOf(at, timeZone);
      expect(calendar.isWorkingDay(end)).toBe(true);
      expect(workingDaysBetween(calendar, start, end)).toBe(n);
      if (STEADY_ZONES.includes(timeZone)) expect(wallClock(at, timeZone).slice(11)).toBe(wallClock(since, timeZone).slice(11));
    }));
  });

  it('from a day off: lands at 00:00 just after the N-th working day', () => {
    fc.assert(fc.property(sinces, counts, calendars, fc.constantFrom(...STEADY_ZONES), (since, n, calendar, timeZone) => {
      const start = dayOf(since, timeZone);
      fc.pre(!calendar.isWorkingDay(start));
      const at = deadlineAt(since, workingDays(n), { timeZone, calendar });
      expect(wallClock(at, timeZone).slice(11)).toBe('00:00:00.000');
      const lastWorkingDay = dayOf(new Date(at.getTime() - 1), timeZone);
      expect(calendar.isWorkingDay(lastWorkingDay)).toBe(true);
      expect(workingDaysBetween(calendar, start, lastWorkingDay)).toBe(n);
    }));
  });

  it('on a calendar where every day is worked, N working days are N calendar days (P{N}D)', () => {
    const everyDay = [workingCalendar({ weekend: [] }), { isWorkingDay: () => true }];
    const anySince = fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(fc.property(anySince, counts, fc.constantFrom(...everyDay), fc.constantFrom(...ZONES), (since, n, calendar, timeZone) => {
      expect(deadlineAt(since, workingDays(n), { timeZone, calendar })).toEqual(deadlineAt(since, duration(`P${n}D`), { timeZone }));
    }));
  });

  it('readDeadline reads back every duration and working-day count it accepts', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_WORKING_DAYS }), fc.integer({ min: 0, max: 99 }), (n, hours) => {
      expect(readDeadline({ workingDays: n })).toEqual({ kind: 'workingDays', days: n });
      expect(readDeadline(`P${n}DT${hours}H`)).toEqual({ kind: 'duration', duration: { years: 0, months: 0, weeks: 0, days: n, hours, minutes: 0, seconds: 0 } });
    }));
  });
});
