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

/** True for an IANA time zone the runtime knows ('Asia/Shanghai'). */
export const isTimeZone = (timeZone: string): boolean => timeZone.length <= 64 && dayFormat(timeZone) !== null;

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
