import type { LocalizedText } from './definitionTypes';

/** Stable codes of validation errors: code outside this repo switches on them. */
export const ERROR_CODES = [
  'required', 'type', 'format', 'pattern', 'minLength', 'maxLength', 'min', 'max', 'option',
  'minItems', 'maxItems', 'fileType', 'fileSize', 'unknownField', 'forbidden', 'rule', 'forbiddenData',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The params each validation code carries: limits and names from the definition, never the value. */
export interface ValidationParams {
  readonly required: undefined;
  readonly type: { readonly expected: string };
  readonly format: { readonly format: string };
  readonly pattern: undefined;
  readonly minLength: { readonly min: number };
  readonly maxLength: { readonly max: number };
  readonly min: { readonly min: number };
  readonly max: { readonly max: number };
  readonly option: undefined;
  readonly minItems: { readonly min: number };
  readonly maxItems: { readonly max: number };
  readonly fileType: { readonly accept: string };
  readonly fileSize: { readonly maxSize: number; readonly maxSizeText: string };
  readonly unknownField: undefined;
  readonly forbidden: undefined;
  readonly rule: { readonly rule: string };
  /** A kind of data the definition forbids (R20) was found in a free text: `bank-card`, `id-card`, `phone`, `email`. */
  readonly forbiddenData: { readonly kind: string };
}

/** What a failed check says before it gets a path and a message: a code and that code's params. */
export type Failure = {
  readonly [C in ErrorCode]: ValidationParams[C] extends undefined
    ? { readonly code: C; readonly params?: undefined }
    : { readonly code: C; readonly params: ValidationParams[C] };
}[ErrorCode];

/**
 * Everything a message names besides its params, kept on the issue so that `formatIssue` can write
 * the message again in another language without the form: the field's label (and its group's, with
 * the row, inside a repeating group), the definition's own text for this problem if it gives one,
 * and the form's default locale, which plain-string texts are written in.
 */
export interface IssueSubject {
  readonly label?: LocalizedText;
  readonly group?: LocalizedText;
  /** Row index (0-based) inside the group. */
  readonly row?: number;
  /** The definition's own message (a field's `messages[code]` or a rule's `message`). */
  readonly text?: LocalizedText;
  readonly defaultLocale: string;
}

interface IssueBase<C extends string> {
  /** Dotted path into the values: `phone`, `services.0.solution`; '' for the values as a whole. */
  readonly path: string;
  readonly code: C;
  /** Localised; never contains the submitted value. */
  readonly message: string;
}

/** A problem with submitted values: a union on `code`, with that code's `params`. */
export type ValidationIssue = {
  readonly [C in ErrorCode]: IssueBase<C> & { readonly subject?: IssueSubject } & (ValidationParams[C] extends undefined
    ? { readonly params?: undefined }
    : { readonly params: ValidationParams[C] });
}[ErrorCode];

/** Stable codes of problems found in a form definition by `compileForm`. */
export const DEFINITION_ISSUE_CODES = [
  'schema', 'duplicate-id', 'reserved-id', 'unknown-field', 'unknown-operator', 'cycle',
  'unknown-option', 'bad-pattern', 'unknown-role', 'unknown-state', 'unknown-option-set',
  'type-mismatch', 'unknown-format', 'bad-duration', 'bad-arity', 'dynamic-var', 'bad-default', 'forbidden-data',
  'unknown-template', 'unknown-policy', 'bad-placeholder', 'unknown-workflow',
  'no-resolver', 'unknown-base', 'extends-cycle', 'removed-field-referenced',
] as const;
export type DefinitionIssueCode = (typeof DEFINITION_ISSUE_CODES)[number];

/** Legal but suspicious definitions: reported on `form.warnings`, never thrown. */
export const WARNING_CODES = [
  'pii-unmasked', 'never-visible-required', 'unused-option-set', 'rule-never-fires', 'unused-encryption-kind',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export type DefinitionParamValue = string | number;

/** Names, limits and the suggested fix of a definition issue; `suggestion` is what "did you mean" names. */
export type DefinitionParams = { readonly suggestion?: string } & { readonly [name: string]: DefinitionParamValue | undefined };

/** A problem in a definition: where (`sections.2.fields.0.visibleIf`), what (code), and how to fix it. */
export interface DefinitionIssue<C extends string = DefinitionIssueCode> extends IssueBase<C> {
  /** Which message of the code: `schema` issues say `additional`, `required`, `type`, … */
  readonly reason?: string;
  readonly params: DefinitionParams;
}

export type DefinitionWarning = DefinitionIssue<WarningCode>;

/** Thrown by `compileForm` with every problem of the definition at once. */
export class FormDefinitionError extends Error {
  override readonly name = 'FormDefinitionError';
  readonly issues: readonly DefinitionIssue[];

  constructor(issues: readonly DefinitionIssue[]) {
    const head = issues
      .slice(0, 5)
      .map((issue) => `  ${issue.path || '(root)'}: [${issue.code}] ${issue.message}`)
      .join('\n');
    const more = issues.length > 5 ? `\n  … and ${issues.length - 5} more` : '';
    super(`Invalid form definition (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${head}${more}`);
    this.issues = Object.freeze(issues.slice());
  }
}

/** Codes of `FormUsageError`: the call was wrong, whatever the values were. */
export type UsageErrorCode = 'unknown-role' | 'bad-option' | 'bad-argument';

/**
 * Thrown when the library is called wrongly (an undeclared role, an option of the wrong type, an
 * object that is not a compiled form): a programming error to fix in the calling code. Never thrown
 * for bad values, which are always reported as validation issues.
 */
export class FormUsageError extends Error {
  override readonly name = 'FormUsageError';
  constructor(
    readonly code: UsageErrorCode,
    message: string,
    /** The option at fault, for `bad-option`. */
    readonly option?: string,
  ) {
    super(message);
  }
}
