import { hasOwn, isPlainObject } from '../core/reserved';
import type { TrackedField, TrackedSection } from './variantModel';
import type { ByIdKey, ByNameKey, VariantState } from './variantState';

/** Top-level keys a variant always has (its own) or never takes from a base by removal. */
export const KEPT_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['id', 'version', 'title', 'sections', 'derivedFrom']);

const ENTRY_KEYS: { readonly [kind: string]: ByIdKey } = { rule: 'rules', tag: 'tags', dedup: 'dedup' };
const NAMED_KEYS: { readonly [kind: string]: ByNameKey } = { optionSet: 'optionSets', workflow: 'workflows' };

const idsIn = (list: unknown): string[] =>
  (Array.isArray(list) ? list : []).flatMap((entry) => (isPlainObject(entry) && typeof entry.id === 'string' ? [entry.id] : []));
const namesIn = (map: unknown): string[] => (isPlainObject(map) ? Object.keys(map) : []);

/**
 * Applies `remove` to the base: fields and rows are marked with the entry that removed them (so an
 * issue about a reference to one can point at that entry), sections take their fields with them,
 * and rules, tags, dedup keys, option sets, workflows and top-level keys are dropped before the
 * variant's own keys merge in. Removing the last field of a section or group is refused: the
 * author meant to remove the section or group itself.
 */
export const applyRemovals = (state: VariantState): void => {
  const { report, removedFields } = state;
  const gone = new Set<TrackedField | TrackedSection>();
  // The last entry that took a field from each section or group, to report one that empties it.
  const lastTaker = new Map<TrackedSection | TrackedField, number>();
  const removeField = (key: string, index: number): void => {
    const found = state.fields.get(key);
    if (found === undefined || removedFields.has(key)) return;
    removedFields.set(key, index);
    gone.add(found.field);
    lastTaker.set(found.group ?? found.section, index);
    for (const row of found.field.rows ?? []) removedFields.set(`${key}.${row.id}`, index);
  };

  const entries = Array.isArray(state.variant.remove) ? state.variant.remove : [];
  entries.forEach((entry: unknown, index) => {
    const path = `remove.${index}`;
    if (typeof entry === 'string') {
      if (!state.fields.has(entry)) {
        report.issue('unknown-field', path, undefined, { name: entry, suggestion: report.suggest(entry, state.fields.keys()) });
      } else removeField(entry, index);
      return;
    }
    if (!isPlainObject(entry)) return;
    const kinds = Object.keys(entry);
    const kind = kinds[0];
    const name = kind === undefined ? undefined : entry[kind];
    if (kinds.length !== 1 || kind === undefined || typeof name !== 'string') return; // the shape check reported it
    const at = `${path}.${kind}`;
    if (kind === 'section') {
      const section = state.sectionsById.get(name);
      if (section === undefined) {
        report.issue('unknown-field', at, 'section', { name, suggestion: report.suggest(name, state.sectionsById.keys()) });
        return;
      }
      gone.add(section);
      state.removedSections.set(name, index);
      for (const field of section.fields) removeField(field.id, index);
      return;
    }
    const listKey = ENTRY_KEYS[kind];
    if (listKey !== undefined) {
      const ids = idsIn(state.base[listKey]);
      if (!ids.includes(name)) report.issue('unknown-field', at, kind, { name, suggestion: report.suggest(name, ids) });
      else state.droppedIds.get(listKey)?.add(name);
      return;
    }
    const mapKey = NAMED_KEYS[kind];
    if (mapKey !== undefined) {
      const names = namesIn(state.base[mapKey]);
      if (names.includes(name)) {
        state.droppedNames.get(mapKey)?.add(name);
        if (mapKey === 'optionSets') state.removedSets.set(name, index);
      } else if (mapKey === 'optionSets') report.issue('unknown-option-set', at, undefined, { name, suggestion: report.suggest(name, names) });
      else report.issue('unknown-field', at, kind, { name, suggestion: report.suggest(name, names) });
      return;
    }
    if (kind === 'key') {
      if (hasOwn(state.base, name) && !KEPT_KEYS.has(name)) state.droppedKeys.add(name);
      else report.issue('unknown-field', at, 'key', { name, suggestion: report.suggest(name, Object.keys(state.base).filter((key) => !KEPT_KEYS.has(key))) });
    }
  });

  for (const [holder, index] of lastTaker) {
    if (gone.has(holder as TrackedSection)) continue;
    const remaining = 'fields' in holder ? holder.fields : (holder.rows ?? []);
    if (!remaining.every((field) => gone.has(field))) continue;
    state.report.issue('schema', `remove.${index}`, 'emptied', { name: holder.id });
    // What the checks then find in the emptied section or group belongs to the same entry.
    if (holder.source.in === 'base') holder.source = { ...holder.source, anchor: `remove.${index}` };
  }
  state.sections = state.sections.filter((section) => !gone.has(section));
  for (const section of state.sections) {
    section.fields = section.fields.filter((field) => !gone.has(field));
    for (const field of section.fields) if (field.rows !== undefined) field.rows = field.rows.filter((row) => !gone.has(row));
  }
};
