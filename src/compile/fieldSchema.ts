import type { OptionValue } from '../core/definitionTypes';
import type { FieldNode, OptionList } from './formModel';

type Raw = Readonly<Record<string, unknown>>;
const num = (def: Raw, key: string): number | undefined => (typeof def[key] === 'number' ? (def[key] as number) : undefined);
const defined = (entries: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

/** Values a choice may take: leaves only, since a parent such as "manufacturing" is a heading. */
export const leafValues = (list: OptionList): OptionValue[] =>
  [...list.entries.values()].filter((entry) => entry.leaf).map((entry) => entry.value);

const AJV_FORMAT: Readonly<Record<string, string>> = {
  'cn-mobile': 'cn-mobile', email: 'email', 'cn-id-card': 'cn-id-card', 'cn-uscc': 'cn-uscc', url: 'fl-url',
};

/**
 * The JSON Schema ajv checks a field's value against. Options that depend on other answers, cascader
 * paths, file types and auto ids are checked in code after it (fieldChecks.ts).
 */
export const fieldSchema = (field: FieldNode, staticOptions: OptionList | undefined): object | undefined => {
  const def = field.def;
  const scalarChoice = staticOptions ? { enum: leafValues(staticOptions) } : { type: ['string', 'number'] };
  switch (field.type) {
    case 'text':
    case 'textarea':
      return defined({
        type: 'string', minLength: num(def, 'minLength'), maxLength: num(def, 'maxLength'),
        pattern: typeof def.pattern === 'string' ? def.pattern : undefined,
        format: typeof def.format === 'string' ? AJV_FORMAT[def.format] : undefined,
      });
    case 'number':
      return defined({ type: def.integer === true ? 'integer' : 'number', minimum: num(def, 'min'), maximum: num(def, 'max') });
    case 'boolean':
      return { type: 'boolean' };
    case 'select':
    case 'radio':
      return scalarChoice;
    case 'multiselect':
      return defined({ type: 'array', items: scalarChoice, uniqueItems: true, minItems: num(def, 'minItems'), maxItems: num(def, 'maxItems') });
    case 'date':
      return { type: 'string', format: 'fl-date' };
    case 'month':
      return { type: 'string', format: 'fl-month' };
    case 'datetime':
      return { type: 'string', format: 'fl-datetime' };
    case 'rating':
      return { type: 'integer', minimum: 1, maximum: num(def, 'max') ?? 5 };
    case 'cascader':
      return { type: 'array', items: { type: ['string', 'number'] } };
    case 'file':
      return defined({
        type: 'array',
        maxItems: num(def, 'maxFiles'),
        items: {
          type: 'object',
          required: ['name', 'size', 'type'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 255 },
            size: { type: 'integer', minimum: 0 },
            type: { type: 'string', maxLength: 255 },
          },
        },
      });
    case 'group':
      return defined({ type: 'array', minItems: num(def, 'minItems'), maxItems: num(def, 'maxItems') });
    case 'autoId':
      return { type: 'string', maxLength: 64 };
    case 'computed':
      return undefined;
  }
};
