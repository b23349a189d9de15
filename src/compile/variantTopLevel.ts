import { hasOwn, isPlainObject } from '../core/reserved';
import { trackList, type TrackedList } from './variantModel';
import type { Source } from './variantProvenance';
import { BY_ID, type VariantState } from './variantState';

const fromBase = (path: string): Source => ({ in: 'base', path });
const fromVariant = (path: string): Source => ({ in: 'variant', path });
const idOf = (entry: unknown): string | undefined => (isPlainObject(entry) && typeof entry.id === 'string' ? entry.id : undefined);

/** The base's value of a top-level key, unless the variant removed the key. */
const baseValue = (state: VariantState, key: string): unknown =>
  state.droppedKeys.has(key) || !hasOwn(state.base, key) ? undefined : state.base[key];

/**
 * `rules`, `tags` and `dedup` merge by id: an entry whose id the base has replaces the base's in
 * place (a rule keeps its position, so error order stays), a new id is added at the end.
 */
const mergeById = (state: VariantState): void => {
  for (const key of BY_ID) {
    const inBase = baseValue(state, key);
    const given = hasOwn(state.variant, key) ? state.variant[key] : undefined;
    if (inBase === undefined && given === undefined) continue;
    const dropped = state.droppedIds.get(key) ?? new Set<string>();
    const list: TrackedList = { source: given === undefined ? fromBase(key) : fromVariant(key), items: [], sources: [] };
    const at = new Map<string, number>();
    (Array.isArray(inBase) ? inBase : []).forEach((entry: unknown, index) => {
      const id = idOf(entry);
      if (id !== undefined && dropped.has(id)) return;
      if (id !== undefined && !at.has(id)) at.set(id, list.items.length);
      list.items.push(entry);
      list.sources.push(fromBase(`${key}.${index}`));
    });
    (Array.isArray(given) ? given : []).forEach((entry: unknown, index) => {
      const id = idOf(entry);
      const source = fromVariant(`${key}.${index}`);
      const replaces = id === undefined ? undefined : at.get(id);
      if (replaces !== undefined) {
        list.items[replaces] = entry;
        list.sources[replaces] = source;
        return;
      }
      if (id !== undefined) at.set(id, list.items.length);
      list.items.push(entry);
      list.sources.push(source);
    });
    state.lists.set(key, list);
  }
};

/** `optionSets` and `workflows` merge by name: a name the variant gives replaces the base's or is added. */
const mergeByName = (state: VariantState): void => {
  const names = (key: 'optionSets' | 'workflows'): [string, unknown, Source][] => {
    const dropped = state.droppedNames.get(key) ?? new Set<string>();
    const inBase = baseValue(state, key);
    const given = hasOwn(state.variant, key) ? state.variant[key] : undefined;
    const merged = new Map<string, [unknown, Source]>();
    if (isPlainObject(inBase)) for (const [name, value] of Object.entries(inBase)) if (!dropped.has(name)) merged.set(name, [value, fromBase(`${key}.${name}`)]);
    if (isPlainObject(given)) for (const [name, value] of Object.entries(given)) merged.set(name, [value, fromVariant(`${key}.${name}`)]);
    return [...merged].map(([name, [value, source]]) => [name, value, source]);
  };
  for (const [name, value, source] of names('optionSets')) state.sets.set(name, trackList(value, source));
  for (const [name, value, source] of names('workflows')) state.workflows.set(name, { value, source });
};

/** Merges the variant's top-level collections into the base's; every other key is replaced whole when the variant gives it. */
export const mergeTopLevel = (state: VariantState): void => {
  mergeById(state);
  mergeByName(state);
};

/** Whether the merged definition has the key at all: given by the variant, or kept from the base. */
export const hasMergedKey = (state: VariantState, key: string): boolean =>
  hasOwn(state.variant, key) || baseValue(state, key) !== undefined;

/** The merged value of a key replaced whole, and where it came from. */
export const wholeValue = (state: VariantState, key: string): [unknown, Source] | undefined => {
  if (hasOwn(state.variant, key)) return [state.variant[key], fromVariant(key)];
  const value = baseValue(state, key);
  return value === undefined ? undefined : [value, fromBase(key)];
};
