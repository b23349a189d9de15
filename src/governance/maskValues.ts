import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { MaskKind } from '../core/definitionTypes';
import { FormUsageError } from '../core/issues';
import { hasOwn, isPlainObject } from '../core/reserved';
import { closest } from '../core/suggest';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';
import { maskValue } from './maskValue';

// Plain values are copied: the masked values never share an object with the input.
const copy = (value: unknown): unknown => (typeof value === 'object' && value !== null ? readJson(value).value : value);

/** How a policy masks each field, for one role: undefined means the role sees plain values. */
export interface MaskPlan {
  readonly reveal: boolean;
  readonly role: string | undefined;
  /** Field key -> mask, for every field the policy or the field's `pii` kind masks. */
  readonly masks: ReadonlyMap<string, MaskKind>;
}

/**
 * The masks a policy applies: the policy's own fields, then every field with a `pii` kind the policy
 * does not name, with that kind's mask — personal data is masked unless the policy says `none`.
 * Roles in `reveal[policy]` see plain values. Unknown policies are a FormUsageError.
 */
export const maskPlan = (form: InternalForm, policy: unknown, role: string | undefined): MaskPlan => {
  const names = [...form.masking.policies.keys()];
  if (typeof policy !== 'string' || !form.masking.policies.has(policy)) {
    const suggestion = typeof policy === 'string' ? closest(policy, names) : undefined;
    throw new FormUsageError('bad-option', `form '${form.id}' has no masking policy '${String(policy)}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (policies: ${names.join(', ') || 'none'})`, 'policy');
  }
  const reveal = role !== undefined && form.masking.reveal.get(policy)?.has(role) === true;
  const masks = new Map<string, MaskKind>();
  for (const field of form.allFields) if (field.pii !== undefined) masks.set(field.key, field.mask);
  for (const [key, kind] of form.masking.policies.get(policy) ?? []) masks.set(key, kind);
  return { reveal, role, masks };
};

/** Whether `role` may read the field (a writer may read; without a role, only unrestricted fields). */
export const canRead = (field: FieldIR, role: string | undefined): boolean =>
  field.readRoles === undefined || (role !== undefined && field.readRoles.has(role));

const maskRow = (group: FieldIR, row: unknown, plan: MaskPlan): unknown => {
  if (!isPlainObject(row)) return null;
  const masked: FormValues = {};
  for (const child of group.children) {
    if (!hasOwn(row, child.id) || !canRead(child, plan.role)) continue;
    const kind = plan.reveal ? undefined : plan.masks.get(child.key);
    masked[child.id] = kind === undefined ? copy(row[child.id]) : maskValue(row[child.id], kind);
  }
  return masked;
};

/**
 * A masked copy of `values` under `plan`: fields the role may not read are dropped, the others
 * masked as the plan says, group rows field by field; unknown keys are dropped. Never mutates `values`.
 */
export const maskValues = (form: InternalForm, values: unknown, plan: MaskPlan): FormValues => {
  const masked: FormValues = {};
  if (!isPlainObject(values)) return masked;
  for (const field of form.fields) {
    if (!hasOwn(values, field.id) || !canRead(field, plan.role)) continue;
    const value = values[field.id];
    if (field.newRowScope !== undefined) {
      masked[field.id] = Array.isArray(value) ? value.map((row) => maskRow(field, row, plan)) : null;
      continue;
    }
    const kind = plan.reveal ? undefined : plan.masks.get(field.key);
    masked[field.id] = kind === undefined ? copy(value) : maskValue(value, kind);
  }
  return masked;
};
