import type { Locale } from '../core/definitionTypes';
import type { DefinitionWarning, ValidationIssue } from '../core/issues';
import type { FormDefinition } from '../definition/formDefinition';

/** Values of a form: field id -> answer. Group answers are arrays of row objects. */
export type FormValues = Record<string, unknown>;

export interface ValidateOptions {
  /** 'draft' skips required checks but keeps every format check. Default 'submit'. */
  readonly mode?: 'submit' | 'draft';
  /** The acting role; must be one of the form's roles. Without a role, only unrestricted fields are writable. */
  readonly role?: string;
  /** Language of messages. Default: the form's `defaultLocale`. */
  readonly locale?: Locale;
  /** The clock for `$now` / `$today` in conditions. Default: the current time. */
  readonly now?: Date | string | number;
  /** IANA time zone in which `$today` is taken ('Asia/Shanghai'). Default: the form's, else the runtime's. */
  readonly timeZone?: string;
  /** The stored values before this change: a role may resend a value it may read but not change. */
  readonly previous?: FormValues;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly errors: readonly ValidationIssue[];
  /** Cleaned values: hidden, unknown and forbidden answers removed, computed fields filled, answers normalised. */
  readonly values: FormValues;
}

export interface FieldStatus {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readonly: boolean;
}

/** Context of `evaluate`: the same options as `validate`. */
export type EvaluateContext = ValidateOptions;

export interface EvaluateResult {
  /** Every field by path, group rows included: `services.0.feedbackTime`. */
  readonly fields: Readonly<Record<string, FieldStatus>>;
  /** Ids of the definition's tags whose condition holds. */
  readonly tags: readonly string[];
}

/** A definition compiled once; every method is a pure function of its arguments. */
export interface CompiledForm {
  readonly id: string;
  readonly version: number;
  readonly defaultLocale: Locale;
  readonly roles: readonly string[];
  /** A frozen copy of the definition it was compiled from. */
  readonly definition: FormDefinition;
  readonly warnings: readonly DefinitionWarning[];
  validate(values: unknown, options?: ValidateOptions): ValidationResult;
  evaluate(values: unknown, context?: EvaluateContext): EvaluateResult;
}
