import type { ValidationIssue } from '../core/issues';
import { localize } from '../core/localize';
import { hasOwn, isPlainObject } from '../core/reserved';
import { truthy } from '../logic/truthy';
import { makeIssue } from './issueFactory';
import type { RuntimeField, RuntimeForm, Scope } from './runtimeTypes';
import { sameValue } from './sameValue';

export interface FieldState {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readonly: boolean;
}

export interface PassOptions {
  readonly mode: 'submit' | 'draft';
  readonly role: string | undefined;
  readonly locale: string;
  readonly now: Date;
  /** IANA zone for `$today`; undefined = the runtime's local zone. */
  readonly timeZone: string | undefined;
  readonly previous: Readonly<Record<string, unknown>> | undefined;
  /** evaluate() wants every field's state and the tags; validate() does not pay for them. */
  readonly collectStates: boolean;
}

export interface PassResult {
  readonly errors: ValidationIssue[];
  readonly values: Record<string, unknown>;
  readonly states: Record<string, FieldState> | undefined;
  readonly tags: string[];
}

// A string whose first character is not white space is not blank: decided without trim()'s copy.
// (Codes up to 32 cover ASCII white space; trim() settles the rare rest: NBSP, ideographic space.)
const isBlank = (text: string): boolean => {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  return (first <= 32 || first === 0xa0 || first === 0x3000 || first === 0xfeff || (first >= 0x2000 && first <= 0x200a) || first === 0x1680 || first === 0x2028 || first === 0x2029 || first === 0x202f || first === 0x205f) && text.trim() === '';
};

/** Unanswered: nothing, an empty or blank string, an empty list. `false` and `0` are answers. */
const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null ||
  (typeof value === 'string' && isBlank(value)) ||
  (Array.isArray(value) && value.length === 0);

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const localDate = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** `YYYY-MM-DD` of `date` in an IANA time zone ('Asia/Shanghai'), or in the runtime's own zone. */
export const dayIn = (date: Date, timeZone: string | undefined): string => {
  if (timeZone === undefined) return localDate(date);
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(date);
};

// A scope is cloned from the form's template, which already holds every key it will ever get, so
// each call copies one fast object shape instead of adding keys one by one. Conditions read scopes
// through own-property checks only, so Object.prototype is never reached through them.
const newScope = (template: Readonly<Scope>): Scope => ({ ...template });

// The clock strings for $now / $today are the same for every call at the same instant: cache the last.
let clockTime = Number.NaN;
let clockZone: string | undefined;
let clockIso = '';
let clockDay = '';
const clock = (now: Date, timeZone: string | undefined): void => {
  const time = now.getTime();
  if (time === clockTime && timeZone === clockZone) return;
  clockTime = time;
  clockZone = timeZone;
  clockIso = now.toISOString();
  clockDay = dayIn(now, timeZone);
};

