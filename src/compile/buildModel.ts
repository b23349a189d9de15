import type { LocalizedText, OptionValue } from '../core/definitionTypes';
import { isPlainObject, isReservedName } from '../core/reserved';
import type { FieldOptions, OptionEntry, OptionList, OptionNode } from '../fields/fieldKind';
import { FIELD_KINDS, isFieldType } from '../fields/registry';
import { DETECTABLE_KINDS } from '../formats/personalData';
import type { FieldNode, FormModel, RawObject, SectionNode } from './formModel';
import type { IssueCollector } from './issueCollector';

const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): RawObject => (isPlainObject(value) ? value : {});
const idOf = (value: unknown): string | undefined => (isPlainObject(value) && typeof value.id === 'string' ? value.id : undefined);

/**
 * Builds the field tree from a definition that may have failed the schema check: anything of the
 * wrong shape is skipped (the schema issue already says why), so that later checks can still run
 * and the author sees every problem at once. Top-level ids are unique in the form; a row field's id
 * is unique in its group and may repeat a top-level id (`$row.kind` and `kind` say which is meant).
 */
export const buildModel = (def: RawObject, issues: IssueCollector): FormModel => {
  const topLevel = new Map<string, FieldNode>();
  const byKey = new Map<string, FieldNode>();
  const sectionIds = new Map<string, string>();
  const sections: SectionNode[] = [];
  const fields: FieldNode[] = [];
  let order = 0;

  const addField = (raw: unknown, defPath: string, section: SectionNode, group: FieldNode | undefined, seen: Map<string, string>): FieldNode | undefined => {
    const id = idOf(raw);
    const type = isPlainObject(raw) ? raw.type : undefined;
    if (id === undefined || !isFieldType(type)) return undefined;
    if (isReservedName(id)) {
      issues.issue('reserved-id', `${defPath}.id`, undefined, { name: id });
      return undefined;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      issues.issue('duplicate-id', `${defPath}.id`, undefined, { kind: 'field', name: id, first });
      return undefined;
    }
    seen.set(id, `${defPath}.id`);
    const key = group === undefined ? id : `${group.id}.${id}`;
    const node: FieldNode = { id, key, type, def: raw as RawObject, defPath, section, group, children: [], order: order++ };
    byKey.set(key, node);
    if (type === 'group') {
      if (group !== undefined) issues.issue('schema', `${defPath}.type`, 'nested-group');
      const rowIds = new Map<string, string>();
      asArray((raw as RawObject).fields).forEach((child, index) => {
        const childNode = addField(child, `${defPath}.fields.${index}`, section, node, rowIds);
        if (childNode) node.children.push(childNode);
      });
    }
    return node;
  };

  const topLevelIds = new Map<string, string>();
  asArray(def.sections).forEach((raw, index) => {
    const defPath = `sections.${index}`;
    const id = idOf(raw) ?? '';
    if (id !== '' && isReservedName(id)) issues.issue('reserved-id', `${defPath}.id`, undefined, { name: id });
    const first = sectionIds.get(id);
    if (id !== '' && first !== undefined) issues.issue('duplicate-id', `${defPath}.id`, undefined, { kind: 'section', name: id, first });
    sectionIds.set(id, `${defPath}.id`);
    const section: SectionNode = { id, def: asObject(raw), defPath, fields: [] };
    sections.push(section);
    asArray(section.def.fields).forEach((field, fieldIndex) => {
      const node = addField(field, `${defPath}.fields.${fieldIndex}`, section, undefined, topLevelIds);
      if (node) {
        section.fields.push(node);
        fields.push(node);
        topLevel.set(node.id, node);
      }
    });
  });

  const roles = asArray(def.roles).filter((role): role is string => typeof role === 'string');
  roles.forEach((role, index) => {
    if (isReservedName(role)) issues.issue('reserved-id', `roles.${index}`, undefined, { name: role });
  });

  // Shared lists are read as a cascader reads them (siblings unique) always, and as a choice field
  // reads them (values unique in the whole tree) when a choice field uses them.
  const optionSets = new Map<string, OptionList>();
  const rawSets = new Map<string, unknown>();
  for (const [name, list] of Object.entries(asObject(def.optionSets))) {
    if (isReservedName(name)) continue; // reported by the key walk
    rawSets.set(name, list);
    optionSets.set(name, buildOptionList(list, `optionSets.${name}`, 'siblings', issues));
  }
  const treeSets = new Map<string, OptionList>();
  const sharedList: SharedLists = (name, uniqueIn) => {
    if (!rawSets.has(name)) return undefined;
    if (uniqueIn === 'siblings') return optionSets.get(name);
    let list = treeSets.get(name);
    if (list === undefined) treeSets.set(name, (list = buildOptionList(rawSets.get(name), `optionSets.${name}`, 'tree', issues)));
    return list;
  };

  const usedOptionSets = new Set<string>();
  const options = new Map<FieldNode, FieldOptions>();
  for (const node of byKey.values()) {
    if (!FIELD_KINDS[node.type].hasOptions) continue;
    options.set(node, resolveFieldOptions(node, sharedList, optionSets.keys(), usedOptionSets, issues));
  }

  const forbid = new Set(asArray(def.forbid).filter((kind): kind is string => typeof kind === 'string'));
  const detectable = DETECTABLE_KINDS.filter((kind) => forbid.has(kind));
  return { def, sections, fields, topLevel, byKey, options, roles, forbid, detectable, optionSets, usedOptionSets };
};

