import { isPlainObject } from '../core/reserved';
import type { FieldNode, FormModel } from './formModel';

/** A place in the definition that holds JSON Logic, with what it may read and who depends on it. */
export interface LogicSite {
  readonly logic: unknown;
  readonly path: string;
  /** The field whose state this logic decides; its evaluation depends on what the logic reads. */
  readonly owner: FieldNode | undefined;
  /** The repeating group whose row `$row` names here, if any. */
  readonly rowGroup: FieldNode | undefined;
}

const CONDITION_KEYS = ['visibleIf', 'readonlyIf'] as const;

/** Every JSON Logic expression in the definition, in definition order. */
export const collectLogicSites = (model: FormModel): LogicSite[] => {
  const sites: LogicSite[] = [];
  const add = (holder: Readonly<Record<string, unknown>>, key: string, path: string, owner?: FieldNode, rowGroup?: FieldNode): void => {
    if (holder[key] !== undefined) sites.push({ logic: holder[key], path: `${path}.${key}`, owner, rowGroup });
  };
  for (const section of model.sections) {
    // A section's condition is part of each of its fields' visibility.
    for (const field of section.fields) add(section.def, 'visibleIf', section.defPath, field);
  }
  for (const field of model.byId.values()) {
    const rowGroup = field.group;
    for (const key of CONDITION_KEYS) add(field.def, key, field.defPath, field, rowGroup);
    if (typeof field.def.required !== 'boolean') add(field.def, 'required', field.defPath, field, rowGroup);
    if (field.type === 'computed') add(field.def, 'expression', field.defPath, field, rowGroup);
    const cases = field.def.optionsIf;
    if (Array.isArray(cases)) {
      cases.forEach((raw, index) => {
        if (isPlainObject(raw)) add(raw, 'when', `${field.defPath}.optionsIf.${index}`, field, rowGroup);
      });
    }
  }
  const list = (key: string): readonly unknown[] => (Array.isArray(model.def[key]) ? (model.def[key] as unknown[]) : []);
  list('rules').forEach((raw, index) => {
    if (!isPlainObject(raw)) return;
    add(raw, 'when', `rules.${index}`);
    add(raw, 'assert', `rules.${index}`);
  });
  list('tags').forEach((raw, index) => {
    if (isPlainObject(raw)) add(raw, 'when', `tags.${index}`);
  });
  const workflows = isPlainObject(model.def.workflows) ? model.def.workflows : {};
  for (const [name, workflow] of Object.entries(workflows)) {
    if (!isPlainObject(workflow) || !Array.isArray(workflow.transitions)) continue;
    workflow.transitions.forEach((raw, index) => {
      if (!isPlainObject(raw)) return;
      const path = `workflows.${name}.transitions.${index}`;
      add(raw, 'when', path);
      if (isPlainObject(raw.set)) for (const key of Object.keys(raw.set)) add(raw.set, key, `${path}.set`);
    });
  }
  return sites;
};
