import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { ValidationIssue } from '../core/issues';
import type { FormValues } from '../core/values';
import type { Scope } from '../fields/fieldKind';
import { Pass, type FieldState, type PassOptions } from '../validate/pass';
import { readJson } from '../validate/readJson';
import { deepFreeze } from './initialValues';
import { sessionWork } from './sessionWork';

/**
 * The evaluated state behind a session's snapshots: what a full pass would say about the values,
 * kept per field so that a change re-evaluates only the fields it reaches. It is mutable, and owned
 * by exactly one snapshot: a transition from the owner updates it in place and hands it on; a
 * transition from any other (older) snapshot rebuilds it from that snapshot's values, so transitions
 * stay pure from the outside.
 */
export interface Engine {
  owner: object | undefined;
  /** The pass options: a locale switch replaces them. */
  options: PassOptions;
  readonly scope: Scope;
  readonly cleaned: Record<string, unknown>;
  readonly states: Record<string, FieldState>;
  /** Errors of each top-level field, its rows included. */
  readonly fieldErrors: Map<string, readonly ValidationIssue[]>;
  /** The paths each top-level field has a state for (itself; a group also its row fields). */
  readonly paths: Map<string, readonly string[]>;
  ruleErrors: readonly ValidationIssue[];
  rootErrors: readonly ValidationIssue[];
  tags: readonly string[];
  /** How many top-level fields have at least one error. */
  fieldsWithErrors: number;
}

/** Per form: where each top-level field sits in evaluation order, and which top-level fields read it. */
interface FormPlan {
  readonly position: ReadonlyMap<string, number>;
  readonly readers: ReadonlyMap<string, readonly number[]>;
}

const plans = /* @__PURE__ */ new WeakMap<InternalForm, FormPlan>();

const topLevelOf = (key: string): string => {
  const dot = key.indexOf('.');
  return dot === -1 ? key : key.slice(0, dot);
};

/** Positions of the top-level fields that read `id` (through it, or through any of its row fields). */
const planOf = (form: InternalForm): FormPlan => {
  let plan = plans.get(form);
  if (plan !== undefined) return plan;
  const position = new Map(form.evaluationOrder.map((field, index) => [field.id, index] as const));
  const readers = new Map<string, number[]>();
  for (const [key, dependents] of form.dependents) {
    const source = topLevelOf(key);
    for (const dependent of dependents) {
      if (dependent.kind !== 'field') continue;
      const reader = topLevelOf(dependent.key);
      const at = position.get(reader);
      if (at === undefined || reader === source) continue;
      const list = readers.get(source) ?? [];
      if (!list.includes(at)) list.push(at);
      readers.set(source, list);
    }
  }
  plan = { position, readers };
  plans.set(form, plan);
  return plan;
};

