import { formatPiiKind } from '../core/personalKind';
import { isPlainObject } from '../core/reserved';
import { analyzeLogic } from '../logic/analyzeLogic';
import { compileLogic } from '../logic/compileLogic';
import { truthy } from '../logic/truthy';
import type { FieldNode, FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';

/** A condition that reads nothing has one value forever; undefined when it reads something. */
const constantValue = (logic: unknown): boolean | undefined => {
  if (logic === undefined) return undefined;
  if (analyzeLogic(logic, '').vars.length > 0) return undefined;
  return truthy(compileLogic(logic)({}));
};

/** The kind of personal data a field holds, as sealing reads it: its `pii`, its format's kind, its group's `pii`. */
const heldKind = (field: FieldNode): unknown =>
  field.def.pii ?? (field.type === 'text' || field.type === 'textarea' ? formatPiiKind(field.def.format) : undefined) ?? field.group?.def.pii;

/** Kinds the encryption block seals that no field holds: a typo, or a field that was removed. */
const unusedEncryptionKinds = (model: FormModel, issues: IssueCollector): void => {
  const encryption = isPlainObject(model.def.encryption) ? model.def.encryption : {};
  const held = new Set([...model.byKey.values()].filter((field) => field.type !== 'group').map(heldKind));
  (Array.isArray(encryption.pii) ? encryption.pii : []).forEach((pii: unknown, index) => {
    if (typeof pii === 'string' && !held.has(pii)) issues.warn('unused-encryption-kind', `encryption.pii.${index}`, { pii });
  });
};

/** Legal but suspicious definitions: the form compiles, and the author is told what looks wrong. */
export const collectWarnings = (model: FormModel, issues: IssueCollector): void => {
  const masking = isPlainObject(model.def.masking) ? model.def.masking : {};
  const policies = isPlainObject(masking.policies) ? Object.values(masking.policies) : [];
  const masked = new Set(policies.flatMap((policy) => (isPlainObject(policy) ? Object.keys(policy) : [])));
  for (const field of model.byKey.values()) {
    const pii = field.def.pii;
    if (typeof pii === 'string' && !masked.has(field.key)) {
      issues.warn('pii-unmasked', `${field.defPath}.pii`, { field: field.key, pii });
    }
    const neverVisible = constantValue(field.def.visibleIf) === false || (field.group === undefined && constantValue(field.section.def.visibleIf) === false);
    if (neverVisible && field.def.required !== undefined && field.def.required !== false) {
      issues.warn('never-visible-required', `${field.defPath}.required`, { field: field.key });
    }
  }
  for (const name of model.optionSets.keys()) {
    if (!model.usedOptionSets.has(name)) issues.warn('unused-option-set', `optionSets.${name}`, { name });
  }
  const rules = Array.isArray(model.def.rules) ? model.def.rules : [];
  rules.forEach((rule, index) => {
    if (!isPlainObject(rule)) return;
    if (constantValue(rule.when) === false || constantValue(rule.assert) === true) {
      issues.warn('rule-never-fires', `rules.${index}`, { name: String(rule.id) });
    }
  });
  unusedEncryptionKinds(model, issues);
};
