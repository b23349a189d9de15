import type { FieldIR, InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';

/** One answer in a copy of the values: a top-level field's, or a field's in one group row. */
export interface AnswerSlot {
  readonly field: FieldIR;
  /** `contactPhone`, `contacts.1.tel`: what errors name. */
  readonly path: string;
  /** The object holding the answer under `field.id`, written in place: it is the caller's copy. */
  readonly holder: Record<string, unknown>;
}

/**
 * A deep JSON copy of values, never sharing an object with them. Not for a FormRecord: its history
 * holds the same answers as its values, and sealing the values alone would leave them plain there.
 */
export const copyValues = (values: unknown, call: string): FormValues => {
  if (!isPlainObject(values)) throw new FormUsageError('bad-argument', `${call} takes the values of a form (an object)`);
  if (typeof values.formId === 'string' && isPlainObject(values.values) && Array.isArray(values.history)) {
    throw new FormUsageError('bad-argument', `${call} takes values, not a record: a record's history holds its answers too`);
  }
  const { value, unreadable } = readJson(values);
  if (unreadable.length > 0) throw new FormUsageError('bad-argument', `${call}: values must be JSON data (not so at ${unreadable.slice(0, 5).map((path) => `'${path}'`).join(', ')})`);
  return value as FormValues;
};

/** Every answer present in `values`, top-level and in group rows, in definition order. */
export const answerSlots = (form: InternalForm, values: FormValues): AnswerSlot[] => {
  const slots: AnswerSlot[] = [];
  for (const field of form.fields) {
    if (!hasOwn(values, field.id)) continue;
    if (field.type !== 'group') {
      slots.push({ field, path: field.id, holder: values });
      continue;
    }
    const rows = values[field.id];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: unknown, index) => {
      if (!isPlainObject(row)) return;
      for (const child of field.children) {
        if (hasOwn(row, child.id)) slots.push({ field: child, path: `${field.id}.${index}.${child.id}`, holder: row });
      }
    });
  }
  return slots;
};
