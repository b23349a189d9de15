import type { InternalForm } from '../../compile/internalForm';
import { precompiledOf, sourceHash } from '../../compile/precompiled';
import { hasOwn, isPlainObject } from '../../core/reserved';
import { canGenerateCode } from '../../core/codeGeneration';
import type { Failure } from '../../core/issues';
import { within } from '../../logic/compileLogic';
import { truthy } from '../../logic/truthy';
import { FORBIDDEN, REQUIRED, ROW_TYPE, finite, keepInvalid, type Pass } from '../pass';
import { walkSource, type WalkSource } from './walkSource';

/** The generated walk over a form's values (see walkSource.ts). */
export type Walk = (pass: Pass, data: Readonly<Record<string, unknown>>, role: string | undefined, system: boolean, draft: boolean, states: Record<string, unknown> | undefined) => void;

const UNKNOWN: Failure = { code: 'unknownField' };
const HELPERS = /* @__PURE__ */ Object.freeze({ hasOwn, isPlainObject, truthy, within, finite, keepInvalid, FORBIDDEN, REQUIRED, ROW_TYPE, UNKNOWN });

type Factory = (fields: unknown, constants: unknown, helpers: unknown) => Walk;

/** Where a form's walk came from: a built module, code generated here, or none (the reference pass). */
export type WalkOrigin = 'precompiled' | 'generated' | 'reference';

const walks = /* @__PURE__ */ new WeakMap<InternalForm, { readonly walk: Walk | undefined; readonly origin: WalkOrigin }>();

const build = (form: InternalForm): { readonly walk: Walk | undefined; readonly origin: WalkOrigin } => {
  const code = precompiledOf(form)?.walk;
  let source: WalkSource | undefined;
  try {
    // A built module's factory is used only for the source this release would write for this form.
    if (code !== undefined) {
      source = walkSource(form);
      if (code.hash === sourceHash(source.body)) return { walk: code.factory(source.fields, source.constants, HELPERS) as Walk, origin: 'precompiled' };
    }
    if (canGenerateCode()) {
      source ??= walkSource(form);
      return { walk: (new Function('F', 'C', 'H', source.body) as Factory)(source.fields, source.constants, HELPERS), origin: 'generated' };
    }
  } catch {
    // Any failure: the reference pass.
  }
  return { walk: undefined, origin: 'reference' };
};

const entryOf = (form: InternalForm): { readonly walk: Walk | undefined; readonly origin: WalkOrigin } => {
  let entry = walks.get(form);
  if (entry === undefined) {
    entry = build(form);
    walks.set(form, entry);
  }
  return entry;
};

/**
 * The form's generated walk, built on first use (so that compiling a form stays cheap for the forms
 * that are never validated), or undefined where code generation is refused and no built module gave
 * one, or the form is one this generator does not write. Never throws: on any failure the reference
 * pass is used.
 */
export const generatedWalk = (form: InternalForm): Walk | undefined => entryOf(form).walk;

/** Which walk validate and evaluate use for the form (tests and `formloom build` ask). */
export const walkOrigin = (form: InternalForm): WalkOrigin => entryOf(form).origin;
