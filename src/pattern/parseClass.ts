/**
 * Parses a character class `[...]` of a pattern already accepted by `new RegExp(source, 'u')`.
 */
import { classEscapeRanges, complementRanges, nativeSet, rangeSet, type CodePointSet, type RangeList } from './codePointSet';
import { PatternRefusal, type Cursor } from './patternNode';
import { readCharacterEscape } from './readCharacterEscape';

/** What one ClassAtom stands for: a code point, a class escape's ranges, or a Unicode property. */
type ClassAtom = number | RangeList | 'property';

/** Skips `\p{…}` / `\P{…}`; `cursor.index` is at the `p`. */
export const skipPropertyEscape = (cursor: Cursor): void => {
  const close = cursor.source.indexOf('}', cursor.index);
  if (cursor.source[cursor.index + 1] !== '{' || close < 0) {
    throw new PatternRefusal('unsupported', `unrecognised property escape at offset ${cursor.index - 1}`);
  }
  cursor.index = close + 1;
};

const readClassAtom = (cursor: Cursor): ClassAtom => {
  const { source } = cursor;
  const code = source.codePointAt(cursor.index);
  if (code === undefined) throw new PatternRefusal('unsupported', 'unterminated character class');
  if (code !== 0x5c) {
    cursor.index += code > 0xffff ? 2 : 1;
    return code;
  }
  cursor.index++;
  const letter = source[cursor.index] ?? '';
  const ranges = classEscapeRanges(letter);
  if (ranges !== undefined) {
    cursor.index++;
    return ranges;
  }
  if (letter === 'p' || letter === 'P') {
    skipPropertyEscape(cursor);
    return 'property';
  }
  return readCharacterEscape(cursor, true);
};

/**
 * Reads the class starting at `cursor.index` (a `[`) and leaves the cursor past its `]`. A class
 * that mentions a Unicode property is handed to the engine whole (one code point at a time), since
 * property tables are the engine's business; any other class becomes explicit ranges.
 */
export const parseClass = (cursor: Cursor): CodePointSet => {
  const { source } = cursor;
  const start = cursor.index;
  cursor.index++;
  const negated = source[cursor.index] === '^';
  if (negated) cursor.index++;
  const ranges: (readonly [number, number])[] = [];
  let usesProperty = false;
  while (source[cursor.index] !== ']') {
    const atom = readClassAtom(cursor);
    // In valid u-mode syntax a '-' after an atom and before anything but ']' always forms a range.
    if (typeof atom === 'number' && source[cursor.index] === '-' && source[cursor.index + 1] !== ']' &&
        cursor.index + 1 < source.length) {
      cursor.index++;
      const high = readClassAtom(cursor);
      if (typeof high !== 'number' || high < atom) {
        throw new PatternRefusal('unsupported', `unrecognised class range at offset ${start}`);
      }
      ranges.push([atom, high]);
    } else if (atom === 'property') {
      usesProperty = true;
    } else if (typeof atom === 'number') {
      ranges.push([atom, atom]);
    } else {
      ranges.push(...atom);
    }
  }
  cursor.index++;
  if (usesProperty) return nativeSet(source.slice(start, cursor.index));
  return rangeSet(negated ? complementRanges(ranges) : ranges);
};
