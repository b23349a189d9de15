import type { InternalForm } from '../compile/internalForm';
import type { FormValues } from '../core/values';
import { formatDateToken } from './autoIds';

/**
 * Fills the fields the system keeps (R9): created / last-updated time, as `YYYY-MM-DD HH:mm:ss` in
 * the form's time zone, and who created / last updated the record.
 */
export const fillAutoFields = (form: InternalForm, values: FormValues, act: { readonly by: string; readonly now: Date }, creating: boolean): FormValues => {
  let filled = values;
  for (const field of form.fields) {
    if (field.auto === undefined || (!creating && (field.auto === 'createdAt' || field.auto === 'createdBy'))) continue;
    const value = field.auto === 'createdBy' || field.auto === 'updatedBy'
      ? act.by
      : formatDateToken('yyyy-MM-dd HH:mm:ss', act.now, form.timeZone);
    filled = { ...filled, [field.id]: value };
  }
  return filled;
};
