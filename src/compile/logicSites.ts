import { isPlainObject } from '../core/reserved';
import type { FieldNode, FormModel } from './formModel';
import type { Dependent } from './internalForm';

/** A place in the definition that holds JSON Logic: what it decides, and what it may read. */
export interface LogicSite {
  readonly logic: unknown;
  readonly path: string;
  /** The field whose state this logic decides (its evaluation order depends on what the logic reads). */
  readonly owner: FieldNode | undefined;
  /** The repeating group whose row `$row` names here, if any. */
  readonly rowGroup: FieldNode | undefined;
  /** Who must be re-evaluated when a field this logic reads changes. */
  readonly dependent: Dependent;
}

const FIELD_CONDITIONS = ['visibleIf', 'readonlyIf', 'required', 'expression'] as const;

/** Every JSON Logic expression in the definition, in definition order. */
export const collectLogicSites = (model: FormModel): LogicSite[] => {
  const sites: LogicSite[] = [];
  const add = (holder: Readonly<Record<string, unknown>>, key: string, path: string, dependent: Dependent, owner?: FieldNode, rowGroup?: FieldNode): void => {
    if (holder[key] !== undefined) sites.push({ logic: holder[key], path: `${path}.${key}`, owner, rowGroup, dependent });
  };
  for (const section of model.sections) {
    // A section's condition is part of each of its fields' visibility.
    for (const field of section.fields) add(section.def, 'visibleIf', section.defPath, { kind: 'field', key: field.key, via: 'section' }, field);
  }
  for (const field of model.byKey.values()) {
    for (const key of FIELD_CONDITIONS) {
      if (key === 'required' && typeof field.def.required === 'boolean') continue;
      if (key === 'expression' && field.type !== 'computed') continue;
      add(field.def, key, field.defPath, { kind: 'field', key: field.key, via: key }, field, field.group);
    }
    const cases = field.def.optionsIf;
    if (Array.isArray(cases)) {
      cases.forEach((raw, index) => {
        if (isPlainObject(raw)) add(raw, 'when', `${field.defPath}.optionsIf.${index}`, { kind: 'field', key: field.key, via: 'options' }, field, field.group);
      });
    }
  }
  const list = (key: string): readonly unknown[] => (Array.isArray(model.def[key]) ? (model.def[key] as unknown[]) : []);
  list('rules').forEach((raw, index) => {
    if (!isPlainObject(raw)) return;
    const dependent: Dependent = { kind: 'rule', id: String(raw.id), index };
    add(raw, 'when', `rules.${index}`, dependent);
    add(raw, 'assert', `rules.${index}`, dependent);
  });
  list('tags').forEach((raw, index) => {
    if (isPlainObject(raw)) add(raw, 'when', `tags.${index}`, { kind: 'tag', id: String(raw.id) });
  });
  const workflows = isPlainObject(model.def.workflows) ? model.def.workflows : {};
  for (const [name, workflow] of Object.entries(workflows)) {
    if (!isPlainObject(workflow) || !Array.isArray(workflow.transitions)) continue;
    workflow.transitions.forEach((raw, index) => {
      if (!isPlainObject(raw)) return;
      const path = `workflows.${name}.transitions.${index}`;
      add(raw, 'when', path, { kind: 'workflow', workflow: name, transition: index, via: 'when' });
      if (isPlainObject(raw.set)) {
        for (const key of Object.keys(raw.set)) add(raw.set, key, `${path}.set`, { kind: 'workflow', workflow: name, transition: index, via: 'set' });
      }
    });
  }
  return sites;
};
