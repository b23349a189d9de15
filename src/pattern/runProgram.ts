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

/**
 * The consuming instructions (OP_CHAR, OP_SET) live at one position, in the order they were reached.
 * Instructions that consume nothing are followed through at once and never queued, so a step over
 * the list only ever does useful work.
 */
interface ThreadList {
  readonly dense: Int32Array;
  size: number;
}

/** Buffers reused by every run of one program. */
interface Scratch {
  current: ThreadList;
  next: ThreadList;
  readonly stack: Int32Array;
  /**
   * Per instruction: the position (a count of code points read, plus `base`) it was last reached
   * at. The visited set of every position at once, cleared by moving on, with no per-character fill.
   */
  readonly mark: Int32Array;
  /** Added to positions so that a run never sees the marks of the runs before it. */
  base: number;
  /** Instructions visited by the last run: the work measure the linearity tests check. */
  steps: number;
  /** Per set: the position its answer was last computed at, and that answer. */
  readonly setSeen: Int32Array;
  readonly setHas: Uint8Array;
}

const threadList = (size: number): ThreadList => ({ dense: new Int32Array(size), size: 0 });

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
 * Follows `start` and everything reachable from it without consuming input, at position `stamp`,
 * queueing the consuming instructions on `list`; returns true as soon as OP_MATCH is reachable. An
 * instruction already marked with `stamp` is not followed again, so each is expanded at most once
 * per position (which also ends empty loops such as `(a*)*`).
 */
const addThread = (program: Program, scratch: Scratch, list: ThreadList, start: number, flags: number, stamp: number): boolean => {
  const { ops, args, alts } = program;
  const { stack, mark } = scratch;
  const dense = list.dense;
  let top = 0;
  stack[top++] = start;
  while (top > 0) {
    const pc = stack[--top]!;
    if (mark[pc] === stamp) continue;
    mark[pc] = stamp;
    scratch.steps++;
    switch (ops[pc]) {
      case OP_CHAR: case OP_SET: dense[list.size++] = pc; break;
      case OP_MATCH: return true;
      case OP_JUMP: stack[top++] = args[pc]!; break;
      case OP_SPLIT: stack[top++] = alts[pc]!; stack[top++] = args[pc]!; break;
      case OP_ASSERT: if (assertionHolds(args[pc]!, flags)) stack[top++] = pc + 1; break;
      default: break;
    }
  }
  return false;
};

/**
 * Whether the program matches anywhere in `input`, searching from every code point boundary. The
 * loop is the whole cost of a validation (live instructions × characters), so it avoids per-thread
 * calls where it can: a set's answer is computed once per character, however many threads ask, and
 * a thread whose next instruction consumes is queued directly instead of through `addThread`.
 */
const execute = (program: Program, scratch: Scratch, input: string): boolean => {
  const { ops, args, sets, anchoredStart } = program;
  const { mark, setSeen, setHas } = scratch;
  const length = input.length;
  // Marks are positions offset by `base`; far from overflow, start again from clean buffers.
  if (scratch.base > 0x3fffffff - length) {
    mark.fill(-1);
    setSeen.fill(-1);
    scratch.base = 0;
  }
  let stamp = scratch.base;
  scratch.steps = 0;
  scratch.current.size = 0;
  let index = 0;
  let before = -1;
  let code = codePointAt(input, 0);
  try {
    for (;;) {
      const current = scratch.current;
      if (!anchoredStart || index === 0) {
        if (addThread(program, scratch, current, 0, positionFlags(index, length, before, code), stamp)) return true;
      }
      if (code < 0) return false;
      const nextIndex = index + (code > 0xffff ? 2 : 1);
      const after = codePointAt(input, nextIndex);
      const nextStamp = stamp + 1;
      if (current.size === 0) {
        if (anchoredStart) return false;
      } else {
        const next = scratch.next;
        next.size = 0;
        const nextDense = next.dense;
        const flags = positionFlags(nextIndex, length, code, after);
        const dense = current.dense;
        const live = current.size;
        scratch.steps += live;
        for (let slot = 0; slot < live; slot++) {
          const pc = dense[slot]!;
          if (ops[pc] === OP_CHAR) {
            if (args[pc] !== code) continue;
          } else {
            const set = args[pc]!;
            if (setSeen[set] !== stamp) {
              setSeen[set] = stamp;
              setHas[set] = hasCodePoint(sets[set]!, code) ? 1 : 0;
            }
            if (setHas[set] === 0) continue;
          }
          const target = pc + 1;
          if (mark[target] === nextStamp) continue;
          const targetOp = ops[target];
          if (targetOp === OP_CHAR || targetOp === OP_SET) {
            mark[target] = nextStamp;
            nextDense[next.size++] = target;
            scratch.steps++;
          } else if (addThread(program, scratch, next, target, flags, nextStamp)) return true;
        }
        scratch.current = next;
        scratch.next = current;
      }
      stamp = nextStamp;
      before = code;
      code = after;
      index = nextIndex;
    }
  } finally {
    // The run may have marked instructions for the position after the last one it reached.
    scratch.base = stamp + 2;
  }
};

const createScratch = (program: Program): Scratch => {
  const size = program.ops.length;
  return {
    current: threadList(size), next: threadList(size), stack: new Int32Array(2 * size + 2), steps: 0,
    mark: new Int32Array(size).fill(-1), base: 0,
    setSeen: new Int32Array(program.sets.length).fill(-1), setHas: new Uint8Array(program.sets.length),
  };
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