const visit = (pass: Pass, engine: Engine, field: FieldIR, values: FormValues): void => {
  for (const path of engine.paths.get(field.id) ?? []) delete engine.states[path];
  delete engine.cleaned[field.id];
  pass.errors = [];
  pass.visitedPaths = [];
  pass.visitTopLevel(field, values, undefined);
  const before = engine.fieldErrors.get(field.id)?.length ?? 0;
  engine.fieldErrors.set(field.id, pass.errors);
  engine.fieldsWithErrors += (pass.errors.length > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  engine.paths.set(field.id, pass.visitedPaths);
};

const checkRulesAndTags = (pass: Pass, engine: Engine): void => {
  pass.errors = [];
  pass.checkRules((path) => ownErrorsAt(engine, path) !== undefined);
  engine.ruleErrors = pass.errors;
  engine.tags = pass.tags();
};

/** Whether the values would pass `validate` now. */
export const isValid = (engine: Engine): boolean => engine.rootErrors.length === 0 && engine.fieldsWithErrors === 0 && engine.ruleErrors.length === 0;

/** The cleaned values `validate` would return, as a deep-frozen copy a snapshot can hold. */
export const cleanedValues = (engine: Engine): FormValues => deepFreeze((readJson(engine.cleaned).value ?? {}) as FormValues);

/** Evaluates every field: what `evaluate` and `validate` would say of `values`. */
export const evaluateAll = (form: InternalForm, values: FormValues, options: PassOptions): Engine => {
  const pass = new Pass(form, options);
  pass.checkInput(values, []);
  const engine: Engine = {
    owner: undefined,
    options,
    scope: pass.scope,
    cleaned: pass.values,
    states: pass.states ?? {},
    fieldErrors: new Map(),
    paths: new Map(),
    ruleErrors: [],
    rootErrors: pass.errors,
    tags: [],
    fieldsWithErrors: 0,
  };
  for (const field of form.evaluationOrder) visit(pass, engine, field, values);
  checkRulesAndTags(pass, engine);
  return engine;
};

/**
 * Re-evaluates, in place, the top-level fields whose answers changed and every field their answers
 * reach, in evaluation order: a field is revisited when something it reads changed in the scope
 * (hiding cascades: a field that becomes hidden leaves the scope, so its readers are revisited too).
 * Returns the ids of the fields revisited.
 */
export const reevaluate = (form: InternalForm, engine: Engine, values: FormValues, changed: readonly string[]): ReadonlySet<string> => {
  const { position, readers } = planOf(form);
  const pass = new Pass(form, engine.options, { scope: engine.scope, values: engine.cleaned, states: engine.states });
  const pending = new Set<number>();
  for (const id of changed) {
    const at = position.get(id);
    if (at !== undefined) pending.add(at);
  }
  const revisited = new Set<string>();
  let scopeChanged = false;
  let next = Math.min(...pending);
  while (pending.size > 0) {
    if (!pending.has(next)) {
      next++;
      continue;
    }
    pending.delete(next);
    const field = form.evaluationOrder[next] as FieldIR;
    const before = engine.scope[field.id];
    visit(pass, engine, field, values);
    revisited.add(field.id);
    // A group's rows are new scopes each visit: its readers are always revisited.
    if (engine.scope[field.id] !== before || field.newRowScope !== undefined) {
      scopeChanged = true;
      for (const reader of readers.get(field.id) ?? []) pending.add(reader);
    }
    next++;
  }
  if (scopeChanged || revisited.size > 0) checkRulesAndTags(pass, engine);
  return revisited;
};

type ErrorIndex = ReadonlyMap<string, readonly ValidationIssue[]>;

export const NO_ERRORS: readonly ValidationIssue[] = /* @__PURE__ */ Object.freeze([]);
const EMPTY_INDEX: ErrorIndex = /* @__PURE__ */ new Map();

// Keyed by the issue list itself: a list is never changed once the engine holds it (a visit or a
// locale switch replaces it), so its index stays right for as long as the list lives.
const indexes = /* @__PURE__ */ new WeakMap<readonly ValidationIssue[], ErrorIndex>();

/** The issues of a list grouped by path, built once per list: each path's lookup is then O(1), not a scan. */
const indexOf = (issues: readonly ValidationIssue[] | undefined): ErrorIndex => {
  if (issues === undefined || issues.length === 0) return EMPTY_INDEX;
  let index = indexes.get(issues);
  if (index !== undefined) return index;
  const built = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const list = built.get(issue.path);
    if (list === undefined) built.set(issue.path, [issue]);
    else list.push(issue);
  }
  sessionWork.issuesIndexed += issues.length;
  for (const list of built.values()) Object.freeze(list);
  index = built;
  indexes.set(issues, index);
  return index;
};

const ownErrorsAt = (engine: Engine, path: string): readonly ValidationIssue[] | undefined =>
  indexOf(engine.fieldErrors.get(topLevelOf(path))).get(path);

/** Where to find the errors of each path of one top-level field, frozen: its own, then the rules reported there. */
export const errorLookup = (engine: Engine, id: string): ((path: string) => readonly ValidationIssue[]) => {
  const own = indexOf(engine.fieldErrors.get(id));
  const rules = indexOf(engine.ruleErrors);
  return (path) => {
    const mine = own.get(path);
    const ruled = rules.get(path);
    if (ruled === undefined) return mine ?? NO_ERRORS;
    return mine === undefined ? ruled : Object.freeze([...mine, ...ruled]);
  };
};
