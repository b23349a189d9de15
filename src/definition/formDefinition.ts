import type { DedupNormalizer, Locale, LocalizedText, Logic, MaskKind, OptionDefinition, PiiKind } from '../core/definitionTypes';
import type { FieldDefinition } from '../fields/fieldDefinition';

/** A module of the form: basic info, demand, feedback, internal processing. */
export interface SectionDefinition {
  readonly id: string;
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
  readonly visibleIf?: Logic;
  readonly fields: readonly FieldDefinition[];
  readonly [extension: `x-${string}`]: unknown;
}

/** A cross-field check. */
export interface RuleDefinition {
  readonly id: string;
  /** When omitted, the rule is checked once every field its `assert` reads has an answer. */
  readonly when?: Logic;
  readonly assert: Logic;
  /** The field the error is reported at. */
  readonly path?: string;
  readonly message?: LocalizedText;
}

/** A label a record earns from its answers. */
export interface TagDefinition {
  readonly id: string;
  readonly label?: LocalizedText;
  readonly when: Logic;
}

export type { DedupNormalizer };

/** A duplicate key: records with equal keys are the same customer. */
export interface DedupDefinition {
  readonly id: string;
  readonly fields: readonly string[];
  readonly normalize?: readonly DedupNormalizer[];
}

export interface MaskingDefinition {
  /** Policy name -> field id (or `group.field`) -> mask. */
  readonly policies: { readonly [policy: string]: { readonly [field: string]: MaskKind } };
  /** Policy name -> roles that see plain values under it. */
  readonly reveal?: { readonly [policy: string]: readonly string[] };
}

/** Field-level encryption: which kinds of personal data are sealed, and who reads them plain. */
export interface EncryptionDefinition {
  /** Fields holding these kinds (their `pii`, their format's, or their group's `pii`) are sealed. */
  readonly pii: readonly PiiKind[];
  /** Roles that read plain values once unsealed; every other role reads them masked. */
  readonly reveal?: readonly string[];
}

export interface WorkflowStateDefinition {
  readonly label?: LocalizedText;
  /** ISO 8601 duration: a record in this state longer than this is overdue. */
  readonly deadline?: string | { readonly workingDays: number };
  readonly final?: boolean;
}

export interface WorkflowTransitionDefinition {
  readonly event: string;
  readonly from: string | readonly string[];
  readonly to: string;
  readonly label?: LocalizedText;
  readonly roles?: readonly string[];
  readonly when?: Logic;
  /** Fields that must be filled before the transition. */
  readonly requires?: readonly string[];
  readonly reason?: 'required' | 'optional';
  /** How often this transition may fire on one record. */
  readonly maxTimes?: number;
  /** Fields the transition sets, each from a JSON Logic expression. */
  readonly set?: { readonly [fieldId: string]: Logic };
  /** What the app should do once it fired (a confirmation SMS): returned as data by `workflow.fire`, never performed. */
  readonly effects?: readonly EffectDefinition[];
}

/** A notification to send after a transition: a template of `notifications`, to the answer of a field. */
export interface EffectDefinition {
  readonly notify: string;
  /** The field holding the recipient (a mobile, an e-mail). */
  readonly to: string;
  /** How the app sends it: sms, email … (default: from the recipient field's format or pii). */
  readonly channel?: string;
}

/** Message templates for workflow effects, and the masking policy their placeholders are shown under. */
export interface NotificationsDefinition {
  /** Template id -> text with placeholders: {field:<id>}, {recordId}, {event}, {state}, {form}, {reason}. */
  readonly templates: { readonly [id: string]: LocalizedText };
  /** A masking policy applied to every {field:…} in a message (default: none, shown as answered). */
  readonly policy?: string;
}

export interface WorkflowDefinition {
  readonly label?: LocalizedText;
  readonly initial: string;
  readonly states: { readonly [state: string]: WorkflowStateDefinition };
  readonly transitions: readonly WorkflowTransitionDefinition[];
}

/** A whole form definition, as a JSON file holds it. */
export interface FormDefinition {
  readonly $schema?: string;
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  readonly defaultLocale?: Locale;
  /** IANA time zone of the form, e.g. 'Asia/Shanghai'. */
  readonly timeZone?: string;
  readonly roles?: readonly string[];
  /** Kinds of personal data the form must never collect (R20). */
  readonly forbid?: readonly PiiKind[];
  readonly optionSets?: { readonly [name: string]: readonly OptionDefinition[] };
  readonly sections: readonly SectionDefinition[];
  readonly rules?: readonly RuleDefinition[];
  readonly tags?: readonly TagDefinition[];
  readonly dedup?: readonly DedupDefinition[];
  readonly masking?: MaskingDefinition;
  readonly encryption?: EncryptionDefinition;
  readonly workflows?: { readonly [name: string]: WorkflowDefinition };
  readonly notifications?: NotificationsDefinition;
  readonly drafts?: { readonly ttl?: string };
  readonly export?: { readonly filename?: string };
  readonly retention?: { readonly keep?: string; readonly from?: 'created' | 'updated' | 'ended'; readonly reconfirm?: string };
  readonly [extension: `x-${string}`]: unknown;
}
