import { isCalendarDate } from './calendar';
import { toHalfWidth } from './halfWidth';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * A resident identity card number (GB 11643-1999) as people type it — surrounding spaces, a lower-case
 * x, full-width characters — in its standard form (18 characters, check character `X` upper-case);
 * undefined unless it has a 6-digit region code, a real birth date (not before 1900), a sequence and
 * the right ISO 7064 MOD 11-2 check character.
 */
export const normalizeCnIdCard = (value: string): string | undefined => {
  if (value.length > 40) return undefined;
  const id = toHalfWidth(value).trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return undefined;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || !isCalendarDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] === id[17] ? id : undefined;
};

/** True when validate accepts `value` as a resident ID number (GB 11643 check character verified). */
export const isCnIdCard = (value: string): boolean => typeof value === 'string' && normalizeCnIdCard(value) !== undefined;
