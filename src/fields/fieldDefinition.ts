import type { AutoIdField } from './autoId';
import type { BooleanField } from './boolean';
import type { CascaderField } from './cascader';
import type { RadioField, SelectField } from './choice';
import type { ComputedField } from './computed';
import type { DateField, DatetimeField, MonthField } from './date';
import type { FileField } from './file';
import type { GroupField } from './group';
import type { MultiselectField } from './multiselect';
import type { NumberField } from './number';
import type { RatingField } from './rating';
import type { TextareaField, TextField } from './text';

/** A field of any type: the union of every unit's definition type. */
export type FieldDefinition =
  | TextField | TextareaField | NumberField | BooleanField | SelectField | RadioField | MultiselectField
  | DateField | MonthField | DatetimeField | RatingField | CascaderField | FileField | GroupField
  | ComputedField | AutoIdField;

export type FieldType = FieldDefinition['type'];

/** The definition type of one field type. */
export type FieldOfType<T extends FieldType> = Extract<FieldDefinition, { readonly type: T }>;
