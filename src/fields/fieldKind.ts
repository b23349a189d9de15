import type { LocalizedText, MaskKind, OptionValue } from '../core/definitionTypes';
import type { DefinitionIssueCode, DefinitionParams, Failure } from '../core/issues';
import type { JsonSchema } from '../core/jsonSchema';
import type { DetectableKind } from '../formats/personalData';
import type { FormatCheck } from '../formats/textFormats';

/** The data conditions read: field id -> answer (null when unanswered, hidden or invalid). */
export type Scope = Record<string, unknown>;

/** One option of a list, with the labels of its ancestors for hierarchical options. */
export interface OptionEntry {
  readonly value: OptionValue;
  readonly label: LocalizedText;
  /** Labels from the root: ['制造业', '汽车零部件']. */
  readonly trail: readonly LocalizedText[];
  readonly leaf: boolean;
}

export interface OptionNode {
  readonly value: OptionValue;
  readonly label: LocalizedText;
  readonly children: readonly OptionNode[];
}

/** One list of options: every value of the tree, the values that may be chosen, and the tree itself. */
export interface OptionList {
  readonly entries: ReadonlyMap<OptionValue, OptionEntry>;
  /** Leaves only: a parent such as "manufacturing" is a heading, not a choice. */
  readonly choices: ReadonlySet<OptionValue>;
  readonly tree: readonly OptionNode[];
  readonly depth: number;
}

/** A field's options: the base list and the `optionsIf` cases (options that depend on another answer). */
export interface FieldOptions {
  readonly base: OptionList | undefined;
  readonly cases: readonly { readonly when: unknown; readonly whenPath: string; readonly list: OptionList }[];
  /** Every value any case offers: what a condition may compare the field with, and what a cell shows. */
  readonly all: ReadonlyMap<OptionValue, OptionEntry>;
}

/** Text formats by name: the built-in ones and those given to `compileForm`. */
export type FormatTable = ReadonlyMap<string, FormatCheck>;

/** What a kind is told about the field it builds for: its (schema-checked) definition and what compile resolved. */
export interface FieldSpec<D> {
  readonly id: string;
  readonly def: D;
  readonly defPath: string;
  readonly options: FieldOptions | undefined;
  readonly formats: FormatTable;
  /** Kinds of personal data the form forbids in free text (R20). */
  readonly forbid: readonly DetectableKind[];
}

/** Where an accepted answer is left: one slot per pass, so accepting allocates nothing. */
export interface Slot {
  value: unknown;
}

/** How one field's answers are judged at run time, built once per field. */
export interface ValueRules {
  /** Unanswered: nothing, a blank text, an empty list. `false` and `0` are answers. */
  readonly isEmpty: (raw: unknown) => boolean;
  /**
   * Checks a present answer. On success leaves the value formloom keeps in `slot.value` (containers
   * copied so that each part is read once, text normalised) and returns undefined; never throws.
   */
  readonly accept: (raw: unknown, scope: Scope, slot: Slot) => Failure | undefined;
}

/** How a value behaves in conditions: what literal a comparison may use (`type-mismatch` otherwise). */
export type ValueKind = 'text' | 'number' | 'boolean' | 'list' | 'any';

/** Reports a definition problem at `path` below the field (`'pattern'`, `'options.2.value'`). */
export type DefinitionReport = (path: string, code: DefinitionIssueCode, reason?: string, params?: DefinitionParams) => void;

/** What a cell of an export shows, in the export's locale. */
export interface CellContext<D> {
  readonly def: D;
  readonly options: FieldOptions | undefined;
  readonly text: (text: LocalizedText | undefined) => string;
  readonly locale: string;
  /** The form's time zone: an instant (`…Z`, `…+08:00`) is shown as its wall clock there. */
  readonly timeZone: string | undefined;
}

/**
 * What `formloom types` gives a unit to write its value type; `rowType` writes a group's row object
 * type. Option values are definition text: a unit writes them only through `literalType`
 * (typeLiteral.ts), which escapes them.
 */
export interface TypeContext<D> {
  readonly def: D;
  readonly options: FieldOptions | undefined;
  readonly rowType: () => string;
}

/**
 * One field type, whole: its part of the definition schema, its static checks, how its answers are
 * read, judged and compared, and the hooks later stages use (cell text, TypeScript type, mask).
 */
export interface FieldKind<D> {
  /** One line for the schema's description and docs/definition-format.md. */
  readonly summary: string;
  /** The definition keys this type adds to the common ones, as JSON Schema with descriptions. */
  readonly properties: { readonly [key: string]: JsonSchema };
  readonly requiredProperties: readonly string[];
  /** A valid answer, shown in the documentation. */
  readonly example: unknown;
  readonly valueKind: ValueKind;
  /** False for fields formloom derives itself (computed): input for them is ignored. */
  readonly takesInput: boolean;
  readonly hasOptions: boolean;
  /** Checks the schema cannot express: contradictory limits, unsafe patterns, unknown formats. */
  readonly checkDefinition?: (spec: FieldSpec<D>, report: DefinitionReport) => void;
  readonly values: (spec: FieldSpec<D>) => ValueRules;
  readonly cellText: (value: unknown, context: CellContext<D>) => string;
  readonly tsType: (context: TypeContext<D>) => string;
  /** The mask a field of this type gets when a policy does not name one. */
  readonly defaultMask: (def: D) => MaskKind;
}

/**
 * Declares a field unit. The unit is built by a thunk inside a function marked free of side effects,
 * so that a bundle importing only, say, a format check drops every unit and the schema with them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineKind<D>(build: () => FieldKind<D>): FieldKind<D> {
  return build();
}
