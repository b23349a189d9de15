import type { FieldType, OptionValue } from '../core/definitionTypes';

/**
 * The normalised view of a definition that every later check and the runtime read: fields as a
 * tree with their definition paths, options resolved, nothing trusted that the schema check failed.
 */
export type RawObject = Readonly<Record<string, unknown>>;

export interface SectionNode {
  readonly id: string;
  readonly def: RawObject;
  readonly defPath: string;
  readonly fields: FieldNode[];
}

export interface FieldNode {
  readonly id: string;
  readonly type: FieldType;
  readonly def: RawObject;
  readonly defPath: string;
  readonly section: SectionNode;
  readonly group: FieldNode | undefined;
  readonly children: FieldNode[];
  /** Position in definition order, used to keep evaluation order stable. */
  readonly order: number;
}

export interface OptionEntry {
  readonly value: OptionValue;
  readonly label: unknown;
  /** Labels from the root, for hierarchical options: ['制造业', '汽车零部件']. */
  readonly trail: readonly unknown[];
  readonly leaf: boolean;
}

/** Options of one list: every value of the tree, and the tree for cascader paths. */
export interface OptionList {
  readonly entries: ReadonlyMap<OptionValue, OptionEntry>;
  readonly tree: readonly RawObject[];
  readonly depth: number;
}

export interface FieldOptions {
  /** Options when no `optionsIf` case applies (or the only ones). */
  readonly base: OptionList | undefined;
  readonly cases: readonly { readonly when: unknown; readonly whenPath: string; readonly list: OptionList }[];
  /** Every value any case offers: what a condition may compare the field with. */
  readonly all: ReadonlyMap<OptionValue, OptionEntry>;
}

export interface FormModel {
  readonly def: RawObject;
  readonly sections: readonly SectionNode[];
  /** Top-level fields in definition order. */
  readonly fields: readonly FieldNode[];
  /** Every field, group children included, by id (ids are unique across the form). */
  readonly byId: ReadonlyMap<string, FieldNode>;
  readonly options: ReadonlyMap<FieldNode, FieldOptions>;
  readonly roles: readonly string[];
  readonly optionSets: ReadonlyMap<string, OptionList>;
  readonly usedOptionSets: ReadonlySet<string>;
}
