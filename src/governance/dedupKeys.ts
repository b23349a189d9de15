import type { InternalForm } from '../compile/internalForm';
import { asSealedValue, claimsSealed } from '../core/sealedValue';
import { normalizeKey } from './normalizeKey';
import { recordValues } from './recordValues';

export interface DedupKey {
  /** The dedup rule's id. */
  readonly id: string;
  /**
   * `phone:13812345678`: the rule's id, then each field's normalised value, joined by '|' (a '|' or '\\'
   * inside one escaped with '\\'). A sealed answer gives `h:` and its blind index (`phone:h:3q2…`),
   * never its plain value; a plain value starting `h:` is written `\h:`, so the two never meet.
   */
  readonly key: string;
}

// '|' joins the fields, so a '|' (or the escape) inside one is escaped: {a:'x|y', b:'z'} and
// {a:'x', b:'y|z'} must not meet.
const plainPart = (text: string): string => {
  const escaped = text.replace(/[\\|]/g, '\\$&');
  return escaped.startsWith('h:') ? `\\${escaped}` : escaped;
};

/** A field's part of a key: the blind index of a sealed answer, else the normalised plain one ('' for nothing). */
const part = (value: unknown, normalizers: readonly string[]): string => {
  if (!claimsSealed(value)) return plainPart(normalizeKey(value, normalizers));
  // The index was computed from the normalised answer when it was sealed; a sealed value without one
  // (it normalised to nothing) or a broken one is no answer to compare.
  const bi = asSealedValue(value)?.bi;
  return bi === undefined ? '' : `h:${bi}`;
};

/**
 * The duplicate keys of values (or a FormRecord's values), one per `dedup` rule of the definition:
 * two records with an equal key are the same customer (R18). A rule gives no key when any of its
 * fields is empty once normalised. Sealed answers are compared by their keyed blind index, so two
 * records sealed with the same index key meet as their plain answers would; a sealed record and a
 * plain one never do.
 */
export const dedupKeys = (form: InternalForm, item: unknown): DedupKey[] => {
  const values = recordValues(form, item);
  if (values === undefined) return [];
  const keys: DedupKey[] = [];
  for (const rule of form.dedup) {
    const parts = rule.fields.map((field) => part(values[field.id], rule.normalize));
    if (parts.some((text) => text === '')) continue;
    keys.push({ id: rule.id, key: `${rule.id}:${parts.join('|')}` });
  }
  return keys;
};
