import { compileLogic, type Evaluator } from '../../logic/compileLogic';
import { isOperation, splitOperation } from '../../logic/isLogic';
import { jsString } from '../../core/jsString';

/**
 * Writes a JSON Logic condition as a JavaScript expression over the generated walk's locals, for the
 * operators a form's conditions mostly use (`var`, comparisons, `!`, `!!`, `and`, `or`, `in`).
 * Everything else, and any shape these rules do not cover exactly, is a call of the same closure
 * `compileLogic` builds, so the generated code never means something the reference does not.
 * Definition content only ever enters the source as JSON string or number literals (escaped data).
 */
export interface LogicContext {
  /** Top-level field ids: read as `s["id"]`. */
  readonly fields: ReadonlySet<string>;
  /** Row field ids when the condition belongs to a row field: `$row.id` reads `r["id"]`. */
  readonly rowFields: ReadonlySet<string> | undefined;
  /** Registers a closure or constant the source refers to; returns its index in `C`. */
  readonly constant: (value: unknown) => number;
}

interface Expression {
  readonly code: string;
  /** True when the expression always yields a boolean (no `truthy` needed). */
  readonly boolean: boolean;
  /** True when evaluating it twice costs nothing and reads the same: a literal or a local read. */
  readonly simple: boolean;
}

const fallback = (logic: unknown, context: LogicContext): Expression => {
  const evaluator: Evaluator = compileLogic(logic);
  return { code: `C[${context.constant(evaluator)}](s)`, boolean: false, simple: false };
};

const literal = (value: unknown): Expression | undefined => {
  if (value === null) return { code: 'null', boolean: false, simple: true };
  if (typeof value === 'boolean') return { code: String(value), boolean: true, simple: true };
  if (typeof value === 'string') return { code: jsString(value), boolean: false, simple: true };
  if (typeof value === 'number' && Number.isFinite(value)) return { code: Object.is(value, -0) ? '-0' : JSON.stringify(value), boolean: false, simple: true };
  return undefined;
};

// What `var` reads, as compileVar's common case does: an own property, undefined read as null.
const variable = (name: unknown, context: LogicContext): Expression | undefined => {
  if (typeof name !== 'string') return undefined;
  if (name === "$role" || name === "$now" || name === "$today") return { code: `s[${jsString(name)}]`, boolean: false, simple: true };
  if (context.fields.has(name)) return { code: `(s[${jsString(name)}] ?? null)`, boolean: false, simple: true };
  if (context.rowFields !== undefined && name.startsWith('$row.')) {
    const id = name.slice(5);
    if (context.rowFields.has(id)) return { code: `(r[${jsString(id)}] ?? null)`, boolean: false, simple: true };
  }
  return undefined;
};

const EQUALITY = new Set(['==', '===', '!=', '!==']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

const expression = (logic: unknown, context: LogicContext): Expression => {
  if (!isOperation(logic)) return Array.isArray(logic) ? fallback(logic, context) : literal(logic) ?? fallback(logic, context);
  const [operator, args] = splitOperation(logic);
  if (operator === 'var') {
    if (args.length !== 1) return fallback(logic, context);
    return variable(args[0], context) ?? fallback(logic, context);
  }
  if (EQUALITY.has(operator) && args.length === 2) {
    const a = expression(args[0], context);
    const b = expression(args[1], context);
    return { code: `(${a.code} ${operator} ${b.code})`, boolean: true, simple: false };
  }
  if (ORDERING.has(operator) && args.length === 2) {
    const a = expression(args[0], context);
    const b = expression(args[1], context);
    // Each operand is read twice (the null test, then the comparison): only reads and literals.
    if (!a.simple || !b.simple) return fallback(logic, context);
    return { code: `(${a.code} !== null && ${b.code} !== null && ${a.code} ${operator} ${b.code})`, boolean: true, simple: false };
  }
  if ((operator === '!' || operator === '!!') && args.length === 1) {
    const inner = condition(args[0], context);
    return { code: operator === '!' ? `!${inner}` : inner, boolean: true, simple: false };
  }
  if (operator === 'in' && args.length === 2) {
    const needle = expression(args[0], context);
    const haystack = Array.isArray(args[1]) && args[1].every((item) => literal(item) !== undefined)
      ? `C[${context.constant(args[1])}]`
      : expression(args[1], context).code;
    return { code: `H.within(${needle.code}, ${haystack})`, boolean: true, simple: false };
  }
  return fallback(logic, context);
};

/** The condition as a boolean expression (JSON Logic truthiness). */
export const condition = (logic: unknown, context: LogicContext): string => {
  if (isOperation(logic)) {
    const [operator, args] = splitOperation(logic);
    // In a condition only the truthiness of `and` / `or` matters, not which operand they return.
    if ((operator === 'and' || operator === 'or') && args.length > 0) {
      return `(${args.map((arg) => condition(arg, context)).join(operator === 'and' ? ' && ' : ' || ')})`;
    }
  }
  const result = expression(logic, context);
  return result.boolean ? result.code : `H.truthy(${result.code})`;
};
