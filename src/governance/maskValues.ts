import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { MaskKind } from '../core/definitionTypes';
import { formatPiiKind } from '../core/personalKind';
import { FormUsageError } from '../core/issues';
import { hasOwn, isPlainObject } from '../core/reserved';
import { closest } from '../core/suggest';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';
import { maskChecked } from './maskValue';

// Plain values are copied: the masked values never share an object with the input, and hold only
// what JSON can (a bigint or a function is no answer a person gave).
const copy = (value: unknown): unknown => {
  if (typeof value === 'object' && value !== null) return readJson(value).value;
  return typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol' ? null : value;
};
const masked = (value: unknown, kind: MaskKind | undefined): unknown => (kind === undefined || kind === 'none' ? copy(value) : maskChecked(value, kind));

/** The mask a field gets when no policy names it: its `pii` kind's, its personal format's, or none. */
export const personalMask = (field: FieldIR): MaskKind | undefined => {
  if (field.pii !== undefined) return field.mask;
  return field.type === 'text' || field.type === 'textarea' ? formatPiiKind((field.def as { format?: unknown }).format) : undefined;
};

/** Every field's personal mask, group rows included. */
export const personalMasks = (form: InternalForm): Map<string, MaskKind> => {
  const masks = new Map<string, MaskKind>();
  for (const field of form.allFields) {
    const kind = personalMask(field);
    if (kind !== undefined) masks.set(field.key, kind);
  }
  return masks;
};

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
  if (policy === undefined) throw new FormUsageError('bad-option', `mask needs a \`policy\` (policies: ${names.join(', ') || 'none'})`, 'policy');
  if (typeof policy !== 'string' || !form.masking.policies.has(policy)) {
    const suggestion = typeof policy === 'string' ? closest(policy, names) : undefined;
    throw new FormUsageError('bad-option', `form '${form.id}' has no masking policy '${String(policy)}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (policies: ${names.join(', ') || 'none'})`, 'policy');
  }
  const reveal = role !== undefined && form.masking.reveal.get(policy)?.has(role) === true;
  const masks = personalMasks(form);
  for (const [key, kind] of form.masking.policies.get(policy) ?? []) masks.set(key, kind);
  return { reveal, role, masks };
};

/** Whether `role` may read the field (a writer may read; without a role, only unrestricted fields). */
export const canRead = (field: FieldIR, role: string | undefined): boolean =>
  field.readRoles === undefined || (role !== undefined && field.readRoles.has(role));

// A mask on the group itself (`"family": "full"`, or the group's `pii`) covers every field of its rows
// that has none of its own.
const maskRow = (group: FieldIR, row: unknown, plan: MaskPlan, groupKind: MaskKind | undefined): unknown => {
  if (!isPlainObject(row)) return null;
  const result: FormValues = {};
  for (const child of group.children) {
    if (!hasOwn(row, child.id) || !canRead(child, plan.role)) continue;
    result[child.id] = masked(row[child.id], plan.reveal ? undefined : plan.masks.get(child.key) ?? groupKind);
  }
  return result;
};

/**
 * A masked copy of `values` under `plan`: fields the role may not read are dropped, the others
 * masked as the plan says, group rows field by field; unknown keys are dropped. Never mutates `values`.
 */
export const maskValues = (form: InternalForm, values: unknown, plan: MaskPlan): FormValues => {
  const result: FormValues = {};
  if (!isPlainObject(values)) return result;
  for (const field of form.fields) {
    if (!hasOwn(values, field.id) || !canRead(field, plan.role)) continue;
    const value = values[field.id];
    const kind = plan.reveal ? undefined : plan.masks.get(field.key);
    if (field.newRowScope !== undefined) {
      result[field.id] = Array.isArray(value) ? Array.from(value, (row) => maskRow(field, row, plan, kind === 'none' ? undefined : kind)) : null;
      continue;
    }
    result[field.id] = masked(value, kind);
  }
  return result;
};
