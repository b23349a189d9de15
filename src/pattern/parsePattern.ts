/**
 * Parses JavaScript `u`-mode regular expression syntax into a PatternNode tree. The source must
 * already have been accepted by `new RegExp(source, 'u')`: validation is the engine's job, so
 * this parser only has to read valid syntax, and refuses whatever it does not recognise.
 */
import { classEscapeRanges, dotSet, nativeSet, rangeSet } from './codePointSet';
import { parseClass, skipPropertyEscape } from './parseClass';
import { PatternRefusal, type Cursor, type PatternNode } from './patternNode';
import { readCharacterEscape } from './readCharacterEscape';

/** Parse and compile recurse once per group level; this keeps both far from the stack limit. */
export const MAX_GROUP_DEPTH = 200;

/** The outcome of parsing: a tree, or why the (valid) pattern cannot be matched in linear time. */
export type ParseResult =
  | { readonly ok: true; readonly node: PatternNode }
  | { readonly ok: false; readonly reason: 'unsupported' | 'too-large'; readonly detail: string };

const LINEAR_TIME = 'a pattern must run in linear time';
const EMPTY: PatternNode = { kind: 'empty' };

const unsupported = (what: string): PatternRefusal =>
  new PatternRefusal('unsupported', `${what} are not supported: ${LINEAR_TIME}`);

/** Reads the digits at the cursor; huge counts become large (or infinite) numbers, never wrap. */
const readCount = (cursor: Cursor): number => {
  const start = cursor.index;
  while (/[0-9]/.test(cursor.source[cursor.index] ?? '')) cursor.index++;
  return Number(cursor.source.slice(start, cursor.index));
};

/** Reads an optional quantifier after an atom and wraps the atom in it. */
const quantify = (cursor: Cursor, body: PatternNode): PatternNode => {
  const { source } = cursor;
  let min: number;
  let max: number;
  switch (source[cursor.index]) {
    case '*': min = 0; max = Infinity; cursor.index++; break;
    case '+': min = 1; max = Infinity; cursor.index++; break;
    case '?': min = 0; max = 1; cursor.index++; break;
    case '{': {
      cursor.index++;
      min = readCount(cursor);
      max = min;
      if (source[cursor.index] === ',') {
        cursor.index++;
        max = source[cursor.index] === '}' ? Infinity : readCount(cursor);
      }
      if (source[cursor.index] !== '}') throw new PatternRefusal('unsupported', `unrecognised quantifier at offset ${cursor.index}`);
      cursor.index++;
      break;
    }
    default:
      return body;
  }
  // Laziness changes which match is found, never whether one is.
  if (source[cursor.index] === '?') cursor.index++;
  // Dropping repeats that emit nothing keeps compile time proportional to the program size.
  if (body.kind === 'empty' || max === 0) return EMPTY;
  if (min === 1 && max === 1) return body;
  return { kind: 'repeat', body, min, max };
};

/** Reads a group after its `(`; refuses lookaround and inline modifiers. */
const parseGroup = (cursor: Cursor, depth: number): PatternNode => {
  const { source } = cursor;
  if (depth >= MAX_GROUP_DEPTH) {
    throw new PatternRefusal('too-large', `groups are nested more than ${MAX_GROUP_DEPTH} deep`);
  }
  if (source[cursor.index] === '?') {
    const head = source.slice(cursor.index, cursor.index + 3);
    if (head.startsWith('?:')) cursor.index += 2;
    else if (head.startsWith('?=') || head.startsWith('?!')) throw unsupported('lookahead assertions');
    else if (head === '?<=' || head === '?<!') throw unsupported('lookbehind assertions');
    else if (head.startsWith('?<')) {
      const close = source.indexOf('>', cursor.index);
      if (close < 0) throw new PatternRefusal('unsupported', 'unrecognised group name');
      cursor.index = close + 1;
    } else throw new PatternRefusal('unsupported', 'inline modifier groups such as (?i:...) are not supported');
  }
  const node = parseDisjunction(cursor, depth + 1);
  if (source[cursor.index] !== ')') throw new PatternRefusal('unsupported', 'unterminated group');
  cursor.index++;
  return node;
};

