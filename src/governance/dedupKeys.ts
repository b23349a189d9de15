import type { InternalForm } from '../compile/internalForm';
import { normalizeKey } from './normalizeKey';
import { recordValues } from './recordValues';

export interface DedupKey {
  /** The dedup rule's id. */
  readonly id: string;
  /** `phone:13812345678`: the rule's id, then each field's normalised value, joined by '|' (a '|' or '\\' inside one escaped with '\\'). */
  readonly key: string;
}

/**
 * The duplicate keys of values (or a FormRecord's values), one per `dedup` rule of the definition:
 * two records with an equal key are the same customer (R18). A rule gives no key when any of its
 * fields is empty once normalised.
 */
export const dedupKeys = (form: InternalForm, item: unknown): DedupKey[] => {
  const values = recordValues(form, item);
  if (values === undefined) return [];
  const keys: DedupKey[] = [];
  for (const rule of form.dedup) {
    const parts = rule.fields.map((field) => normalizeKey(values[field.id], rule.normalize));
    if (parts.some((part) => part === '')) continue;
    // '|' joins the fields, so a '|' (or the escape) inside one is escaped: {a:'x|y', b:'z'} and
    // {a:'x', b:'y|z'} must not meet.
    keys.push({ id: rule.id, key: `${rule.id}:${parts.map((part) => part.replace(/[\\|]/g, '\\$&')).join('|')}` });
  }
  return keys;
};
