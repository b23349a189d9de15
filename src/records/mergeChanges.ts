import type { ValidationIssue } from '../core/issues';
import { hasOwn } from '../core/reserved';
import type { FormValues } from '../core/values';
import { sameValue } from '../validate/sameValue';
import { accessOf } from './fieldAccess';
import { mergeRows } from './mergeRows';
import { recordIssue } from './recordIssue';
import { lockedAt, sameAnswer, type StoredView } from './storedView';

export interface MergedChanges {
  /** The stored values with the role's changes in, to be validated by the system pass. */
  readonly values: FormValues;
  /** What the role may not do: `unknownField`, `forbidden`. */
  readonly problems: ValidationIssue[];
  /** Groups whose rows the role removed: their rows are taken as sent, not matched to stored ones. */
  readonly relaid: ReadonlySet<string>;
}

const FORBIDDEN = { code: 'forbidden' } as const;

/**
 * The role's changes merged into the stored values, field by field: a field it does not send keeps
 * its stored answer. A value sent for a field the role may not read is `forbidden` whatever it is
 * (never compared with what is stored, or a right guess would pass where a wrong one fails); one
 * for a field it may read but not change (no access, an auto id, `readonlyIf` on the stored record)
 * is `forbidden` unless it is the stored answer. Groups are merged row by row (mergeRows). Computed
 * fields are derived: what is sent for them is ignored.
 */
export const mergeChanges = (view: StoredView, changes: FormValues): MergedChanges => {
  const { form } = view;
  const values: FormValues = { ...view.values };
  const problems: ValidationIssue[] = [];
  const relaid = new Set<string>();
  for (const key of Object.keys(changes)) {
    const field = form.fieldsByKey.get(key);
    if (field === undefined || field.group !== undefined) {
      problems.push(recordIssue(form, key, { code: 'unknownField' }, undefined, undefined, view.locale));
      continue;
    }
    const { readable, writable } = accessOf(field, view.actor);
    if (!readable) {
      problems.push(recordIssue(form, key, FORBIDDEN, field, undefined, view.locale));
      continue;
    }
    if (field.compute !== undefined) continue;
    const sent = changes[key];
    const before = hasOwn(view.values, key) ? view.values[key] : undefined;
    const fixed = !writable || (view.locks && lockedAt(view, field, undefined));
    // An empty group is no rows: sending null must not drop rows the role could not remove one by one.
    const rows = field.type !== 'group' ? undefined : Array.isArray(sent) ? sent : field.value.isEmpty(sent) ? [] : undefined;
    if (rows === undefined) {
      if (fixed && !sameAnswer(view, field, before, sent)) problems.push(recordIssue(form, key, FORBIDDEN, field, undefined, view.locale));
      values[key] = sent;
      continue;
    }
    const merged = mergeRows(view, field, rows);
    if (merged.removed) relaid.add(key);
    values[key] = merged.rows;
    problems.push(...merged.problems);
    // A group the role may not change is judged whole: the rows it sent, with what it cannot see carried in, must be the stored rows.
    if (fixed && merged.problems.length === 0 && !sameValue(before, merged.rows) && !(field.value.isEmpty(before) && merged.rows.length === 0)) {
      problems.push(recordIssue(form, key, FORBIDDEN, field, undefined, view.locale));
    }
  }
  return { values, problems, relaid };
};
