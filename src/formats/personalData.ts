import type { PiiKind } from '../core/definitionTypes';
import { normalizeCnIdCard } from './cnIdCard';
import { normalizeCnMobile } from './cnMobile';
import { isEmail } from './email';
import { toHalfWidth } from './halfWidth';

/** Kinds of personal data a text can be searched for. */
export type DetectableKind = Extract<PiiKind, 'bank-card' | 'id-card' | 'phone' | 'email'>;
export const DETECTABLE_KINDS: readonly DetectableKind[] = ['bank-card', 'id-card', 'phone', 'email'];

/** The Luhn check every payment card number passes. */
const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

/**
 * Runs of digits as a person types a number: digits with at most one space or dash between them
 * (`6222 0212 3456 7890 128`), each run joined into its digits. One linear scan, no regex.
 */
const digitRuns = (text: string): string[] => {
  const runs: string[] = [];
  let run = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char >= '0' && char <= '9') run += char;
    else if ((char === ' ' || char === '-') && run !== '' && i + 1 < text.length && (text[i + 1] as string) >= '0' && (text[i + 1] as string) <= '9') continue;
    else if (char === '+' && run === '') continue;
    else {
      if (run !== '') runs.push(run);
      run = '';
    }
  }
  if (run !== '') runs.push(run);
  return runs;
};

/** Words of letters and digits (an ID number ends in X), for the ID card check. */
const words = (text: string): string[] => text.split(/[^0-9A-Za-z]+/).filter((word) => word.length > 0);

const FOUND: { readonly [K in DetectableKind]: (text: string) => boolean } = {
  // 16-19 digits passing Luhn, starting as payment cards do (3 Amex/JCB, 4 Visa, 5 Mastercard, 6 UnionPay).
  'bank-card': (text) => digitRuns(text).some((run) => run.length >= 16 && run.length <= 19 && run >= '3' && run < '7' && luhn(run)),
  'id-card': (text) => words(text).some((word) => word.length === 18 && normalizeCnIdCard(word) !== undefined),
  phone: (text) => digitRuns(text).some((run) => normalizeCnMobile(run) !== undefined),
  email: (text) => text.includes('@') && text.split(/[\s,;，；、<>()（）]+/).some((token) => isEmail(token)),
};

/**
 * The first kind of `kinds` found anywhere in a free text (R20: data that must never be collected):
 * a bank card number (Luhn), a resident ID number (GB 11643 check character), a mainland mobile, an
 * e-mail address — typed with spaces, dashes or full-width digits as people do. Linear in the text.
 */
export const findPersonalData = (text: string, kinds: Iterable<DetectableKind>): DetectableKind | undefined => {
  const folded = toHalfWidth(text);
  for (const kind of kinds) if (FOUND[kind](folded)) return kind;
  return undefined;
};
