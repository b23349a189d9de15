import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { ValidationIssue } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { Slot } from '../fields/fieldKind';
import { formatIssue } from '../messages/formatIssue';
import type { PassOptions } from '../validate/pass';
import { readJson } from '../validate/readJson';
import { sameValue } from '../validate/sameValue';
import { evaluateAll, reevaluate, type Engine } from './engine';
import { canWrite, deepFreeze, newRow } from './initialValues';
import { parsePath, touchKey, type PathTarget } from './sessionPaths';
import { internalOf, type SessionInternal } from './sessionState';
import { materialize } from './snapshot';
import type { SessionErrorCode, SessionEvent, SessionSnapshot } from './sessionTypes';

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$/;
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

const rowKeysFor = (form: InternalForm, values: FormValues, start: number): { rowKeys: Map<string, readonly string[]>; next: number } => {
  const rowKeys = new Map<string, readonly string[]>();
  let next = start;
  for (const field of form.fields) {
    if (field.newRowScope === undefined) continue;
    const rows = values[field.id];
    const count = Array.isArray(rows) ? rows.length : 0;
    rowKeys.set(field.id, Object.freeze(Array.from({ length: count }, () => `r${next++}`)));
  }
  return { rowKeys, next };
};

/** The first snapshot of a session: `values` evaluated in full, nothing touched. */
export const initialSnapshot = (
  form: InternalForm,
  values: FormValues,
  options: PassOptions,
  clock: { readonly now: Date; readonly fixed: boolean },
  initial: FormValues = values,
  nextRowKey = 1,
): SessionSnapshot => {
  const frozen = deepFreeze(values);
  const { rowKeys, next } = rowKeysFor(form, frozen, nextRowKey);
  const internal: SessionInternal = {
    form, options, engine: evaluateAll(form, frozen, options), touched: new Set(), rowKeys, nextRowKey: next,
    initial: deepFreeze(initial), now: clock.now, fixedClock: clock.fixed,
  };
  return materialize(internal, { status: 'editing', values: frozen, locale: options.locale, submitted: undefined, eventError: undefined }, undefined, 'all');
};

/** Rebuilds the internal state of a snapshot that lost it (revived from JSON): values, rows and touched flags. */
const adopt = (form: InternalForm, snapshot: SessionSnapshot): SessionInternal => {
  const values = deepFreeze((readJson(snapshot.values).value ?? {}) as FormValues);
  const options: PassOptions = {
    mode: 'submit', role: snapshot.role, locale: snapshot.locale, now: new Date(), timeZone: form.timeZone,
    previous: undefined, states: true, tags: true,
  };
  const rowKeys = new Map<string, readonly string[]>();
  for (const [group, keys] of Object.entries(isPlainObject(snapshot.rows) ? snapshot.rows : {})) {
    if (Array.isArray(keys)) rowKeys.set(group, Object.freeze(keys.map(String)));
  }
  const touched = new Set<string>();
  for (const [path, field] of Object.entries(isPlainObject(snapshot.fields) ? snapshot.fields : {})) {
    if (isPlainObject(field) && field.touched === true) touched.add(touchKey(path, rowKeys));
  }
  return { form, options, engine: evaluateAll(form, values, options), touched, rowKeys, nextRowKey: 1_000_000, initial: values, now: options.now, fixedClock: false };
};

interface Step {
  readonly internal: SessionInternal;
  readonly snapshot: SessionSnapshot;
  readonly dirty: ReadonlySet<string> | 'all';
}

/**
 * The pure step under a session: the snapshot that follows `snapshot` after `event`. Never throws
 * for a bad event: the state stays as it was and the snapshot carries `eventError`. Returns the same
 * snapshot when nothing changes.
 */
