/**
 * The syntax tree the parser produces and the compiler consumes. Groups leave no trace: `test()`
 * reports only whether a match exists, so captures and laziness cannot change the answer.
 */
import type { CodePointSet } from './codePointSet';

/** Zero-width tests; `^` and `$` never see line breaks because the `m` flag is never set. */
export type Assertion = 'start' | 'end' | 'word-boundary' | 'not-word-boundary';

/**
 * One node of a parsed pattern; `max` is `Infinity` for `*`, `+` and `{n,}`. The parser never puts
 * an 'empty' node in a sequence or a repeat, so every other node compiles to at least one
 * instruction and compile time stays proportional to program size.
 */
export type PatternNode =
  | { readonly kind: 'empty' }
  | { readonly kind: 'char'; readonly codePoint: number }
  | { readonly kind: 'set'; readonly set: CodePointSet }
  | { readonly kind: 'assertion'; readonly assertion: Assertion }
  | { readonly kind: 'sequence'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alternation'; readonly branches: readonly PatternNode[] }
  | { readonly kind: 'repeat'; readonly body: PatternNode; readonly min: number; readonly max: number };

/** A read position in a pattern source, shared by the parser's helpers. */
export interface Cursor {
  readonly source: string;
  index: number;
}

/**
 * Thrown inside the parser (and caught by `parsePattern`) when a valid pattern cannot be matched
 * in linear time or is too deeply nested to compile safely.
 */
export class PatternRefusal extends Error {
  constructor(readonly reason: 'unsupported' | 'too-large', readonly detail: string) {
    super(detail);
  }
}
