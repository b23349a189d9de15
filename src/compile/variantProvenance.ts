/**
 * Where each part of a resolved variant was written, so that an issue found in the flat definition
 * can be reported where its author can fix it. A `Source` is recorded per merged path (a field, a
 * key a variant overrode, an option, a rule); anything below a recorded path comes from the same
 * place, at the same relative path.
 */
export type Source =
  | { readonly in: 'variant'; readonly path: string }
  /** `anchor`: the variant's change that reshaped this base part (an overridden field), if any. */
  | { readonly in: 'base'; readonly path: string; readonly anchor?: string };

/** A merged path traced back: `depth` 0 is the variant being compiled, 1 its base, and so on. */
export interface Origin {
  readonly depth: number;
  readonly path: string;
  /** The variant's own path to report a base part at, when one of its changes is the likely cause. */
  readonly anchor?: string;
}

export type OriginOf = (path: string) => Origin;

/** A definition that extends nothing: every path is its own. */
export const flatOrigin: OriginOf = (path) => ({ depth: 0, path });

const join = (path: string, suffix: string): string => (path === '' ? suffix.replace(/^\./, '') : path + suffix);

/** The same kind of source, one step further down: a base field's row is in the base too. */
export const below = (source: Source, suffix: string | number): Source =>
  source.in === 'variant' ? { in: 'variant', path: `${source.path}.${suffix}` } : { in: 'base', path: `${source.path}.${suffix}` };

/**
 * Traces merged paths through the recorded sources: the longest recorded prefix decides, and a
 * path from the base is traced on through the base's own origins (a variant of a variant).
 */
export const originOf = (sources: ReadonlyMap<string, Source>, baseOrigin: OriginOf): OriginOf => (path) => {
  let prefix = path;
  for (;;) {
    const source = sources.get(prefix);
    if (source !== undefined) {
      const at = join(source.path, path.slice(prefix.length));
      if (source.in === 'variant') return { depth: 0, path: at };
      const inner = baseOrigin(at);
      return source.anchor === undefined ? { depth: inner.depth + 1, path: inner.path } : { depth: inner.depth + 1, path: inner.path, anchor: source.anchor };
    }
    if (prefix === '') break;
    const dot = prefix.lastIndexOf('.');
    prefix = dot < 0 ? '' : prefix.slice(0, dot);
  }
  const inner = baseOrigin(path);
  return { depth: inner.depth + 1, path: inner.path };
};
