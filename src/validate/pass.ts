import { clockStrings } from '../core/clock';
import type { Failure, IssueSubject, ValidationIssue } from '../core/issues';
import { catalogueLocale } from '../core/localize';
import { grants } from '../core/owner';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { Scope, Slot } from '../fields/fieldKind';
import { truthy } from '../logic/truthy';
import { validationMessage } from '../messages/formatIssue';
import { readJson } from './readJson';
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
  /** The values before this change (untrusted, like the values). */
  readonly previous: unknown;
  /** What the caller needs beyond errors and values: validate() pays for neither. */
  readonly states: boolean;
  /**
   * 'all': the system's view, every field readable and writable (records and workflows check the
   * role's access on the changes themselves, and must see stored staff-only answers). Default: the role's.
   */
  readonly access?: 'role' | 'all';
  readonly tags: boolean;
}

export type Data = Readonly<Record<string, unknown>>;

// JSON has no NaN or Infinity: a computation that produces one has no answer.
export const finite = (value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? null : value === undefined ? null : value;

/**
 * A copy of an answer that failed its check, kept in the cleaned values so that nothing is lost.
 * What JSON cannot hold (a bigint, a function, a symbol) is no answer a person gave: it becomes null,
 * so the cleaned values always serialise.
 */
export const keepInvalid = (raw: unknown): unknown => {
  if (typeof raw === 'object' && raw !== null) return readJson(raw).value;
  return typeof raw === 'bigint' || typeof raw === 'function' || typeof raw === 'symbol' ? null : raw;
};

/**
 * One walk's worth of work over the values, field by field. `runPass` visits every field; a session
 * visits only the fields a change reaches, on a copy of the previous scope. A class rather than
 * closures: its methods are created once, not on every call.
 */
export class Pass {
  /** Issues found so far; a session swaps in a fresh array per field it revisits. */
  errors: ValidationIssue[] = [];
  /** When set, every path given a state is recorded here (a session tracks which paths a field owns). */
  visitedPaths: string[] | undefined;
  readonly values: Record<string, unknown>;
  // Keys are field paths (ids are never prototype names), so a plain object is safe here.
  readonly states: Record<string, FieldState> | undefined;
  readonly scope: Scope;
  private readonly slot: Slot = { value: undefined };
  private readonly localeKey: string;

  /** A fresh pass, or one that continues from a scope, cleaned values and states kept from an earlier pass. */
  constructor(
    private readonly form: InternalForm,
    private readonly options: PassOptions,
    carried?: { readonly scope: Scope; readonly values: Record<string, unknown>; readonly states: Record<string, FieldState> },
  ) {
    this.localeKey = catalogueLocale(options.locale) ?? '';
    if (carried !== undefined) {
      this.scope = carried.scope;
      this.values = carried.values;
      this.states = carried.states;
      return;
    }
    this.values = {};
    this.states = options.states ? {} : undefined;
    this.scope = form.newScope();
    const clock = clockStrings(options.now, options.timeZone);
    this.scope.$role = options.role ?? null;
    this.scope.$now = clock.iso;
    this.scope.$today = clock.day;
  }

  /** Reports what is wrong with the values as a whole: unreadable parts, not an object, unknown keys. Returns the object to walk. */
  checkInput(input: unknown, unreadable: readonly string[]): Data {
    for (const path of unreadable) this.issue(path, { code: 'type', params: { expected: 'json' } }, undefined, undefined);
    if (isPlainObject(input)) {
      for (const key of Object.keys(input)) if (!this.form.topLevelIds.has(key)) this.issue(key, { code: 'unknownField' }, undefined, undefined);
      return input;
    }
    if (!unreadable.includes('')) this.issue('', { code: 'type', params: { expected: 'object' } }, undefined, undefined);
    return {};
  }

  /** Visits one top-level field (a group with all its rows), updating the scope, values and states. */
  visitTopLevel(field: FieldIR, source: Data, previous: Data | undefined): void {
    this.visit(field, source, previous, '', this.scope, this.values, undefined);
  }

  /** The tags whose condition holds on the scope. */
  tags(): string[] {
    return this.form.tags.filter((tag) => truthy(tag.when(this.scope))).map((tag) => tag.id);
  }

  /** Makes an issue; top-level fields' messages are built once per failure and language. */
  issue(path: string, failure: Failure, field: FieldIR | undefined, row: number | undefined): void {
    const code = failure.code;
    const text = field?.messages !== undefined && hasOwn(field.messages, code) ? field.messages[code] : undefined;
    let subject: IssueSubject;
    if (field === undefined) subject = code === 'unknownField' ? { defaultLocale: this.form.defaultLocale } : this.form.subject;
    else if (row === undefined) subject = text === undefined ? field.subject : { ...field.subject, text };
    else subject = text === undefined ? { ...field.subject, row } : { ...field.subject, row, text };
    const message = field !== undefined && row === undefined
      ? this.cachedMessage(path, failure, field, subject)
      : validationMessage(path, code, failure.params, subject, this.options.locale);
    this.errors.push(makeIssue(path, failure, message, subject));
  }

  // A top-level field's message depends only on the field, the code, the params and the language
  // (the catalogue the requested locale reads, of which there are four): a form full of mistakes
  // stays cheap, and the cache is bounded by what the definition can produce.
  private cachedMessage(path: string, failure: Failure, field: FieldIR, subject: IssueSubject): string {
    let messages = messageCache.get(field);
    if (messages === undefined) messageCache.set(field, (messages = new Map()));
    const key = `${this.localeKey}\u0000${failure.code}\u0000${paramsKey(failure)}`;
    let message = messages.get(key);
    if (message === undefined) {
      message = validationMessage(path, failure.code, failure.params, subject, this.options.locale);
      messages.set(key, message);
    }
    return message;
  }

  visit(field: FieldIR, data: Data, before: Data | undefined, prefix: string, slot: Scope, target: Record<string, unknown>, row: number | undefined): void {
    const { id } = field;
    const { scope, states } = this;
    const path = prefix === '' ? id : prefix + id;
    const role = this.options.role;
    const system = this.options.access === 'all';
    // No record here: whoever fills the values will own them, so `$owner` lets them in (records check the owner).
    const readable = system || field.readRoles === undefined || grants(field.readRoles, role, true);
    const visible = readable && (field.visible === undefined || truthy(field.visible(scope)));

    if (field.compute !== undefined) {
      // Derived, never taken from input: whatever was sent is replaced.
      const value = visible ? finite(field.compute(scope)) : null;
      slot[id] = value;
      if (value !== null) target[id] = value;
      if (states) this.setState(states, path, { visible, required: false, readonly: true });
      return;
    }

    const raw = hasOwn(data, id) ? data[id] : undefined;
    let present = !field.value.isEmpty(raw);
    const writable = system || (field.writeRoles === undefined ? field.type !== 'autoId' : grants(field.writeRoles, role, true));
    if (present && !readable) {
      // Never compared with what is stored: a role must not learn a hidden value by guessing it.
      this.issue(path, FORBIDDEN, field, row);
      present = false;
    }
    if (present && !writable && !this.unchanged(field, raw, before, scope)) {
      this.issue(path, FORBIDDEN, field, row);
      present = false;
    }
    if (!visible) {
      slot[id] = null;
      if (states) this.setState(states, path, { visible: false, required: false, readonly: !writable });
      return;
    }
    const locked = !writable || (field.readonly !== undefined && truthy(field.readonly(scope)));
    const required = this.options.mode !== 'draft' &&
      (field.required === true || (typeof field.required === 'function' && truthy(field.required(scope))));
    if (states) this.setState(states, path, { visible, required, readonly: locked });
    if (present && writable && locked && before !== undefined && !this.unchanged(field, raw, before, scope)) {
      this.issue(path, FORBIDDEN, field, row);
      present = false;
    }
    if (!present) {
      slot[id] = null;
      if (required) this.issue(path, REQUIRED, field, row);
      return;
    }
    const failure = field.value.accept(raw, scope, this.slot);
    if (failure !== undefined) {
      this.issue(path, failure, field, row);
      slot[id] = null;
      target[id] = keepInvalid(raw);
      return;
    }
    const value = this.slot.value;
    if (field.newRowScope === undefined) {
      slot[id] = value;
      target[id] = value;
      return;
    }
    this.visitRows(field, value as readonly unknown[], before, path, slot, target);
  }

  private setState(states: Record<string, FieldState>, path: string, state: FieldState): void {
    states[path] = state;
    this.visitedPaths?.push(path);
  }

  /** Whether a value equals the stored one, as sent or once normalised (`+86 138…` is `138…`). */
  private unchanged(field: FieldIR, raw: unknown, before: Data | undefined, scope: Scope): boolean {
    if (before === undefined || !hasOwn(before, field.id)) return false;
    const stored = before[field.id];
    if (sameValue(stored, raw)) return true;
    return field.value.accept(raw, scope, this.slot) === undefined && sameValue(stored, this.slot.value);
  }

  private visitRows(field: FieldIR, rows: readonly unknown[], before: Data | undefined, path: string, slot: Scope, target: Record<string, unknown>): void {
    const { id } = field;
    const beforeRows = before !== undefined && Array.isArray(before[id]) ? (before[id] as readonly unknown[]) : undefined;
    const cleanedRows: unknown[] = [];
    const rowScopes: Scope[] = [];
    const newRowScope = field.newRowScope as () => Scope;
    for (let index = 0; index < rows.length; index++) {
      const rowPath = `${path}.${index}`;
      const rowData = rows[index];
      if (!isPlainObject(rowData)) {
        this.issue(rowPath, ROW_TYPE, field, index);
        cleanedRows.push(keepInvalid(rowData));
        continue;
      }
      for (const key of Object.keys(rowData)) {
        if (!field.rowIds?.has(key)) this.issue(`${rowPath}.${key}`, { code: 'unknownField' }, undefined, undefined);
      }
      const rowScope = newRowScope();
      const rowValues: Record<string, unknown> = {};
      const beforeRow = beforeRows?.[index];
      this.scope.$row = rowScope;
      for (const child of field.rowOrder) {
        this.visit(child, rowData, isPlainObject(beforeRow) ? beforeRow : undefined, `${rowPath}.`, rowScope, rowValues, index);
      }
      this.scope.$row = null;
      cleanedRows.push(rowValues);
      rowScopes.push(rowScope);
    }
    slot[id] = rowScopes;
    target[id] = cleanedRows;
  }

  /** Checks the cross-field rules; a rule is not reported where the field's own error says more. */
  checkRules(hasFieldError: (path: string) => boolean = (path) => this.errors.some((error) => error.path === path)): void {
    const { scope, form } = this;
    for (const rule of form.rules) {
      const fires = rule.when !== undefined
        ? truthy(rule.when(scope))
        : rule.reads.every((id) => scope[id] !== null && scope[id] !== undefined);
      if (!fires || truthy(rule.assert(scope))) continue;
      if (hasFieldError(rule.path)) continue;
      const base = rule.field?.subject ?? form.subject;
      const subject: IssueSubject = rule.message === undefined ? base : { ...base, text: rule.message };
      const failure: Failure = { code: 'rule', params: { rule: rule.id } };
      this.errors.push(makeIssue(rule.path, failure, validationMessage(rule.path, 'rule', failure.params, subject, this.options.locale), subject));
    }
  }
}

export const FORBIDDEN: Failure = { code: 'forbidden' };
export const REQUIRED: Failure = { code: 'required' };
export const ROW_TYPE: Failure = { code: 'type', params: { expected: 'object' } };
const messageCache = /* @__PURE__ */ new WeakMap<FieldIR, Map<string, string>>();
const paramsKeys = /* @__PURE__ */ new WeakMap<Failure, string>();

/** The params of a failure as a cache key; failures made once per field are serialised once. */
const paramsKey = (failure: Failure): string => {
  if (failure.params === undefined) return '';
  let key = paramsKeys.get(failure);
  if (key === undefined) paramsKeys.set(failure, (key = JSON.stringify(failure.params)));
  return key;
};

// Issues outlive the call: a snapshot holds them, a server hands them to many requests. Their parts
// are shared (a field's subject, a kind's failure), so they are frozen, or one caller could rewrite
// what every other caller is told. Freezing an already frozen object is a no-op.
const frozenSubject = (subject: IssueSubject): IssueSubject => {
  if (!Object.isFrozen(subject)) {
    for (const part of [subject.label, subject.group, subject.text]) if (typeof part === 'object' && part !== null) Object.freeze(part);
    Object.freeze(subject);
  }
  return subject;
};

/** One function makes every validation issue, so that each has the same shape. */
const makeIssue = (path: string, failure: Failure, message: string, subject: IssueSubject): ValidationIssue => {
  if (failure.params === undefined) return Object.freeze({ path, code: failure.code, message, subject: frozenSubject(subject) }) as ValidationIssue;
  Object.freeze(failure.params);
  return Object.freeze({ path, code: failure.code, message, params: failure.params, subject: frozenSubject(subject) }) as ValidationIssue;
};

