import { autoIdFieldKind } from './autoId';
import { booleanFieldKind } from './boolean';
import { cascaderFieldKind } from './cascader';
import { radioFieldKind, selectFieldKind } from './choice';
import { computedFieldKind } from './computed';
import { dateFieldKind, datetimeFieldKind, monthFieldKind } from './date';
import type { FieldDefinition, FieldOfType, FieldType } from './fieldDefinition';
import type { FieldKind } from './fieldKind';
import { fileFieldKind } from './file';
import { groupFieldKind } from './group';
import { multiselectFieldKind } from './multiselect';
import { numberFieldKind } from './number';
import { ratingFieldKind } from './rating';
import { textareaFieldKind, textFieldKind } from './text';

/**
 * Every field type and its unit. Typed over `FieldType`, so a type added to the definition union
 * without a unit (or a unit for the wrong definition type) does not compile.
 */
export const FIELD_KINDS: { readonly [T in FieldType]: FieldKind<FieldOfType<T>> } = {
  text: textFieldKind,
  textarea: textareaFieldKind,
  number: numberFieldKind,
  boolean: booleanFieldKind,
  select: selectFieldKind,
  radio: radioFieldKind,
  multiselect: multiselectFieldKind,
  date: dateFieldKind,
  month: monthFieldKind,
  datetime: datetimeFieldKind,
  rating: ratingFieldKind,
  cascader: cascaderFieldKind,
  file: fileFieldKind,
  group: groupFieldKind,
  computed: computedFieldKind,
  autoId: autoIdFieldKind,
};

/** Field type names in the order the documentation lists them. */
export const FIELD_TYPES = /* @__PURE__ */ Object.keys(FIELD_KINDS) as readonly FieldType[];

export const isFieldType = (value: unknown): value is FieldType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(FIELD_KINDS, value);

/** The unit of a field type, seen through the definition union (compile holds fields of any type). */
export const kindOf = (type: FieldType): FieldKind<FieldDefinition> => FIELD_KINDS[type] as unknown as FieldKind<FieldDefinition>;
