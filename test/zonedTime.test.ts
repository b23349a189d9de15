import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockOf } from '../src/core/zonedTime';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham', 'UTC'];

/** The reference: Intl's own reading, part by part, with nothing cached. */
const reference = (instant: Date, timeZone: string): string => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(instant).map((part) => [part.type, part.value]));
  return [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second].map(Number).join(' ');
};

describe('wall clocks in a time zone', () => {
  it('equal Intl for any instant, around clock changes included (the per-day offset cache is exact)', () => {
    const instant = fc.oneof(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
      // the hours around 2025's clock changes in the zones above
      fc.constantFrom('2025-03-09T07:00:00Z', '2025-11-02T06:00:00Z', '2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2025-04-05T15:00:00Z', '2025-09-27T14:00:00Z')
        .chain((at) => fc.integer({ min: -7_200_000, max: 7_200_000 }).map((shift) => new Date(Date.parse(at) + shift))),
    );
    fc.assert(fc.property(instant, fc.constantFrom(...ZONES), (at, zone) => {
      const wall = wallClockOf(at, zone);
      expect([wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second].join(' ')).toBe(reference(at, zone));
    }), { numRuns: 3000 });
  });
});
