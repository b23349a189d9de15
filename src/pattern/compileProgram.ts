/**
 * Compiles a PatternNode tree into a Thompson NFA program: a flat array of instructions that
 * `runProgram` simulates in O(input length × program size). Counted repetition is expanded, so the
 * size is computed first and a program over the limit is never built.
 */
import type { CodePointSet } from './codePointSet';
import type { Assertion, PatternNode } from './patternNode';

/** Consumes one code point equal to `args[pc]`. */
export const OP_CHAR = 0;
/** Consumes one code point in `sets[args[pc]]`. */
export const OP_SET = 1;
/** Continues at pc + 1 if the assertion `args[pc]` (an ASSERT_* value) holds here. */
export const OP_ASSERT = 2;
/** Continues at both `args[pc]` and `alts[pc]`. */
export const OP_SPLIT = 3;
/** Continues at `args[pc]`. */
export const OP_JUMP = 4;
/** A match has been found. */
export const OP_MATCH = 5;

/** `^`: position 0 (there is no `m` flag). */
export const ASSERT_START = 0;
/** `$`: the end of the input. */
export const ASSERT_END = 1;
/** `\b`: exactly one side of the position is an ASCII word character. */
export const ASSERT_WORD_BOUNDARY = 2;
/** `\B`: both sides or neither are word characters. */
export const ASSERT_NOT_WORD_BOUNDARY = 3;

const ASSERTION_CODES: Readonly<Record<Assertion, number>> = {
  'start': ASSERT_START, 'end': ASSERT_END, 'word-boundary': ASSERT_WORD_BOUNDARY, 'not-word-boundary': ASSERT_NOT_WORD_BOUNDARY,
};

/** A compiled pattern; instruction `pc` is `(ops[pc], args[pc], alts[pc])`, the last one OP_MATCH. */
export interface Program {
  readonly ops: Uint8Array;
  readonly args: Int32Array;
  readonly alts: Int32Array;
  readonly sets: readonly CodePointSet[];
  /** Every match must start at position 0, so no new thread is started after it. */
  readonly anchoredStart: boolean;
  /** The most code points one match can span; Infinity when a repetition is unbounded. */
  readonly span: number;
}

/** The program, or the size it would have had when that exceeds the limit. */
export type CompileResult =
  | { readonly ok: true; readonly program: Program }
  | { readonly ok: false; readonly size: number };

/**
 * The number of instructions `node` compiles to, excluding the final OP_MATCH. May be Infinity for
 * absurd counts such as `a{99999999999999999999}`; never NaN.
 */
export const programSize = (node: PatternNode): number => {
  switch (node.kind) {
    case 'empty': return 0;
    case 'char': case 'set': case 'assertion': return 1;
    case 'sequence': return node.items.reduce((total, item) => total + programSize(item), 0);
    case 'alternation':
      return node.branches.reduce((total, branch) => total + programSize(branch), 2 * (node.branches.length - 1));
    case 'repeat': {
      const body = programSize(node.body);
      // An empty body repeated is still empty (and Infinity × 0 would be NaN).
      if (body === 0) return 0;
      if (!Number.isFinite(node.min)) return Infinity;
      if (node.max === Infinity) return node.min === 0 ? body + 2 : node.min * body + 1;
      return node.min * body + (node.max - node.min) * (body + 1);
    }
  }
};

/** The most code points a match of `node` can consume (Infinity for `*`, `+`, `{n,}` over a consuming body). */
const spanOf = (node: PatternNode): number => {
  switch (node.kind) {
    case 'empty': case 'assertion': return 0;
    case 'char': case 'set': return 1;
    case 'sequence': return node.items.reduce((total, item) => total + spanOf(item), 0);
    case 'alternation': return node.branches.reduce((longest, branch) => Math.max(longest, spanOf(branch)), 0);
    case 'repeat': {
      const body = spanOf(node.body);
      // A body that consumes nothing spans nothing however often it repeats (and Infinity × 0 is NaN).
      return body === 0 ? 0 : node.max * body;
    }
  }
};

/** Whether every match of `node` must begin with `^` (a safe under-approximation). */
const startsAnchored = (node: PatternNode): boolean => {
  switch (node.kind) {
    case 'assertion': return node.assertion === 'start';
    case 'sequence': return node.items[0] !== undefined && startsAnchored(node.items[0]);
    case 'alternation': return node.branches.every(startsAnchored);
    case 'repeat': return node.min > 0 && startsAnchored(node.body);
    default: return false;
  }
};

/** Compiles `node` if its program (including OP_MATCH) has at most `maxSize` instructions. */
export const compileProgram = (node: PatternNode, maxSize: number): CompileResult => {
  const size = programSize(node) + 1;
  if (!(size <= maxSize)) return { ok: false, size };
  const ops = new Uint8Array(size);
  const args = new Int32Array(size);
  const alts = new Int32Array(size);
  const sets: CodePointSet[] = [];
  const setIndexes = new Map<CodePointSet, number>();
  let pc = 0;

  const put = (op: number, arg: number, alt = 0): number => {
    ops[pc] = op;
    args[pc] = arg;
    alts[pc] = alt;
    return pc++;
  };

  const emit = (current: PatternNode): void => {
    switch (current.kind) {
      case 'empty': return;
      case 'char': put(OP_CHAR, current.codePoint); return;
      case 'assertion': put(OP_ASSERT, ASSERTION_CODES[current.assertion]); return;
      case 'set': {
        let index = setIndexes.get(current.set);
        if (index === undefined) {
          index = sets.push(current.set) - 1;
          setIndexes.set(current.set, index);
        }
        put(OP_SET, index);
        return;
      }
      case 'sequence': for (const item of current.items) emit(item); return;
      case 'alternation': {
        const jumps: number[] = [];
        current.branches.forEach((branch, position) => {
          if (position === current.branches.length - 1) return emit(branch);
          const split = put(OP_SPLIT, pc + 1);
          emit(branch);
          jumps.push(put(OP_JUMP, 0));
          alts[split] = pc;
        });
        for (const jump of jumps) args[jump] = pc;
        return;
      }
      case 'repeat': return emitRepeat(current.body, current.min, current.max);
    }
  };

  const emitRepeat = (body: PatternNode, min: number, max: number): void => {
    // The parser drops empty bodies, so this is proportional to what the copies emit anyway.
    if (programSize(body) === 0) return;
    if (max === Infinity) {
      if (min === 0) {
        const split = put(OP_SPLIT, pc + 1);
        emit(body);
        put(OP_JUMP, split);
        alts[split] = pc;
        return;
      }
      for (let copy = 1; copy < min; copy++) emit(body);
      const loop = pc;
      emit(body);
      put(OP_SPLIT, loop, pc + 1);
      return;
    }
    for (let copy = 0; copy < min; copy++) emit(body);
    // `b{0,3}` as `(?:b(?:b(?:b)?)?)?`: every optional copy may skip straight to the end.
    const skips: number[] = [];
    for (let copy = min; copy < max; copy++) {
      skips.push(put(OP_SPLIT, pc + 1));
      emit(body);
    }
    for (const skip of skips) alts[skip] = pc;
  };

  emit(node);
  put(OP_MATCH, 0);
  if (pc !== size) throw new Error(`internal error: program size ${pc} differs from the computed ${size}`);
  return { ok: true, program: { ops, args, alts, sets, anchoredStart: startsAnchored(node), span: spanOf(node) } };
};
