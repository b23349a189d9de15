import type { InternalForm } from '../compile/internalForm';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { PassResult } from '../validate/runPass';

const hidden = (result: PassResult, path: string): boolean => result.states?.[path]?.visible === false;

/**
 * The system pass's values with every stored answer it left out because its field is hidden put
 * back. On a record, hiding is not an edit: a customer who switches 客户类型 to 个人 does not erase
 * the credit limit a clerk entered for the company, which reads as unanswered in every condition
 * while hidden and is in effect again when the field shows. What a role sends for a hidden field is
 * not taken (as validate does not take it), so the stored answer stays. Rows are matched by index,
 * except in `relaid` groups, whose rows the role removed and sent whole: nothing lines up there.
 * Computed fields are derived, never kept. `result` must come from a pass that kept states.
 */
export const keepHiddenAnswers = (form: InternalForm, stored: FormValues, result: PassResult, relaid: ReadonlySet<string> = new Set()): FormValues => {
  const values: FormValues = { ...result.values };
  for (const field of form.fields) {
    if (field.compute !== undefined || !hasOwn(stored, field.id) || stored[field.id] === undefined) continue;
    if (hidden(result, field.id)) {
      values[field.id] = stored[field.id];
      continue;
    }
    const rows = values[field.id];
    const storedRows = stored[field.id];
    if (field.type !== 'group' || relaid.has(field.id) || !Array.isArray(rows) || !Array.isArray(storedRows)) continue;
    values[field.id] = rows.map((row: unknown, index) => {
      const storedRow: unknown = storedRows[index];
      if (!isPlainObject(row) || !isPlainObject(storedRow)) return row;
      let kept = row;
      for (const child of field.children) {
        if (child.compute !== undefined || !hasOwn(storedRow, child.id) || !hidden(result, `${field.id}.${index}.${child.id}`)) continue;
        if (kept === row) kept = { ...row };
        kept[child.id] = storedRow[child.id];
      }
      return kept;
    });
  }
  return values;
};
