/** An ISO 8601 duration split into its parts. */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses `P7D`, `PT24H`, `P2Y6M`; undefined for anything else (no negative or empty durations). */
export const parseDuration = (text: string): Duration | undefined => {
  const match = DURATION.exec(text);
  if (match === null) return undefined;
  const part = (index: number): number => Number(match[index] ?? 0);
  return { years: part(1), months: part(2), weeks: part(3), days: part(4), hours: part(5), minutes: part(6), seconds: part(7) };
};

/**
 * The longest duration a definition may give, as ISO 8601 text. A TTL, a deadline or a retention
 * period is added to dates at run time; a thousand years keeps any date of this millennium far inside
 * the range of Date (±273,790 years), where 300,000 years made every deadline and draft throw.
 */
export const MAX_DURATION = 'P1000Y';

const DAY_MS = 86_400_000;
// An average Gregorian year and month: the limit is a sanity bound, not a calendar computation.
const YEAR_MS = 365.2425 * DAY_MS;
const MAX_DURATION_MS = 1000 * YEAR_MS;

/** Whether `duration` is at most MAX_DURATION in total (months and years counted as their average length). */
export const isWithinMaxDuration = (duration: Duration): boolean => {
  const { years, months, weeks, days, hours, minutes, seconds } = duration;
  const total = years * YEAR_MS + months * (YEAR_MS / 12) + (weeks * 7 + days) * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  // Infinity (a count of hundreds of digits) is over; NaN cannot arise from the digits parseDuration reads.
  return total <= MAX_DURATION_MS;
};
