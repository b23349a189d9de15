import type { FieldBase } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { count, ref } from '../core/jsonSchema';
import { isEmptyList } from './emptiness';
import type { FieldDefinition } from './fieldDefinition';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { copyArray, numberOrUndefined, typeFailure } from './valueHelpers';

export interface GroupField extends FieldBase<'group'> {
  /** The fields of one row; their ids are scoped to the group (`$row.id` in conditions). */
  readonly fields: readonly FieldDefinition[];
  readonly minItems?: number;
  readonly maxItems?: number;
}

export const groupFieldKind = defineKind<GroupField>(() => ({
  summary: 'A repeating group: a list of rows, each an object of the group\'s fields (one service-feedback record per service). Row conditions read `$row.<id>`; paths are `group.0.field`.',
  properties: {
    fields: { type: 'array', minItems: 1, items: ref('field'), description: 'The fields of each row. Ids are scoped to the group; groups do not nest.' },
    minItems: count('Fewest rows; 1 or more makes the group required unless `required` says otherwise.'),
    maxItems: count('Most rows.'),
  },
  requiredProperties: ['fields'],
  example: [{ feedbackTime: '2024-03-15 09:30', solution: '上门更换' }],
  valueKind: 'list',
  takesInput: true,
  hasOptions: false,
  checkDefinition: ({ def }, report) => {
    if (typeof def.minItems === 'number' && typeof def.maxItems === 'number' && def.minItems > def.maxItems) {
      report('minItems', 'schema', 'limits', { low: 'minItems', high: 'maxItems' });
    }
  },
  // The rows themselves are walked by the pass, field by field; the kind checks the list.
  values: ({ def }) => {
    const min = numberOrUndefined(def.minItems);
    const max = numberOrUndefined(def.maxItems);
    const wrongType = typeFailure('group');
    const tooFew: Failure | undefined = min === undefined ? undefined : { code: 'minItems', params: { min } };
    const tooMany: Failure | undefined = max === undefined ? undefined : { code: 'maxItems', params: { max } };
    return {
      isEmpty: isEmptyList,
      accept: (raw, _scope, slot) => {
        if (!Array.isArray(raw)) return wrongType;
        const length = raw.length;
        if (tooMany !== undefined && length > (max as number)) return tooMany;
        if (tooFew !== undefined && length < (min as number)) return tooFew;
        slot.value = copyArray(raw, length);
        return undefined;
      },
    };
  },
  cellText: (value) => (Array.isArray(value) ? String(value.length) : ''),
  tsType: ({ rowType }) => `ReadonlyArray<${rowType()}>`,
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
