import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { ValidationIssue } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { Slot } from '../fields/fieldKind';
import { formatIssue } from '../messages/formatIssue';
import { readJson } from '../validate/readJson';
import { sameValue } from '../validate/sameValue';
import { cleanedValues, evaluateAll, isValid, reevaluate, type Engine } from './engine';
import { initialSnapshot } from './initialSnapshot';
import { canWrite, deepFreeze, newRow } from './initialValues';
import { isLocaleTag } from './localeTag';
import { readEvent, type ReadEvent } from './readEvent';
import { reviveSnapshot } from './reviveSnapshot';
import { parsePath, rowCount, touchKey, type PathTarget } from './sessionPaths';
import { internalOf, type SessionInternal } from './sessionState';
import { materialize } from './snapshot';
import { shapesOf } from './shapes';
import type { SessionErrorCode, SessionSnapshot } from './sessionTypes';

const MAX_ROWS = 10_000;

const MESSAGES: Readonly<Record<SessionErrorCode, string>> = {
  'bad-event': 'not an event: expected { type: change | blur | addRow | removeRow | reset | submit | setLocale, … }',
  'unknown-path': 'the path names no field of this form (or no existing row)',
  'not-a-group': 'rows can only be added to or removed from a repeating group',
  'out-of-range': 'there is no row at this index',
  type: 'the value is not of the type this field holds',
  forbidden: 'this role may not change this field',
  readonly: 'this field cannot be changed now',
  'too-many-rows': 'the group already has as many rows as it allows',
  'bad-locale': 'the locale must be a language tag such as zh-CN, zh-TW or en',
};

interface Step {
  readonly internal: SessionInternal;
  readonly snapshot: SessionSnapshot;
  readonly dirty: ReadonlySet<string> | 'all';
}

/**
 * The pure step under a session: the snapshot that follows `snapshot` after `event`. Never throws
 * for a bad event: the state stays as it was and the snapshot carries `eventError`. Returns the same
 * snapshot when nothing changes. A snapshot this module did not make (revived from JSON) is checked
 * and evaluated again first; one that is no snapshot throws FormUsageError (`bad-argument`, or
 * `unknown-role` for a role the form does not declare).
 */
export const transitionSnapshot = (form: InternalForm, given: unknown, event: unknown): SessionSnapshot => {
  let internal = internalOf(given);
  let snapshot = given as SessionSnapshot;
  let dirty: Set<string> | 'all' = new Set();
  if (internal === undefined || internal.form !== form) {
    snapshot = reviveSnapshot(form, given);
    internal = internalOf(snapshot) as SessionInternal;
  } else if (internal.engine.owner !== snapshot) {
    // An older snapshot: its state was handed on. Rebuild it from the snapshot's own values.
    internal = { ...internal, engine: evaluateAll(form, snapshot.values, internal.options) };
    dirty = 'all';
  }
  const step: Step = { internal, snapshot, dirty };
  const read = readEvent(event);
  return read.type === undefined ? refuse(step, 'bad-event', read.name) : apply(step, read);
};

/** A path to name in an error: a string of a path's length at most (it is the sender's input, not repeated at any length). */
const pathOf = (path: unknown): string | undefined => (typeof path === 'string' && path.length <= 300 ? path : undefined);

const refuse = (step: Step, code: SessionErrorCode, event: string, path?: unknown): SessionSnapshot => {
  const { snapshot } = step;
  const named = pathOf(path);
  const eventError = named === undefined ? { code, event, message: MESSAGES[code] } : { code, event, path: named, message: MESSAGES[code] };
  return materialize(step.internal, { ...snapshot, eventError: Object.freeze(eventError) }, snapshot, step.dirty === 'all' ? 'all' : new Set());
};

const unchanged = (step: Step): SessionSnapshot =>
  step.snapshot.eventError === undefined && step.dirty !== 'all' ? step.snapshot : materialize(step.internal, { ...step.snapshot, eventError: undefined }, step.snapshot, step.dirty);

const topId = (target: PathTarget): string => (target.kind === 'row' ? target.group.id : target.field.id);

/** Top-level fields holding a rule error, before and after: their fields' snapshots must be looked at again. */
const ruleFields = (errors: readonly ValidationIssue[], into: Set<string>): void => {
  for (const error of errors) into.add(error.path.split('.')[0] ?? '');
};

/** Applies new values: re-evaluates what the change reaches and builds the next snapshot. */
/** The values with one answer replaced, in the form's fixed shape (see shapes.ts). */
const withValue = (form: InternalForm, values: FormValues, id: string, value: unknown): FormValues => {
  const next = shapesOf(form).values(values) as FormValues;
  next[id] = value;
  return next;
};

