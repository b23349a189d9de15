import type { InternalForm } from '../../compile/internalForm';
import { hasOwn, isPlainObject } from '../../core/reserved';
import { canGenerateCode } from '../../core/codeGeneration';
import type { Failure } from '../../core/issues';
import { within } from '../../logic/compileLogic';
import { truthy } from '../../logic/truthy';
import { FORBIDDEN, REQUIRED, ROW_TYPE, finite, keepInvalid, type Pass } from '../pass';
import { walkSource } from './walkSource';

/** The generated walk over a form's values (see walkSource.ts). */
export type Walk = (pass: Pass, data: Readonly<Record<string, unknown>>, role: string | undefined, system: boolean, draft: boolean, states: Record<string, unknown> | undefined) => void;

const UNKNOWN: Failure = { code: 'unknownField' };
const HELPERS = /* @__PURE__ */ Object.freeze({ hasOwn, isPlainObject, truthy, within, finite, keepInvalid, FORBIDDEN, REQUIRED, ROW_TYPE, UNKNOWN });

type Factory = (fields: unknown, constants: unknown, helpers: unknown) => Walk;

const walks = /* @__PURE__ */ new WeakMap<InternalForm, Walk | null>();

/**
 * The form's generated walk, built on first use (so that compiling a form stays cheap for the forms
 * that are never validated), or undefined where code generation is refused or the form is one this
 * generator does not write. Never throws: on any failure the reference pass is used.
 */
export const generatedWalk = (form: InternalForm): Walk | undefined => {
  let walk = walks.get(form);
  if (walk === undefined) {
    walk = null;
    if (canGenerateCode()) {
      try {
        const source = walkSource(form);
        walk = (new Function('F', 'C', 'H', source.body) as Factory)(source.fields, source.constants, HELPERS);
      } catch {
        walk = null;
      }
    }
    walks.set(form, walk);
  }
  return walk ?? undefined;
};
