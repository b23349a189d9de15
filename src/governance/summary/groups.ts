import type { FieldIR } from '../../compile/internalForm';
import type { OptionValue } from '../../core/definitionTypes';
import type { FieldType } from '../../fields/fieldDefinition';
import type { OptionList, OptionNode, Slot } from '../../fields/fieldKind';
import { specError, type SummaryContext } from './context';
import type { GroupKey } from './types';
import { booleanLabel } from './words';

/** Field types whose answers fall into groups: options, yes / no, or the text itself. */
export const GROUPED_TYPES: readonly FieldType[] = ['select', 'radio', 'multiselect', 'cascader', 'boolean', 'text'];

/**
 * Sorts answers of one field into groups. The groups of options are fixed by the definition (every
 * option of the level, in definition order); text groups appear as answers do, so memory follows
 * the number of distinct answers, never the number of records.
 */
export interface Classifier {
  readonly field: FieldIR;
  /** The level grouped by, or null for the leaf. */
  readonly level: number | null;
  /** The groups so far, in order; index = what `classify` returns. */
  readonly groups: readonly GroupKey[];
  /** The groups an answer falls in (several for a multiselect); empty when it is no answer. */
  classify(raw: unknown): readonly number[];
}

const NONE: readonly number[] = [];
const FIRST: readonly number[] = [0];
const SECOND: readonly number[] = [1];

// A cascader's node is known by its path; a choice's by its value, which is unique in its tree
// (an option set shared by `options` and an `optionsIf` case is one group, not two).
const pathKey = (path: readonly OptionValue[]): string => JSON.stringify(path);
const valueKey = (path: readonly OptionValue[]): string => JSON.stringify(path[path.length - 1]);

const isOptionValue = (value: unknown): value is OptionValue => typeof value === 'string' || typeof value === 'number';

/**
 * The groups of an option tree at `depth`: every node at that depth, and every leaf above it (an
 * option without children, such as 其他, is its own group at every level below its own).
 * `onLeaf` learns which group each leaf falls in.
 */
const optionGroups = (
  context: SummaryContext,
  lists: readonly OptionList[],
  depth: number,
  keyOf: (path: readonly OptionValue[]) => string,
  onLeaf: (leaf: OptionNode, group: number) => void,
): { groups: GroupKey[]; byPath: Map<string, number> } => {
  const groups: GroupKey[] = [];
  const byPath = new Map<string, number>();
  const walk = (nodes: readonly OptionNode[], path: readonly OptionValue[], trail: readonly string[], group: number | undefined): void => {
    for (const node of nodes) {
      const nodePath = [...path, node.value];
      const nodeTrail = [...trail, context.text(node.label)];
      let index = group;
      if (index === undefined && (nodePath.length === depth || node.children.length === 0)) {
        const key = keyOf(nodePath);
        index = byPath.get(key);
        if (index === undefined) {
          index = groups.length;
          byPath.set(key, index);
          groups.push({ value: node.value, label: nodeTrail[nodeTrail.length - 1] as string, path: nodePath, trail: nodeTrail });
        }
      }
      if (node.children.length === 0) onLeaf(node, index as number);
      else walk(node.children, nodePath, nodeTrail, index);
    }
  };
  for (const list of lists) walk(list.tree, [], [], undefined);
  return { groups, byPath };
};

const optionLists = (field: FieldIR): OptionList[] => {
  const lists: OptionList[] = [];
  if (field.options?.base !== undefined) lists.push(field.options.base);
  for (const entry of field.options?.cases ?? []) lists.push(entry.list);
  return lists;
};

/** The classifier of a field named by a spec entry, at `level` (options in a tree only). */
export const classifierFor = (context: SummaryContext, name: string, field: FieldIR, level: number | undefined): Classifier => {
  if (field.type === 'boolean' || field.type === 'text') {
    if (level !== undefined) throw specError(name, `'level' applies to options in a tree; '${field.key}' is a ${field.type} field`);
    if (field.type === 'boolean') {
      const groups: GroupKey[] = [{ value: true, label: booleanLabel(true, context.words) }, { value: false, label: booleanLabel(false, context.words) }];
      return { field, level: null, groups, classify: (raw) => (raw === true ? FIRST : raw === false ? SECOND : NONE) };
    }
    const groups: GroupKey[] = [];
    const byText = new Map<string, readonly number[]>();
    return {
      field, level: null, groups,
      classify: (raw) => {
        if (typeof raw !== 'string' || field.value.isEmpty(raw)) return NONE;
        const text = raw.trim();
        let found = byText.get(text);
        if (found === undefined) {
          found = [groups.length];
          groups.push({ value: text, label: text });
          byText.set(text, found);
        }
        return found;
      },
    };
  }

  const lists = optionLists(field);
  const deepest = Math.max(0, ...lists.map((list) => list.depth));
  const levels = field.type === 'cascader' && typeof (field.def as { levels?: unknown }).levels === 'number' ? ((field.def as { levels: number }).levels) : undefined;
  const reach = Math.min(deepest, levels ?? deepest);
  if (level !== undefined && level > reach) {
    throw specError(name, `'level' ${level} is deeper than the options of '${field.key}' go (${reach} level${reach === 1 ? '' : 's'})`);
  }
  const depth = level ?? levels ?? Number.POSITIVE_INFINITY;

  if (field.type === 'cascader') {
    // A cascader stores the path: the same value may recur under other parents, so groups go by path.
    const { groups, byPath } = optionGroups(context, lists, depth, pathKey, () => undefined);
    const slot: Slot = { value: undefined };
    return {
      field, level: level ?? null, groups,
      classify: (raw) => {
        if (field.value.isEmpty(raw) || field.value.accept(raw, {}, slot) !== undefined) return NONE;
        const path = slot.value as readonly OptionValue[];
        const index = byPath.get(pathKey(path.slice(0, Math.min(depth, path.length))));
        return index === undefined ? NONE : [index];
      },
    };
  }

  // A choice stores a leaf's value alone (values are unique in the tree; the first list wins, as in `all`).
  const byLeaf = new Map<OptionValue, readonly number[]>();
  const { groups } = optionGroups(context, lists, depth, valueKey, (leaf, group) => {
    if (!byLeaf.has(leaf.value)) byLeaf.set(leaf.value, [group]);
  });
  if (field.type !== 'multiselect') {
    return { field, level: level ?? null, groups, classify: (raw) => (isOptionValue(raw) ? byLeaf.get(raw) ?? NONE : NONE) };
  }
  return {
    field, level: level ?? null, groups,
    classify: (raw) => {
      if (!Array.isArray(raw)) return NONE;
      let found: number[] | undefined;
      for (const item of raw as readonly unknown[]) {
        const group = isOptionValue(item) ? byLeaf.get(item)?.[0] : undefined;
        if (group === undefined) continue;
        // Two options under one parent count the record once for the parent.
        if (found === undefined) found = [group];
        else if (!found.includes(group)) found.push(group);
      }
      return found ?? NONE;
    },
  };
};
