import type { OptionValue } from '../core/definitionTypes';
import { ref } from '../core/jsonSchema';
import { compileLogic } from '../logic/compileLogic';
import { truthy } from '../logic/truthy';
import type { CellContext, FieldOptions, Scope } from './fieldKind';
import { literalType } from './typeLiteral';

/** The definition keys of every choice field: a list, a shared list, or lists that depend on answers. */
export const choiceProperties = {
  options: ref('options', 'The options: [{ "value": "enterprise", "label": "企业" }]; `children` make a hierarchy whose leaves are the choices.'),
  optionsRef: ref('name', 'The name of a list in `optionSets`, shared by several fields.'),
  optionsIf: {
    type: 'array',
    description: 'Options that depend on other answers: the first case whose `when` holds gives the list; otherwise `options` / `optionsRef`.',
    items: {
      type: 'object',
      required: ['when'],
      properties: {
        when: ref('logic', 'When this case applies.'),
        options: ref('options', 'The options of this case.'),
        optionsRef: ref('name', 'The name of a list in `optionSets` for this case.'),
      },
      additionalProperties: false,
    },
  },
} as const;

const EMPTY: ReadonlySet<OptionValue> = /* @__PURE__ */ new Set();

/** The values that may be chosen, given the answers so far; decided once per call, not per item. */
export const choicesFor = (options: FieldOptions | undefined): ((scope: Scope) => ReadonlySet<OptionValue>) => {
  const base = options?.base?.choices ?? EMPTY;
  const cases = (options?.cases ?? []).map((entry) => ({ when: compileLogic(entry.when), choices: entry.list.choices }));
  if (cases.length === 0) return () => base;
  return (scope) => {
    for (const entry of cases) if (truthy(entry.when(scope))) return entry.choices;
    return base;
  };
};

/** The label a person chose, with its parents for hierarchical options (制造业/汽车零部件). */
export const optionText = <D>(value: unknown, context: CellContext<D>): string => {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const entry = context.options?.all.get(value);
  return entry === undefined ? String(value) : entry.trail.map(context.text).join('/');
};

/**
 * A TypeScript union of every value the field may hold under any case (leaves only), each escaped;
 * `string | number` when no list is known (nothing is offered, so the type claims nothing).
 */
export const choiceUnion = (options: FieldOptions | undefined): string => {
  const values = new Set<OptionValue>();
  for (const list of [options?.base, ...(options?.cases ?? []).map((entry) => entry.list)]) {
    for (const value of list?.choices ?? []) values.add(value);
  }
  return values.size === 0 ? 'string | number' : [...values].map(literalType).join(' | ');
};
