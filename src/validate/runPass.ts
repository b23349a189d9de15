import type { ValidationIssue } from '../core/issues';
import type { InternalForm } from '../compile/internalForm';
import type { Scope } from '../fields/fieldKind';
import { isPlainObject } from '../core/reserved';
import { Pass, type FieldState, type PassOptions } from './pass';
import { readJson } from './readJson';
import { generatedWalk } from './generate/generatedWalk';

export type { FieldState, PassOptions };

/** What one pass learnt: later stages (workflow guards, record tags) read it instead of passing again. */
export interface PassResult {
  readonly errors: ValidationIssue[];
  /** Cleaned: hidden, unknown and forbidden answers removed, computed fields filled, answers normalised. */
  readonly values: Record<string, unknown>;
  /** Visibility, required and read-only state by path (`services.0.solution`), when asked for. */
  readonly states: Record<string, FieldState> | undefined;
  readonly tags: readonly string[] | undefined;
  /** What conditions saw: each visible, valid answer by field id (null otherwise), and `$role`, `$now`, `$today`. */
  readonly scope: Scope;
}

/**
 * The reference pass behind `validate` and `evaluate`: one walk over the values in dependency order.
 * Each answer enters the scope only when its field is visible and the answer valid, so hiding
 * cascades: a condition reading a hidden field sees it unanswered. Pure: reads `input` once and never
 * writes it; never throws. Values that are not plain data (a getter that throws, a revoked Proxy)
 * are read again defensively, and what cannot be read is a `type` error at its path.
 */
export const runPass = (form: InternalForm, input: unknown, options: PassOptions): PassResult => {
  try {
    return fullPass(form, input, options.previous, options, []);
  } catch {
    const values = readJson(input);
    const previous = readJson(options.previous);
    return fullPass(form, values.value, previous.value, options, values.unreadable);
  }
};

/** The same pass without the generated walk: the reference the generated code is tested against. */
export const runReferencePass = (form: InternalForm, input: unknown, options: PassOptions): PassResult => {
  try {
    return fullPass(form, input, options.previous, options, [], false);
  } catch {
    const values = readJson(input);
    const previous = readJson(options.previous);
    return fullPass(form, values.value, previous.value, options, values.unreadable, false);
  }
};

const fullPass = (form: InternalForm, input: unknown, previousInput: unknown, options: PassOptions, unreadable: readonly string[], generated = true): PassResult => {
  const pass = new Pass(form, options);
  const source = pass.checkInput(input, unreadable);
  const previous = isPlainObject(previousInput) ? previousInput : undefined;
  // The generated walk covers a fresh pass (no earlier values); the reference walk does the rest.
  const walk = generated && previous === undefined ? generatedWalk(form) : undefined;
  if (walk !== undefined) walk(pass, source, options.role, options.access === 'all', options.mode === 'draft', pass.states);
  else for (const field of form.evaluationOrder) pass.visitTopLevel(field, source, previous);
  pass.checkRules();
  return { errors: pass.errors, values: pass.values, states: pass.states, tags: options.tags ? pass.tags() : undefined, scope: pass.scope };
};