const commit = (
  step: Step,
  values: FormValues,
  changed: readonly string[],
  update: Partial<Pick<SessionInternal, 'touched' | 'rowKeys' | 'nextRowKey'>>,
  status: SessionSnapshot['status'] = 'editing',
): SessionSnapshot => {
  const internal: SessionInternal = { ...step.internal, ...update };
  const engine = internal.engine;
  const dirty = step.dirty === 'all' ? 'all' : new Set(step.dirty);
  if (dirty !== 'all') ruleFields(engine.ruleErrors, dirty);
  // Only the changed answers are new: everything else was frozen with the snapshot it came from.
  const frozen = Object.freeze(values);
  for (const id of changed) deepFreeze(values[id]);
  for (const id of reevaluate(internal.form, engine, frozen, changed)) if (dirty !== 'all') dirty.add(id);
  if (dirty !== 'all') {
    ruleFields(engine.ruleErrors, dirty);
    for (const id of changed) dirty.add(id);
  }
  return materialize(internal, { status, values: frozen, locale: step.snapshot.locale, submitted: undefined, eventError: undefined }, step.snapshot, dirty);
};

/** Touches paths without changing values. */
const touch = (step: Step, keys: readonly string[], ids: readonly string[], status?: SessionSnapshot['status'], submitted?: FormValues): SessionSnapshot => {
  const { internal, snapshot } = step;
  const fresh = keys.filter((key) => !internal.touched.has(key));
  if (fresh.length === 0 && (status === undefined || status === snapshot.status)) return unchanged(step);
  const touched = new Set(internal.touched);
  for (const key of fresh) touched.add(key);
  const dirty = step.dirty === 'all' ? 'all' : new Set([...step.dirty, ...ids]);
  return materialize({ ...internal, touched }, { ...snapshot, status: status ?? snapshot.status, submitted, eventError: undefined }, snapshot, dirty);
};

const writeCheck = (step: Step, target: PathTarget, path: string, event: string): SessionSnapshot | undefined => {
  const { engine } = step.internal;
  const field = target.field;
  if (field.compute !== undefined) return refuse(step, 'readonly', event, path);
  const role = engine.options.role;
  const group = target.kind === 'row' ? target.group : undefined;
  if (!canWrite(field, role) || (group !== undefined && group.writeRoles !== undefined && !canWrite(group, role))) return refuse(step, 'forbidden', event, path);
  if (engine.states[path]?.readonly === true || (group !== undefined && engine.states[group.id]?.readonly === true)) return refuse(step, 'readonly', event, path);
  return undefined;
};

const change = (step: Step, event: { readonly path: unknown; readonly value: unknown }): SessionSnapshot => {
  const { internal, snapshot } = step;
  const values = snapshot.values;
  const path = typeof event.path === 'string' ? event.path : '';
  const target = parsePath(internal.form, event.path, rowCount(values));
  if (target === undefined) return refuse(step, 'unknown-path', 'change', path);
  const refused = writeCheck(step, target, path, 'change');
  if (refused !== undefined) return refused;
  const read = readJson(event.value);
  const value = read.value === undefined ? null : read.value;
  if (read.unreadable.length > 0 || !acceptsType(target.field, value, internal.engine)) return refuse(step, 'type', 'change', path);
  const key = touchKey(path, internal.rowKeys);
  const current = target.kind === 'row' ? (values[target.group.id] as readonly FormValues[])[target.index]?.[target.field.id] : values[target.field.id];
  if (sameValue(current, value)) return touch(step, [key], [topId(target)]);
  // After a submit every key is touched already: no copy of thousands of keys per keystroke.
  const touched = internal.touched.has(key) ? internal.touched : new Set(internal.touched).add(key);
  if (target.kind === 'field') {
    if (target.field.newRowScope !== undefined) return replaceRows(step, target.field, value, touched);
    return commit(step, withValue(internal.form, values, target.field.id, value), [target.field.id], { touched });
  }
  const rows = [...(values[target.group.id] as readonly FormValues[])];
  const row = rows[target.index];
  rows[target.index] = { ...(isPlainObject(row) ? row : {}), [target.field.id]: value };
  return commit(step, withValue(internal.form, values, target.group.id, rows), [target.group.id], { touched });
};

const slot: Slot = { value: undefined };

/** Whether a value has the type the field holds (a text for a text field, a list for a multiselect …). */
const acceptsType = (field: FieldIR, value: unknown, engine: Engine): boolean => {
  if (field.value.isEmpty(value)) return true;
  if (field.newRowScope !== undefined) return Array.isArray(value) && value.every(isPlainObject);
  return field.value.accept(value, engine.scope, slot)?.code !== 'type';
};

/** A whole group replaced by `change`: rows keep their keys by position, new rows get new keys. */
const replaceRows = (step: Step, group: FieldIR, value: unknown, touched: ReadonlySet<string>): SessionSnapshot => {
  const { internal, snapshot } = step;
  const rows = Array.isArray(value) ? value : [];
  const old = internal.rowKeys.get(group.id) ?? [];
  let next = internal.nextRowKey;
  const keys = Object.freeze(rows.map((_, index) => old[index] ?? `r${next++}`));
  const rowKeys = new Map(internal.rowKeys).set(group.id, keys);
  return commit(step, withValue(internal.form, snapshot.values, group.id, rows), [group.id], { touched, rowKeys, nextRowKey: next });
};