export const transitionSnapshot = (form: InternalForm, snapshot: SessionSnapshot, event: unknown): SessionSnapshot => {
  let internal = internalOf(snapshot);
  let dirty: Set<string> | 'all' = new Set();
  if (internal === undefined || internal.form !== form) {
    internal = adopt(form, snapshot);
    dirty = 'all';
  } else if (internal.engine.owner !== snapshot) {
    // An older snapshot: its state was handed on. Rebuild it from the snapshot's own values.
    internal = { ...internal, engine: evaluateAll(form, snapshot.values, internal.options) };
    dirty = 'all';
  }
  const step: Step = { internal, snapshot, dirty };
  const result = isPlainObject(event) && typeof event.type === 'string' ? apply(step, event as SessionEvent) : refuse(step, 'bad-event', isPlainObject(event) ? String(event.type) : typeof event);
  return result;
};

const refuse = (step: Step, code: SessionErrorCode, event: string, path?: string): SessionSnapshot => {
  const { snapshot } = step;
  const eventError = path === undefined ? { code, event, message: MESSAGES[code] } : { code, event, path, message: MESSAGES[code] };
  return materialize(step.internal, { ...snapshot, eventError: Object.freeze(eventError) }, snapshot, step.dirty === 'all' ? 'all' : new Set());
};

const unchanged = (step: Step): SessionSnapshot =>
  step.snapshot.eventError === undefined && step.dirty !== 'all' ? step.snapshot : materialize(step.internal, { ...step.snapshot, eventError: undefined }, step.snapshot, step.dirty);

const rowCount = (values: FormValues) => (group: string): number => {
  const rows = values[group];
  return Array.isArray(rows) ? rows.length : 0;
};

const topId = (target: PathTarget): string => (target.kind === 'row' ? target.group.id : target.field.id);

/** Top-level fields holding a rule error, before and after: their fields' snapshots must be looked at again. */
const ruleFields = (errors: readonly ValidationIssue[], into: Set<string>): void => {
  for (const error of errors) into.add(error.path.split('.')[0] ?? '');
};

/** Applies new values: re-evaluates what the change reaches and builds the next snapshot. */
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
  const frozen = deepFreeze(values);
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

const change = (step: Step, event: { readonly path?: unknown; readonly value?: unknown }): SessionSnapshot => {
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
  const touched = new Set(internal.touched).add(key);
  if (target.kind === 'field') {
    if (target.field.newRowScope !== undefined) return replaceRows(step, target.field, value, touched);
    return commit(step, { ...values, [target.field.id]: value }, [target.field.id], { touched });
  }
  const rows = [...(values[target.group.id] as readonly FormValues[])];
  const row = rows[target.index];
  rows[target.index] = { ...(isPlainObject(row) ? row : {}), [target.field.id]: value };
  return commit(step, { ...values, [target.group.id]: rows }, [target.group.id], { touched });
};

const slot: Slot = { value: undefined };

/** Whether a value has the type the field holds (a text for a text field, a list for a multiselect …). */
const acceptsType = (field: FieldIR, value: unknown, engine: Engine): boolean => {
  if (field.value.isEmpty(value)) return true;
  if (field.newRowScope !== undefined) return Array.isArray(value) && value.every(isPlainObject);
  return field.value.accept(value, engine.scope, slot)?.code !== 'type';
};

/** A whole group replaced by `change`: rows keep their keys by position, new rows get new keys. */
const replaceRows = (step: Step, group: FieldIR, value: unknown, touched: Set<string>): SessionSnapshot => {
  const { internal, snapshot } = step;
  const rows = Array.isArray(value) ? value : [];
  const old = internal.rowKeys.get(group.id) ?? [];
  let next = internal.nextRowKey;
  const keys = Object.freeze(rows.map((_, index) => old[index] ?? `r${next++}`));
  const rowKeys = new Map(internal.rowKeys).set(group.id, keys);
  return commit(step, { ...snapshot.values, [group.id]: rows }, [group.id], { touched, rowKeys, nextRowKey: next });
};

const groupTarget = (step: Step, path: unknown, event: string): FieldIR | SessionSnapshot => {
  const field = typeof path === 'string' ? step.internal.form.fieldsByKey.get(path) : undefined;
  if (field === undefined || field.group !== undefined) return refuse(step, 'unknown-path', event, typeof path === 'string' ? path : undefined);
  if (field.newRowScope === undefined) return refuse(step, 'not-a-group', event, field.id);
  return writeCheck(step, { kind: 'field', field }, field.id, event) ?? field;
};