const finite = (value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? null : value === undefined ? null : value;

/**
 * One pass over the values in dependency order. Each field's answer enters the scope only when the
 * field is visible and the answer valid, so hiding cascades: a condition reading a hidden field sees
 * it unanswered. Pure: reads `input`, never writes it.
 */
export const runPass = (form: RuntimeForm, input: unknown, options: PassOptions): PassResult => {
  const pass = new Pass(form, options);
  let source: Readonly<Record<string, unknown>> = {};
  if (isPlainObject(input)) {
    source = input;
    for (const key of Object.keys(input)) if (!form.topLevelIds.has(key)) pass.issue(key, 'unknownField');
  } else {
    pass.issue('', 'type', undefined, { expected: 'object' });
  }
  const previous = isPlainObject(options.previous) ? options.previous : undefined;
  for (const field of form.fields) pass.visit(field, source, previous, '', pass.scope, pass.values, undefined);
  pass.checkRules();
  const tags = options.collectStates ? form.tags.filter((tag) => truthy(tag.when(pass.scope))).map((tag) => tag.id) : [];
  return { errors: pass.errors, values: pass.values, states: pass.states, tags };
};

type Data = Readonly<Record<string, unknown>>;

// A class rather than closures inside runPass: its methods are created once, not on every call.
class Pass {
  readonly errors: ValidationIssue[] = [];
  readonly values: Record<string, unknown> = {};
  // Keys are field ids (never reserved names) and row indexes, so a plain object is safe here.
  readonly states: Record<string, FieldState> | undefined;
  readonly scope: Scope;

  constructor(private readonly form: RuntimeForm, private readonly options: PassOptions) {
    this.states = options.collectStates ? {} : undefined;
    this.scope = newScope(form.scopeTemplate);
    clock(options.now, options.timeZone);
    this.scope.$role = options.role ?? null;
    this.scope.$now = clockIso;
    this.scope.$today = clockDay;
  }

  issue(path: string, code: ValidationIssue['code'], field?: RuntimeField, params?: ValidationIssue['params'], row?: number): void {
    this.errors.push(makeIssue(path, code, params, field, this.options.locale, this.form.defaultLocale, row));
  }

  visit(field: RuntimeField, data: Data, before: Data | undefined, prefix: string, slot: Scope, target: Record<string, unknown>, row: number | undefined): void {
    const { id } = field;
    const { scope, states } = this;
    const path = prefix === '' ? id : prefix + id;
    const role = this.options.role;
    const readable = field.readRoles === undefined || (role !== undefined && (field.readRoles.has(role) || field.writeRoles?.has(role) === true));
    const visible = readable && (field.visible === undefined || truthy(field.visible(scope)));

    if (field.compute !== undefined) {
      // Derived, never taken from input: whatever was sent is replaced.
      const value = visible ? finite(field.compute(scope)) : null;
      slot[id] = value;
      if (value !== null) target[id] = value;
      if (states) states[path] = { visible, required: false, readonly: true };
      return;
    }

    let raw = hasOwn(data, id) ? data[id] : undefined;
    let present = !isEmpty(raw);
    const writable = field.writeRoles === undefined ? field.type !== 'autoId' : role !== undefined && field.writeRoles.has(role);
    const unchanged = before !== undefined && hasOwn(before, id) && sameValue(before[id], raw);
    if (present && !writable && !unchanged) {
      this.issue(path, 'forbidden', field, undefined, row);
      present = false;
      raw = undefined;
    }
    if (!visible) {
      slot[id] = null;
      if (states) states[path] = { visible: false, required: false, readonly: !writable };
      return;
    }
    const locked = !writable || (field.readonly !== undefined && truthy(field.readonly(scope)));
    const required = this.options.mode !== 'draft' &&
      (field.required === true || (typeof field.required === 'function' && truthy(field.required(scope))));
    if (states) states[path] = { visible, required, readonly: locked };
    if (present && locked && writable && before !== undefined && !unchanged) {
      this.issue(path, 'forbidden', field, undefined, row);
      present = false;
    }
    if (!present) {
      slot[id] = null;
      if (required) this.issue(path, 'required', field, undefined, row);
      return;
    }
    const failure = field.check?.(raw, scope);
    if (failure !== undefined) {
      this.issue(path, failure.code, field, failure.params, row);
      slot[id] = null;
      target[id] = raw;
      return;
    }
    if (field.rows === undefined) {
      slot[id] = raw;
      target[id] = raw;
      return;
    }
    this.visitRows(field, raw as readonly unknown[], before, path, slot, target);
  }

  private visitRows(field: RuntimeField, rows: readonly unknown[], before: Data | undefined, path: string, slot: Scope, target: Record<string, unknown>): void {
    const { id } = field;
    const beforeRows = before !== undefined && Array.isArray(before[id]) ? (before[id] as readonly unknown[]) : undefined;
    const cleanedRows: unknown[] = [];
    const rowScopes: Scope[] = [];
    for (let index = 0; index < rows.length; index++) {
      const rowPath = `${path}.${index}`;
      const rowData = rows[index];
      if (!isPlainObject(rowData)) {
        this.issue(rowPath, 'type', field, { expected: 'object' }, index);
        cleanedRows.push(rowData);
        continue;
      }
      for (const key of Object.keys(rowData)) if (!field.rowIds?.has(key)) this.issue(`${rowPath}.${key}`, 'unknownField');
      const rowScope = newScope(field.rowTemplate as Scope);
      const rowValues: Record<string, unknown> = {};
      const beforeRow = beforeRows?.[index];
      this.scope.$row = rowScope;
      for (const child of field.rows ?? []) {
        this.visit(child, rowData, isPlainObject(beforeRow) ? beforeRow : undefined, `${rowPath}.`, rowScope, rowValues, index);
      }
      this.scope.$row = null;
      cleanedRows.push(rowValues);
      rowScopes.push(rowScope);
    }
    slot[id] = rowScopes;
    target[id] = cleanedRows;
  }

  checkRules(): void {
    const { scope, options, form } = this;
    for (const rule of form.rules) {
      const fires = rule.when !== undefined
        ? truthy(rule.when(scope))
        : rule.reads.every((id) => scope[id] !== null && scope[id] !== undefined);
      if (!fires || truthy(rule.assert(scope))) continue;
      if (this.errors.some((error) => error.path === rule.path)) continue; // the field's own error says more
      const error = makeIssue(rule.path, 'rule', { rule: rule.id }, rule.field, options.locale, form.defaultLocale);
      this.errors.push(rule.message === undefined ? error : { ...error, message: localize(rule.message, options.locale, form.defaultLocale) });
    }
  }
}
