/**
 * The JSON definition format, as TypeScript types. `compileForm` accepts `unknown` and checks the
 * shape itself (JSON files are not type-checked); these types serve authors who write definitions
 * in TypeScript and the compiler's own normalised view.
 */

/** A built-in locale; any BCP 47 tag may be used in LocalizedText. */
export type Locale = 'zh-CN' | 'zh-TW' | 'en' | (string & {});

/** Plain text, or text per locale: `{ "zh-CN": "姓名", "en": "Name" }`. */
export type LocalizedText = string | { readonly [locale: string]: string };

/** A JSON Logic expression (https://jsonlogic.com), restricted to formloom's allowed operators. */
export type Logic =
  | null
  | boolean
  | number
  | string
  | readonly Logic[]
  | { readonly [operator: string]: Logic };

export type FieldType =
  | 'text' | 'textarea' | 'number' | 'boolean' | 'select' | 'radio' | 'multiselect'
  | 'date' | 'month' | 'datetime' | 'rating' | 'cascader' | 'file' | 'group' | 'computed' | 'autoId';

export type PiiKind = 'phone' | 'email' | 'name' | 'id-card' | 'uscc' | 'address' | 'bank-card' | 'other';

export type TextFormat = 'cn-mobile' | 'email' | 'cn-id-card' | 'cn-uscc' | 'url';

export type OptionValue = string | number;

export interface OptionDefinition {
  readonly value: OptionValue;
  readonly label: LocalizedText;
  /** Sub-options: a hierarchy such as manufacturing > auto parts (R5), or a cascader tree. */
  readonly children?: readonly OptionDefinition[];
}

export interface FieldAccess {
  readonly read?: readonly string[];
  readonly write?: readonly string[];
}

export interface FieldBase {
  readonly id: string;
  readonly type: FieldType;
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  readonly placeholder?: LocalizedText;
  readonly required?: boolean | Logic;
  readonly visibleIf?: Logic;
  readonly readonlyIf?: Logic;
  readonly default?: unknown;
  readonly access?: FieldAccess;
  readonly pii?: PiiKind;
  readonly messages?: { readonly [code: string]: LocalizedText };
}

export interface TextField extends FieldBase {
  readonly type: 'text' | 'textarea';
  readonly format?: TextFormat | (string & {});
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface NumberField extends FieldBase {
  readonly type: 'number';
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly unit?: LocalizedText;
}

export interface BooleanField extends FieldBase {
  readonly type: 'boolean';
}

/** Options chosen by the first case whose `when` holds (R5: options that depend on another answer). */
export interface OptionsCase {
  readonly when: Logic;
  readonly options?: readonly OptionDefinition[];
  readonly optionsRef?: string;
}

export interface ChoiceField extends FieldBase {
  readonly type: 'select' | 'radio' | 'multiselect';
  readonly options?: readonly OptionDefinition[];
  readonly optionsRef?: string;
  readonly optionsIf?: readonly OptionsCase[];
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface DateField extends FieldBase {
  readonly type: 'date' | 'month' | 'datetime';
}

export interface RatingField extends FieldBase {
  readonly type: 'rating';
  readonly max?: number;
}

export interface CascaderField extends FieldBase {
  readonly type: 'cascader';
  readonly options?: readonly OptionDefinition[];
  readonly optionsRef?: string;
  readonly levels?: number;
}

export interface FileField extends FieldBase {
  readonly type: 'file';
  /** MIME types (`application/pdf`, `image/*`) or extensions (`.docx`). */
  readonly accept?: readonly string[];
  /** Bytes per file. */
  readonly maxSize?: number;
  readonly maxFiles?: number;
}

export interface GroupField extends FieldBase {
  readonly type: 'group';
  readonly fields: readonly FieldDefinition[];
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface ComputedField extends FieldBase {
  readonly type: 'computed';
  readonly expression: Logic;
}

export interface AutoIdField extends FieldBase {
  readonly type: 'autoId';
  /** e.g. `YQ{yyyyMMdd}{seq:3}` */
  readonly pattern: string;
}

export type FieldDefinition =
  | TextField | NumberField | BooleanField | ChoiceField | DateField | RatingField
  | CascaderField | FileField | GroupField | ComputedField | AutoIdField;

export interface SectionDefinition {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  readonly visibleIf?: Logic;
  readonly fields: readonly FieldDefinition[];
}

export interface RuleDefinition {
  readonly id: string;
  /** When omitted, the rule is checked once every field its `assert` reads has an answer. */
  readonly when?: Logic;
  readonly assert: Logic;
  readonly path?: string;
  readonly message?: LocalizedText;
}

export interface TagDefinition {
  readonly id: string;
  readonly label?: LocalizedText;
  readonly when: Logic;
}

export interface DedupDefinition {
  readonly id: string;
  readonly fields: readonly string[];
  readonly normalize?: readonly string[];
}

export type MaskKind = 'phone' | 'email' | 'name' | 'id-card' | 'uscc' | 'address' | 'bank-card' | 'full' | 'none';

export interface MaskingDefinition {
  readonly policies: { readonly [policy: string]: { readonly [fieldId: string]: MaskKind } };
  readonly reveal?: { readonly [policy: string]: readonly string[] };
}

export interface WorkflowStateDefinition {
  readonly label?: LocalizedText;
  readonly deadline?: string;
  readonly final?: boolean;
}

export interface WorkflowTransitionDefinition {
  readonly event: string;
  readonly from: string | readonly string[];
  readonly to: string;
  readonly label?: LocalizedText;
  readonly roles?: readonly string[];
  readonly when?: Logic;
  readonly requires?: readonly string[];
  readonly reason?: 'required' | 'optional';
  readonly maxTimes?: number;
  readonly set?: { readonly [fieldId: string]: Logic };
}

export interface WorkflowDefinition {
  readonly label?: LocalizedText;
  readonly initial: string;
  readonly states: { readonly [state: string]: WorkflowStateDefinition };
  readonly transitions: readonly WorkflowTransitionDefinition[];
}

export interface FormDefinition {
  readonly $schema?: string;
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly defaultLocale?: Locale;
  readonly roles?: readonly string[];
  readonly optionSets?: { readonly [name: string]: readonly OptionDefinition[] };
  readonly sections: readonly SectionDefinition[];
  readonly rules?: readonly RuleDefinition[];
  readonly tags?: readonly TagDefinition[];
  readonly dedup?: readonly DedupDefinition[];
  readonly masking?: MaskingDefinition;
  readonly workflows?: { readonly [name: string]: WorkflowDefinition };
  readonly drafts?: { readonly ttl?: string };
  readonly export?: { readonly filename?: string };
  readonly retention?: { readonly keep?: string; readonly reconfirm?: string };
}
