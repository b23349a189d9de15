import type { FieldType } from '../core/definitionTypes';

export const FIELD_TYPES: readonly FieldType[] = [
  'text', 'textarea', 'number', 'boolean', 'select', 'radio', 'multiselect',
  'date', 'month', 'datetime', 'rating', 'cascader', 'file', 'group', 'computed', 'autoId',
];

export const TEXT_FORMATS = ['cn-mobile', 'email', 'cn-id-card', 'cn-uscc', 'url'] as const;
export const PII_KINDS = ['phone', 'email', 'name', 'id-card', 'uscc', 'address', 'bank-card', 'other'] as const;
export const MASK_KINDS = ['phone', 'email', 'name', 'id-card', 'uscc', 'address', 'bank-card', 'full', 'none'] as const;
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$';
export const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';
