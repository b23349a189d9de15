import { parseDuration } from '../core/duration';
import { isPlainObject, isReservedName } from '../core/reserved';
import { closest } from '../core/suggest';
import { parseTemplate, TEMPLATE_TOKENS } from '../core/template';
import { TEXT_FORMATS } from '../definition/fieldTypes';
import type { FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';
import { checkRegex } from './regexSafety';

type Raw = Readonly<Record<string, unknown>>;
const objectAt = (value: unknown): Raw => (isPlainObject(value) ? value : {});
const listAt = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): readonly [string, number][] =>
  listAt(value).flatMap((item, index) => (typeof item === 'string' ? [[item, index] as [string, number]] : []));

/** Walks every key of the definition: a prototype-reaching name is refused wherever it appears. */
export const checkReservedKeys = (value: unknown, path: string, issues: IssueCollector): void => {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkReservedKeys(item, path === '' ? String(index) : `${path}.${index}`, issues));
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (isReservedName(key)) issues.issue('reserved-id', keyPath, 'reserved-id', { name: key });
      else checkReservedKeys(value[key], keyPath, issues);
    }
  } else if (typeof value === 'string' && isReservedName(value) && /(^|\.)(id|event|to|from|initial|optionsRef|\d+)$/.test(path)) {
    issues.issue('reserved-id', path, 'reserved-id', { name: value });
  }
};

/** Checks every name that refers to something declared elsewhere: roles, states, fields, formats. */
export const checkReferences = (model: FormModel, customFormats: readonly string[], issues: IssueCollector): void => {
  const roles = new Set(model.roles);
  const checkRoles = (value: unknown, path: string): void => {
    for (const [role, index] of strings(value)) {
      if (!roles.has(role) && !isReservedName(role)) {
        issues.issue('unknown-role', `${path}.${index}`, 'unknown-role', {
          name: role, suggestion: closest(role, roles), roles: model.roles.join(', ') || '—',
        });
      }
    }
  };
  const checkField = (id: string, path: string): void => {
    if (!model.byId.has(id) && !isReservedName(id)) {
      issues.issue('unknown-field', path, 'unknown-field', { name: id, suggestion: closest(id, model.byId.keys()) });
    }
  };
  const checkDuration = (value: unknown, path: string): void => {
    if (typeof value === 'string' && parseDuration(value) === undefined) issues.issue('bad-duration', path, 'bad-duration', { name: value });
  };
  const formats = new Set<string>([...TEXT_FORMATS, ...customFormats]);

  for (const field of model.byId.values()) {
    const def = field.def;
    const access = objectAt(def.access);
    checkRoles(access.read, `${field.defPath}.access.read`);
    checkRoles(access.write, `${field.defPath}.access.write`);
    if (typeof def.pattern === 'string' && field.type !== 'autoId') {
      const verdict = checkRegex(def.pattern);
      if (!verdict.safe) {
        issues.issue('bad-pattern', `${field.defPath}.pattern`, `bad-pattern.${verdict.reason}`, { detail: verdict.reason === 'invalid' ? verdict.detail : '' });
      }
    }
    if (typeof def.format === 'string' && !formats.has(def.format)) {
      issues.issue('unknown-format', `${field.defPath}.format`, 'unknown-format', { name: def.format, suggestion: closest(def.format, formats) });
    }
    if (field.type === 'autoId' && typeof def.pattern === 'string') {
      const parsed = parseTemplate(def.pattern, { seq: true, field: false });
      if (!parsed.ok) issues.issue('bad-pattern', `${field.defPath}.pattern`, 'bad-pattern.token', { name: parsed.token, tokens: TEMPLATE_TOKENS });
    }
    for (const [low, high] of [['minLength', 'maxLength'], ['min', 'max'], ['minItems', 'maxItems']] as const) {
      const lowValue = def[low];
      const highValue = def[high];
      if (typeof lowValue === 'number' && typeof highValue === 'number' && lowValue > highValue) {
        issues.issue('schema', `${field.defPath}.${low}`, 'schema.limits', { low, high });
      }
    }
    const options = model.options.get(field);
    const depth = options?.base?.depth ?? 0;
    if (field.type === 'cascader' && typeof def.levels === 'number' && options?.base !== undefined && def.levels > depth) {
      issues.issue('schema', `${field.defPath}.levels`, 'schema.levels', { levels: def.levels, depth });
    }
    if (options !== undefined && options.base === undefined && options.cases.length === 0 && !issues.hasIssueAt(field.defPath)) {
      issues.issue('schema', `${field.defPath}.options`, 'schema.required', { name: 'options' });
    }
  }

  const def = model.def;
  listAt(def.rules).forEach((rule, index) => {
    const path = objectAt(rule).path;
    if (typeof path === 'string') {
      const head = path.split('.')[0] ?? '';
      if (!model.byId.has(head)) issues.issue('unknown-field', `rules.${index}.path`, 'schema.rule-path', { name: path, suggestion: closest(head, model.byId.keys()) });
    }
  });
  listAt(def.dedup).forEach((entry, index) => {
    for (const [id, fieldIndex] of strings(objectAt(entry).fields)) checkField(id, `dedup.${index}.fields.${fieldIndex}`);
  });
  const masking = objectAt(def.masking);
  for (const [policy, fields] of Object.entries(objectAt(masking.policies))) {
    for (const id of Object.keys(objectAt(fields))) checkField(id, `masking.policies.${policy}.${id}`);
  }
  for (const [policy, list] of Object.entries(objectAt(masking.reveal))) checkRoles(list, `masking.reveal.${policy}`);
  checkDuration(objectAt(def.drafts).ttl, 'drafts.ttl');
  checkDuration(objectAt(def.retention).keep, 'retention.keep');
  checkDuration(objectAt(def.retention).reconfirm, 'retention.reconfirm');
  const filename = objectAt(def.export).filename;
  if (typeof filename === 'string') {
    const parsed = parseTemplate(filename, { seq: false, field: true });
    if (!parsed.ok) issues.issue('bad-pattern', 'export.filename', 'bad-pattern.token', { name: parsed.token, tokens: TEMPLATE_TOKENS });
    else for (const part of parsed.parts) if (part.kind === 'field') checkField(part.id, 'export.filename');
  }

  for (const [name, raw] of Object.entries(objectAt(def.workflows))) {
    const workflow = objectAt(raw);
    const base = `workflows.${name}`;
    const states = objectAt(workflow.states);
    const stateNames = Object.keys(states);
    const checkState = (state: unknown, path: string): void => {
      if (typeof state === 'string' && !Object.prototype.hasOwnProperty.call(states, state) && !isReservedName(state)) {
        issues.issue('unknown-state', path, 'unknown-state', { name: state, suggestion: closest(state, stateNames) });
      }
    };
    checkState(workflow.initial, `${base}.initial`);
    for (const [state, stateDef] of Object.entries(states)) checkDuration(objectAt(stateDef).deadline, `${base}.states.${state}.deadline`);
    listAt(workflow.transitions).forEach((rawTransition, index) => {
      const transition = objectAt(rawTransition);
      const path = `${base}.transitions.${index}`;
      if (Array.isArray(transition.from)) transition.from.forEach((state, i) => checkState(state, `${path}.from.${i}`));
      else checkState(transition.from, `${path}.from`);
      checkState(transition.to, `${path}.to`);
      checkRoles(transition.roles, `${path}.roles`);
      for (const [id, i] of strings(transition.requires)) checkField(id, `${path}.requires.${i}`);
      for (const id of Object.keys(objectAt(transition.set))) checkField(id, `${path}.set.${id}`);
    });
  }
};
