import { isTimeZone } from '../core/clock';
import { isWithinMaxDuration, MAX_DURATION, parseDuration } from '../core/duration';
import { OWNER } from '../core/owner';
import { formatPiiKind } from '../core/personalKind';
import type { DefinitionIssueCode, DefinitionParams } from '../core/issues';
import { hasOwn, isPlainObject, isReservedName } from '../core/reserved';
import { parseTemplate, FILENAME_TOKENS } from '../core/template';
import type { FieldDefinition } from '../fields/fieldDefinition';
import type { FormatTable } from '../fields/fieldKind';
import { kindOf } from '../fields/registry';
import { fieldByReference, type FormModel } from './formModel';
import { checkChangeRequests } from './checkChangeRequests';
import type { IssueCollector } from './issueCollector';

type Raw = Readonly<Record<string, unknown>>;
const objectAt = (value: unknown): Raw => (isPlainObject(value) ? value : {});
const listAt = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown): readonly [string, number][] =>
  listAt(value).flatMap((item, index) => (typeof item === 'string' ? [[item, index] as [string, number]] : []));

/** Each field's own checks, by its unit: limits, patterns, formats, cascader depth, auto id templates. */
export const checkFields = (model: FormModel, formats: FormatTable, issues: IssueCollector): void => {
  for (const field of model.byKey.values()) {
    const report = (path: string, code: DefinitionIssueCode, reason?: string, params?: DefinitionParams): void =>
      issues.issue(code, `${field.defPath}.${path}`, reason, params);
    kindOf(field.type).checkDefinition?.(
      { id: field.id, def: field.def as unknown as FieldDefinition, defPath: field.defPath, options: model.options.get(field), formats, forbid: model.detectable },
      report,
    );
    const auto = field.def.auto;
    if ((auto === 'createdAt' || auto === 'updatedAt') && field.type !== 'datetime' && field.type !== 'text') {
      issues.issue('type-mismatch', `${field.defPath}.auto`, 'auto', { name: auto, expected: 'datetime' });
    } else if ((auto === 'createdBy' || auto === 'updatedBy') && field.type !== 'text') {
      issues.issue('type-mismatch', `${field.defPath}.auto`, 'auto', { name: auto, expected: 'text' });
    }
    // A form that must never collect a kind of data may not have a field made for it (R20).
    if (typeof field.def.pii === 'string' && model.forbid.has(field.def.pii)) {
      issues.issue('forbidden-data', `${field.defPath}.pii`, undefined, { field: field.key, kind: field.def.pii });
    }
    const collects = field.type === 'text' || field.type === 'textarea' ? formatPiiKind(field.def.format) : undefined;
    if (collects !== undefined && model.forbid.has(collects)) {
      issues.issue('forbidden-data', `${field.defPath}.format`, undefined, { field: field.key, kind: collects });
    }
    const options = model.options.get(field);
    if (options !== undefined && options.base === undefined && options.cases.length === 0 && !issues.hasIssueAt(field.defPath)) {
      issues.issue('schema', `${field.defPath}.options`, 'required', { name: 'options' });
    }
  }
};