const addRow = (step: Step, event: { readonly path?: unknown }): SessionSnapshot => {
  const group = groupTarget(step, event.path, 'addRow');
  if (!('key' in group)) return group;
  const { internal, snapshot } = step;
  const rows = Array.isArray(snapshot.values[group.id]) ? (snapshot.values[group.id] as readonly FormValues[]) : [];
  const max = typeof (group.def as { maxItems?: unknown }).maxItems === 'number' ? (group.def as { maxItems: number }).maxItems : MAX_ROWS;
  if (rows.length >= Math.min(max, MAX_ROWS)) return refuse(step, 'too-many-rows', 'addRow', group.id);
  const keys = Object.freeze([...(internal.rowKeys.get(group.id) ?? []), `r${internal.nextRowKey}`]);
  const rowKeys = new Map(internal.rowKeys).set(group.id, keys);
  return commit(step, { ...snapshot.values, [group.id]: [...rows, newRow(group, internal.engine.options.role)] }, [group.id], { rowKeys, nextRowKey: internal.nextRowKey + 1 });
};

const removeRow = (step: Step, event: { readonly path?: unknown; readonly index?: unknown }): SessionSnapshot => {
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
  return commit(step, { ...snapshot.values, [group.id]: rows.filter((_, i) => i !== index) }, [group.id], { touched, rowKeys });
};

const submit = (step: Step): SessionSnapshot => {
  const { internal } = step;
  const keys: string[] = [];
  for (const paths of internal.engine.paths.values()) for (const path of paths) keys.push(touchKey(path, internal.rowKeys));
  const engine = internal.engine;
  const valid = engine.rootErrors.length === 0 && engine.fieldsWithErrors === 0 && engine.ruleErrors.length === 0;
  const submitted = valid ? deepFreeze((readJson(engine.cleaned).value ?? {}) as FormValues) : undefined;
  return touch(step, keys, [...engine.paths.keys()], valid ? 'submitted' : 'editing', submitted);
};

const setLocale = (step: Step, event: { readonly locale?: unknown }): SessionSnapshot => {
  const { internal, snapshot } = step;
  if (typeof event.locale !== 'string' || !LOCALE.test(event.locale)) return refuse(step, 'bad-locale', 'setLocale');
  if (event.locale === snapshot.locale) return unchanged(step);
  const locale = event.locale;
  const engine = internal.engine;
  // Messages are written again from the issues held, not by validating again.
  const relocalize = (issues: readonly ValidationIssue[]): ValidationIssue[] => issues.map((issue) => ({ ...issue, message: formatIssue(issue, locale) }));
  for (const [id, issues] of engine.fieldErrors) engine.fieldErrors.set(id, relocalize(issues));
  engine.ruleErrors = relocalize(engine.ruleErrors);
  engine.rootErrors = relocalize(engine.rootErrors);
  const options = { ...internal.options, locale };
  engine.options = options;
  return materialize({ ...internal, options }, { ...snapshot, locale, eventError: undefined }, snapshot, 'all');
};

const reset = (step: Step): SessionSnapshot => {
  const { internal } = step;
  return initialSnapshot(internal.form, internal.initial, internal.options, { now: internal.now, fixed: internal.fixedClock }, internal.initial, internal.nextRowKey);
};

const apply = (step: Step, event: SessionEvent): SessionSnapshot => {
  switch (event.type) {
    case 'change': return change(step, event);
    case 'blur': {
      const target = parsePath(step.internal.form, event.path, rowCount(step.snapshot.values));
      if (target === undefined) return refuse(step, 'unknown-path', 'blur', typeof event.path === 'string' ? event.path : undefined);
      return touch(step, [touchKey(event.path, step.internal.rowKeys)], [topId(target)]);
    }
    case 'addRow': return addRow(step, event);
    case 'removeRow': return removeRow(step, event);
    case 'reset': return reset(step);
    case 'submit': return submit(step);
    case 'setLocale': return setLocale(step, event);
    default: return refuse(step, 'bad-event', String((event as { type: unknown }).type));
  }
};
