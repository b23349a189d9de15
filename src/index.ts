/**
 * formloom: compile JSON form definitions into validators, state machines and export transforms.
 * Every export is named here on purpose: internals stay internal, and bundlers can drop what is unused.
 */
export { compileForm } from './form/compileForm';
export type { CompileOptions } from './compile/compileDefinition';
export type {
  CompiledForm, EvaluateContext, EvaluateResult, FieldStatus, FormValues, ValidateOptions, ValidationResult,
} from './form/types';
export { FormDefinitionError, FormUsageError, ERROR_CODES, DEFINITION_ISSUE_CODES, WARNING_CODES } from './core/issues';
export type {
  DefinitionIssue, DefinitionIssueCode, DefinitionParams, DefinitionWarning, ErrorCode, Failure, IssueSubject,
  UsageErrorCode, ValidationIssue, ValidationParams, WarningCode,
} from './core/issues';
export { formatIssue } from './messages/formatIssue';
export type { FieldAccess, FieldBase, Locale, LocalizedText, Logic, MaskKind, OptionDefinition, OptionValue, PiiKind } from './core/definitionTypes';
export type { FieldDefinition, FieldType } from './fields/fieldDefinition';
export type { AutoIdField } from './fields/autoId';
export type { BooleanField } from './fields/boolean';
export type { CascaderField } from './fields/cascader';
export type { RadioField, SelectField } from './fields/choice';
export type { ComputedField } from './fields/computed';
export type { DateField, DatetimeField, MonthField } from './fields/date';
export type { FileField, FileValue } from './fields/file';
export type { GroupField } from './fields/group';
export type { MultiselectField } from './fields/multiselect';
export type { NumberField } from './fields/number';
export type { RatingField } from './fields/rating';
export type { TextareaField, TextField } from './fields/text';
export type { TextFormat } from './formats/textFormats';
export type {
  DedupDefinition, DedupNormalizer, FormDefinition, MaskingDefinition, RuleDefinition, SectionDefinition, TagDefinition,
  WorkflowDefinition, WorkflowStateDefinition, WorkflowTransitionDefinition,
} from './definition/formDefinition';
export {
  isCnIdCard, isCnMobile, isCnUscc, isDate, isDateTime, isEmail, isMonth, normalizeCnIdCard, normalizeCnMobile, normalizeCnUscc,
} from './formats/index';
export { definitionSchema } from './definition/definitionSchema';
