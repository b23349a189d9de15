import { hasOwn } from '../core/reserved';
import { isOperation, splitOperation } from './isLogic';
import { OPERATORS } from './operators';
import { readPath, readVar, varParts } from './readVar';
import { truthy } from './truthy';

/** A compiled condition or expression: a pure function of the data it reads. */
export type Evaluator = (data: unknown) => unknown;
type Builder = (args: readonly Evaluator[], raw: readonly unknown[]) => Evaluator;

const constant = (value: unknown): Evaluator => () => value;

/**
 * Compiles JSON Logic to closures once, so that evaluating a condition costs a few function calls
 * instead of a walk over the JSON. Semantics are json-logic-js 2.0.5's (the differential test proves
 * it), with one deliberate difference: `<`, `<=`, `>`, `>=` are false when any operand is null, i.e.
 * an unanswered field, where json-logic-js would compare null as 0. Throws on an operator outside the
 * allow-list; `compileForm` reports those as definition issues before it gets here.
 */
export const compileLogic = (logic: unknown): Evaluator => {
  if (Array.isArray(logic)) {
    const items = logic.map(compileLogic);
    return (data) => items.map((item) => item(data));
  }
  if (!isOperation(logic)) return constant(logic);
  const [operator, raw] = splitOperation(logic);
  const build = OPERATORS.has(operator) ? BUILDERS.get(operator) : undefined;
  if (build === undefined) throw new Error(`JSON Logic operator not allowed: ${operator}`);
  return build(raw.map(compileLogic), raw);
};

const argument = (args: readonly Evaluator[], index: number): Evaluator => args[index] ?? constant(undefined);

const compileVar: Builder = (args, raw) => {
  const nameArg = raw[0];
  const fallback = args[1];
  if (!isOperation(nameArg) && !Array.isArray(nameArg)) {
    const parts = varParts(nameArg);
    if (parts === null) return (data) => data;
    if (fallback === undefined && parts.length === 1) {
      // The common case, a plain field name: one own-property read, no loop.
      const key = parts[0] as string;
      return (data) => {
        if (typeof data !== 'object' || data === null || !hasOwn(data, key)) return readPath(data, parts, null);
        const value = (data as Record<string, unknown>)[key];
        return value === undefined ? null : value;
      };
    }
    if (fallback === undefined) return (data) => readPath(data, parts, null);
    return (data) => {
      const notFound = fallback(data);
      return readPath(data, parts, notFound === undefined ? null : notFound);
    };
  }
  const name = argument(args, 0);
  return (data) => readVar(data, name(data), fallback?.(data));
};

