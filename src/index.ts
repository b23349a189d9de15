/**
 * formloom: compile JSON form definitions into validators, state machines and export transforms.
 * Every export is named here on purpose: internals stay internal, and bundlers can drop what is unused.
 */
export { compileForm } from './compile/compileForm';
export type { CompileOptions } from './compile/compileForm';
export type {
  CompiledForm, EvaluateContext, EvaluateResult, FieldStatus, FormValues, ValidateOptions, ValidationResult,
} from './compile/compiledForm';
export { FormDefinitionError, FormUsageError, ERROR_CODES, DEFINITION_ISSUE_CODES, WARNING_CODES } from './core/issues';
export type {
  CodedIssue, DefinitionIssue, DefinitionIssueCode, DefinitionWarning, ErrorCode, IssueParams, ValidationIssue, WarningCode,
} from './core/issues';
export type * from './core/definitionTypes';
export { isCnIdCard, isCnMobile, isCnUscc } from './validate/formats';
export { definitionSchema } from './definition/definitionSchema';
