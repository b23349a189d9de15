/** Stable codes of validation errors: code outside this repo switches on them. */
export const ERROR_CODES = [
  'required', 'type', 'format', 'pattern', 'minLength', 'maxLength', 'min', 'max', 'option',
  'minItems', 'maxItems', 'fileType', 'fileSize', 'unknownField', 'forbidden', 'rule',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type IssueParamValue = string | number | boolean | readonly (string | number)[];
export type IssueParams = { readonly [name: string]: IssueParamValue };

/** Every problem formloom reports: where (a dotted path), what (a stable code), and a localised message. */
export interface CodedIssue<Code extends string> {
  readonly path: string;
  readonly code: Code;
  readonly message: string;
}

/** A problem with submitted values. `message` is localised and never contains the submitted value. */
export interface ValidationIssue extends CodedIssue<ErrorCode> {
  readonly params?: IssueParams;
}

/** Stable codes of problems found in a form definition by `compileForm`. */
export const DEFINITION_ISSUE_CODES = [
  'schema', 'duplicate-id', 'reserved-id', 'unknown-field', 'unknown-operator', 'cycle',
  'unknown-option', 'bad-pattern', 'unknown-role', 'unknown-state', 'unknown-option-set',
  'type-mismatch', 'unknown-format', 'bad-duration', 'bad-arity', 'dynamic-var',
] as const;
export type DefinitionIssueCode = (typeof DEFINITION_ISSUE_CODES)[number];

/** A problem in a definition: where (`sections.2.fields.0.visibleIf`), what (code) and how to fix it. */
export type DefinitionIssue = CodedIssue<DefinitionIssueCode>;

/** Legal but suspicious definitions: reported on `form.warnings`, never thrown. */
export const WARNING_CODES = [
  'pii-unmasked', 'never-visible-required', 'unused-option-set', 'rule-never-fires',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export type DefinitionWarning = CodedIssue<WarningCode>;

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

/** Thrown when the library is called wrongly (an undeclared role, say): a programming error, not bad input. */
export class FormUsageError extends Error {
  override readonly name = 'FormUsageError';
  constructor(readonly code: 'unknown-role' | 'bad-argument', message: string) {
    super(message);
  }
}