const missingKeys = (data: unknown, keys: readonly unknown[]): unknown[] => {
  const missing: unknown[] = [];
  for (const key of keys) {
    const value = Array.isArray(key) ? readVar(data, key[0], key[1]) : readVar(data, key, undefined);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
};

const evaluateAll = (args: readonly Evaluator[], data: unknown): unknown[] => args.map((arg) => arg(data));

const ordering = (compare: (a: never, b: never) => boolean): Builder => (args) => {
  const [a, b, c] = [argument(args, 0), argument(args, 1), args[2]];
  if (c === undefined) {
    return (data) => {
      const left = a(data);
      const right = b(data);
      return left !== null && right !== null && compare(left as never, right as never);
    };
  }
  return (data) => {
    const left = a(data);
    const middle = b(data);
    const right = c(data);
    if (left === null || middle === null || right === null) return false;
    return compare(left as never, middle as never) && compare(middle as never, right as never);
  };
};

const binary = (apply: (a: never, b: never) => unknown): Builder => (args) => {
  const a = argument(args, 0);
  const b = argument(args, 1);
  return (data) => apply(a(data) as never, b(data) as never);
};

// `otherwise` makes the result for a non-array: a fresh [] each time, as json-logic-js does ([] != []).
const scoped = (run: (items: readonly unknown[], each: Evaluator) => unknown, otherwise: () => unknown): Builder =>
  (args) => {
    const source = argument(args, 0);
    const each = argument(args, 1);
    return (data) => {
      const items = source(data);
      return Array.isArray(items) ? run(items, each) : otherwise();
    };
  };

const substr = (source: unknown, start: unknown, end: unknown): string => {
  const text = String(source);
  if ((end as number) < 0) {
    const tail = text.substr(start as number);
    return tail.substr(0, tail.length + (end as number));
  }
  return text.substr(start as number, end as number);
};

/** JSON Logic's `in`, as json-logic-js: a falsy haystack ('' included) contains nothing. */
export const within = (needle: unknown, haystack: unknown): boolean =>
  haystack !== '' && (typeof haystack === 'string' || Array.isArray(haystack)) ? haystack.indexOf(needle as never) !== -1 : false;

const conditional: Builder = (args) => (data) => {
  let i = 0;
  for (; i < args.length - 1; i += 2) {
    if (truthy((args[i] as Evaluator)(data))) return (args[i + 1] as Evaluator)(data);
  }
  return i === args.length - 1 ? (args[i] as Evaluator)(data) : null;
};

// Built in a function so that a bundle which never compiles a condition drops the table.
const BUILDERS: ReadonlyMap<string, Builder> = /* @__PURE__ */ (() => new Map<string, Builder>([
  ['var', compileVar],
  ['missing', (args) => (data) => {
    const values = evaluateAll(args, data);
    return missingKeys(data, Array.isArray(values[0]) ? values[0] : values);
  }],
  ['missing_some', (args) => (data) => {
    const need = argument(args, 0)(data) as number;
    const options = argument(args, 1)(data);
    const keys = Array.isArray(options) ? options : [options];
    const missing = missingKeys(data, keys);
    const available = (Array.isArray(options) ? options.length : Number.NaN) - missing.length;
    return available >= need ? [] : missing;
  }],
  ['if', conditional],
  ['?:', conditional],
  ['and', (args) => (data) => {
    let current: unknown;
    for (const arg of args) {
      current = arg(data);
      if (!truthy(current)) return current;
    }
    return current;
  }],
  ['or', (args) => (data) => {
    let current: unknown;
    for (const arg of args) {
      current = arg(data);
      if (truthy(current)) return current;
    }
    return current;
  }],
  ['!', (args) => { const a = argument(args, 0); return (data) => !truthy(a(data)); }],
  ['!!', (args) => { const a = argument(args, 0); return (data) => truthy(a(data)); }],
  // Loose equality is JSON Logic's documented semantics; authors who need strictness use === / !==.
  // eslint-disable-next-line eqeqeq
  ['==', binary((a, b) => a == b)],
  ['===', binary((a, b) => a === b)],
  // eslint-disable-next-line eqeqeq
  ['!=', binary((a, b) => a != b)],
  ['!==', binary((a, b) => a !== b)],
  ['>', ordering((a, b) => a > b)],
  ['>=', ordering((a, b) => a >= b)],
  ['<', ordering((a, b) => a < b)],
  ['<=', ordering((a, b) => a <= b)],
  ['max', (args) => (data) => Math.max(...(evaluateAll(args, data) as number[]))],
  ['min', (args) => (data) => Math.min(...(evaluateAll(args, data) as number[]))],
  ['+', (args) => (data) => {
    let sum = 0;
    for (const arg of args) sum = sum + parseFloat(arg(data) as string);
    return sum;
  }],
  ['*', (args) => (data) => {
    const values = evaluateAll(args, data);
    let product: unknown = values[0];
    for (let i = 1; i < values.length; i++) product = parseFloat(product as string) * parseFloat(values[i] as string);
    return product;
  }],
  ['-', (args) => {
    const a = argument(args, 0);
    const b = args[1];
    if (b === undefined) return (data) => -(a(data) as number);
    return (data) => (a(data) as number) - (b(data) as number);
  }],
  ['/', binary((a: number, b: number) => a / b)],
  ['%', binary((a: number, b: number) => a % b)],
  ['in', binary(within)],
  ['cat', (args) => (data) => evaluateAll(args, data).join('')],
  ['substr', (args) => (data) => substr(argument(args, 0)(data), argument(args, 1)(data), args[2]?.(data))],
  ['merge', (args) => (data) => evaluateAll(args, data).reduce<unknown[]>((all, value) => all.concat(value), [])],
  ['all', scoped((items, each) => items.length > 0 && items.every((item) => truthy(each(item))), () => false)],
  ['some', scoped((items, each) => items.some((item) => truthy(each(item))), () => false)],
  ['none', scoped((items, each) => !items.some((item) => truthy(each(item))), () => true)],
  ['filter', scoped((items, each) => items.filter((item) => truthy(each(item))), () => [])],
  ['map', scoped((items, each) => items.map((item) => each(item)), () => [])],
  ['reduce', (args) => {
    const source = argument(args, 0);
    const step = argument(args, 1);
    const initial = args[2];
    return (data) => {
      const start = initial === undefined ? null : initial(data);
      const items = source(data);
      if (!Array.isArray(items)) return start;
      return items.reduce((accumulator: unknown, current: unknown) => step({ current, accumulator }), start);
    };
  }],
]))();