/**
 * Reads one option list. Choice fields store a leaf's value alone, so values are unique in the whole
 * tree ('tree'); a cascader stores the path, so only siblings must differ ('siblings': real
 * province/city/district trees repeat names such as 市辖区 under different parents).
 */
const buildOptionList = (raw: unknown, path: string, uniqueIn: 'tree' | 'siblings', issues: IssueCollector): OptionList => {
  const entries = new Map<OptionValue, OptionEntry>();
  const choices = new Set<OptionValue>();
  let depth = 0;
  const walk = (list: unknown, listPath: string, trail: readonly LocalizedText[], level: number): OptionNode[] => {
    depth = Math.max(depth, level);
    const nodes: OptionNode[] = [];
    const siblings = new Set<OptionValue>();
    asArray(list).forEach((option, index) => {
      if (!isPlainObject(option)) return;
      const value = option.value;
      if (typeof value !== 'string' && typeof value !== 'number') return;
      const optionPath = `${listPath}.${index}`;
      if (typeof value === 'string' && isReservedName(value)) {
        issues.issue('reserved-id', `${optionPath}.value`, undefined, { name: value });
        return;
      }
      const repeated = uniqueIn === 'tree' ? entries.has(value) : siblings.has(value);
      if (repeated) {
        issues.issue('duplicate-id', `${optionPath}.value`, undefined, { kind: 'option', name: String(value), first: listPath });
        return;
      }
      siblings.add(value);
      const label = (isPlainObject(option.label) || typeof option.label === 'string' ? option.label : String(value)) as LocalizedText;
      const children = asArray(option.children);
      const nextTrail = [...trail, label];
      if (!entries.has(value)) entries.set(value, { value, label, trail: nextTrail, leaf: children.length === 0 });
      if (children.length === 0) choices.add(value);
      const childNodes = children.length > 0 ? walk(children, `${optionPath}.children`, nextTrail, level + 1) : [];
      nodes.push({ value, label, children: childNodes });
    });
    return nodes;
  };
  const tree = walk(raw, path, [], 1);
  return { entries, choices, tree, depth };
};

type SharedLists = (name: string, uniqueIn: 'tree' | 'siblings') => OptionList | undefined;

const resolveFieldOptions = (
  node: FieldNode,
  sharedList: SharedLists,
  setNames: Iterable<string>,
  used: Set<string>,
  issues: IssueCollector,
): FieldOptions => {
  const uniqueIn = node.type === 'cascader' ? 'siblings' : 'tree';
  const resolve = (holder: RawObject, holderPath: string): OptionList | undefined => {
    if (Array.isArray(holder.options)) return buildOptionList(holder.options, `${holderPath}.options`, uniqueIn, issues);
    if (typeof holder.optionsRef !== 'string') return undefined;
    const name = holder.optionsRef;
    const list = sharedList(name, uniqueIn);
    if (list === undefined) {
      issues.issue('unknown-option-set', `${holderPath}.optionsRef`, undefined, { name, suggestion: issues.suggest(name, setNames) });
      return undefined;
    }
    used.add(name);
    return list;
  };
  const base = resolve(node.def, node.defPath);
  const cases = asArray(node.def.optionsIf).flatMap((raw, index) => {
    const holderPath = `${node.defPath}.optionsIf.${index}`;
    const list = isPlainObject(raw) ? resolve(raw, holderPath) : undefined;
    return list && isPlainObject(raw) ? [{ when: raw.when, whenPath: `${holderPath}.when`, list }] : [];
  });
  const all = new Map<OptionValue, OptionEntry>(base?.entries ?? []);
  for (const { list } of cases) for (const [value, entry] of list.entries) if (!all.has(value)) all.set(value, entry);
  return { base, cases, all };
};
