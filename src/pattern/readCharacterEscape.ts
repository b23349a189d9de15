/**
 * Reads the escapes that stand for one character (`\n`, `\cJ`, `\x41`, `\u{1F600}`, `\.`), which
 * mean the same inside and outside a class in `u` mode.
 */
import { PatternRefusal, type Cursor } from './patternNode';

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };
/** `u` mode allows identity escapes only of these (and of `-` inside a class). */
const SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/';
const HEX_4 = /^[0-9a-fA-F]{4}$/;
const HEX_2 = /^[0-9a-fA-F]{2}$/;
const HEX_ANY = /^[0-9a-fA-F]+$/;

const isLeadSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isTrailSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

const unrecognised = (cursor: Cursor): PatternRefusal =>
  new PatternRefusal('unsupported', `unrecognised escape at offset ${cursor.index - 1}`);

/** `\uXXXX`, `\u{X…}`, and an escaped surrogate pair `\uD83D\uDE00`, which `u` mode reads as one code point. */
const readUnicodeEscape = (cursor: Cursor): number => {
  const { source } = cursor;
  const start = cursor.index + 1;
  if (source[start] === '{') {
    const close = source.indexOf('}', start);
    const digits = close < 0 ? '' : source.slice(start + 1, close);
    const code = HEX_ANY.test(digits) ? parseInt(digits, 16) : NaN;
    if (!(code <= 0x10ffff)) throw unrecognised(cursor);
    cursor.index = close + 1;
    return code;
  }
  const digits = source.slice(start, start + 4);
  if (!HEX_4.test(digits)) throw unrecognised(cursor);
  const code = parseInt(digits, 16);
  cursor.index = start + 4;
  if (isLeadSurrogate(code) && source.startsWith('\\u', cursor.index)) {
    const trailDigits = source.slice(cursor.index + 2, cursor.index + 6);
    const trail = HEX_4.test(trailDigits) ? parseInt(trailDigits, 16) : -1;
    if (isTrailSurrogate(trail)) {
      cursor.index += 6;
      return (code - 0xd800) * 0x400 + (trail - 0xdc00) + 0x10000;
    }
  }
  return code;
};

/**
 * Reads a CharacterEscape; `cursor.index` is just past the backslash and ends just past the
 * escape. `\b` means backspace inside a class. Throws PatternRefusal on anything it does not know,
 * so a construct the engine accepts but this reader misreads is refused rather than mismatched.
 */
export const readCharacterEscape = (cursor: Cursor, inClass: boolean): number => {
  const { source } = cursor;
  const letter = source[cursor.index] ?? '';
  const control = CONTROL_ESCAPES[letter];
  if (control !== undefined) {
    cursor.index++;
    return control;
  }
  switch (letter) {
    case 'c': {
      const code = source.charCodeAt(cursor.index + 1);
      if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) throw unrecognised(cursor);
      cursor.index += 2;
      return code % 32;
    }
    case '0':
      cursor.index++;
      return 0;
    case 'x': {
      const digits = source.slice(cursor.index + 1, cursor.index + 3);
      if (!HEX_2.test(digits)) throw unrecognised(cursor);
      cursor.index += 3;
      return parseInt(digits, 16);
    }
    case 'u':
      return readUnicodeEscape(cursor);
    case 'b':
      if (!inClass) throw unrecognised(cursor);
      cursor.index++;
      return 0x08;
    default:
      if (letter === '' || !(SYNTAX_CHARACTERS.includes(letter) || (inClass && letter === '-'))) {
        throw unrecognised(cursor);
      }
      cursor.index++;
      return letter.charCodeAt(0);
  }
};
