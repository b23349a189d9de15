import type { FieldBase, Logic } from '../core/definitionTypes';
import { ref } from '../core/jsonSchema';
import { isOperation, splitOperation } from '../logic/isLogic';
import { isNothing } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';

export interface ComputedField extends FieldBase<'computed'> {
  readonly expression: Logic;
}

/**
 * What a computed value is, by the expression's top operator. The lists are shared with the type
 * inference of definitions written in TypeScript (src/definition/inferValues.ts), so `formloom types`
 * and `InferValues` cannot disagree. Anything else (`var`, `if`, `and`, `reduce` …) may be any JSON.
 */
export const NUMERIC_OPERATORS = ['+', '-', '*', '/', '%', 'max', 'min'] as const;
export const TEXT_OPERATORS = ['cat', 'substr'] as const;
export const BOOLEAN_OPERATORS = ['!', '!!', '==', '===', '!=', '!==', '<', '<=', '>', '>=', 'in', 'all', 'some', 'none'] as const;
export const LIST_OPERATORS = ['merge', 'map', 'filter', 'missing', 'missing_some'] as const;

const RESULT_TYPES: ReadonlyMap<string, string> = /* @__PURE__ */ (() => new Map([
  ...NUMERIC_OPERATORS.map((operator) => [operator, 'number'] as const),
  ...TEXT_OPERATORS.map((operator) => [operator, 'string'] as const),
  ...BOOLEAN_OPERATORS.map((operator) => [operator, 'boolean'] as const),
  ...LIST_OPERATORS.map((operator) => [operator, 'ReadonlyArray<unknown>'] as const),
]))();

/** The value type of `formloom types` for an expression; `never` for null, which computes no value. */
const resultType = (expression: unknown): string => {
  if (isOperation(expression)) return RESULT_TYPES.get(splitOperation(expression)[0]) ?? 'unknown';
  if (expression === null) return 'never';
  if (Array.isArray(expression)) return 'ReadonlyArray<unknown>';
  const type = typeof expression;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'unknown';
};

export const computedFieldKind = defineKind<ComputedField>(() => ({
  summary: 'Derived from other answers by a JSON Logic `expression`; never taken from input (a value sent for it is replaced).',
  properties: { expression: ref('logic', 'The JSON Logic expression that computes the value.') },
  requiredProperties: ['expression'],
  example: 6,
  valueKind: 'any',
  takesInput: false,
  hasOptions: false,
  values: () => ({
    isEmpty: isNothing,
    accept: (raw, _scope, slot) => {
      slot.value = raw;
      return undefined;
    },
  }),
  cellText: (value) => (value === null || value === undefined || typeof value === 'object' ? '' : String(value)),
  tsType: ({ def }) => resultType(def.expression),
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
