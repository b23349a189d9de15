import type { FieldOptions, OptionList } from '../fields/fieldKind';
import type { DetectableKind } from '../formats/personalData';
import type { FieldType } from '../fields/fieldDefinition';

/**
 * The compiler's working view of a definition that may still be wrong: fields as a tree with their
 * definition paths and options resolved, nothing trusted that the schema check failed. Checks read
 * it; the internal form (internalForm.ts) is built from it once it holds no issue.
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
  /** `phone` for a top-level field, `services.solution` for a row field: unique in the form. */
  readonly key: string;
  readonly type: FieldType;
  readonly def: RawObject;
  readonly defPath: string;
  readonly section: SectionNode;
  readonly group: FieldNode | undefined;
  readonly children: FieldNode[];
  /** Position in definition order, used to keep evaluation order stable. */
  readonly order: number;
}

export interface FormModel {
  readonly def: RawObject;
  readonly sections: readonly SectionNode[];
  /** Top-level fields in definition order. */
  readonly fields: readonly FieldNode[];
  /** Top-level fields by id. Row field ids are scoped to their group (`group.children`). */
  readonly topLevel: ReadonlyMap<string, FieldNode>;
  /** Every field, row fields included, by key, in definition order. */
  readonly byKey: ReadonlyMap<string, FieldNode>;
  readonly options: ReadonlyMap<FieldNode, FieldOptions>;
  readonly roles: readonly string[];
  /** Kinds of personal data the form forbids (R20), as listed; `detectable` are searched for in free text. */
  readonly forbid: ReadonlySet<string>;
  readonly detectable: readonly DetectableKind[];
  readonly optionSets: ReadonlyMap<string, OptionList>;
  readonly usedOptionSets: ReadonlySet<string>;
}

/** A field named by a reference outside conditions: a top-level id, or `group.field` where allowed. */
export const fieldByReference = (model: FormModel, reference: string, allowRows: boolean): FieldNode | undefined => {
  const node = model.byKey.get(reference);
  return node !== undefined && (allowRows || node.group === undefined) ? node : undefined;
};
