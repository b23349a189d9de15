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

// What people type between the digit groups of one number: spaces (also no-break), dashes of every
// width, dots, middle dots, brackets.
const SEPARATOR = /[\s\u00a0\u3000\-\u2010-\u2015\u2212.\u00b7()（）]/u;
const isDigit = (char: string): boolean => char >= '0' && char <= '9';

/**
 * The digit groups of a text, as a person types a number: groups separated by at most three separator
 * characters belong to one candidate (`138 1234 5678`, `(138)1234-5678`); anything else ends it. An
 * ID number's final X is kept on its group. One linear scan, no regex backtracking.
 */
const digitGroups = (text: string): string[][] => {
  const candidates: string[][] = [];
  let groups: string[] = [];
  let group = '';
  let gap = 0;
  const close = (): void => {
    if (group !== '') groups.push(group);
    group = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    // An ID number ends in X: kept when it closes a group (not the start of a word such as "x2").
    const closingX = (char === 'X' || char === 'x') && group !== '' && !/[0-9A-Za-z]/.test(text[i + 1] ?? '');
    if (isDigit(char) || closingX) {
      if (gap > 0) close();
      group += char;
      gap = 0;
    } else if (SEPARATOR.test(char) && (group !== '' || groups.length > 0) && gap < 3) {
      gap += 1;
    } else if (char === '+' && group === '' && groups.length === 0) {
      continue;
    } else {
      close();
      if (groups.length > 0) candidates.push(groups);
      groups = [];
      gap = 0;
    }
  }
  close();
  if (groups.length > 0) candidates.push(groups);
  return candidates;
};

/**
 * Every number a candidate's consecutive groups spell, between `min` and `max` characters long:
 * `138 1234 5678 2` spells 13812345678 (and more). Bounded by `max`, so linear in the text.
 */
function* spelled(candidates: readonly string[][], min: number, max: number): Generator<string> {
  for (const groups of candidates) {
    for (let first = 0; first < groups.length; first++) {
      let number = '';
      for (let last = first; last < groups.length && number.length < max; last++) {
        number += groups[last] as string;
        if (number.length >= min && number.length <= max) yield number;
      }
    }
  }
}

// Runs of e-mail characters: CJK text, full-width and ASCII punctuation around an address end it.
const EMAIL_RUN = /[A-Za-z0-9._%+\-@]+/g;

const FOUND: { readonly [K in DetectableKind]: (candidates: readonly string[][], text: string) => boolean } = {
  // 16-19 digits passing Luhn, starting as payment cards do (3 Amex/JCB, 4 Visa, 5 Mastercard, 6 UnionPay).
  'bank-card': (candidates) => {
    for (const number of spelled(candidates, 16, 19)) if (!number.endsWith('X') && !number.endsWith('x') && number >= '3' && number < '7' && luhn(number)) return true;
    return false;
  },
  'id-card': (candidates) => {
    for (const number of spelled(candidates, 18, 18)) if (normalizeCnIdCard(number) !== undefined) return true;
    return false;
  },
  phone: (candidates) => {
    // Only what can be a mobile is parsed: 1…, or 86… with the country code.
    for (const number of spelled(candidates, 11, 13)) if ((number[0] === '1' || number.startsWith('86')) && normalizeCnMobile(number) !== undefined) return true;
    return false;
  },
  email: (_candidates, text) => text.includes('@') && (text.match(EMAIL_RUN) ?? []).some((run) => isEmail(run.replace(/^[._%+\-]+|[._%+\-]+$/g, ''))),
};

/**
 * The first kind of `kinds` found anywhere in a free text (R20: data that must never be collected):
 * a bank card number (Luhn), a resident ID number (GB 11643 check character), a mainland mobile, an
 * e-mail address — typed with spaces, dashes or full-width digits as people do. Linear in the text.
 */
export const findPersonalData = (text: string, kinds: Iterable<DetectableKind>): DetectableKind | undefined => {
  const folded = toHalfWidth(text);
  const candidates = digitGroups(folded);
  for (const kind of kinds) if (FOUND[kind](candidates, folded)) return kind;
  return undefined;
};