const groupTarget = (step: Step, path: unknown, event: string): FieldIR | SessionSnapshot => {
  const field = typeof path === 'string' ? step.internal.form.fieldsByKey.get(path) : undefined;
  if (field === undefined || field.group !== undefined) return refuse(step, 'unknown-path', event, path);
  if (field.newRowScope === undefined) return refuse(step, 'not-a-group', event, field.id);
  return writeCheck(step, { kind: 'field', field }, field.id, event) ?? field;
};

const addRow = (step: Step, event: { readonly path: unknown }): SessionSnapshot => {
  const group = groupTarget(step, event.path, 'addRow');
  if (!('key' in group)) return group;
  const { internal, snapshot } = step;
  const rows = Array.isArray(snapshot.values[group.id]) ? (snapshot.values[group.id] as readonly FormValues[]) : [];
  const max = typeof (group.def as { maxItems?: unknown }).maxItems === 'number' ? (group.def as { maxItems: number }).maxItems : MAX_ROWS;
  if (rows.length >= Math.min(max, MAX_ROWS)) return refuse(step, 'too-many-rows', 'addRow', group.id);
  const keys = Object.freeze([...(internal.rowKeys.get(group.id) ?? []), `r${internal.nextRowKey}`]);
  const rowKeys = new Map(internal.rowKeys).set(group.id, keys);
  return commit(step, withValue(internal.form, snapshot.values, group.id, [...rows, newRow(group, internal.engine.options.role)]), [group.id], { rowKeys, nextRowKey: internal.nextRowKey + 1 });
};

const removeRow = (step: Step, event: { readonly path: unknown; readonly index: unknown }): SessionSnapshot => {
  const group = groupTarget(step, event.path, 'removeRow');
  if (!('key' in group)) return group;
  const { internal, snapshot } = step;
  const rows = Array.isArray(snapshot.values[group.id]) ? (snapshot.values[group.id] as readonly FormValues[]) : [];
  const index = event.index;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= rows.length) return refuse(step, 'out-of-range', 'removeRow', group.id);
  const keys = internal.rowKeys.get(group.id) ?? [];
  const removed = `${group.id}#${keys[index] ?? ''}.`;
  const touched = new Set([...internal.touched].filter((key) => !key.startsWith(removed)));
  const rowKeys = new Map(internal.rowKeys).set(group.id, Object.freeze(keys.filter((_, i) => i !== index)));
  return commit(step, withValue(internal.form, snapshot.values, group.id, rows.filter((_, i) => i !== index)), [group.id], { touched, rowKeys });
};

const submit = (step: Step): SessionSnapshot => {
  const { internal } = step;
  const keys: string[] = [];
  for (const paths of internal.engine.paths.values()) for (const path of paths) keys.push(touchKey(path, internal.rowKeys));
  const engine = internal.engine;
  const valid = isValid(engine);
  const submitted = valid ? cleanedValues(engine) : undefined;
  return touch(step, keys, [...engine.paths.keys()], valid ? 'submitted' : 'editing', submitted);
};

const setLocale = (step: Step, event: { readonly locale: unknown }): SessionSnapshot => {
  const { internal, snapshot } = step;
  const locale = event.locale;
  if (!isLocaleTag(locale)) return refuse(step, 'bad-locale', 'setLocale');
  if (locale === snapshot.locale) return unchanged(step);
  const engine = internal.engine;
  // Messages are written again from the issues held, not by validating again.
  // Frozen as the pass freezes its issues: a snapshot hands them to renderers.
  const relocalize = (issues: readonly ValidationIssue[]): ValidationIssue[] => issues.map((issue) => Object.freeze({ ...issue, message: formatIssue(issue, locale) }));
  for (const [id, issues] of engine.fieldErrors) engine.fieldErrors.set(id, relocalize(issues));
  engine.ruleErrors = relocalize(engine.ruleErrors);
  engine.rootErrors = relocalize(engine.rootErrors);
  const options = { ...internal.options, locale };
  engine.options = options;
  return materialize({ ...internal, options }, { ...snapshot, locale, eventError: undefined }, snapshot, 'all');
};

const reset = (step: Step): SessionSnapshot => {
  const { internal } = step;
  return initialSnapshot({
    form: internal.form, values: internal.initial, options: internal.options, clock: { now: internal.now, fixed: internal.fixedClock },
    initial: internal.initial, nextRowKey: internal.nextRowKey,
  });
};

const blur = (step: Step, path: unknown): SessionSnapshot => {
  const target = parsePath(step.internal.form, path, rowCount(step.snapshot.values));
  if (target === undefined) return refuse(step, 'unknown-path', 'blur', path);
  return touch(step, [touchKey(path as string, step.internal.rowKeys)], [topId(target)]);
};

const apply = (step: Step, event: ReadEvent): SessionSnapshot => {
  switch (event.type) {
    case 'change': return change(step, event);
    case 'blur': return blur(step, event.path);
    case 'addRow': return addRow(step, event);
    case 'removeRow': return removeRow(step, event);
    case 'reset': return reset(step);
    case 'submit': return submit(step);
    case 'setLocale': return setLocale(step, event);
  }
};
