import { hasOwn, isPlainObject } from '../core/reserved';
import { checkShape } from './checkShape';
import type { IssueCollector } from './issueCollector';
import { VARIANT_ONLY_KEYS } from './mergeVariant';
import { NOT_OVERRIDABLE } from './variantOverrides';

type Raw = Readonly<Record<string, unknown>>;
const listAt = (def: Raw, key: string): readonly unknown[] => (Array.isArray(def[key]) ? (def[key] as unknown[]) : []);
const objectAt = (value: unknown): Raw => (isPlainObject(value) ? value : {});

/** A definition without `extends` that uses a variant's keys: they would change a base it does not have. */
export const checkVariantKeys = (def: Raw, issues: IssueCollector): void => {
  for (const key of VARIANT_ONLY_KEYS) if (key !== 'extends' && hasOwn(def, key)) issues.issue('schema', key, 'variant-only', { name: key });
};

/**
 * A variant's own shape, before anything is looked up in its base: the JSON Schema, and what the
 * schema cannot say (one thing per `remove` entry, one target per `add` entry, `after` or
 * `before`, keys an override may not change, no `sections` of its own).
 */
export const checkVariantShape = (def: Raw, issues: IssueCollector): void => {
  checkShape(def, issues);
  if (hasOwn(def, 'sections')) issues.issue('schema', 'sections', 'variant-sections');
  if (hasOwn(def, 'derivedFrom')) issues.issue('schema', 'derivedFrom', 'derived-from');
  listAt(def, 'remove').forEach((entry, index) => {
    if (isPlainObject(entry) && Object.keys(entry).length > 1) issues.issue('schema', `remove.${index}`, 'one-key');
  });
  listAt(def, 'add').forEach((entry, index) => {
    if (!isPlainObject(entry)) return;
    const targets = ['section', 'group', 'sections'].filter((key) => hasOwn(entry, key));
    const fieldsFit = hasOwn(entry, 'fields') === (targets[0] !== 'sections');
    if (targets.length !== 1 || !fieldsFit) issues.issue('schema', `add.${index}`, 'add-target');
    if (hasOwn(entry, 'after') && hasOwn(entry, 'before')) issues.issue('schema', `add.${index}`, 'after-before');
  });
  for (const [key, patch] of Object.entries(objectAt(def.fields))) {
    for (const name of Object.keys(objectAt(patch))) if (NOT_OVERRIDABLE.has(name)) issues.issue('schema', `fields.${key}.${name}`, 'not-overridable', { name });
  }
  for (const [key, change] of Object.entries(objectAt(def.options))) {
    const given = objectAt(change);
    if (hasOwn(given, 'after') && hasOwn(given, 'before')) issues.issue('schema', `options.${key}`, 'after-before');
  }
};