/** Checks every name that refers to something declared elsewhere: roles, states, fields. */
export const checkReferences = (model: FormModel, issues: IssueCollector): void => {
  const roles = new Set(model.roles);
  // `$owner` is a person only a record has: a read list, a reveal or an assignment has no record to ask.
  const checkRoles = (value: unknown, path: string, ownerAllowed = false): void => {
    for (const [role, index] of strings(value)) {
      if (role === OWNER && !ownerAllowed) issues.issue('unknown-role', `${path}.${index}`, 'owner', { name: role });
      else if (role !== OWNER && !roles.has(role) && !isReservedName(role)) {
        issues.issue('unknown-role', `${path}.${index}`, undefined, {
          name: role, suggestion: issues.suggest(role, roles), roles: model.roles.join(', ') || '—',
        });
      }
    }
  };
  // Fields named outside conditions: top-level ids, or `group.field` where a row field makes sense.
  const checkField = (reference: string, path: string, allowRows = false): void => {
    if (isReservedName(reference)) {
      issues.issue('reserved-id', path, undefined, { name: reference });
      return;
    }
    if (fieldByReference(model, reference, allowRows) !== undefined) return;
    const candidates = allowRows ? model.byKey.keys() : model.topLevel.keys();
    issues.issue('unknown-field', path, undefined, { name: reference, suggestion: issues.suggest(reference, candidates) });
  };
  const checkDuration = (value: unknown, path: string): void => {
    if (typeof value !== 'string') return;
    const duration = parseDuration(value);
    if (duration === undefined) issues.issue('bad-duration', path, undefined, { name: value });
    // Added to dates at run time: past the limit, a save or an overdue check would throw instead.
    else if (!isWithinMaxDuration(duration)) issues.issue('bad-duration', path, 'too-long', { name: value, max: MAX_DURATION });
  };

  for (const field of model.byKey.values()) {
    const access = objectAt(field.def.access);
    checkRoles(access.read, `${field.defPath}.access.read`);
    checkRoles(access.write, `${field.defPath}.access.write`, true);
  }

  const def = model.def;
  listAt(def.rules).forEach((rule, index) => {
    const path = objectAt(rule).path;
    if (typeof path !== 'string') return;
    const head = path.split('.')[0] ?? '';
    if (!model.topLevel.has(head)) {
      issues.issue('unknown-field', `rules.${index}.path`, 'rule-path', { name: path, suggestion: issues.suggest(head, model.topLevel.keys()) });
    }
  });
  listAt(def.dedup).forEach((entry, index) => {
    for (const [id, fieldIndex] of strings(objectAt(entry).fields)) checkField(id, `dedup.${index}.fields.${fieldIndex}`);
  });
  const masking = objectAt(def.masking);
  for (const [policy, fields] of Object.entries(objectAt(masking.policies))) {
    for (const key of Object.keys(objectAt(fields))) checkField(key, `masking.policies.${policy}.${key}`, true);
  }
  for (const [policy, list] of Object.entries(objectAt(masking.reveal))) checkRoles(list, `masking.reveal.${policy}`);
  checkRoles(objectAt(def.encryption).reveal, 'encryption.reveal');
  checkRoles(objectAt(def.ownership).ownOnly, 'ownership.ownOnly');
  checkRoles(objectAt(def.ownership).assign, 'ownership.assign');
  checkChangeRequests(model, issues);
  if (typeof def.timeZone === 'string' && !isTimeZone(def.timeZone)) issues.issue('schema', 'timeZone', 'time-zone', { name: def.timeZone });
  checkDuration(objectAt(def.drafts).ttl, 'drafts.ttl');
  checkDuration(objectAt(def.retention).keep, 'retention.keep');
  checkDuration(objectAt(def.retention).reconfirm, 'retention.reconfirm');
  const filename = objectAt(def.export).filename;
  if (typeof filename === 'string') {
    const parsed = parseTemplate(filename, { seq: false, field: true });
    if (!parsed.ok) issues.issue('bad-pattern', 'export.filename', 'token', { name: parsed.token, tokens: FILENAME_TOKENS });
    else for (const part of parsed.parts) if (part.kind === 'field') checkField(part.id, 'export.filename');
  }

  for (const [name, raw] of Object.entries(objectAt(def.workflows))) {
    const workflow = objectAt(raw);
    const base = `workflows.${name}`;
    const states = objectAt(workflow.states);
    const stateNames = Object.keys(states);
    const checkState = (state: unknown, path: string): void => {
      if (typeof state === 'string' && !hasOwn(states, state) && !isReservedName(state)) {
        issues.issue('unknown-state', path, undefined, { name: state, suggestion: issues.suggest(state, stateNames) });
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
      checkRoles(transition.roles, `${path}.roles`, true);
      for (const [id, i] of strings(transition.requires)) checkField(id, `${path}.requires.${i}`);
      for (const id of Object.keys(objectAt(transition.set))) checkField(id, `${path}.set.${id}`);
    });
  }
};
