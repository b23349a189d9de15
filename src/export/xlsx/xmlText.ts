/**
 * Text made safe for a worksheet's XML. A customer's answer may hold anything a browser can send —
 * control characters pasted from another program, half of an emoji cut by a length limit — and a
 * single character XML 1.0 forbids makes Excel refuse the whole file, so cells are cleaned, not
 * merely escaped.
 */

/** Excel's limit on the characters (UTF-16 code units) of one cell. */
export const MAX_CELL_CHARS = 32_767;

// What XML 1.0 forbids: C0 controls but tab, LF and CR; U+FFFE and U+FFFF. With the `u` flag the
// surrogate range matches only lone surrogates: a well-formed pair is one code point outside it.
const FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

// Anything the slow path has work for; most cells contain none of it and are returned as they are.
const SPECIAL = /[&<>"'\r_\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

// `_xHHHH_` is OOXML's escape for characters (ST_Xstring): Excel would show `_x0041_` as "A". Its
// underscore is written as `_x005F_` so the customer's text reads back as typed. A CR is a reference
// because XML parsers turn a literal one into LF.
const ESCAPED = /[&<>"'\r]|_(?=x[0-9A-Fa-f]{4}_)/g;
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', _: '_x005F_',
};
const reference = (char: string): string => REFERENCES[char] ?? '';

/** `text` without the characters XML 1.0 forbids. */
export const withoutForbidden = (text: string): string => text.replace(FORBIDDEN, '');

/** The first `max` UTF-16 code units of `text`, never ending in half of a surrogate pair. */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
};

/** `text` escaped for element content or a quoted attribute (the text must already be clean). */
export const escapeXml = (text: string): string => text.replace(ESCAPED, reference);

/**
 * A cell's text as it goes between `<t>` and `</t>`: forbidden characters removed, cut to Excel's
 * cell limit (after removal, so the limit counts what Excel will hold), then escaped.
 */
export const cellTextXml = (text: string): string => {
  if (text.length <= MAX_CELL_CHARS && !SPECIAL.test(text)) return text;
  return escapeXml(truncate(withoutForbidden(text), MAX_CELL_CHARS));
};
