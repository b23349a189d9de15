import { isCalendarDate } from './calendar';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * Resident identity card number (GB 11643-1999): 18 characters, a 6-digit region code, a real
 * birth date (not before 1900), a sequence and an ISO 7064 MOD 11-2 check character. Lower-case x
 * is refused: the standard writes X, and normalising belongs to the caller.
 */
export const isCnIdCard = (value: string): boolean => {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  if (year < 1900 || !isCalendarDate(year, Number(value.slice(10, 12)), Number(value.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] === value[17];
};
