/**
 * Simulates a Program over an input (Thompson's construction run as a Pike VM without captures).
 * At each code point every live instruction is visited at most once, so a run takes
 * O(input length × program size) steps whatever the pattern; nothing is allocated per character.
 */
import { hasCodePoint } from './codePointSet';
import {
  ASSERT_END, ASSERT_NOT_WORD_BOUNDARY, ASSERT_START, ASSERT_WORD_BOUNDARY,
  OP_ASSERT, OP_CHAR, OP_JUMP, OP_MATCH, OP_SET, OP_SPLIT, type Program,
} from './compileProgram';

/** Facts about the current position that assertions read, as bits. */
const AT_START = 1;
const AT_END = 2;
const WORD_BEFORE = 4;
const WORD_AFTER = 8;

/** A sparse set of instruction indexes: O(1) insert, test and clear, no allocation. */
interface ThreadList {
  readonly dense: Int32Array;
  readonly sparse: Int32Array;
  size: number;
}

/** Buffers reused by every run of one program. */
interface Scratch {
  current: ThreadList;
  next: ThreadList;
  readonly stack: Int32Array;
  /** Instructions visited by the last run: the work measure the linearity tests check. */
  steps: number;
}

const threadList = (size: number): ThreadList => ({ dense: new Int32Array(size), sparse: new Int32Array(size), size: 0 });

/** `\b` looks at ASCII word characters only: the `i` flag, which would widen them, is never set. */
const isWordCode = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;

/** The code point starting at code unit `index` as `u` mode reads it (lone surrogates alone); -1 past the end. */
const codePointAt = (input: string, index: number): number => {
  if (index >= input.length) return -1;
  const lead = input.charCodeAt(index);
  if (lead >= 0xd800 && lead <= 0xdbff && index + 1 < input.length) {
    const trail = input.charCodeAt(index + 1);
    if (trail >= 0xdc00 && trail <= 0xdfff) return (lead - 0xd800) * 0x400 + (trail - 0xdc00) + 0x10000;
  }
  return lead;
};

const positionFlags = (index: number, length: number, before: number, after: number): number =>
  (index === 0 ? AT_START : 0) | (index >= length ? AT_END : 0) |
  (isWordCode(before) ? WORD_BEFORE : 0) | (isWordCode(after) ? WORD_AFTER : 0);

const assertionHolds = (assertion: number, flags: number): boolean => {
  switch (assertion) {
    case ASSERT_START: return (flags & AT_START) !== 0;
    case ASSERT_END: return (flags & AT_END) !== 0;
    case ASSERT_WORD_BOUNDARY: return ((flags & WORD_BEFORE) !== 0) !== ((flags & WORD_AFTER) !== 0);
    case ASSERT_NOT_WORD_BOUNDARY: return ((flags & WORD_BEFORE) !== 0) === ((flags & WORD_AFTER) !== 0);
    default: return false;
  }
};

/**
 * Adds `start` and everything reachable from it without consuming input to `list`; returns true
 * as soon as OP_MATCH is reachable. The list doubles as the visited set, so each instruction is
 * expanded at most once per position (which also ends empty loops such as `(a*)*`).
 */
const addThread = (program: Program, scratch: Scratch, list: ThreadList, start: number, flags: number): boolean => {
  const { ops, args, alts } = program;
  const { dense, sparse } = list;
  const stack = scratch.stack;
  let top = 0;
  stack[top++] = start;
  while (top > 0) {
    const pc = stack[--top]!;
    const slot = sparse[pc]!;
    if (slot < list.size && dense[slot] === pc) continue;
    sparse[pc] = list.size;
    dense[list.size++] = pc;
    scratch.steps++;
    switch (ops[pc]) {
      case OP_MATCH: return true;
      case OP_JUMP: stack[top++] = args[pc]!; break;
      case OP_SPLIT: stack[top++] = alts[pc]!; stack[top++] = args[pc]!; break;
      case OP_ASSERT: if (assertionHolds(args[pc]!, flags)) stack[top++] = pc + 1; break;
      default: break; // a consuming instruction waits in the list for the next code point
    }
  }
  return false;
};

/** Whether the program matches anywhere in `input`, searching from every code point boundary. */
const execute = (program: Program, scratch: Scratch, input: string): boolean => {
  const { ops, args, sets, anchoredStart } = program;
  const length = input.length;
  scratch.steps = 0;
  scratch.current.size = 0;
  let index = 0;
  let before = -1;
  let code = codePointAt(input, 0);
  for (;;) {
    const current = scratch.current;
    if (!anchoredStart || index === 0) {
      if (addThread(program, scratch, current, 0, positionFlags(index, length, before, code))) return true;
    }
    if (code < 0) return false;
    const nextIndex = index + (code > 0xffff ? 2 : 1);
    const after = codePointAt(input, nextIndex);
    if (current.size === 0) {
      if (anchoredStart) return false;
    } else {
      const next = scratch.next;
      next.size = 0;
      const flags = positionFlags(nextIndex, length, code, after);
      const dense = current.dense;
      for (let slot = 0; slot < current.size; slot++) {
        const pc = dense[slot]!;
        const op = ops[pc];
        if (op === OP_CHAR) {
          scratch.steps++;
          if (args[pc] === code && addThread(program, scratch, next, pc + 1, flags)) return true;
        } else if (op === OP_SET) {
          scratch.steps++;
          if (hasCodePoint(sets[args[pc]!]!, code) && addThread(program, scratch, next, pc + 1, flags)) return true;
        }
      }
      scratch.current = next;
      scratch.next = current;
    }
    before = code;
    code = after;
    index = nextIndex;
  }
};

const createScratch = (program: Program): Scratch => {
  const size = program.ops.length;
  return { current: threadList(size), next: threadList(size), stack: new Int32Array(2 * size + 2), steps: 0 };
};

/** Returns a `test` function for `program`, which reuses its buffers across calls (not reentrant; it never needs to be). */
export const createRunner = (program: Program): ((input: string) => boolean) => {
  const scratch = createScratch(program);
  return (input) => execute(program, scratch, input);
};

/** For tests: runs `program` once and reports the number of VM steps taken. */
export const traceProgram = (program: Program, input: string): { readonly matched: boolean; readonly steps: number } => {
  const scratch = createScratch(program);
  const matched = execute(program, scratch, input);
  return { matched, steps: scratch.steps };
};
