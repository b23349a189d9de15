const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** True for a real calendar day: 2024-02-29 yes, 2023-02-29 no. */
export const isCalendarDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  const limit = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= limit;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
// ISO 8601 date-time: 'T' or a space (paper forms write "2024-03-15 09:30"), seconds and fraction
// optional, offset optional (a local time, as people type it).
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The number written by `count` ASCII digits from `at`, or -1 when any of them is not a digit. */
const digitsAt = (value: string, at: number, count: number): number => {
  let number = 0;
  for (let i = at; i < at + count; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
};

/**
 * `YYYY-MM-DD` that names a real day. Read by character codes: every date answer of every record
 * passes here, and the regular expression with three captures and three Number() calls was a sixth
 * of a whole validation. `isDateByPattern` is the reference a property test holds it to.
 */
export const isDate = (value: string): boolean => {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return year >= 0 && month >= 0 && day >= 0 && isCalendarDate(year, month, day);
};

export const isDateByPattern = (value: string): boolean => {
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
};

/** `YYYY-MM`, a partial date such as a founding month. */
export const isMonth = (value: string): boolean => {
  const match = MONTH.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
};

export const isDateTime = (value: string): boolean => {
  const match = DATETIME.exec(value);
  if (match === null || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const offset = match[7];
  if (offset !== undefined && offset !== 'Z') {
    const digits = offset.replace(':', '');
    if (Number(digits.slice(1, 3)) > 14 || Number(digits.slice(3, 5)) > 59) return false;
  }
  return Number(match[4]) <= 23 && Number(match[5]) <= 59 && Number(match[6] ?? 0) <= 59;
};
