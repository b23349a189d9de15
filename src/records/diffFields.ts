import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { Logic } from '../core/definitionTypes';
import { canonical, show, textOf } from './changeText';
import { limitChanges } from './diffLimits';
import type { FormChange } from './formChange';

type Requirement = { readonly kind: 'never' | 'always' } | { readonly kind: 'when'; readonly condition: string };

const requirementOf = (field: FieldIR): Requirement =>
  field.required === true ? { kind: 'always' } : field.required === false ? { kind: 'never' } : { kind: 'when', condition: canonical(field.def.required) };

const describeRequirement = (requirement: Requirement): string =>
  requirement.kind === 'when' ? `required when ${requirement.condition}` : requirement.kind === 'always' ? 'required' : 'optional';

/**
 * Optional -> required and conditionally -> always required break records without an answer;
 * so does a condition that appears or changes (it may now hold where it did not). Dropping a
 * requirement, or making an always-required field conditional, only loosens.
 */
const requirementChange = (key: string, before: Requirement, after: Requirement): FormChange | undefined => {
  if (describeRequirement(before) === describeRequirement(after)) return undefined;
  const detail = `${describeRequirement(before)} -> ${describeRequirement(after)}`;
  if (after.kind === 'always') return { path: key, kind: 'required-added', breaking: true, detail };
  if (after.kind === 'never') return { path: key, kind: 'required-removed', breaking: false, detail };
  return { path: key, kind: 'now-conditional', breaking: before.kind !== 'always', detail };
};

/** The field's visibility condition with its section's (top-level fields): undefined when always shown. */
const visibilityOf = (form: InternalForm, field: FieldIR): string | undefined => {
  const conditions: Logic[] = [];
  const section = field.group === undefined ? form.definition.sections.find((candidate) => candidate.id === field.sectionId) : undefined;
  if (section?.visibleIf !== undefined) conditions.push(section.visibleIf);
  if (field.def.visibleIf !== undefined) conditions.push(field.def.visibleIf);
  if (conditions.length === 0) return undefined;
  return canonical(conditions.length === 1 ? conditions[0] : { and: conditions });
};

/**
 * A visibility condition that appears or changes breaks: records keep no answer for a hidden field,
 * so migrating drops the answers the condition now hides. A condition that disappears has no kind
 * of its own and only loosens, so it is not reported.
 */
const visibilityChange = (key: string, before: string | undefined, after: string | undefined): FormChange | undefined => {
  if (before === after || after === undefined) return undefined;
  return { path: key, kind: 'now-conditional', breaking: true, detail: `shown ${before === undefined ? 'always' : `when ${before}`} -> shown when ${after}` };
};

const optionChanges = (before: FieldIR, after: FieldIR): FormChange[] => {
  if (before.options === undefined || after.options === undefined) return [];
  const was = before.options.all;
  const now = after.options.all;
  return [
    ...[...was.keys()].filter((value) => !now.has(value))
      .map((value): FormChange => ({ path: after.key, kind: 'option-removed', breaking: true, detail: `option ${show(value)} removed` })),
    ...[...now.keys()].filter((value) => !was.has(value))
      .map((value): FormChange => ({ path: after.key, kind: 'option-added', breaking: false, detail: `option ${show(value)} added` })),
  ];
};

const rolesText = (roles: ReadonlySet<string> | undefined): string => (roles === undefined ? 'everyone' : [...roles].sort().join(', ') || 'no one');

/** Access decides who sees and edits an answer, never whether a stored answer is valid: not breaking. */
const accessChange = (before: FieldIR, after: FieldIR): FormChange | undefined => {
  const parts: string[] = [];
  for (const [name, was, now] of [['read', before.readRoles, after.readRoles], ['write', before.writeRoles, after.writeRoles]] as const) {
    if (rolesText(was) !== rolesText(now)) parts.push(`${name} ${rolesText(was)} -> ${rolesText(now)}`);
  }
  return parts.length === 0 ? undefined : { path: after.key, kind: 'access-changed', breaking: false, detail: parts.join('; ') };
};

/** The label in the form's language; whole when only another language changed. */
const labelChange = (from: InternalForm, to: InternalForm, before: FieldIR, after: FieldIR): FormChange | undefined => {
  if (canonical(before.label) === canonical(after.label)) return undefined;
  let was = textOf(before.label, from.defaultLocale);
  let now = textOf(after.label, to.defaultLocale);
  if (was === now) [was, now] = [canonical(before.label), canonical(after.label)];
  return { path: after.key, kind: 'label-changed', breaking: false, detail: `${show(was)} -> ${show(now)}` };
};

/**
 * What changed in one field present in both versions, in a fixed order: type, requirement,
 * visibility, options, limits (only between fields of one type: another type's limits are not
 * comparable), access, label.
 */
export const fieldChanges = (from: InternalForm, to: InternalForm, before: FieldIR, after: FieldIR): FormChange[] => {
  const key = after.key;
  const changes: (FormChange | undefined)[] = [
    before.type === after.type ? undefined : { path: key, kind: 'type-changed', breaking: true, detail: `type ${before.type} -> ${after.type}` },
    requirementChange(key, requirementOf(before), requirementOf(after)),
    visibilityChange(key, visibilityOf(from, before), visibilityOf(to, after)),
    ...optionChanges(before, after),
    ...(before.type === after.type ? limitChanges(before, after) : []),
    accessChange(before, after),
    labelChange(from, to, before, after),
  ];
  return changes.filter((change): change is FormChange => change !== undefined);
};

/**
 * A new field breaks records when they must answer it (required, or required under a condition):
 * migrating fills in nothing, not even a default, since the customer never gave that answer.
 */
export const addedField = (field: FieldIR): FormChange => {
  const requirement = requirementOf(field);
  const breaking = requirement.kind !== 'never' && field.compute === undefined;
  return { path: field.key, kind: 'field-added', breaking, detail: `new ${field.type} field (${describeRequirement(requirement)})` };
};

export const removedField = (field: FieldIR): FormChange =>
  ({ path: field.key, kind: 'field-removed', breaking: true, detail: `${field.type} field removed; its answers are dropped` });
