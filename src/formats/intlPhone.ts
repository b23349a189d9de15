import { toHalfWidth } from './halfWidth';

// E.164 allows at most 15 digits; fewer than 7 is no dialable number with its country code.
const NUMBER = /^[1-9]\d{6,14}$/;
// What people type between digit groups: spaces (ASCII, no-break, ideographic), dashes, brackets.
const SEPARATORS = /[\s\u00a0\u3000\-\u2010-\u2015\u2212()]/g;

/**
 * An international phone number as people type it (`+44 20 7946 0958`, `0044 (20) 7946-0958`,
 * full-width digits) kept in E.164 form (`+442079460958`); undefined when it is not one. The
 * country code is part of the number: a leading `00` is read as `+`, and a number written without
 * either is read as starting with its country code, so a national number with a trunk `0`
 * (`020 7946 0958`) is refused rather than guessed at.
 */
export const normalizeIntlPhone = (value: string): string | undefined => {
  if (value.length > 40) return undefined;
  let digits = toHalfWidth(value).replace(SEPARATORS, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  return NUMBER.test(digits) ? `+${digits}` : undefined;
};

/** True when validate accepts `value` as an international phone number (`+44 20 7946 0958`). */
export const isIntlPhone = (value: string): boolean => typeof value === 'string' && normalizeIntlPhone(value) !== undefined;
