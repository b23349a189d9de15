import type { LocalizedText } from '../core/definitionTypes';
import { isPlainObject } from '../core/reserved';

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
};

/**
 * A definition part as JSON with object keys sorted: two versions that say the same thing in another
 * key order compare equal. Definitions are frozen JSON, so this never meets a cycle or a getter.
 */
export const canonical = (value: unknown): string => JSON.stringify(sortKeys(value)) ?? 'none';

/** A limit, option or condition as a change's detail shows it: `none` when absent. */
export const show = (value: unknown): string => {
  if (value === undefined) return 'none';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return value.map(show).join(', ');
  return typeof value === 'object' ? canonical(value) : String(value);
};

/** A label in one language for a detail: the form's default locale, else English, else any. */
export const textOf = (text: LocalizedText | undefined, locale: string): string => {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
};
