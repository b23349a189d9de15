import type { FieldBase, LocalizedText } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { ref } from '../core/jsonSchema';
import { isNothing } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { isFiniteNumber, numberOrUndefined, typeFailure } from './valueHelpers';

export interface NumberField extends FieldBase<'number'> {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly unit?: LocalizedText;
}

export const numberFieldKind = defineKind<NumberField>(() => ({
  summary: 'A number (JSON number; a numeric string is a type error).',
  properties: {
    min: { type: 'number', description: 'Smallest allowed value.' },
    max: { type: 'number', description: 'Largest allowed value.' },
    integer: { type: 'boolean', description: 'Only whole numbers.' },
    unit: ref('localizedText', 'Unit shown after the value: 万元, kg.'),
  },
  requiredProperties: [],
  example: 12.5,
  valueKind: 'number',
  takesInput: true,
  hasOptions: false,
  checkDefinition: ({ def }, report) => {
    if (typeof def.min === 'number' && typeof def.max === 'number' && def.min > def.max) report('min', 'schema', 'limits', { low: 'min', high: 'max' });
  },
  values: ({ def }) => {
    const integer = def.integer === true;
    const wrongType = typeFailure(integer ? 'integer' : 'number');
    const min = numberOrUndefined(def.min);
    const max = numberOrUndefined(def.max);
    const tooSmall: Failure | undefined = min === undefined ? undefined : { code: 'min', params: { min } };
    const tooLarge: Failure | undefined = max === undefined ? undefined : { code: 'max', params: { max } };
    return {
      isEmpty: isNothing,
      accept: (raw, _scope, slot) => {
        if (!isFiniteNumber(raw) || (integer && !Number.isInteger(raw))) return wrongType;
        if (tooSmall !== undefined && raw < (min as number)) return tooSmall;
        if (tooLarge !== undefined && raw > (max as number)) return tooLarge;
        slot.value = raw;
        return undefined;
      },
    };
  },
  cellText: (value, { def, text }) => (isFiniteNumber(value) ? (def.unit === undefined ? String(value) : `${value} ${text(def.unit)}`) : ''),
  tsType: () => 'number',
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
