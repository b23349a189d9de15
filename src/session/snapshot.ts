import type { ValidationIssue } from '../core/issues';
import type { FormValues } from '../core/values';
import { errorLookup, isValid, NO_ERRORS } from './engine';
import { touchKey } from './sessionPaths';
import { internalOf, withInternal, type SessionInternal } from './sessionState';
import type { FieldSnapshot, SessionEventError, SessionOrigin, SessionSnapshot } from './sessionTypes';
import { sessionWork } from './sessionWork';
import { shapesOf } from './shapes';


/** What a snapshot holds besides the evaluated fields. */
export interface SnapshotParts {
  readonly status: SessionSnapshot['status'];
  readonly values: FormValues;
  readonly locale: string;
  readonly submitted: FormValues | undefined;
  readonly eventError: SessionEventError | undefined;
}

const sameIssues = (a: readonly ValidationIssue[], b: readonly ValidationIssue[]): boolean =>
  a === b || (a.length === b.length && a.every((issue, i) => {
    const other = b[i] as ValidationIssue;
    return issue.path === other.path && issue.code === other.code && issue.message === other.message;
  }));

/** The origin of the snapshot being built: the previous one's while the session's start and next row key stay. */
const originOf = (internal: SessionInternal, previous: SessionSnapshot | undefined): SessionOrigin => {
  const before = previous === undefined ? undefined : internalOf(previous);
  const timeZone = internal.options.timeZone;
  if (previous !== undefined && before !== undefined && before.initial === internal.initial && before.now === internal.now &&
    before.options.timeZone === timeZone && before.nextRowKey === internal.nextRowKey) return previous.origin;
  return Object.freeze({
    values: internal.initial,
    now: internal.now.toISOString(),
    ...(timeZone === undefined ? {} : { timeZone }),
    nextRowKey: internal.nextRowKey,
  });
};

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Builds the next snapshot from the session state, sharing every part that did not change with the
 * previous snapshot: a field's object keeps its identity while nothing about it changes, so a
 * renderer re-renders only what changed. `dirty` names the top-level fields to look at again
 * ('all' after a locale switch or a rebuild); the others are taken from `previous` as they are.
 */
export const materialize = (
  internal: SessionInternal,
  parts: SnapshotParts,
  previous: SessionSnapshot | undefined,
  dirty: ReadonlySet<string> | 'all',
): SessionSnapshot => {
  const { engine, form, rowKeys, touched } = internal;
  const incremental = previous !== undefined && dirty !== 'all';
  // Top-level states first, in definition order, as one fixed shape; then each group's row paths.
  const top: Record<string, FieldSnapshot> = incremental ? (previous.fields as Record<string, FieldSnapshot>) : {};
  let errorsChanged = !incremental;
  const build = (path: string, id: string, errorsAt: { lookup?: (path: string) => readonly ValidationIssue[] }): FieldSnapshot => {
    sessionWork.fieldsBuilt++;
    const before = previous?.fields[path];
    const state = engine.states[path];
    const isTouched = touched.has(touchKey(path, rowKeys));
    const found = isTouched ? (errorsAt.lookup ??= errorLookup(engine, id))(path) : NO_ERRORS;
    const errors = before !== undefined && sameIssues(before.errors, found) ? before.errors : found.length === 0 ? NO_ERRORS : found;
    if (before?.errors !== errors) errorsChanged = true;
    return before !== undefined && before.visible === state?.visible && before.required === state.required &&
      before.readonly === state.readonly && before.touched === isTouched && before.errors === errors
      ? before
      : Object.freeze({ visible: state?.visible ?? false, required: state?.required ?? false, readonly: state?.readonly ?? true, touched: isTouched, errors });
  };
  const changedTop: [string, FieldSnapshot][] = [];
  // A keystroke touches a few fields of hundreds: only those are looked at.
  if (incremental) {
    for (const id of dirty) if (form.topLevelIds.has(id)) changedTop.push([id, build(id, id, {})]);
  } else {
    for (const field of form.fields) top[field.id] = build(field.id, field.id, {});
  }
  const shapes = shapesOf(form);
  const fields = shapes.fields(top) as Record<string, FieldSnapshot>;
  for (const [path, entry] of changedTop) fields[path] = entry;
  for (const field of shapes.groups) {
    const fresh = !incremental || dirty.has(field.id);
    // Rows added or removed change which errors show.
    if (fresh) errorsChanged = true;
    const errorsAt = {};
    for (const path of engine.paths.get(field.id) ?? []) {
      if (path === field.id) continue;
      fields[path] = fresh ? build(path, field.id, errorsAt) : (previous?.fields[path] as FieldSnapshot);
    }
  }
  let shown: readonly ValidationIssue[];
  if (!errorsChanged && previous !== undefined) shown = previous.errors;
  else {
    const list: ValidationIssue[] = [...engine.rootErrors];
    for (const field of form.fields) {
      for (const path of engine.paths.get(field.id) ?? []) for (const error of (fields[path] as FieldSnapshot).errors) list.push(error);
    }
    shown = list;
  }
  const rows: Record<string, readonly string[]> = {};
  for (const [group, keys] of rowKeys) rows[group] = keys;
  const sameRows = previous !== undefined && Object.keys(previous.rows).length === rowKeys.size &&
    [...rowKeys].every(([group, keys]) => previous.rows[group] === keys);
  const tags = previous !== undefined && sameList(previous.tags, engine.tags) ? previous.tags : Object.freeze([...engine.tags]);
  const errors = previous !== undefined && (shown === previous.errors || sameIssues(previous.errors, shown)) ? previous.errors : Object.freeze(shown);
  const snapshot: SessionSnapshot = {
    status: parts.status,
    values: parts.values,
    fields: Object.freeze(fields),
    errors,
    valid: isValid(engine),
    tags,
    locale: parts.locale,
    role: internal.options.role,
    rows: sameRows ? previous.rows : Object.freeze(rows),
    submitted: parts.submitted,
    eventError: parts.eventError,
    origin: originOf(internal, previous),
  };
  sessionWork.snapshots++;
  engine.owner = snapshot;
  return Object.freeze(withInternal(snapshot, internal));
};
