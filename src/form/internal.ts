import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';

/**
 * How a public form reaches its internal form: one non-enumerable, read-only member named
 * `~internal` (as valibot's `~run`: visibly internal, out of autocompletion's way, not serialised).
 * A string key rather than a symbol or a WeakMap, so that a form made by the ESM build and a stage
 * function from the CJS build of the same version still find it.
 */
const INTERNAL = '~internal';

export const attachInternal = <T extends object>(form: T, internal: InternalForm): T =>
  Object.defineProperty(form, INTERNAL, { value: internal, enumerable: false, writable: false, configurable: false });

/** The internal form of a compiled form; a FormUsageError for anything else. */
export const internalFormOf = (form: unknown): InternalForm => {
  const internal = typeof form === 'object' && form !== null ? (form as { readonly [INTERNAL]?: InternalForm })[INTERNAL] : undefined;
  if (internal === undefined) throw new FormUsageError('bad-argument', 'expected a form made by compileForm');
  return internal;
};
