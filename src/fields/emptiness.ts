// Text made only of white space and characters that render as nothing — zero-width space and joiner,
// bidi marks, soft hyphen, variation selectors, the Hangul fillers (U+3164, U+FFA0) and the blank
// Braille pattern (U+2800) — answers nothing, however long it is.
const INVISIBLE_ONLY = /^[\s\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** True for a text a person would see as empty. */
export const isBlank = (text: string): boolean => {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  // Decided without a regex for the common case: printable ASCII or a CJK ideograph first.
  if ((first > 0x20 && first < 0x7f) || (first >= 0x4e00 && first <= 0x9fff)) return false;
  return INVISIBLE_ONLY.test(text);
};

/** Nothing at all: missing or null. */
export const isNothing = (value: unknown): boolean => value === undefined || value === null;

/** Unanswered text: nothing, or a blank string. */
export const isEmptyText = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && isBlank(value));

/** Unanswered list: nothing, or an empty array. */
export const isEmptyList = (value: unknown): boolean =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0);
