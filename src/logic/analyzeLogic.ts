import { closest } from '../core/suggest';
import { isOperation, splitOperation } from './isLogic';
import { ELEMENT_SCOPED, OPERATOR_ALIASES, OPERATORS } from './operators';

/**
 * What a `var` reads from: the form's data, an element of an array (all/some/…), or reduce's pair.
 * `sources` are the variables whose elements are iterated (several through `merge`); empty when the
 * array is built some other way and its elements cannot be known.
 */
export type LogicScope =
  | { readonly kind: 'root' }
  | { readonly kind: 'element'; readonly sources: readonly VarUse[] }
  | { readonly kind: 'reduce'; readonly sources: readonly VarUse[] };

export interface VarUse {
  readonly name: string;
  readonly path: string;
  readonly scope: LogicScope;
}

/** A variable compared with literals: the raw material of unknown-option and type-mismatch checks. */
export interface LiteralComparison {
  readonly operator: string;
  readonly variable: VarUse;
  readonly literals: readonly unknown[];
  /** For `in`: 'member' = var in [literals]; 'contains' = literal in var (a multiselect). */
  readonly relation: 'equals' | 'order' | 'member' | 'contains';
  readonly path: string;
}

export type LogicFinding =
  | { readonly code: 'unknown-operator'; readonly path: string; readonly operator: string; readonly suggestion?: string }
  | { readonly code: 'not-operation'; readonly path: string }
  | { readonly code: 'bad-arity'; readonly path: string; readonly operator: string; readonly expected: string; readonly actual: number }
  | { readonly code: 'dynamic-var'; readonly path: string };

export interface LogicAnalysis {
  readonly vars: VarUse[];
  readonly comparisons: LiteralComparison[];
  readonly findings: LogicFinding[];
}

const ROOT: LogicScope = { kind: 'root' };
const EQUALITY = /* @__PURE__ */ new Set(['==', '===', '!=', '!==']);
const ORDER = /* @__PURE__ */ new Set(['<', '<=', '>', '>=']);

const isPrimitive = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const literalVarName = (node: unknown): string | undefined => {
  if (!isOperation(node)) return undefined;
  const [operator, args] = splitOperation(node);
  if (operator !== 'var') return undefined;
  const name = args[0];
  return typeof name === 'string' || typeof name === 'number' ? String(name) : undefined;
};

const describeArity = (min: number, max: number): string =>
  min === max ? String(min) : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;

/** Walks a JSON Logic expression once and reports what it reads and what is wrong with it. */
export const analyzeLogic = (logic: unknown, path: string): LogicAnalysis => {
  const result: LogicAnalysis = { vars: [], comparisons: [], findings: [] };
  walk(logic, path, ROOT, result);
  return result;
};

/**
 * Walks one node. Returns the variables whose elements this node's value holds, so that an
 * element-scoped operator over it (`some`, `all`, `reduce` …) can check the names read inside:
 * a `var` holds its own elements, `merge` those of its arguments, `filter` those of its source.
 */
