/**
 * formloom: compile JSON form definitions into validators, state machines and export transforms.
 * Every export is named here on purpose: internals stay internal, and bundlers can drop what is unused.
 */
export { compileForm } from './form/compileForm';
export type { CompileOptions } from './form/compileForm';
export type { PrecompiledForm } from './compile/precompiled';
export type {
  ActOptions, CompiledForm, EvaluateContext, EvaluateResult, FieldStatus, FormValues, RecordOptions, ValidateOptions, ValidationResult,
  DraftValues, InvalidResult, RecordChanges, RecordInput, UncheckedValues, ValidatedValues, ValidResult,
  AssignOwnerOptions, RequestChangeOptions, ReviewChangeOptions,
} from './form/types';
export type { DatetimeText, DateText, InferValues, MonthText } from './definition/inferValues';
export { transition } from './form/transition';
export type { ResumeOptions, SessionOptions } from './form/sessions';
export type { Session } from './session/createSession';
export type {
  EnteredValues, FieldSnapshot, SessionErrorCode, SessionEvent, SessionEventError, SessionListener, SessionOrigin, SessionSnapshot,
} from './session/sessionTypes';
export { MemoryDraftStore } from './session/draftStore';
export type { Draft, DraftStore } from './session/draftStore';
export { DraftError } from './session/drafts';
export { RecordValidationError } from './records/recordTypes';
export type { FormRecord, HistoryChange, HistoryEntry, MergedRecord } from './records/recordTypes';
export { recordAt } from './records/recordAt';
export { diffForms, migrateRecord } from './form/versions';
export type { FormChange } from './form/versions';
export type { SequenceCounter } from './records/autoIds';
export { WorkflowError } from './workflow/workflowError';
export { ChangeRequestError } from './requests/changeRequestTypes';
export type { ChangeRequest, ChangeRequestEntry, ChangeRequestErrorCode, ChangeReview } from './requests/changeRequestTypes';
export type { WorkflowErrorCode } from './workflow/workflowError';
export type { SendOptions, Workflow, WorkflowContext } from './form/workflows';
export type { Effect, NotifyEffect } from './effects/notifyEffects';
export { workingCalendar } from './workflow/workingCalendar';
export type { WorkingCalendar, WorkingCalendarOptions } from './workflow/workingCalendar';
export { deadlineAt, readDeadline } from './workflow/deadline';
export type { Deadline } from './workflow/deadline';
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
  WorkflowDefinition, WorkflowStateDefinition, WorkflowTransitionDefinition, EffectDefinition, NotificationsDefinition, EncryptionDefinition,
  OwnershipDefinition, ChangeRequestsDefinition,
} from './definition/formDefinition';
export {
  isCnIdCard, isCnMobile, isCnUscc, isDate, isDateTime, isEmail, isIntlPhone, isMonth, normalizeCnIdCard, normalizeCnMobile, normalizeCnUscc, normalizeIntlPhone,
} from './formats/index';
export { definitionSchema } from './definition/definitionSchema';
export { maskValue } from './governance/maskValue';
export { normalizeKey } from './governance/normalizeKey';
export type { Normalizer } from './governance/normalizeKey';
export type { DedupKey } from './governance/dedupKeys';
export type { DuplicateGroup } from './governance/findDuplicates';
export type { Retention } from './governance/retention';
export type { MergeOptions, SummaryItems } from './form/types';
export type { ExporterOptions, MaskOptions } from './form/governance';
export type { ExportFormat, Exporter, WritableLike } from './export/exporter';
export type { SummarizeOptions } from './form/summaries';
export type {
  AggregateSpec, AverageSpec, AverageSummary, ConversionCounts, ConversionGroup, ConversionSpec, ConversionSummary, CountGroup, CountSpec,
  CountSummary, DurationGroup, DurationSpec, DurationStats, DurationSummary, GroupKey, NumberStats, OverdueGroup, OverdueSpec, OverdueSummary,
  RatingBucket, StateKey, Summary, SummaryFor, SummaryResult, SummarySpec, SummaryValue, TrendPoint, UnansweredKey,
} from './governance/summary/types';
export { keyProviderFromRaw } from './privacy/keyProviderFromRaw';
export type { RawKeys } from './privacy/keyProviderFromRaw';
export type { KeyProvider, SealingKey } from './privacy/keyProvider';
export { SealError, SEAL_ERROR_CODES } from './privacy/sealError';
export type { SealErrorCode } from './privacy/sealError';
export type { ResealOptions, SealOptions, UnsealOptions } from './privacy/sealOptions';
export type { SealedValue } from './core/sealedValue';
export type { AuditEntry, AuditPurpose, AuditSink } from './privacy/audit';
export type { AuditOptions } from './form/privacy';
export { summarizeAudit } from './privacy/auditSummary';
export type { AuditFieldCount, AuditFlag, AuditHours, AuditPeriod, AuditReason, AuditSummary, AuditSummarySpec, AuditUser } from './privacy/auditSummaryTypes';
export { sampleForVerification, verificationRank } from './privacy/sample';
export type { SampleCandidate, VerificationDraw, VerificationSample } from './privacy/sample';
export type { SampleOptions } from './privacy/sampleOptions';
export type { DefinitionRef, VariantAddition, VariantDefinition, VariantOptionChange, VariantRemoval } from './definition/formDefinition';
export type { DefinitionResolver } from './compile/loadBase';
