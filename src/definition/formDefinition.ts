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

/**
 * Who owns records. A record's owner is its creator until someone in `assign` gives it to another;
 * `$owner` in a field's `access.write` or a transition's `roles` names that person.
 */
export interface OwnershipDefinition {
  /** Roles that may change only the records they own (updates, workflow events, change requests). */
  readonly ownOnly?: readonly string[];
  /** Roles that may assign or replace a record's owner. */
  readonly assign?: readonly string[];
}

/** Changes that reach a record only once reviewed: a workflow of `workflows`, run on requests. */
export interface ChangeRequestsDefinition {
  /** The workflow that reviews requests; it runs on requests, not on records. */
  readonly workflow: string;
  /** The state of that workflow in which a request's changes are applied to the record. */
  readonly apply: string;
}

export interface WorkflowDefinition {
  readonly label?: LocalizedText;
  readonly initial: string;
  readonly states: { readonly [state: string]: WorkflowStateDefinition };
  readonly transitions: readonly WorkflowTransitionDefinition[];
}

/** A form named by id and version: the base a variant extends, or one a resolved variant was made from. */
export interface DefinitionRef {
  readonly id: string;
  readonly version: number;
}

/** A whole form definition, as a JSON file holds it. */
export interface FormDefinition {
  readonly $schema?: string;
  readonly id: string;
  readonly version: number;
  /** Written by compileForm into a resolved variant: the forms it was made from, nearest first. */
  readonly derivedFrom?: readonly DefinitionRef[];
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
  readonly ownership?: OwnershipDefinition;
  readonly changeRequests?: ChangeRequestsDefinition;
  readonly workflows?: { readonly [name: string]: WorkflowDefinition };
  readonly notifications?: NotificationsDefinition;
  readonly drafts?: { readonly ttl?: string };
  readonly export?: { readonly filename?: string };
  readonly retention?: { readonly keep?: string; readonly from?: 'created' | 'updated' | 'ended'; readonly reconfirm?: string };
  readonly [extension: `x-${string}`]: unknown;
}

/** What a variant leaves out of its base: a field (`group.field` for a row field) or one named thing. */
export type VariantRemoval =
  | string
  | { readonly section: string }
  | { readonly rule: string }
  | { readonly tag: string }
  | { readonly dedup: string }
  | { readonly optionSet: string }
  | { readonly workflow: string }
  | { readonly key: string };

/** Where a variant's new fields or sections go: after or before an item of the base, else last. */
type Placement = { readonly after: string; readonly before?: never } | { readonly before: string; readonly after?: never } | { readonly after?: never; readonly before?: never };

/** What a variant adds: fields into a section or a repeating group of the base, or whole sections. */
export type VariantAddition =
  | ({ readonly section: string; readonly fields: readonly FieldDefinition[] } & Placement)
  | ({ readonly group: string; readonly fields: readonly FieldDefinition[] } & Placement)
  | ({ readonly sections: readonly SectionDefinition[] } & Placement);

/** Options added to and values removed from one list. */
export interface VariantOptionChange {
  readonly add?: readonly OptionDefinition[];
  readonly remove?: readonly (string | number)[];
  readonly after?: string | number;
  readonly before?: string | number;
}

/**
 * A definition made by changing another: `extends` names the base, the other keys say what
 * differs. Top-level keys given replace the base's, except `rules`, `tags` and `dedup` (merged by
 * id) and `optionSets` and `workflows` (merged by name). See docs/definition-format.md, "Variants".
 */
export interface VariantDefinition extends Partial<Omit<FormDefinition, 'id' | 'version' | 'sections' | 'derivedFrom'>> {
  readonly id: string;
  readonly version: number;
  readonly extends: DefinitionRef;
  readonly remove?: readonly VariantRemoval[];
  /** Changes to fields of the base by key: each key given replaces the field's, `null` deletes it. */
  readonly fields?: { readonly [field: string]: { readonly [key: string]: unknown } };
  readonly sectionOverrides?: {
    readonly [section: string]: { readonly title?: LocalizedText | null; readonly description?: LocalizedText | null; readonly visibleIf?: Logic };
  };
  readonly add?: readonly VariantAddition[];
  /** By field key, or `optionSets.<name>` for a shared list. */
  readonly options?: { readonly [list: string]: VariantOptionChange };
}
