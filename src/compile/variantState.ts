import type { DefinitionIssueCode, DefinitionParams } from '../core/issues';
import { hasOwn, isPlainObject } from '../core/reserved';
import { trackSection, type TrackedField, type TrackedList, type TrackedSection } from './variantModel';
import type { Source } from './variantProvenance';

export type Raw = Readonly<Record<string, unknown>>;

/** Where a variant's problems go: the compile's issues, or (for a base that is itself a variant) a note at `extends`. */
export interface VariantReporter {
  issue(code: DefinitionIssueCode, path: string, reason?: string, params?: DefinitionParams): void;
  suggest(name: string, candidates: Iterable<string>): string | undefined;
}

/** Collections of the base that variants change entry by entry, by the key they are listed under. */
export const BY_ID = ['rules', 'tags', 'dedup'] as const;
export const BY_NAME = ['optionSets', 'workflows'] as const;
export type ByIdKey = (typeof BY_ID)[number];
export type ByNameKey = (typeof BY_NAME)[number];

/** A named entry of `optionSets` or `workflows`. */
export interface NamedEntry {
  readonly value: unknown;
  readonly source: Source;
}

/**
 * A base being changed by a variant. Everything a variant names is looked up here, in the base as
 * it came (`add`, `fields`, `options` and the rest name the base's fields and sections, never ones
 * the variant adds itself), so a change never depends on the order of another.
 */
export interface VariantState {
  readonly variant: Raw;
  readonly base: Raw;
  readonly report: VariantReporter;
  sections: TrackedSection[];
  readonly sectionsById: Map<string, TrackedSection>;
  /** The base's top-level fields by id and row fields by `group.field`. */
  readonly fields: Map<string, { readonly section: TrackedSection; readonly group: TrackedField | undefined; readonly field: TrackedField }>;
  /** Field keys the variant removed, by the index of the `remove` entry that did it. */
  readonly removedFields: Map<string, number>;
  readonly removedSections: Map<string, number>;
  readonly removedSets: Map<string, number>;
  /** Fields the variant changed (`fields`, `options`), by key: the path of the change. */
  readonly changedFields: Map<string, string>;
  /** Option values the variant removed, by `field key \0 value`: the path of the removal. */
  readonly optionRemovals: Map<string, string>;
  /** `rules`, `tags`, `dedup`: entry ids to drop from the base's list. */
  readonly droppedIds: Map<ByIdKey, Set<string>>;
  /** `optionSets`, `workflows`: names to drop from the base's map. */
  readonly droppedNames: Map<ByNameKey, Set<string>>;
  /** Top-level keys to drop from the base. */
  readonly droppedKeys: Set<string>;
  /** The merged `rules`, `tags` and `dedup`, once merged. */
  readonly lists: Map<ByIdKey, TrackedList>;
  /** The merged option sets and workflows, once merged. */
  readonly sets: Map<string, TrackedList>;
  readonly workflows: Map<string, NamedEntry>;
}

const base = (path: string): Source => ({ in: 'base', path });

export const createVariantState = (variant: Raw, baseDefinition: Raw, report: VariantReporter): VariantState => {
  const sections = (Array.isArray(baseDefinition.sections) ? baseDefinition.sections : []).map((raw, index) => trackSection(raw, base(`sections.${index}`)));
  const sectionsById = new Map<string, TrackedSection>();
  const fields: VariantState['fields'] = new Map();
  for (const section of sections) {
    if (!sectionsById.has(section.id)) sectionsById.set(section.id, section);
    for (const field of section.fields) {
      if (fields.has(field.id)) continue;
      fields.set(field.id, { section, group: undefined, field });
      for (const row of field.rows ?? []) if (!fields.has(`${field.id}.${row.id}`)) fields.set(`${field.id}.${row.id}`, { section, group: field, field: row });
    }
  }
  return {
    variant, base: baseDefinition, report, sections, sectionsById, fields,
    removedFields: new Map(), removedSections: new Map(), removedSets: new Map(), changedFields: new Map(), optionRemovals: new Map(),
    droppedIds: new Map(BY_ID.map((key) => [key, new Set<string>()])),
    droppedNames: new Map(BY_NAME.map((key) => [key, new Set<string>()])),
    droppedKeys: new Set(),
    lists: new Map(), sets: new Map(), workflows: new Map(),
  };
};

/**
 * A field of the base the variant names at `path`, or undefined after reporting why not: it was
 * removed by the variant, or the base has no such field (with the id most likely meant).
 */
export const baseField = (state: VariantState, key: string, path: string): TrackedField | undefined => {
  const removedBy = state.removedFields.get(key);
  if (removedBy !== undefined) {
    state.report.issue('unknown-field', path, 'removed', { name: key, index: removedBy });
    return undefined;
  }
  const found = state.fields.get(key);
  if (found !== undefined) return found.field;
  state.report.issue('unknown-field', path, undefined, { name: key, suggestion: state.report.suggest(key, state.fields.keys()) });
  return undefined;
};

/** The entries of an object-valued key of the variant, or none. */
export const entriesOf = (raw: Raw, key: string): [string, unknown][] => {
  const value = hasOwn(raw, key) ? raw[key] : undefined;
  return isPlainObject(value) ? Object.entries(value) : [];
};
