import { toHalfWidth } from './halfWidth';

const MOBILE = /^1[3-9]\d{9}$/;
// Separators people type between digit groups: spaces (ASCII, no-break, ideographic), dashes, dots, brackets.
const SEPARATORS = /[\s\u00a0\u3000\-\u2010-\u2015\u2212.()]/g;

/**
 * A mainland China mobile number as customers type it (`+86 138-1234-5678`, `0086 13812345678`,
 * full-width digits) reduced to its 11 digits (`13812345678`); undefined when it is not one.
 */
export const normalizeCnMobile = (value: string): string | undefined => {
  if (value.length > 40) return undefined;
  let digits = toHalfWidth(value).replace(SEPARATORS, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return MOBILE.test(digits) ? digits : undefined;
};

/** True when validate accepts `value` as a mainland mobile: 11 digits starting 1[3-9], +86, spaces and dashes allowed. */
export const isCnMobile = (value: string): boolean => typeof value === 'string' && normalizeCnMobile(value) !== undefined;
