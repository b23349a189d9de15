import type { FieldIR, InternalForm } from '../compile/internalForm';
import { grants } from '../core/owner';
import { hasOwn } from '../core/reserved';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';

/** Whether `role` may send a value for the field (as validate decides it: a session's values will be its filler's own). */
export const canWrite = (field: FieldIR, role: string | undefined): boolean =>
  field.writeRoles === undefined ? field.type !== 'autoId' && field.compute === undefined : grants(field.writeRoles, role, true);

/** A new row of a group: its fields' defaults. */
export const newRow = (group: FieldIR, role: string | undefined): FormValues => {
  const row: FormValues = {};
  for (const child of group.children) if (child.defaultValue !== undefined && canWrite(child, role)) row[child.id] = child.defaultValue.value;
  return row;
};

/**
 * The values a session starts from: each field's `default` (for fields the role may write: a
 * customer's session does not start with a staff-only status), then the given values, read once as
 * JSON. Keys that name no field are dropped: a session holds only what the form can show.
 */
export const initialValues = (form: InternalForm, given: unknown, role: string | undefined): FormValues => {
  const values: FormValues = {};
  for (const field of form.fields) {
    if (field.defaultValue !== undefined && canWrite(field, role)) values[field.id] = field.defaultValue.value;
  }
  const read = readJson(given).value;
  if (typeof read === 'object' && read !== null && !Array.isArray(read)) {
    const source = read as FormValues;
    for (const key of Object.keys(source)) {
      if (form.topLevelIds.has(key) && hasOwn(source, key)) values[key] = source[key];
    }
  }
  return values;
};

/** Freezes a values object and everything in it (values are JSON: objects and arrays only). */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
};
