import type { InternalForm } from '../compile/internalForm';
import { isTimeZone } from '../core/clock';
import { FormUsageError } from '../core/issues';
import { containerKind, hasOwn } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { PassOptions } from '../validate/pass';
import { readJson } from '../validate/readJson';
import { cleanedValues, evaluateAll, isValid } from './engine';
import { touchedKeys } from './initialSnapshot';
import { deepFreeze } from './initialValues';
import { isLocaleTag } from './localeTag';
import { rowCount } from './sessionPaths';
import type { SessionInternal } from './sessionState';
import { materialize } from './snapshot';
import type { SessionSnapshot } from './sessionTypes';

type Data = Readonly<Record<string, unknown>>;

// Row keys as sessions make them (`r7`), numbered below 1e15 so that counting on stays exact.
const ROW_KEY = /^r([1-9]\d{0,14})$/;
const MAX_ROW_KEY = 1e15;

const refuse = (problem: string): never => {
  throw new FormUsageError('bad-argument', `transition expects a session snapshot (or one revived from its JSON): ${problem}`);
};

const objectAt = (data: Data, key: string): Data | undefined =>
  hasOwn(data, key) && containerKind(data[key]) === 'object' ? (data[key] as Data) : undefined;

/** The role a revived snapshot may act under: one the form declares, as createSession would accept it. */
const readRole = (form: InternalForm, role: unknown): string | undefined => {
  if (role === undefined || role === null) return undefined;
  if (typeof role !== 'string') return refuse('its `role` must be a role name (string)');
  // As createSession: a form without roles ignores the role it is given.
  if (form.roleSet.size === 0) return undefined;
  if (!form.roleSet.has(role)) {
    // The snapshot is data from outside: its role is not repeated back.
    throw new FormUsageError('unknown-role', `the snapshot's role is not declared by form '${form.id}' (roles: ${form.roles.join(', ')})`, 'role');
  }
  return role;
};

interface Origin {
  readonly values: FormValues | undefined;
  readonly now: Date;
  readonly timeZone: string | undefined;
  readonly nextRowKey: number;
}

/** The snapshot's origin; a snapshot saved before snapshots had one starts again from its own values, now. */
const readOrigin = (form: InternalForm, data: Data): Origin => {
  if (!hasOwn(data, 'origin')) return { values: undefined, now: new Date(), timeZone: form.timeZone, nextRowKey: 1 };
  const origin = objectAt(data, 'origin');
  if (origin === undefined) return refuse('its `origin` must be an object');
  const values = objectAt(origin, 'values');
  const now = typeof origin.now === 'string' ? new Date(origin.now) : undefined;
  const { timeZone, nextRowKey } = origin;
  if (values === undefined) return refuse('its `origin.values` must be an object');
  if (now === undefined || Number.isNaN(now.getTime())) return refuse('its `origin.now` must be an ISO 8601 time');
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone))) return refuse('its `origin.timeZone` must be an IANA time zone');
  if (typeof nextRowKey !== 'number' || !Number.isInteger(nextRowKey) || nextRowKey < 1 || nextRowKey > MAX_ROW_KEY) return refuse('its `origin.nextRowKey` must be a positive integer');
  // As createSession: a session starts from the form's fields only.
  const known: FormValues = {};
  for (const key of Object.keys(values)) if (form.topLevelIds.has(key)) known[key] = values[key];
  return { values: known, now, timeZone: timeZone as string | undefined, nextRowKey };
};

/** The snapshot's row keys where they fit its rows (one unique key per row), new keys elsewhere; never one key twice. */
const readRowKeys = (form: InternalForm, values: FormValues, data: Data, from: number): { rowKeys: Map<string, readonly string[]>; next: number } => {
  const given = objectAt(data, 'rows') ?? {};
  const rows = rowCount(values);
  const kept = new Map<string, readonly string[] | undefined>();
  let next = from;
  for (const field of form.fields) {
    if (field.newRowScope === undefined) continue;
    const keys = hasOwn(given, field.id) ? given[field.id] : undefined;
    const count = rows(field.id);
    const fits = Array.isArray(keys) && keys.length === count && new Set(keys).size === count &&
      keys.every((key) => typeof key === 'string' && ROW_KEY.test(key));
    if (fits) for (const key of keys as string[]) next = Math.max(next, Number(key.slice(1)) + 1);
    kept.set(field.id, fits ? Object.freeze([...(keys as string[])]) : undefined);
  }
  const rowKeys = new Map<string, readonly string[]>();
  for (const [id, keys] of kept) rowKeys.set(id, keys ?? Object.freeze(Array.from({ length: rows(id) }, () => `r${next++}`)));
  return { rowKeys, next };
};

/** Paths the snapshot marks as touched. */
function* touchedPaths(data: Data): Generator<string> {
  const fields = objectAt(data, 'fields') ?? {};
  for (const path of Object.keys(fields)) {
    const field = fields[path];
    if (containerKind(field) === 'object' && (field as Data).touched === true) yield path;
  }
}

/**
 * Makes a session snapshot of one that lost its state (revived from JSON, or made by a session of
 * another form). Everything in it is data from outside: it is read as JSON (no getter runs), checked
 * as the options of createSession are (a role the form does not declare is `unknown-role`, the rest
 * `bad-argument`), and evaluated again; nothing it claims is taken on trust — a `submitted` status
 * holds only if its values pass now.
 */
export const reviveSnapshot = (form: InternalForm, given: unknown): SessionSnapshot => {
  const read = readJson(given);
  if (containerKind(read.value) !== 'object') return refuse('not an object');
  if (read.unreadable.length > 0) return refuse('not plain data (a getter, a cycle or a function)');
  const data = read.value as Data;
  const role = readRole(form, data.role);
  if (!isLocaleTag(data.locale)) return refuse('its `locale` must be a language tag such as zh-CN, zh-TW or en');
  const locale = data.locale;
  const values = objectAt(data, 'values');
  if (values === undefined) return refuse('its `values` must be an object');
  if (data.status !== 'editing' && data.status !== 'submitted') return refuse("its `status` must be 'editing' or 'submitted'");
  const origin = readOrigin(form, data);
  const frozen = deepFreeze(values as FormValues);
  const { rowKeys, next } = readRowKeys(form, frozen, data, origin.nextRowKey);
  const options: PassOptions = {
    mode: 'submit', role, locale, now: origin.now, timeZone: origin.timeZone, previous: undefined, states: true, tags: true,
  };
  const engine = evaluateAll(form, frozen, options);
  const internal: SessionInternal = {
    form, options, engine, touched: touchedKeys(form, frozen, rowKeys, touchedPaths(data)), rowKeys, nextRowKey: next,
    initial: deepFreeze(origin.values ?? frozen), now: origin.now, fixedClock: false,
  };
  const submitted = data.status === 'submitted' && isValid(engine) ? cleanedValues(engine) : undefined;
  return materialize(internal, { status: submitted === undefined ? 'editing' : 'submitted', values: frozen, locale, submitted, eventError: undefined }, undefined, 'all');
};
