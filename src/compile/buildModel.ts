import type { FieldType, OptionValue } from '../core/definitionTypes';
import { isPlainObject, isReservedName } from '../core/reserved';
import { closest } from '../core/suggest';
import { FIELD_TYPES } from '../definition/fieldTypes';
import type { FieldNode, FieldOptions, FormModel, OptionEntry, OptionList, RawObject, SectionNode } from './formModel';
import type { IssueCollector } from './issueCollector';

const OPTION_TYPES: ReadonlySet<string> = new Set(['select', 'radio', 'multiselect', 'cascader']);
const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): RawObject => (isPlainObject(value) ? value : {});
const idOf = (value: unknown): string | undefined => (isPlainObject(value) && typeof value.id === 'string' ? value.id : undefined);

/**
 * Builds the field tree from a definition that may have failed the schema check: anything of the
 * wrong shape is skipped (the schema issue already says why), so that later checks can still run
 * and the author sees every problem at once.
 */
export const buildModel = (def: RawObject, issues: IssueCollector): FormModel => {
  const byId = new Map<string, FieldNode>();
  const firstSeen = new Map<string, string>();
  const sectionIds = new Map<string, string>();
  const sections: SectionNode[] = [];
  const fields: FieldNode[] = [];
  let order = 0;

  const addField = (raw: unknown, defPath: string, section: SectionNode, group: FieldNode | undefined): FieldNode | undefined => {
    const id = idOf(raw);
    const type = isPlainObject(raw) ? raw.type : undefined;
    if (id === undefined || typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) return undefined;
    if (isReservedName(id)) {
      issues.issue('reserved-id', `${defPath}.id`, 'reserved-id', { name: id });
      return undefined;
    }
    const previous = firstSeen.get(id);
    if (previous !== undefined) {
      issues.issue('duplicate-id', `${defPath}.id`, 'duplicate-id', { kind: 'field', name: id, first: previous });
      return undefined;
    }
    firstSeen.set(id, `${defPath}.id`);
    const node: FieldNode = { id, type: type as FieldType, def: raw as RawObject, defPath, section, group, children: [], order: order++ };
    byId.set(id, node);
    if (type === 'group') {
      if (group !== undefined) issues.issue('schema', `${defPath}.type`, 'schema.nested-group');
      asArray((raw as RawObject).fields).forEach((child, index) => {
        const childNode = addField(child, `${defPath}.fields.${index}`, section, node);
        if (childNode) node.children.push(childNode);
      });
    }
    return node;
  };

  asArray(def.sections).forEach((raw, index) => {
    const defPath = `sections.${index}`;
    const id = idOf(raw) ?? '';
    if (id !== '' && isReservedName(id)) issues.issue('reserved-id', `${defPath}.id`, 'reserved-id', { name: id });
    const seen = sectionIds.get(id);
    if (id !== '' && seen !== undefined) issues.issue('duplicate-id', `${defPath}.id`, 'duplicate-id', { kind: 'section', name: id, first: seen });
    sectionIds.set(id, `${defPath}.id`);
    const section: SectionNode = { id, def: asObject(raw), defPath, fields: [] };
    sections.push(section);
    asArray(section.def.fields).forEach((field, fieldIndex) => {
      const node = addField(field, `${defPath}.fields.${fieldIndex}`, section, undefined);
      if (node) {
        section.fields.push(node);
        fields.push(node);
      }
    });
  });

  const roles = asArray(def.roles).filter((role): role is string => typeof role === 'string');
  roles.forEach((role, index) => {
    if (isReservedName(role)) issues.issue('reserved-id', `roles.${index}`, 'reserved-id', { name: role });
  });

  const optionSets = new Map<string, OptionList>();
  for (const [name, list] of Object.entries(asObject(def.optionSets))) {
    if (isReservedName(name)) continue; // reported by the key walk
    optionSets.set(name, buildOptionList(list, `optionSets.${name}`, issues));
  }

  const usedOptionSets = new Set<string>();
  const options = new Map<FieldNode, FieldOptions>();
  for (const node of byId.values()) {
    if (!OPTION_TYPES.has(node.type)) continue;
    options.set(node, resolveFieldOptions(node, optionSets, usedOptionSets, issues));
  }

  return { def, sections, fields, byId, options, roles, optionSets, usedOptionSets };
};

const buildOptionList = (raw: unknown, path: string, issues: IssueCollector): OptionList => {
  const entries = new Map<OptionValue, OptionEntry>();
  let depth = 0;
  const walk = (list: unknown, listPath: string, trail: readonly unknown[], level: number): void => {
    depth = Math.max(depth, level);
    asArray(list).forEach((option, index) => {
      if (!isPlainObject(option)) return;
      const value = option.value;
      if (typeof value !== 'string' && typeof value !== 'number') return;
      const optionPath = `${listPath}.${index}`;
      if (typeof value === 'string' && isReservedName(value)) {
        issues.issue('reserved-id', `${optionPath}.value`, 'reserved-id', { name: value });
        return;
      }
      if (entries.has(value)) {
        issues.issue('duplicate-id', `${optionPath}.value`, 'duplicate-id', { kind: 'option', name: String(value), first: listPath });
        return;
      }
      const children = asArray(option.children);
      const nextTrail = [...trail, option.label];
      entries.set(value, { value, label: option.label, trail: nextTrail, leaf: children.length === 0 });
      if (children.length > 0) walk(children, `${optionPath}.children`, nextTrail, level + 1);
    });
  };
  walk(raw, path, [], 1);
  return { entries, tree: asArray(raw).filter(isPlainObject), depth };
};

const resolveFieldOptions = (
  node: FieldNode,
  optionSets: ReadonlyMap<string, OptionList>,
  used: Set<string>,
  issues: IssueCollector,
): FieldOptions => {
  const resolve = (holder: RawObject, holderPath: string): OptionList | undefined => {
    if (Array.isArray(holder.options)) return buildOptionList(holder.options, `${holderPath}.options`, issues);
    if (typeof holder.optionsRef !== 'string') return undefined;
    const name = holder.optionsRef;
    const list = optionSets.get(name);
    if (list === undefined) {
      issues.issue('unknown-option-set', `${holderPath}.optionsRef`, 'unknown-option-set', { name, suggestion: closest(name, optionSets.keys()) });
    } else used.add(name);
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