/** Reads an escape outside a class; `cursor.index` is at the backslash. */
const parseEscape = (cursor: Cursor): PatternNode => {
  const start = cursor.index;
  cursor.index++;
  const letter = cursor.source[cursor.index] ?? '';
  if (letter === 'b' || letter === 'B') {
    cursor.index++;
    return { kind: 'assertion', assertion: letter === 'b' ? 'word-boundary' : 'not-word-boundary' };
  }
  if (/[1-9]/.test(letter) || letter === 'k') throw unsupported('backreferences');
  const ranges = classEscapeRanges(letter);
  if (ranges !== undefined) {
    cursor.index++;
    return { kind: 'set', set: rangeSet(ranges) };
  }
  if (letter === 'p' || letter === 'P') {
    skipPropertyEscape(cursor);
    return { kind: 'set', set: nativeSet(cursor.source.slice(start, cursor.index)) };
  }
  return { kind: 'char', codePoint: readCharacterEscape(cursor, false) };
};

/** Reads one Term: an assertion, or an atom with its quantifier. */
const parseTerm = (cursor: Cursor, depth: number): PatternNode => {
  const { source } = cursor;
  const code = source.codePointAt(cursor.index) ?? 0;
  switch (source[cursor.index]) {
    case '^': cursor.index++; return { kind: 'assertion', assertion: 'start' };
    case '$': cursor.index++; return { kind: 'assertion', assertion: 'end' };
    case '.': cursor.index++; return quantify(cursor, { kind: 'set', set: dotSet() });
    case '[': return quantify(cursor, { kind: 'set', set: parseClass(cursor) });
    case '(': cursor.index++; return quantify(cursor, parseGroup(cursor, depth));
    case '\\': {
      const node = parseEscape(cursor);
      return node.kind === 'assertion' ? node : quantify(cursor, node);
    }
    case '*': case '+': case '?': case '{': case '}': case ']':
      throw new PatternRefusal('unsupported', `unexpected '${source[cursor.index] ?? ''}' at offset ${cursor.index}`);
    default:
      cursor.index += code > 0xffff ? 2 : 1;
      return quantify(cursor, { kind: 'char', codePoint: code });
  }
};

/** Reads alternatives separated by `|` up to a `)` or the end. */
const parseDisjunction = (cursor: Cursor, depth: number): PatternNode => {
  const { source } = cursor;
  const branches: PatternNode[] = [];
  for (;;) {
    const items: PatternNode[] = [];
    while (cursor.index < source.length && source[cursor.index] !== '|' && source[cursor.index] !== ')') {
      const item = parseTerm(cursor, depth);
      if (item.kind !== 'empty') items.push(item);
    }
    branches.push(items.length === 0 ? EMPTY : items.length === 1 ? items[0]! : { kind: 'sequence', items });
    if (source[cursor.index] !== '|') break;
    cursor.index++;
  }
  return branches.length === 1 ? branches[0]! : { kind: 'alternation', branches };
};

/**
 * Parses a pattern that `new RegExp(source, 'u')` accepts. Backreferences, lookaround and inline
 * modifiers ('unsupported') and absurd group nesting ('too-large') are returned as refusals, not
 * thrown; recursion depth is bounded by MAX_GROUP_DEPTH.
 */
export const parsePattern = (source: string): ParseResult => {
  const cursor: Cursor = { source, index: 0 };
  try {
    const node = parseDisjunction(cursor, 0);
    if (cursor.index !== source.length) {
      return { ok: false, reason: 'unsupported', detail: `unexpected ')' at offset ${cursor.index}` };
    }
    return { ok: true, node };
  } catch (error) {
    if (error instanceof PatternRefusal) return { ok: false, reason: error.reason, detail: error.detail };
    throw error;
  }
};
