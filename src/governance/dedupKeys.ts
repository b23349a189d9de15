import type { InternalForm } from '../compile/internalForm';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { normalizeKey } from './normalizeKey';

export interface DedupKey {
  /** The dedup rule's id. */
  readonly id: string;
  /** `phone:13812345678`: the rule's id, then each field's normalised value, joined by '|'. */
  readonly key: string;
}

/** The values of a FormRecord, or the values object itself. */
export const valuesOf = (item: unknown): FormValues | undefined => {
  if (!isPlainObject(item)) return undefined;
  if (typeof item.formId === 'string' && isPlainObject(item.values) && Array.isArray(item.history)) return item.values;
  return item;
};

/**
 * The duplicate keys of values (or a FormRecord's values), one per `dedup` rule of the definition:
 * two records with an equal key are the same customer (R18). A rule gives no key when any of its
 * fields is empty once normalised.
 */
export const dedupKeys = (form: InternalForm, item: unknown): DedupKey[] => {
  const values = valuesOf(item);
  if (values === undefined) return [];
  const keys: DedupKey[] = [];
  for (const rule of form.dedup) {
    const parts = rule.fields.map((field) => normalizeKey(values[field.id], rule.normalize));
    if (parts.some((part) => part === '')) continue;
    keys.push({ id: rule.id, key: `${rule.id}:${parts.join('|')}` });
  }
  return keys;
};
