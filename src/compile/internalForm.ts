import type { LocalizedText, MaskKind, PiiKind } from '../core/definitionTypes';
import type { Duration } from '../core/duration';
import type { DefinitionWarning, IssueSubject } from '../core/issues';
import type { TemplatePart } from '../core/template';
import type { FormDefinition } from '../definition/formDefinition';
import type { FieldDefinition, FieldType } from '../fields/fieldDefinition';
import type { FieldKind, FieldOptions, Scope, ValueRules } from '../fields/fieldKind';
import type { Evaluator } from '../logic/compileLogic';

/**
 * The internal form: everything `compileForm` learnt about a definition, typed and frozen, with its
 * conditions compiled. Every later stage (validate, sessions, records, workflows, governance, export)
 * is a folder of pure functions over this one object; the public form is a thin facade over it
 * (src/form/createForm.ts), which reaches it through `internalFormOf` (src/form/internal.ts).
 */
export interface InternalForm {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly description: LocalizedText | undefined;
  readonly defaultLocale: string;
  readonly roles: readonly string[];
  readonly roleSet: ReadonlySet<string>;
  /** A frozen copy of the definition it was compiled from. */
  readonly definition: FormDefinition;
  readonly sections: readonly SectionIR[];
  /** Top-level fields in definition order. */
  readonly fields: readonly FieldIR[];
  /** Every field, row fields after their group, in definition order. */
  readonly allFields: readonly FieldIR[];
  /** Top-level fields in evaluation order: each after every field its conditions read. */
  readonly evaluationOrder: readonly FieldIR[];
  /** Every field by key: `phone`, `services.solution`. */
  readonly fieldsByKey: ReadonlyMap<string, FieldIR>;
  readonly topLevelIds: ReadonlySet<string>;
  readonly rules: readonly RuleIR[];
  readonly tags: readonly TagIR[];
  /** The workflows records run; the change-request workflow is not one of them. */
  readonly workflows: ReadonlyMap<string, WorkflowIR>;
  readonly ownership: OwnershipIR;
  /** The `changeRequests` block; undefined when the definition has none. */
  readonly changeRequests: ChangeRequestsIR | undefined;
  readonly dedup: readonly DedupIR[];
  readonly masking: MaskingIR;
  /** The `encryption` block; undefined when the definition has none. */
  readonly encryption: EncryptionIR | undefined;
  /** Templates of workflow effects and the policy their placeholders are masked under. */
  readonly notifications: NotificationsIR;
  readonly drafts: { readonly ttl: Duration };
  readonly exportFilename: readonly TemplatePart[] | undefined;
  readonly retention: { readonly keep: Duration | undefined; readonly from: 'created' | 'updated' | 'ended'; readonly reconfirm: Duration | undefined };
  /** Field key -> every field, rule, tag and workflow transition that reads it. */
  readonly dependents: ReadonlyMap<string, readonly Dependent[]>;
  /** A fresh condition scope: context variables and every top-level field set to null. */
  readonly newScope: () => Scope;
  /** Default IANA time zone for `$today` (the compile option), or the runtime's own zone. */
  readonly timeZone: string | undefined;
  readonly warnings: readonly DefinitionWarning[];
  /** Issue subject of errors about the values as a whole: the form's title. */
  readonly subject: IssueSubject;
}

/** Something that reads a field and must be evaluated again when the field changes. */
export type Dependent =
  | { readonly kind: 'field'; readonly key: string; readonly via: 'visibleIf' | 'required' | 'readonlyIf' | 'expression' | 'options' | 'section' }
  | { readonly kind: 'rule'; readonly id: string; readonly index: number }
  | { readonly kind: 'tag'; readonly id: string }
  | { readonly kind: 'workflow'; readonly workflow: string; readonly transition: number; readonly via: 'when' | 'set' | 'requires' };

export interface SectionIR {
  readonly id: string;
  readonly title: LocalizedText | undefined;
  readonly description: LocalizedText | undefined;
  readonly defPath: string;
  /** The section's top-level fields, in definition order. */
  readonly fields: readonly FieldIR[];
}

