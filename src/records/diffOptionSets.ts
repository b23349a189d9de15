import type { InternalForm } from '../compile/internalForm';
import type { OptionDefinition, OptionValue } from '../core/definitionTypes';
import { hasOwn } from '../core/reserved';
import { show } from './changeText';
import type { FormChange } from './formChange';

const valuesOf = (options: readonly OptionDefinition[], into: OptionValue[] = []): OptionValue[] => {
  for (const option of options) {
    into.push(option.value);
    if (option.children !== undefined) valuesOf(option.children, into);
  }
  return into;
};

/** Whether a field of the form draws options from the set, directly or in an `optionsIf` case. */
const usesSet = (form: InternalForm, name: string): boolean =>
  form.allFields.some((field) => {
    const def = field.def as { readonly optionsRef?: unknown; readonly optionsIf?: readonly { readonly optionsRef?: unknown }[] };
    return def.optionsRef === name || (def.optionsIf ?? []).some((entry) => entry.optionsRef === name);
  });

/**
 * Options added to or removed from a shared set kept by both versions. The fields using the set
 * report the same options themselves; here a removal breaks only when some field of `from` used
 * the set. A set that appears or disappears holds no answers, so it is not reported: the fields
 * that switched to or from it are.
 */
export const optionSetChanges = (from: InternalForm, to: InternalForm): FormChange[] => {
  const before = from.definition.optionSets ?? {};
  const after = to.definition.optionSets ?? {};
  const changes: FormChange[] = [];
  for (const name of Object.keys(before)) {
    const was = before[name];
    const now = hasOwn(after, name) ? after[name] : undefined;
    if (was === undefined || now === undefined) continue;
    const wasValues = valuesOf(was);
    const nowValues = valuesOf(now);
    const used = usesSet(from, name);
    for (const value of wasValues) {
      if (!nowValues.includes(value)) changes.push({ path: `optionSets.${name}`, kind: 'option-removed', breaking: used, detail: `option ${show(value)} removed` });
    }
    for (const value of nowValues) {
      if (!wasValues.includes(value)) changes.push({ path: `optionSets.${name}`, kind: 'option-added', breaking: false, detail: `option ${show(value)} added` });
    }
  }
  return changes;
};
