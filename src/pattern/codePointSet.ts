/**
 * Sets of code points that one instruction of a pattern program consumes: `.`, `\d`, `[^a-z]`,
 * `\p{Script=Han}`. Membership is a constant-time question about one code point, so the matcher
 * stays linear whatever the set is.
 */

/** Inclusive code point ranges `[low, high]`, in any order and possibly overlapping. */
export type RangeList = readonly (readonly [number, number])[];

/**
 * A set of code points. ASCII membership is a table lookup; above ASCII either a binary search of
 * `ranges` or, when the set needs Unicode property data (`native`), the engine itself, asked about
 * one code point at a time and remembered in `cache`.
 */
export interface CodePointSet {
  readonly ascii: Uint8Array;
  /** Sorted, disjoint, inclusive `[low, high]` pairs; unused when `native` is set. */
  readonly ranges: Int32Array;
  readonly native: RegExp | undefined;
  readonly cache: Map<number, boolean>;
}

const MAX_CODE_POINT = 0x10ffff;
/** Enough for the distinct characters of many inputs; bounded so hostile input cannot grow it. */
const CACHE_LIMIT = 2048;

const DIGIT_RANGES: RangeList = [[0x30, 0x39]];
/** `\w` without the `i` flag is ASCII only, even in `u` mode. */
const WORD_RANGES: RangeList = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
/** ECMAScript WhiteSpace (incl. every Zs character since Unicode 6.3) and LineTerminator. */
const SPACE_RANGES: RangeList = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];
const LINE_TERMINATOR_RANGES: RangeList = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];

/** Sorts and merges ranges so that membership can be a binary search. */
const normalizeRanges = (ranges: RangeList): [number, number][] => {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else merged.push([low, high]);
  }
  return merged;
};

/** Every code point not in `ranges`: `\D`, `[^...]`. */
export const complementRanges = (ranges: RangeList): RangeList => {
  const result: [number, number][] = [];
  let next = 0;
  for (const [low, high] of normalizeRanges(ranges)) {
    if (low > next) result.push([next, low - 1]);
    next = high + 1;
  }
  if (next <= MAX_CODE_POINT) result.push([next, MAX_CODE_POINT]);
  return result;
};

/** The ranges of a class escape letter (`d D w W s S`); undefined for any other letter. */
export const classEscapeRanges = (letter: string): RangeList | undefined => {
  switch (letter) {
    case 'd': return DIGIT_RANGES;
    case 'D': return complementRanges(DIGIT_RANGES);
    case 'w': return WORD_RANGES;
    case 'W': return complementRanges(WORD_RANGES);
    case 's': return SPACE_RANGES;
    case 'S': return complementRanges(SPACE_RANGES);
    default: return undefined;
  }
};

/** A set given by explicit ranges. */
export const rangeSet = (ranges: RangeList): CodePointSet => {
  const merged = normalizeRanges(ranges);
  const ascii = new Uint8Array(128);
  for (const [low, high] of merged) {
    for (let code = low; code <= Math.min(high, 127); code++) ascii[code] = 1;
  }
  return { ascii, ranges: Int32Array.from(merged.flat()), native: undefined, cache: new Map() };
};

/** `.` without the `s` flag: any code point but a line terminator. */
export const dotSet = (): CodePointSet => rangeSet(complementRanges(LINE_TERMINATOR_RANGES));

/**
 * A set decided by the engine: `atomSource` is a class or escape such as `[\p{L}\d]` or `\P{Lu}`,
 * already known to be valid in `u` mode. Only ever tested against one code point.
 */
export const nativeSet = (atomSource: string): CodePointSet => {
  const native = new RegExp(`^(?:${atomSource})$`, 'u');
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) ascii[code] = native.test(String.fromCharCode(code)) ? 1 : 0;
  return { ascii, ranges: new Int32Array(0), native, cache: new Map() };
};

/** Whether `set` contains the code point `code` (0 ≤ code ≤ 0x10FFFF). */
export const hasCodePoint = (set: CodePointSet, code: number): boolean => {
  if (code < 128) return set.ascii[code] === 1;
  if (set.native !== undefined) {
    const known = set.cache.get(code);
    if (known !== undefined) return known;
    const member = set.native.test(String.fromCodePoint(code));
    if (set.cache.size >= CACHE_LIMIT) set.cache.clear();
    set.cache.set(code, member);
    return member;
  }
  const ranges = set.ranges;
  let low = 0;
  let high = (ranges.length >> 1) - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (code < ranges[middle << 1]!) high = middle - 1;
    else if (code > ranges[(middle << 1) + 1]!) low = middle + 1;
    else return true;
  }
  return false;
};
