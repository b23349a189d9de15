import type { FieldIR, InternalForm } from '../compile/internalForm';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { Scope, Slot } from '../fields/fieldKind';
import { truthy } from '../logic/truthy';
import { sameValue } from '../validate/sameValue';
import type { Actor } from './ownership';
import type { ActContext } from './recordContext';
import { systemPass } from './recordPass';

/**
 * The stored record as the system sees it, against which a role's changes are judged: locks
 * (`readonlyIf`) are read on what is stored, never on what the role sends, so that an edit cannot
 * unlock itself.
 */
export interface StoredView {
  readonly form: InternalForm;
  readonly values: FormValues;
  readonly scope: Scope;
  /** Whose changes: their role, and whether they own the record. */
  readonly actor: Actor;
  /**
   * Whether `readonlyIf` holds changes back. A change request is not held back: it is how a locked
   * record (an archived file) changes, with a reviewer's approval in place of the lock.
   */
  readonly locks: boolean;
  readonly locale: string;
}

export const storedView = (form: InternalForm, values: FormValues, act: ActContext, actor: Actor, locks = true): StoredView =>
  ({ form, values, scope: systemPass(form, values, act).scope, actor, locks, locale: act.locale });

/** The stored answer of a top-level field, or of a row field in row `row`; undefined when there is none. */
export const storedAnswer = (view: StoredView, field: FieldIR, row: number | undefined): unknown => {
  if (field.group === undefined) return hasOwn(view.values, field.id) ? view.values[field.id] : undefined;
  const rows = hasOwn(view.values, field.group.id) ? view.values[field.group.id] : undefined;
  const stored = Array.isArray(rows) && row !== undefined ? (rows[row] as unknown) : undefined;
  return isPlainObject(stored) && hasOwn(stored, field.id) ? stored[field.id] : undefined;
};

/**
 * Whether `readonlyIf` locks a field in the stored record. A row field is judged in its row; a row
 * the role adds is judged as an empty row of the stored record (what it has is the role's own doing).
 */
export const lockedAt = (view: StoredView, field: FieldIR, row: number | undefined): boolean => {
  if (field.readonly === undefined) return false;
  const group = field.group;
  if (group === undefined) return truthy(field.readonly(view.scope));
  // The pass keeps a group's row scopes in its slot, one per stored row when every row is an object.
  const scopes = view.scope[group.id];
  const stored = hasOwn(view.values, group.id) ? view.values[group.id] : undefined;
  const aligned = Array.isArray(scopes) && Array.isArray(stored) && scopes.length === stored.length;
  const rowScope = aligned && row !== undefined && row < scopes.length ? (scopes[row] as Scope) : (group.newRowScope as () => Scope)();
  const saved = view.scope.$row;
  view.scope.$row = rowScope;
  try {
    return truthy(field.readonly(view.scope));
  } finally {
    view.scope.$row = saved;
  }
};

/**
 * Whether a value the role sent is the stored answer: as sent, once normalised (`+86 138…` is
 * `138…`), or both unanswered. Only ever asked for a field the role may read: comparing a value it
 * cannot see with what is stored would let it test guesses.
 */
export const sameAnswer = (view: StoredView, field: FieldIR, stored: unknown, sent: unknown): boolean => {
  if (sameValue(stored, sent)) return true;
  if (field.value.isEmpty(stored) && field.value.isEmpty(sent)) return true;
  const slot: Slot = { value: undefined };
  return field.value.accept(sent, view.scope, slot) === undefined && sameValue(stored, slot.value);
};
