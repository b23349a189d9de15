import { hasOwn } from '../core/reserved';
import { assembleList, assembleSections } from './variantModel';
import { applyOptionChanges } from './variantOptions';
import { applyAdditions } from './variantAdditions';
import { applyFieldOverrides, applySectionOverrides } from './variantOverrides';
import type { Source } from './variantProvenance';
import { applyRemovals } from './variantRemovals';
import { createVariantState, type ByIdKey, type Raw, type VariantReporter, type VariantState } from './variantState';
import { hasMergedKey, mergeTopLevel, wholeValue } from './variantTopLevel';

/** Keys only a variant has: they describe the change and are not part of the definition it makes. */
export const VARIANT_ONLY_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['extends', 'remove', 'add', 'fields', 'sectionOverrides', 'options']);

/** A variant applied to its (flat) base: the definition, where each part of it came from, and what was removed. */
export interface MergedVariant {
  readonly definition: Record<string, unknown>;
  readonly sources: ReadonlyMap<string, Source>;
  /** Removed field keys, by the index of the `remove` entry that removed them. */
  readonly removedFields: ReadonlyMap<string, number>;
  /** Removed option sets, likewise. */
  readonly removedSets: ReadonlyMap<string, number>;
  /** Fields the variant changed, by key: the path of the change. */
  readonly changedFields: ReadonlyMap<string, string>;
  /** Option values the variant removed, by `field key \0 value`: the path of the removal. */
  readonly optionRemovals: ReadonlyMap<string, string>;
}

const isById = (key: string): key is ByIdKey => key === 'rules' || key === 'tags' || key === 'dedup';

/** The definition as it now stands, keys in the base's order (then the variant's new ones), with `derivedFrom` after `version`. */
const assemble = (state: VariantState): MergedVariant => {
  const { base, variant } = state;
  const definition: Record<string, unknown> = {};
  const sources = new Map<string, Source>();
  const keys = [...new Set(['id', 'version', ...Object.keys(base), ...Object.keys(variant)])];
  for (const key of keys) {
    if (VARIANT_ONLY_KEYS.has(key) || key === 'derivedFrom') continue;
    if (key === 'id' || key === 'version') {
      definition[key] = variant[key];
      sources.set(key, { in: 'variant', path: key });
      if (key === 'version') {
        const earlier = Array.isArray(base.derivedFrom) ? base.derivedFrom : [];
        definition.derivedFrom = [{ id: base.id, version: base.version }, ...earlier];
        sources.set('derivedFrom', { in: 'variant', path: 'extends' });
        sources.set('derivedFrom.0', { in: 'variant', path: 'extends' });
        earlier.forEach((_, index) => sources.set(`derivedFrom.${index + 1}`, { in: 'base', path: `derivedFrom.${index}` }));
      }
    } else if (key === 'sections') {
      sources.set('sections', { in: 'base', path: 'sections' });
      definition.sections = assembleSections(state.sections, sources);
    } else if (isById(key)) {
      const list = state.lists.get(key);
      if (list !== undefined) definition[key] = assembleList(list, key, sources);
    } else if (key === 'optionSets' || key === 'workflows') {
      if (!hasMergedKey(state, key)) continue;
      sources.set(key, hasOwn(variant, key) ? { in: 'variant', path: key } : { in: 'base', path: key });
      const merged: Record<string, unknown> = {};
      if (key === 'optionSets') for (const [name, list] of state.sets) merged[name] = assembleList(list, `${key}.${name}`, sources);
      else {
        for (const [name, { value, source }] of state.workflows) {
          merged[name] = value;
          sources.set(`${key}.${name}`, source);
        }
      }
      definition[key] = merged;
    } else {
      const whole = wholeValue(state, key);
      if (whole === undefined) continue;
      definition[key] = whole[0];
      sources.set(key, whole[1]);
    }
  }
  const { removedFields, removedSets, changedFields, optionRemovals } = state;
  return { definition, sources, removedFields, removedSets, changedFields, optionRemovals };
};

/**
 * Applies a variant to its base, in a fixed order whatever the order of keys in the file: `remove`,
 * then the variant's top-level keys, `fields`, `sectionOverrides`, `options`, `add`. Problems with
 * what the variant names (an id the base does not have, with the one most likely meant) go to
 * `report`; the result is then checked as any definition is.
 */
export const mergeVariant = (variant: Raw, base: Raw, report: VariantReporter): MergedVariant => {
  const state = createVariantState(variant, base, report);
  applyRemovals(state);
  mergeTopLevel(state);
  applyFieldOverrides(state);
  applySectionOverrides(state);
  applyOptionChanges(state);
  applyAdditions(state);
  return assemble(state);
};
