import type { Locale } from '../core/definitionTypes';
import type { DefinitionWarning, ValidationIssue } from '../core/issues';
import type { FormDefinition } from '../definition/formDefinition';
import type { FormRecord } from '../records/recordTypes';
import type { SequenceCounter } from '../records/autoIds';
import type { Session } from '../session/createSession';
import type { ResumeOptions, SessionOptions } from './sessions';
import type { Workflow } from './workflows';
import type { ExporterOptions, MaskOptions } from './governance';
import type { SummarizeOptions, SummaryItems, SummaryResult, SummarySpec } from './summaries';
import type { DedupKey } from '../governance/dedupKeys';
import type { DuplicateGroup } from '../governance/findDuplicates';
import type { Retention } from '../governance/retention';
import type { ChangeRequest, ChangeReview } from '../requests/changeRequestTypes';
import type { Exporter } from '../export/exporter';
import type { ResealOptions, SealOptions, UnsealOptions } from '../privacy/sealOptions';
import type { AuditOptions } from './privacy';

import type { FormValues } from '../core/values';

export type { FormValues };

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

/**
 * What `validate` returns: a union on `valid`, because only valid values have the form's type. An
 * invalid result keeps the answers that failed as they were sent, so its values are `unknown` per key.
 */
export type ValidationResult<V extends FormValues = FormValues> = ValidResult<V> | InvalidResult<V>;

export interface ValidResult<V extends FormValues = FormValues> {
  readonly valid: true;
  readonly errors: readonly ValidationIssue[];
  /** Cleaned values: hidden, unknown and forbidden answers removed, computed fields filled, answers normalised. */
  readonly values: V;
}

export interface InvalidResult<V extends FormValues = FormValues> {
  readonly valid: false;
  readonly errors: readonly ValidationIssue[];
  /** Cleaned as for a valid result, but an answer that failed its check is kept as it was sent. */
  readonly values: UncheckedValues<V>;
}

/**
 * Helpers over a form's values type. Each is a mapped type over V's keys, with no conditional on V
 * itself: TypeScript then sees V as covariant, so a typed form, record or result is still assignable
 * where an untyped one is expected; and over `FormValues` (an index signature) each gives an index
 * signature of `unknown` again, the types untyped code had.
 */

/** The keys of the form, each holding anything: what an invalid result's values are. */
export type UncheckedValues<V extends FormValues = FormValues> = { [K in keyof V]?: unknown };

/**
 * What `createRecord` takes: the form's values (the system adds defaults, auto ids and computed
 * values). An untyped form takes anything, as before: its values are checked at run time. (The keys
 * are inferred first: `string extends keyof V` written directly would make TypeScript measure V as
 * contravariant, and a typed form would no longer be assignable to `CompiledForm`.)
 */
export type RecordInput<V extends FormValues = FormValues> = keyof V extends infer K ? (string extends K ? unknown : V) : never;

/** Valid values of a draft (`mode: 'draft'` skips required checks): every key optional. */
export type DraftValues<V extends FormValues = FormValues> = Partial<V>;

/** Changes for `updateRecord`: any keys; `null` clears an answer (a required one is then refused). */
export type RecordChanges<V extends FormValues = FormValues> = { [K in keyof V]?: V[K] | null };

/** The `mode` an options type gives (undefined when it has none). Read by key: `{ role }` has no mode. */
type ModeOf<O> = O extends unknown ? ('mode' extends keyof O ? O[keyof O & 'mode'] : undefined) : never;

/** The values `validate` vouches for under these options: all of V, unless the mode may be 'draft'. */
export type ValidatedValues<V extends FormValues, O> = [ModeOf<O>] extends ['submit' | undefined] ? V : DraftValues<V>;

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

/**
 * A definition compiled once; every method is a pure function of its arguments. `V` is the type of
 * its values: what `formloom types` writes, `InferValues` of a definition written in TypeScript, or
 * `FormValues` when nothing is known (a definition read from JSON at run time).
 */
