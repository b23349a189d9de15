/**
 * The JSON Logic operators a definition may use, with their arity. Anything else is rejected when the
 * form is compiled: json-logic-js's `method` would run arbitrary methods and `log` writes to the console,
 * and dotted operator names reach into the operation table.
 */
export interface Arity {
  readonly min: number;
  readonly max: number;
}

const n = (min: number, max = Number.POSITIVE_INFINITY): Arity => ({ min, max });

export const OPERATORS: ReadonlyMap<string, Arity> = /* @__PURE__ */ (() => new Map([
  ['var', n(0, 2)], ['missing', n(0)], ['missing_some', n(2, 2)],
  ['if', n(0)], ['?:', n(0)], ['and', n(1)], ['or', n(1)], ['!', n(1, 1)], ['!!', n(1, 1)],
  ['==', n(2, 2)], ['===', n(2, 2)], ['!=', n(2, 2)], ['!==', n(2, 2)],
  ['>', n(2, 2)], ['>=', n(2, 2)], ['<', n(2, 3)], ['<=', n(2, 3)],
  ['max', n(1)], ['min', n(1)], ['+', n(0)], ['-', n(1, 2)], ['*', n(1)], ['/', n(2, 2)], ['%', n(2, 2)],
  ['in', n(2, 2)], ['cat', n(0)], ['substr', n(2, 3)], ['merge', n(0)],
  ['all', n(2, 2)], ['some', n(2, 2)], ['none', n(2, 2)], ['filter', n(2, 2)], ['map', n(2, 2)], ['reduce', n(2, 3)],
]))();

/** Operators whose second argument runs once per element of the first, with the element as data. */
export const ELEMENT_SCOPED: ReadonlySet<string> = /* @__PURE__ */ new Set(['all', 'some', 'none', 'filter', 'map']);

/** Spellings authors bring from other languages and query DSLs, mapped to the operator they meant. */
// A Map, not an object literal: `{"constructor": …}` must not find Object's constructor as an alias.
export const OPERATOR_ALIASES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ['eq', '=='], ['equals', '=='], ['neq', '!='], ['ne', '!='], ['not', '!'], ['gt', '>'], ['gte', '>='], ['lt', '<'], ['lte', '<='],
  ['$eq', '=='], ['$ne', '!='], ['$gt', '>'], ['$gte', '>='], ['$lt', '<'], ['$lte', '<='], ['$in', 'in'], ['contains', 'in'],
  ['includes', 'in'], ['&&', 'and'], ['||', 'or'], ['=', '=='], ['<>', '!='], ['concat', 'cat'], ['sum', '+'], ['add', '+'],
]);
