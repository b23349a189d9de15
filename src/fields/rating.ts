import type { FieldBase } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { isNothing } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { isFiniteNumber, numberOr, typeFailure } from './valueHelpers';

export interface RatingField extends FieldBase<'rating'> {
  readonly max?: number;
}

export const ratingFieldKind = defineKind<RatingField>(() => ({
  summary: 'A star rating: a whole number from 1 to `max` (default 5).',
  properties: { max: { type: 'integer', minimum: 2, maximum: 10, description: 'Number of stars (default 5).' } },
  requiredProperties: [],
  example: 4,
  valueKind: 'number',
  takesInput: true,
  hasOptions: false,
  values: ({ def }) => {
    const max = numberOr(def.max, 5);
    const wrongType = typeFailure('rating');
    const tooSmall: Failure = { code: 'min', params: { min: 1 } };
    const tooLarge: Failure = { code: 'max', params: { max } };
    return {
      isEmpty: isNothing,
      accept: (raw, _scope, slot) => {
        if (!isFiniteNumber(raw) || !Number.isInteger(raw)) return wrongType;
        if (raw < 1) return tooSmall;
        if (raw > max) return tooLarge;
        slot.value = raw;
        return undefined;
      },
    };
  },
  cellText: (value) => (isFiniteNumber(value) ? String(value) : ''),
  // The schema keeps `max` in 2..10; clamped so that no definition can ask for a huge union.
  tsType: ({ def }) => Array.from({ length: Math.min(10, Math.max(1, Math.floor(numberOr(def.max, 5)))) }, (_, i) => String(i + 1)).join(' | '),
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
