import type { FieldBase, Logic } from '../core/definitionTypes';
import { ref } from '../core/jsonSchema';
import { isOperation, splitOperation } from '../logic/isLogic';
import { isNothing } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';

export interface ComputedField extends FieldBase<'computed'> {
  readonly expression: Logic;
}

const NUMERIC = /* @__PURE__ */ new Set(['+', '-', '*', '/', '%', 'max', 'min']);
const TEXTUAL = /* @__PURE__ */ new Set(['cat', 'substr']);
const BOOLEAN = /* @__PURE__ */ new Set(['!', '!!', '==', '===', '!=', '!==', '<', '<=', '>', '>=', 'in', 'all', 'some', 'none']);

/** What the top operator of the expression produces, for the value type of `formloom types`. */
const resultType = (expression: unknown): string => {
  if (!isOperation(expression)) return typeof expression === 'string' ? 'string' : typeof expression === 'number' ? 'number' : 'string | number | boolean';
  const [operator] = splitOperation(expression);
  if (NUMERIC.has(operator)) return 'number';
  if (TEXTUAL.has(operator)) return 'string';
  if (BOOLEAN.has(operator)) return 'boolean';
  return 'string | number | boolean';
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
