import type { FieldBase } from '../core/definitionTypes';
import { catalogueLocale } from '../core/localize';
import { isNothing } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { typeFailure } from './valueHelpers';

export type BooleanField = FieldBase<'boolean'>;

const YES_NO = { 'zh-CN': ['是', '否'], 'zh-TW': ['是', '否'], en: ['Yes', 'No'] } as const;

export const booleanFieldKind = defineKind<BooleanField>(() => ({
  summary: 'Yes or no (true / false; false is an answer).',
  properties: {},
  requiredProperties: [],
  example: true,
  valueKind: 'boolean',
  takesInput: true,
  hasOptions: false,
  values: () => {
    const wrongType = typeFailure('boolean');
    return {
      isEmpty: isNothing,
      accept: (raw, _scope, slot) => {
        if (typeof raw !== 'boolean') return wrongType;
        slot.value = raw;
        return undefined;
      },
    };
  },
  cellText: (value, { locale }) => {
    if (typeof value !== 'boolean') return '';
    const [yes, no] = YES_NO[catalogueLocale(locale) ?? 'en'];
    return value ? yes : no;
  },
  tsType: () => 'boolean',
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
