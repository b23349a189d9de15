import type { InternalForm } from '../compile/internalForm';
import type { FormValues } from '../core/values';
import type { PassOptions } from '../validate/pass';
import { evaluateAll } from './engine';
import { deepFreeze } from './initialValues';
import { parsePath, rowCount, touchKey } from './sessionPaths';
import type { SessionInternal } from './sessionState';
import { materialize } from './snapshot';
import type { SessionSnapshot } from './sessionTypes';

/** What a session starts from. */
export interface SessionStart {
  readonly form: InternalForm;
  readonly values: FormValues;
  readonly options: PassOptions;
  readonly clock: { readonly now: Date; readonly fixed: boolean };
  /** What `reset` returns to; default `values`. */
  readonly initial?: FormValues;
  /** The number in the first new row key; default 1. */
  readonly nextRowKey?: number;
  /** Dotted paths touched from the start (a resumed draft's); paths naming no field or row are ignored. */
  readonly touched?: readonly string[];
}

/** A key per row of each group, numbered from `start`. */
export const rowKeysFor = (form: InternalForm, values: FormValues, start: number): { rowKeys: Map<string, readonly string[]>; next: number } => {
  const rowKeys = new Map<string, readonly string[]>();
  const rows = rowCount(values);
  let next = start;
  for (const field of form.fields) {
    if (field.newRowScope !== undefined) rowKeys.set(field.id, Object.freeze(Array.from({ length: rows(field.id) }, () => `r${next++}`)));
  }
  return { rowKeys, next };
};

/**
 * Touched keys of dotted paths, all in one step: a draft with thousands of touched rows is restored
 * in one pass and one snapshot, not one `blur` (and one snapshot) per path.
 */
export const touchedKeys = (form: InternalForm, values: FormValues, rowKeys: ReadonlyMap<string, readonly string[]>, paths: Iterable<string>): Set<string> => {
  const touched = new Set<string>();
  const rows = rowCount(values);
  for (const path of paths) if (parsePath(form, path, rows) !== undefined) touched.add(touchKey(path, rowKeys));
  return touched;
};

/** The first snapshot of a session (or of a reset): its values evaluated in full. */
export const initialSnapshot = (start: SessionStart): SessionSnapshot => {
  const { form, options, clock } = start;
  const values = deepFreeze(start.values);
  const { rowKeys, next } = rowKeysFor(form, values, start.nextRowKey ?? 1);
  const internal: SessionInternal = {
    form, options, engine: evaluateAll(form, values, options), touched: touchedKeys(form, values, rowKeys, start.touched ?? []), rowKeys,
    nextRowKey: next, initial: deepFreeze(start.initial ?? values), now: clock.now, fixedClock: clock.fixed,
  };
  return materialize(internal, { status: 'editing', values, locale: options.locale, submitted: undefined, eventError: undefined }, undefined, 'all');
};
