import type { FieldIR } from '../compile/internalForm';
import type { ValidationIssue } from '../core/issues';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { accessOf } from './fieldAccess';
import { recordIssue } from './recordIssue';
import { lockedAt, sameAnswer, storedAnswer, type StoredView } from './storedView';

export interface MergedRows {
  /** The rows to validate: what the role sent, with every answer it may not change carried in. */
  readonly rows: unknown[];
  readonly problems: ValidationIssue[];
  /** True when the role sent fewer rows than are stored: rows no longer line up by index. */
  readonly removed: boolean;
}

const FORBIDDEN = { code: 'forbidden' } as const;

/**
 * A group's rows as the role sends them, merged into the stored rows by index. A sent row is the
 * role's answer for the row fields it may change. Every other row field keeps the stored answer
 * of the row at that index: one the role may not read (any value sent for it is `forbidden`, never
 * compared), and one it may read but not change (no access, or `readonlyIf`), unless it sends a
 * different value (`forbidden`). Rows the role adds have no stored answers.
 *
 * Removing rows re-lays them: with rows matched by index, the rows after a removed one would take
 * the stored answers of the rows before them. So a role that may not read every row field may not
 * remove rows at all (it cannot see what it would drop or move): `forbidden` at the group, whatever
 * the rows hold, so that the refusal says nothing about them. A role that reads every row field
 * sends the rows whole; what it may not change must then be what is stored at each index.
 */
export const mergeRows = (view: StoredView, group: FieldIR, sent: readonly unknown[]): MergedRows => {
  const stored = hasOwn(view.values, group.id) && Array.isArray(view.values[group.id]) ? (view.values[group.id] as readonly unknown[]) : [];
  const removed = sent.length < stored.length;
  const children = group.children.map((child) => ({ child, ...accessOf(child, view.actor) }));
  const problems: ValidationIssue[] = [];
  const forbid = (child: FieldIR, row: number): void => {
    problems.push(recordIssue(view.form, `${group.id}.${row}.${child.id}`, FORBIDDEN, child, row, view.locale));
  };
  if (removed && children.some((entry) => !entry.readable)) {
    return { rows: [...stored], problems: [recordIssue(view.form, group.id, FORBIDDEN, group, undefined, view.locale)], removed };
  }
  const rows = sent.map((sentRow, index) => {
    if (!isPlainObject(sentRow)) return sentRow;
    const row: FormValues = { ...sentRow };
    for (const { child, readable, writable } of children) {
      const before = storedAnswer(view, child, index);
      const given = hasOwn(sentRow, child.id);
      if (!readable) {
        if (given) forbid(child, index);
        if (before === undefined) delete row[child.id];
        else row[child.id] = before;
        continue;
      }
      if (child.compute !== undefined || (writable && !(view.locks && lockedAt(view, child, index)))) continue;
      if (!given && !removed) {
        if (before !== undefined) row[child.id] = before;
        continue;
      }
      if (!sameAnswer(view, child, before, given ? sentRow[child.id] : undefined)) forbid(child, index);
    }
    return row;
  });
  // The rows dropped off the end: what the role may not change must not be stored there.
  for (let index = sent.length; index < stored.length; index++) {
    for (const { child, writable } of children) {
      if (child.compute !== undefined || (writable && !(view.locks && lockedAt(view, child, index)))) continue;
      if (!sameAnswer(view, child, storedAnswer(view, child, index), undefined)) forbid(child, index);
    }
  }
  return { rows, problems, removed };
};
