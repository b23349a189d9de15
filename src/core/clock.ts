/** Time-zone aware days and clock strings for `$now` / `$today`, with bounded caches. */

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const localDate = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

// Keyed by the caller's spelling, bounded: 'asia/shanghai' and 'Asia/Shanghai' are two keys, and a
// caller passing endless spellings must not grow memory without limit.
const CACHE_LIMIT = 64;
const dayFormats = /* @__PURE__ */ new Map<string, Intl.DateTimeFormat | null>();

const dayFormat = (timeZone: string): Intl.DateTimeFormat | null => {
  let format = dayFormats.get(timeZone);
  if (format !== undefined) return format;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = null;
  }
  if (dayFormats.size >= CACHE_LIMIT) dayFormats.delete(dayFormats.keys().next().value as string);
  dayFormats.set(timeZone, format);
  return format;
};

let knownZones: ReadonlySet<string> | undefined;

/**
 * True for an IANA time zone the runtime knows ('Asia/Shanghai'). The canonical list answers first:
 * building the first Intl.DateTimeFormat of a process loads the locale data (about 20 ms), which
 * compiling a form must not pay; aliases ('Asia/Chongqing', 'US/Eastern') fall back to it.
 */
export const isTimeZone = (timeZone: string): boolean => {
  if (timeZone.length > 64) return false;
  if (knownZones === undefined) {
    const supported = (Intl as { supportedValuesOf?: (key: 'timeZone') => string[] }).supportedValuesOf;
    knownZones = new Set(typeof supported === 'function' ? supported('timeZone') : []);
  }
  return knownZones.has(timeZone) || dayFormat(timeZone) !== null;
};

/** `YYYY-MM-DD` of `date` in an IANA time zone, or in the runtime's own zone when none is given. */
export const dayIn = (date: Date, timeZone: string | undefined): string => {
  if (timeZone === undefined) return localDate(date);
  const format = dayFormat(timeZone);
  return format === null ? localDate(date) : format.format(date);
};

// Callers pass the same `now` on every call of a request: the last parse and clock strings are kept.
let lastNowInput: string | number | undefined;
let lastNowDate: Date | undefined;

/** The clock a call runs at: `now` as given (Date, ISO string or epoch ms), else the current time; undefined when invalid. */
export const readNow = (now: unknown): Date | undefined => {
  let date: Date;
  if (now === undefined) date = new Date();
  else if (now instanceof Date) date = now;
  else if (typeof now === 'string' || typeof now === 'number') {
    if (now !== lastNowInput || lastNowDate === undefined) {
      lastNowInput = now;
      lastNowDate = new Date(now);
    }
    date = lastNowDate;
  } else return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date;
};

let clockTime: number | undefined;
let clockZone: string | undefined;
let clockIso = '';
let clockDay = '';

/** `$now` (ISO 8601) and `$today` (YYYY-MM-DD in the zone) for a clock; the last pair is kept. */
export const clockStrings = (now: Date, timeZone: string | undefined): { readonly iso: string; readonly day: string } => {
  const time = now.getTime();
  if (time !== clockTime || timeZone !== clockZone) {
    clockTime = time;
    clockZone = timeZone;
    clockIso = now.toISOString();
    clockDay = dayIn(now, timeZone);
  }
  return { iso: clockIso, day: clockDay };
};