export interface CompiledForm<V extends FormValues = FormValues> {
  readonly id: string;
  readonly version: number;
  readonly defaultLocale: Locale;
  readonly roles: readonly string[];
  /** A frozen copy of the definition it was compiled from. */
  readonly definition: FormDefinition;
  readonly warnings: readonly DefinitionWarning[];
  /** Values are checked, not trusted: any input is accepted, and the result says what it is. */
  validate<O extends ValidateOptions = ValidateOptions & { readonly mode?: 'submit' }>(values: unknown, options?: O): ValidationResult<ValidatedValues<V, O>>;
  evaluate(values: unknown, context?: EvaluateContext): EvaluateResult;
  /** A filling session: a renderer-agnostic state machine over this form. */
  createSession(options?: SessionOptions<V>): Session<V>;
  /** Continues a saved draft; rejects with DraftError `not-found` or `expired`. */
  resumeDraft(token: string, options: ResumeOptions): Promise<Session<V>>;
  /** A new record: validated as `role` (RecordValidationError), completed by the system, history started. */
  createRecord(values: RecordInput<V>, options: RecordOptions): FormRecord<V>;
  /** A new revision with `changes` merged in; what the role cannot see is kept; history extended. */
  updateRecord(record: FormRecord<V>, changes: RecordChanges<V>, options: ActOptions): FormRecord<V>;
  /** One of the definition's workflows (review, processing, stage …). */
  workflow(name: string): Workflow<V>;
  /** Keys of the definition's `dedup` rules for values or a record: `[{ id, key }]`, none for a rule with an empty field. */
  dedupKeys(values: unknown): DedupKey[];
  /** Records sharing a dedup key, in one pass; a Promise for an async iterable. */
  findDuplicates<T>(records: Iterable<T>): DuplicateGroup<T>[];
  findDuplicates<T>(records: AsyncIterable<T>): Promise<DuplicateGroup<T>[]>;
  /** One record from two duplicates: both histories kept, the merge in history. */
  mergeRecords(a: FormRecord<V>, b: FormRecord<V>, options: MergeOptions): FormRecord<V>;
  /** A masked copy under a masking policy: revealed to the policy's roles, unreadable fields dropped. */
  mask(values: unknown, options: MaskOptions): FormValues;
  /** CSV, JSON Lines or XLSX of records or values objects, masked, in the requested language. */
  exporter(options: ExporterOptions): Exporter;
  /** Chart-ready aggregates, one pass; a Promise for an async iterable. */
  summarize<S extends SummarySpec>(records: Iterable<FormRecord | Record<string, unknown>>, spec: S, options?: SummarizeOptions): SummaryResult<S>;
  summarize<S extends SummarySpec>(records: AsyncIterable<FormRecord | Record<string, unknown>>, spec: S, options?: SummarizeOptions): Promise<SummaryResult<S>>;
  /** When the record may be purged and must be re-confirmed, from the definition's `retention`. */
  retention(record: FormRecord<V>, now: Date | string | number): Retention;
  /** The record given to another owner, by a role of `ownership.assign` (else WorkflowError `forbidden`); kept in history. */
  assignOwner(record: FormRecord<V>, owner: string, options: AssignOwnerOptions): FormRecord<V>;
  /** A pending request to change the record, checked as an update by this role would be; the record is not touched. */
  requestChange(record: FormRecord<V>, changes: RecordChanges<V>, options: RequestChangeOptions): ChangeRequest;
  /** Fires a review event on a request; entering `changeRequests.apply` changes the record (ChangeRequestError `conflict` if it changed since). */
  reviewChange(record: FormRecord<V>, request: ChangeRequest, event: string, options: ReviewChangeOptions): ChangeReview<FormRecord<V>>;
  /**
   * Values with every answer of a kind the definition's `encryption` names sealed (AES-256-GCM through
   * Web Crypto, keys from `keys`, bound to form, field and `recordId`); a keyed blind index keeps dedup working.
   */
  seal(values: unknown, options: SealOptions): Promise<FormValues>;
  /** Sealed values opened: plain for roles in `encryption.reveal`, masked for others; an `audit` sink hears each reveal. */
  unseal(values: unknown, options: UnsealOptions & AuditOptions): Promise<FormValues>;
  /** Every sealed value moved to the provider's current key (after a rotation). */
  reseal(values: unknown, options: ResealOptions): Promise<FormValues>;
}

/** Options of `mergeRecords`: who merges, and whose answers win where both records answered. */
export interface MergeOptions extends ActOptions {
  /** 'a' (default): the first record's answers; 'b'; 'newer': the more recently updated record's. */
  readonly prefer?: 'a' | 'b' | 'newer';
}

export type { SummaryItems };

/** Who acts, as what, when: kept in history. */
export interface ActOptions {
  /** The operator (a user id or name): history and `updatedBy` keep it. */
  readonly by: string;
  readonly role?: string;
  readonly now?: Date | string | number;
  readonly locale?: string;
}

/** Who assigns the owner, as what, when, and why. */
export interface AssignOwnerOptions extends ActOptions {
  readonly reason?: string;
}

export interface RequestChangeOptions extends ActOptions {
  /** The request's id; default a random 128-bit URL-safe token. */
  readonly id?: string;
}

/** Who reviews, as what, when, and why (a rejection may require a reason). */
export interface ReviewChangeOptions extends ActOptions {
  readonly reason?: string;
}

export interface RecordOptions extends ActOptions {
  /** Numbers auto ids (`{seq:3}`): called with a key per form, field and date part. Default: in memory. */
  readonly counter?: SequenceCounter;
  /** The record's id; default a random 128-bit URL-safe token. */
  readonly id?: string;
}
