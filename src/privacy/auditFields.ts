import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { MaskKind } from '../core/definitionTypes';
import { hasOwn, isPlainObject } from '../core/reserved';
import { canRead, type MaskPlan } from '../governance/maskValues';

const masks = (kind: MaskKind | undefined): boolean => kind !== undefined && kind !== 'none';

const answered = (field: FieldIR, holder: Readonly<Record<string, unknown>>): boolean =>
  hasOwn(holder, field.id) && !field.value.isEmpty(holder[field.id]);

/**
 * The keys of the fields a masking plan shows in plain that it would otherwise mask, and that hold
 * an answer in `values` — what `revealEntry` is given after a `mask` or an export row under a
 * revealing role. Empty when the plan reveals nothing (its role is not in the policy's `reveal`):
 * a masked read is no reveal. A row field counts when any row answers it, under its own mask or
 * its group's, as `maskValues` applies them. Definition order.
 */
export const revealedFields = (form: InternalForm, plan: MaskPlan, values: unknown): string[] => {
  const keys: string[] = [];
  if (!plan.reveal || !isPlainObject(values)) return keys;
  for (const field of form.fields) {
    if (!canRead(field, plan.role) || !hasOwn(values, field.id)) continue;
    const kind = plan.masks.get(field.key);
    if (field.newRowScope === undefined) {
      if (masks(kind) && answered(field, values)) keys.push(field.key);
      continue;
    }
    const rows = values[field.id];
    if (!Array.isArray(rows)) continue;
    const groupKind = kind === 'none' ? undefined : kind;
    for (const child of field.children) {
      if (!canRead(child, plan.role) || !masks(plan.masks.get(child.key) ?? groupKind)) continue;
      if ((rows as readonly unknown[]).some((row) => isPlainObject(row) && answered(child, row))) keys.push(child.key);
    }
  }
  return keys;
};
