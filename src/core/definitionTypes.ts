/**
 * The parts of the definition format every stage shares. The field types live with their units in
 * `src/fields`, the whole `FormDefinition` in `src/definition`. `compileForm` accepts `unknown` and
 * checks the shape itself (JSON files are not type-checked); these types serve authors who write
 * definitions in TypeScript.
 */

/** A built-in locale; any BCP 47 tag may be used in LocalizedText. */
export type Locale = 'zh-CN' | 'zh-TW' | 'en' | (string & {});

/** Plain text (in the form's `defaultLocale`), or text per locale: `{ "zh-CN": "姓名", "en": "Name" }`. */
export type LocalizedText = string | { readonly [locale: string]: string };

/** A JSON Logic expression (https://jsonlogic.com), restricted to formloom's allowed operators. */
export type Logic =
  | null
  | boolean
  | number
  | string
  | readonly Logic[]
  | { readonly [operator: string]: Logic };

export type PiiKind = 'phone' | 'email' | 'name' | 'id-card' | 'uscc' | 'address' | 'bank-card' | 'other';

export type MaskKind = 'phone' | 'email' | 'name' | 'id-card' | 'uscc' | 'address' | 'bank-card' | 'other' | 'full' | 'none';

/** How a dedup rule normalises values before comparing them, applied in order. */
export const DEDUP_NORMALIZERS = ['cn-mobile', 'trim', 'lowercase', 'width', 'company-name', 'email', 'digits'] as const;
export type DedupNormalizer = (typeof DEDUP_NORMALIZERS)[number];

export type OptionValue = string | number;

export interface OptionDefinition {
  readonly value: OptionValue;
  readonly label: LocalizedText;
  /** Sub-options: a hierarchy such as manufacturing > auto parts, or a cascader tree. */
  readonly children?: readonly OptionDefinition[];
}

export interface FieldAccess {
  readonly read?: readonly string[];
  readonly write?: readonly string[];
}

/** What every field has, whatever its type. */
export interface FieldBase<T extends string> {
  readonly id: string;
  readonly type: T;
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  readonly placeholder?: LocalizedText;
  readonly required?: boolean | Logic;
  readonly visibleIf?: Logic;
  readonly readonlyIf?: Logic;
  readonly default?: unknown;
  readonly access?: FieldAccess;
  readonly pii?: PiiKind;
  /** Filled by the system on each record: a datetime for `createdAt`/`updatedAt`, a text for `createdBy`/`updatedBy`. */
  readonly auto?: 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy';
  readonly messages?: { readonly [code: string]: LocalizedText };
  readonly [extension: `x-${string}`]: unknown;
}
