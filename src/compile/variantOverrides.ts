import { isPlainObject } from '../core/reserved';
import type { TrackedField, TrackedSection } from './variantModel';
import type { Source } from './variantProvenance';
import { baseField, entriesOf, type VariantState } from './variantState';

/** Keys an override cannot change: what identifies a field, and the row list that `remove` and `add` change. */
export const NOT_OVERRIDABLE: ReadonlySet<string> = /* @__PURE__ */ new Set(['id', 'fields']);

// An issue in what a changed node kept from the base most likely comes from the change: report it there.
const anchored = (source: Source, anchor: string): Source => (source.in === 'base' ? { in: 'base', path: source.path, anchor } : source);

/** Each key given replaces the node's own, and `null` deletes it; the node remembers which keys the variant wrote. */
const override = (node: TrackedField | TrackedSection, patch: Readonly<Record<string, unknown>>, path: string): void => {
  node.source = anchored(node.source, path);
  for (const [key, value] of Object.entries(patch)) {
    if (NOT_OVERRIDABLE.has(key)) continue; // reported by the shape check
    if (value === null) delete node.value[key];
    else node.value[key] = value;
    node.keys.set(key, { in: 'variant', path: `${path}.${key}` });
  }
};

/** `fields`: changes to the base's fields and row fields, by key. */
export const applyFieldOverrides = (state: VariantState): void => {
  for (const [key, patch] of entriesOf(state.variant, 'fields')) {
    const path = `fields.${key}`;
    const field = baseField(state, key, path);
    if (field === undefined || !isPlainObject(patch)) continue;
    override(field, patch, path);
    state.changedFields.set(key, path);
  }
};

/** `sectionOverrides`: changes to the base's sections (title, description, condition), by id. */
export const applySectionOverrides = (state: VariantState): void => {
  for (const [id, patch] of entriesOf(state.variant, 'sectionOverrides')) {
    const path = `sectionOverrides.${id}`;
    const removedBy = state.removedSections.get(id);
    const section = state.sectionsById.get(id);
    if (removedBy !== undefined) state.report.issue('unknown-field', path, 'removed', { name: id, index: removedBy });
    else if (section === undefined) state.report.issue('unknown-field', path, 'section', { name: id, suggestion: state.report.suggest(id, state.sectionsById.keys()) });
    else if (isPlainObject(patch)) override(section, patch, path);
  }
};
