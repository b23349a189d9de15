import type { FieldBase, OptionDefinition } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { isEmptyText } from './emptiness';
import { choiceProperties, choicesFor, choiceUnion, optionText } from './choices';
import type { FieldKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { typeFailure } from './valueHelpers';

interface ChoiceProps {
  readonly options?: readonly OptionDefinition[];
  readonly optionsRef?: string;
  readonly optionsIf?: readonly { readonly when: unknown; readonly options?: readonly OptionDefinition[]; readonly optionsRef?: string }[];
}
export interface SelectField extends FieldBase<'select'>, ChoiceProps {}
export interface RadioField extends FieldBase<'radio'>, ChoiceProps {}
type AnyChoice = SelectField | RadioField;

const choiceKind = (type: 'select' | 'radio', summary: string): FieldKind<AnyChoice> => ({
  summary,
  properties: choiceProperties,
  requiredProperties: [],
  example: 'enterprise',
  valueKind: 'any',
  takesInput: true,
  hasOptions: true,
  values: ({ options }) => {
    const choices = choicesFor(options);
    const wrongType = typeFailure(type);
    const notOffered: Failure = { code: 'option' };
    return {
      isEmpty: isEmptyText,
      accept: (raw, scope, slot) => {
        if (typeof raw !== 'string' && typeof raw !== 'number') return wrongType;
        if (!choices(scope).has(raw)) return notOffered;
        slot.value = raw;
        return undefined;
      },
    };
  },
  cellText: optionText,
  tsType: ({ options }) => choiceUnion(options),
  defaultMask: (def) => maskForPii(def.pii, 'full'),
});

export const selectFieldKind = /* @__PURE__ */ choiceKind('select', 'One option from a dropdown.');
export const radioFieldKind = /* @__PURE__ */ choiceKind('radio', 'One option from radio buttons.');
