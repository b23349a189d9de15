import type { FieldBase, OptionDefinition } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { count } from '../core/jsonSchema';
import { choiceProperties, choicesFor, choiceUnion, optionText } from './choices';
import { isEmptyList } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { numberOrUndefined, typeFailure } from './valueHelpers';

export interface MultiselectField extends FieldBase<'multiselect'> {
  readonly options?: readonly OptionDefinition[];
  readonly optionsRef?: string;
  readonly optionsIf?: readonly { readonly when: unknown; readonly options?: readonly OptionDefinition[]; readonly optionsRef?: string }[];
  readonly minItems?: number;
  readonly maxItems?: number;
}

export const multiselectFieldKind = defineKind<MultiselectField>(() => ({
  summary: 'Several options (checkboxes): a list of distinct option values.',
  properties: {
    options: choiceProperties.options,
    optionsRef: choiceProperties.optionsRef,
    optionsIf: choiceProperties.optionsIf,
    minItems: count('Fewest options to choose; 1 or more makes the field required unless `required` says otherwise.'),
    maxItems: count('Most options to choose.'),
  },
  requiredProperties: [],
  example: ['expo', 'online'],
  valueKind: 'list',
  takesInput: true,
  hasOptions: true,
  checkDefinition: ({ def }, report) => {
    if (typeof def.minItems === 'number' && typeof def.maxItems === 'number' && def.minItems > def.maxItems) {
      report('minItems', 'schema', 'limits', { low: 'minItems', high: 'maxItems' });
    }
  },
  values: ({ def, options }) => {
    const choices = choicesFor(options);
    const wrongType = typeFailure('multiselect');
    const notOffered: Failure = { code: 'option' };
    const min = numberOrUndefined(def.minItems);
    const max = numberOrUndefined(def.maxItems);
    const tooFew: Failure | undefined = min === undefined ? undefined : { code: 'minItems', params: { min } };
    const tooMany: Failure | undefined = max === undefined ? undefined : { code: 'maxItems', params: { max } };
    return {
      isEmpty: isEmptyList,
      accept: (raw, scope, slot) => {
        if (!Array.isArray(raw)) return wrongType;
        // Read once: a Proxy must not show the size check one length and the copy another.
        const length = raw.length;
        if (tooMany !== undefined && length > (max as number)) return tooMany;
        if (tooFew !== undefined && length < (min as number)) return tooFew;
        const allowed = choices(scope);
        // More items than options means a repeat; past that, a Set keeps the repeat test linear.
        if (length > allowed.size) return notOffered;
        const seen = length > 32 ? new Set<unknown>() : undefined;
        const copy: (string | number)[] = [];
        for (let i = 0; i < length; i++) {
          const item: unknown = raw[i];
          if ((typeof item !== 'string' && typeof item !== 'number') || !allowed.has(item)) return notOffered;
          if (seen === undefined ? copy.includes(item) : seen.has(item)) return notOffered;
          seen?.add(item);
          copy.push(item);
        }
        slot.value = copy;
        return undefined;
      },
    };
  },
  cellText: (value, context) =>
    Array.isArray(value) ? value.map((item) => optionText(item, context)).join(context.locale.startsWith('zh') ? '、' : ', ') : '',
  tsType: ({ options }) => `ReadonlyArray<${choiceUnion(options)}>`,
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