export interface FieldIR {
  /** `phone`, or `services.solution` for a row field. */
  readonly key: string;
  readonly id: string;
  readonly type: FieldType;
  readonly kind: FieldKind<FieldDefinition>;
  readonly def: FieldDefinition;
  readonly defPath: string;
  readonly sectionId: string;
  readonly label: LocalizedText;
  readonly help: LocalizedText | undefined;
  readonly placeholder: LocalizedText | undefined;
  readonly pii: PiiKind | undefined;
  /** Filled by the system on each record (R9): never written by a role. */
  readonly auto: 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | undefined;
  /** Roles that may read / write; undefined = everyone. A writer may also read. */
  readonly readRoles: ReadonlySet<string> | undefined;
  readonly writeRoles: ReadonlySet<string> | undefined;
  /** The checked, normalised default answer, when the definition gives one. */
  readonly defaultValue: { readonly value: unknown } | undefined;
  readonly options: FieldOptions | undefined;
  /** Section and field visibility together; undefined = always visible. */
  readonly visible: Evaluator | undefined;
  readonly required: boolean | Evaluator;
  readonly readonly: Evaluator | undefined;
  readonly compute: Evaluator | undefined;
  readonly value: ValueRules;
  readonly mask: MaskKind;
  /** The definition's own messages per error code. */
  readonly messages: Readonly<Record<string, LocalizedText>> | undefined;
  /** Label (and group label) for issues; row issues add the row index. */
  readonly subject: IssueSubject;
  readonly group: FieldIR | undefined;
  /** Row fields of a group, in definition order. */
  readonly children: readonly FieldIR[];
  /** Row fields of a group, in evaluation order. */
  readonly rowOrder: readonly FieldIR[];
  readonly rowIds: ReadonlySet<string> | undefined;
  /** A fresh row scope (every row field set to null); groups only. */
  readonly newRowScope: (() => Scope) | undefined;
}

export interface RuleIR {
  readonly id: string;
  readonly index: number;
  readonly when: Evaluator | undefined;
  /** Top-level fields the assertion reads: without `when`, the rule waits until all are answered. */
  readonly reads: readonly string[];
  readonly assert: Evaluator;
  readonly path: string;
  readonly field: FieldIR | undefined;
  readonly message: LocalizedText | undefined;
}

export interface TagIR {
  readonly id: string;
  readonly label: LocalizedText | undefined;
  readonly when: Evaluator;
}

export interface WorkflowStateIR {
  readonly name: string;
  readonly label: LocalizedText | undefined;
  /** As the definition gives it: an ISO 8601 duration, or { workingDays: n } (read by the workflow stage). */
  readonly deadline: string | { readonly workingDays: number } | undefined;
  readonly final: boolean;
}

export interface TransitionIR {
  readonly index: number;
  readonly event: string;
  readonly from: ReadonlySet<string>;
  readonly to: string;
  readonly label: LocalizedText | undefined;
  readonly roles: ReadonlySet<string> | undefined;
  readonly when: Evaluator | undefined;
  readonly requires: readonly FieldIR[];
  readonly reason: 'required' | 'optional' | undefined;
  readonly maxTimes: number | undefined;
  readonly set: readonly { readonly field: FieldIR; readonly value: Evaluator }[];
  /** Notifications to hand back to the app once it fired. */
  readonly effects: readonly EffectIR[];
}

export interface EffectIR {
  readonly notify: string;
  /** The top-level field whose answer is the recipient. */
  readonly to: FieldIR;
  readonly channel: string;
}

export interface NotificationsIR {
  readonly templates: ReadonlyMap<string, LocalizedText>;
  readonly policy: string | undefined;
}

export interface WorkflowIR {
  readonly name: string;
  readonly label: LocalizedText | undefined;
  readonly initial: string;
  readonly states: ReadonlyMap<string, WorkflowStateIR>;
  readonly transitions: readonly TransitionIR[];
}

export interface OwnershipIR {
  /** Roles that may change only records they own. */
  readonly ownOnly: ReadonlySet<string>;
  /** Roles that may assign a record's owner. */
  readonly assign: ReadonlySet<string>;
}

export interface ChangeRequestsIR {
  /** Run on requests, never on records. */
  readonly workflow: WorkflowIR;
  /** Entering this state applies a request's changes to its record. */
  readonly apply: string;
}

export interface DedupIR {
  readonly id: string;
  readonly fields: readonly FieldIR[];
  readonly normalize: readonly string[];
}

export interface MaskingIR {
  /** Policy -> field key -> mask. */
  readonly policies: ReadonlyMap<string, ReadonlyMap<string, MaskKind>>;
  /** Policy -> roles that see plain values. */
  readonly reveal: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface EncryptionIR {
  /** Kinds of personal data whose answers are sealed. */
  readonly pii: ReadonlySet<PiiKind>;
  /** Roles that read plain values once unsealed. */
  readonly reveal: ReadonlySet<string>;
}
