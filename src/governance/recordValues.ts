import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';

/**
 * The values of a FormRecord, or the values object itself; undefined for what is neither. A record of
 * another form is a FormUsageError: its answers would land in this form's columns and keys. Records
 * of an earlier version of this form are read as they are (an export spans every version collected).
 */
export const recordValues = (form: InternalForm, item: unknown): FormValues | undefined => {
  if (!isPlainObject(item)) return undefined;
  if (typeof item.formId === 'string' && isPlainObject(item.values) && Array.isArray(item.history)) {
    if (item.formId !== form.id) throw new FormUsageError('bad-argument', `a record of form '${item.formId}' is not a record of '${form.id}'`);
    return item.values;
  }
  return item;
};
