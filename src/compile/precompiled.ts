import type { InternalForm } from './internalForm';

/**
 * Code `formloom build` wrote for one form, as functions (not strings): a page whose
 * Content-Security-Policy forbids eval runs them as it runs any other module. Each part carries the
 * hash of the source formloom would generate for the form today; a part whose hash differs (a module
 * built by another release, or for another definition) is ignored, never trusted.
 */
export interface PrecompiledForm {
  /** The layout of this object. */
  readonly format: 1;
  /** The generated walk's factory `(F, C, H) => walk` (src/validate/generate/walkSource.ts). */
  readonly walk?: { readonly hash: string; readonly factory: (fields: unknown, constants: unknown, helpers: unknown) => unknown };
  /** The constructor of the form's fixed value shape (src/core/fixedShape.ts), from `has`. */
  readonly shape?: { readonly hash: string; readonly factory: (has: unknown) => unknown };
}

const registry = /* @__PURE__ */ new WeakMap<InternalForm, PrecompiledForm>();

/** Keeps precompiled code beside the internal form it was handed with. */
export const attachPrecompiled = (form: InternalForm, code: PrecompiledForm): void => {
  registry.set(form, code);
};

export const precompiledOf = (form: InternalForm): PrecompiledForm | undefined => registry.get(form);

/**
 * FNV-1a over the UTF-16 code units, twice with different seeds: it tells one generated source from
 * another (a check of consistency, not of authenticity: the module is the caller's own code).
 */
export const sourceHash = (source: string): string => {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ source.length;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
};