const walk = (node: unknown, path: string, scope: LogicScope, out: LogicAnalysis): readonly VarUse[] => {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, `${path}.${index}`, scope, out));
    return NONE;
  }
  if (typeof node === 'object' && node !== null && !isOperation(node)) {
    out.findings.push({ code: 'not-operation', path });
    return NONE;
  }
  if (!isOperation(node)) return NONE;
  const [operator, args] = splitOperation(node);
  const argPath = (index: number): string =>
    Array.isArray(node[operator]) ? `${path}.${operator}.${index}` : `${path}.${operator}`;
  const arity = OPERATORS.get(operator);
  if (arity === undefined) {
    const suggestion = OPERATOR_ALIASES.get(operator) ?? closest(operator, OPERATORS.keys());
    out.findings.push({ code: 'unknown-operator', path: `${path}.${operator}`, operator, ...(suggestion ? { suggestion } : {}) });
  } else if (args.length < arity.min || args.length > arity.max) {
    out.findings.push({ code: 'bad-arity', path: `${path}.${operator}`, operator, expected: describeArity(arity.min, arity.max), actual: args.length });
  }

  if (operator === 'var') {
    const name = args[0];
    if (name !== undefined && !isPrimitive(name)) {
      out.findings.push({ code: 'dynamic-var', path: argPath(0) });
      args.forEach((arg, index) => walk(arg, argPath(index), scope, out));
      return NONE;
    }
    if (args.length > 1) walk(args[1], argPath(1), scope, out);
    const use: VarUse = { name: name === undefined || name === null ? '' : String(name), path: argPath(0), scope };
    out.vars.push(use);
    return [use];
  }

  if (operator === 'missing' || operator === 'missing_some') {
    // Their arguments are variable names written as strings: read like `var`, so typos are caught and
    // the field they name becomes a dependency.
    // json-logic-js: `missing` takes its names from a first argument that is an array, else from all of them.
    const names = operator === 'missing_some' ? args[1] : Array.isArray(args[0]) ? args[0] : args;
    const namesPath = operator === 'missing_some' ? argPath(1) : Array.isArray(args[0]) ? argPath(0) : undefined;
    if (operator === 'missing_some') walk(args[0], argPath(0), scope, out);
    if (!Array.isArray(names)) {
      if (names !== undefined) out.findings.push({ code: 'dynamic-var', path: namesPath ?? argPath(0) });
      return NONE;
    }
    names.forEach((name, index) => {
      const namePath = namesPath === undefined ? argPath(index) : `${namesPath}.${index}`;
      if (typeof name === 'string' || typeof name === 'number') out.vars.push({ name: String(name), path: namePath, scope });
      else out.findings.push({ code: 'dynamic-var', path: namePath });
    });
    return NONE;
  }

  if (ELEMENT_SCOPED.has(operator) || operator === 'reduce') {
    const sources = walk(args[0], argPath(0), scope, out);
    const inner: LogicScope = operator === 'reduce' ? { kind: 'reduce', sources } : { kind: 'element', sources };
    walk(args[1], argPath(1), inner, out);
    if (args.length > 2) walk(args[2], argPath(2), scope, out);
    return operator === 'filter' ? sources : NONE;
  }

  const held = args.map((arg, index) => walk(arg, argPath(index), scope, out));
  // A comparison checks literals against a variable written directly as an argument ({"var": "x"}).
  const direct = held.map((uses, index) => (uses.length === 1 && literalVarName(args[index]) !== undefined ? uses[0] : undefined));
  collectComparison(operator, args, direct, path, out);
  return operator === 'merge' ? held.flat() : NONE;
};

const NONE: readonly VarUse[] = [];

const collectComparison = (
  operator: string,
  args: readonly unknown[],
  uses: readonly (VarUse | undefined)[],
  path: string,
  out: LogicAnalysis,
): void => {
  if (EQUALITY.has(operator) || ORDER.has(operator)) {
    const relation = EQUALITY.has(operator) ? 'equals' : 'order';
    args.forEach((arg, index) => {
      const variable = uses[index];
      if (variable === undefined || literalVarName(arg) === undefined) return;
      const literals = args.filter((other, j) => j !== index && isPrimitive(other) && other !== null);
      if (literals.length > 0) out.comparisons.push({ operator, variable, literals, relation, path });
    });
  } else if (operator === 'in' && args.length === 2) {
    const [needle, haystack] = args;
    const [needleVar, haystackVar] = uses;
    if (needleVar && Array.isArray(haystack) && haystack.every(isPrimitive)) {
      out.comparisons.push({ operator, variable: needleVar, literals: haystack, relation: 'member', path });
    } else if (haystackVar && isPrimitive(needle) && needle !== null) {
      out.comparisons.push({ operator, variable: haystackVar, literals: [needle], relation: 'contains', path });
    }
  }
};
