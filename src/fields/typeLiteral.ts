import type { OptionValue } from '../core/definitionTypes';

/**
 * Definition text is hostile input: an option value must stay data in a generated type, whatever it
 * holds. Besides what ends a string, these are escaped: other controls, invisible and
 * bidi-reordering characters (generated code must read as what it is: "Trojan Source"), line
 * terminators, and lone surrogates (no valid UTF-8).
 */
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const unicodeEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A string as a TypeScript string literal (type or value): JSON's escaping plus the characters above. */
export const stringLiteral = (value: string): string => JSON.stringify(value).replace(UNSAFE_TEXT, unicodeEscape);

/** An option value as a literal type: `"enterprise"`, `3`, `-1`. */
export const literalType = (value: OptionValue): string => {
  if (typeof value === 'string') return stringLiteral(value);
  // JSON cannot hold NaN or Infinity; were one to come, it is a number all the same.
  if (!Number.isFinite(value)) return 'number';
  return Object.is(value, -0) ? '0' : String(value);
};
