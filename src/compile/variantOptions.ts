import { hasOwn, isPlainObject } from '../core/reserved';
import { trackList, type TrackedList } from './variantModel';
import { below, type Source } from './variantProvenance';
import { baseField, entriesOf, type VariantState } from './variantState';

const SHARED = 'optionSets.';

type OptionValue = string | number;
const valueOf = (option: unknown): OptionValue | undefined =>
  isPlainObject(option) && (typeof option.value === 'string' || typeof option.value === 'number') ? option.value : undefined;
const isValue = (value: unknown): value is OptionValue => typeof value === 'string' || typeof value === 'number';

/**
 * One list's change: values removed (top-level options only: a nested tree is replaced whole with
 * `fields`), then options added after or before a value that is still there, else last.
 */
const changeList = (state: VariantState, list: TrackedList, change: Readonly<Record<string, unknown>>, path: string, name: string, users: readonly string[]): TrackedList => {
  const { report } = state;
  const present = (): string[] => list.items.map(valueOf).filter(isValue).map(String);
  const dropped = new Set<OptionValue>();
  (Array.isArray(change.remove) ? change.remove : []).forEach((value: unknown, index) => {
    if (!isValue(value)) return;
    if (list.items.some((option) => valueOf(option) === value)) {
      dropped.add(value);
      for (const user of users) state.optionRemovals.set(`${user}\u0000${String(value)}`, `${path}.remove.${index}`);
    } else report.issue('unknown-option', `${path}.remove.${index}`, undefined, { value: String(value), field: name, suggestion: report.suggest(String(value), present()) });
  });
  const result: TrackedList = { source: { in: 'variant', path }, items: [], sources: [] };
  list.items.forEach((option, index) => {
    const value = valueOf(option);
    if (value !== undefined && dropped.has(value)) return;
    result.items.push(option);
    result.sources.push(list.sources[index] as Source);
  });
  const added = Array.isArray(change.add) ? change.add : [];
  if (added.length === 0) return result;
  const anchorKey = hasOwn(change, 'after') ? 'after' : hasOwn(change, 'before') ? 'before' : undefined;
  let at = result.items.length;
  if (anchorKey !== undefined) {
    const anchor = change[anchorKey];
    const found = result.items.findIndex((option) => valueOf(option) === anchor);
    if (found < 0) {
      report.issue('unknown-option', `${path}.${anchorKey}`, undefined, { value: String(anchor), field: name, suggestion: report.suggest(String(anchor), result.items.map(valueOf).filter(isValue).map(String)) });
      return result;
    }
    at = anchorKey === 'after' ? found + 1 : found;
  }
  result.items.splice(at, 0, ...added);
  result.sources.splice(at, 0, ...added.map((_, index) => below({ in: 'variant', path }, `add.${index}`)));
  return result;
};

/**
 * `options`: shared lists first (`optionSets.<name>`, for every field that uses them), then fields'
 * lists. A field that takes its list from `optionsRef` gets its own changed copy, so the other
 * fields sharing the list keep it as it is.
 */
export const applyOptionChanges = (state: VariantState): void => {
  const changes = entriesOf(state.variant, 'options').filter((entry): entry is [string, Readonly<Record<string, unknown>>] => isPlainObject(entry[1]));
  for (const [target, change] of changes) {
    if (!target.startsWith(SHARED)) continue;
    const path = `options.${target}`;
    const name = target.slice(SHARED.length);
    const list = state.sets.get(name);
    if (list === undefined) state.report.issue('unknown-option-set', path, undefined, { name, suggestion: state.report.suggest(name, state.sets.keys()) });
    else {
      const users = [...state.fields].filter(([, { field }]) => field.value.optionsRef === name).map(([key]) => key);
      state.sets.set(name, changeList(state, list, change, path, target, users));
    }
  }
  for (const [target, change] of changes) {
    if (target.startsWith(SHARED)) continue;
    const path = `options.${target}`;
    const field = baseField(state, target, path);
    if (field === undefined) continue;
    const { options, optionsRef } = field.value;
    let list: TrackedList | undefined;
    if (Array.isArray(options)) list = trackList(options, field.keys.get('options') ?? below(field.source, 'options'));
    else if (typeof optionsRef === 'string' && state.sets.has(optionsRef)) {
      const shared = state.sets.get(optionsRef) as TrackedList;
      list = { source: shared.source, items: [...shared.items], sources: [...shared.sources] };
      delete field.value.optionsRef;
      field.keys.set('optionsRef', { in: 'variant', path });
    }
    if (list === undefined) state.report.issue('schema', path, 'no-options', { name: target });
    else {
      field.options = changeList(state, list, change, path, target, [target]);
      if (!state.changedFields.has(target)) state.changedFields.set(target, path);
    }
  }
};
