// ISO 8601 with an offset: a time without one is ambiguous by up to a day. Checked field by field,
// because Date.parse is lenient in engine-specific ways (V8 reads 30 February as 2 March).
const INSTANT = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

// A day inside 0001-9999 at both ends: Intl names earlier years with an era, so a wall clock there
// would read 1 BC as year 1, in any zone.
const FIRST = -62_135_596_800_000 + 86_400_000;
const LAST = 253_402_300_799_999 - 86_400_000;

const isRealDay = (year: number, month: number, day: number): boolean => {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDate() === day;
};

/**
 * Milliseconds of an ISO 8601 instant with an offset (`2026-11-03T02:15:00.000Z`,
 * `2026-11-03T10:15+08:00`) in the years 0001-9999, or NaN for anything else; fractions past
 * milliseconds are cut.
 */
export const parseInstant = (text: unknown): number => {
  const match = typeof text === 'string' ? INSTANT.exec(text) : null;
  if (match === null) return Number.NaN;
  const [, year, month, day, hour, minute, second = '00', fraction = '', offset] = match as unknown as readonly string[];
  if (!isRealDay(Number(year), Number(month), Number(day))) return Number.NaN;
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${(fraction as string).slice(0, 3).padEnd(3, '0')}${offset}`);
  return time >= FIRST && time <= LAST ? time : Number.NaN;
};
