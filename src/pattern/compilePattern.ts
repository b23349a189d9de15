/**
 * The public entry: turns a JSON Schema–style `pattern` (JavaScript `u`-mode syntax, unanchored
 * search) into a matcher whose running time is linear in the input, so that a form definition
 * from an untrusted author cannot make validation hang (ReDoS).
 */
import { compileProgram } from './compileProgram';
import { parsePattern } from './parsePattern';
import { createRunner } from './runProgram';

/** A compiled pattern; `test` agrees with `new RegExp(source, 'u').test(input)`. */
export interface PatternMatcher {
  readonly source: string;
  /** Whether the pattern matches anywhere in `input`; O(input length × program size). */
  test(input: string): boolean;
  /**
   * What one `test` may cost on a text of at most `maxLength` code points, as program size × code
   * points read (each a few nanoseconds: the VM visits an instruction at most twice per code point).
   * A pattern anchored at the start with bounded repetition reads no further than its longest
   * match, so `^\d{6,20}$` costs 35 × 20 however long the text may be.
   */
  cost(maxLength: number): number;
}

/**
 * A matcher, or why there is none: 'invalid' (the engine rejects the pattern; `detail` is its
 * message), 'unsupported' (backreferences, lookaround, inline modifiers: no linear-time
 * guarantee is possible or implemented), 'too-large' (the program would exceed `maxProgramSize`
 * instructions, or groups are absurdly deeply nested).
 */
export type PatternResult =
  | { readonly ok: true; readonly matcher: PatternMatcher }
  | { readonly ok: false; readonly reason: 'invalid' | 'unsupported' | 'too-large'; readonly detail: string };

/**
 * Default limit on program instructions. Matching costs up to this many steps per character, so the
 * limit is what one character of a text may cost; 1,000 keeps a 10,000-character textarea under
 * about 0.1 s in the worst case, and is far above real form patterns once counted repetition is
 * expanded (`^[A-Z0-9]{18}$` is 20, `\d{6,20}` 35, an e-mail with RFC length limits about 770).
 */
export const DEFAULT_MAX_PROGRAM_SIZE = 1_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Compiles a pattern for linear-time matching; never throws. For every accepted pattern and every
 * string (astral characters and lone surrogates included), `matcher.test(input)` equals
 * `new RegExp(source, 'u').test(input)`, but the whole input is never given to a native RegExp.
 * `maxProgramSize` (default 1,000; counted repetition expands, so `(a{100}){100}` counts ten
 * thousand) bounds both compile time and the per-character cost of matching.
 */
export const compilePattern = (source: string, options?: { readonly maxProgramSize?: number }): PatternResult => {
  // JSON definitions are not type-checked; RegExp would quietly turn a number into a pattern.
  if (typeof source !== 'string') return { ok: false, reason: 'invalid', detail: 'a pattern must be a string' };
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { ok: false, reason: 'invalid', detail: messageOf(error) };
  }
  const requested = options?.maxProgramSize;
  const maxProgramSize = typeof requested === 'number' && !Number.isNaN(requested) ? requested : DEFAULT_MAX_PROGRAM_SIZE;
  try {
    const parsed = parsePattern(source);
    if (!parsed.ok) return parsed;
    const compiled = compileProgram(parsed.node, maxProgramSize);
    if (!compiled.ok) {
      const size = Number.isFinite(compiled.size) ? String(compiled.size) : 'unboundedly many';
      return {
        ok: false,
        reason: 'too-large',
        detail: `the pattern compiles to ${size} instructions, more than the limit of ${maxProgramSize}`,
      };
    }
    const { program } = compiled;
    const run = createRunner(program);
    const reads = (maxLength: number): number => (program.anchoredStart ? Math.min(maxLength, program.span) : maxLength);
    const matcher: PatternMatcher = {
      source,
      // Coerces like RegExp.prototype.test, for callers that bypass the types.
      test: (input) => run(typeof input === 'string' ? input : String(input)),
      cost: (maxLength) => program.ops.length * reads(maxLength),
    };
    return { ok: true, matcher: Object.freeze(matcher) };
  } catch (error) {
    // Only an internal error (or exhausted memory) gets here; refusing keeps the promise not to throw.
    return { ok: false, reason: 'unsupported', detail: `the pattern could not be compiled: ${messageOf(error)}` };
  }
};
