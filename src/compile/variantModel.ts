import { isPlainObject } from '../core/reserved';
import { below, type Source } from './variantProvenance';

type Raw = Record<string, unknown>;

/** A list being changed: where it (as a whole) and each of its items came from. */
export interface TrackedList {
  source: Source;
  items: unknown[];
  sources: Source[];
}

/** A section or field being changed by a variant: its own copy, where it came from, and the keys the variant wrote. */
interface TrackedNode {
  readonly id: string;
  readonly value: Raw;
  source: Source;
  readonly keys: Map<string, Source>;
}

export interface TrackedField extends TrackedNode {
  /** A repeating group's row fields. */
  rows: TrackedField[] | undefined;
  /** Set once the variant changes the field's options. */
  options: TrackedList | undefined;
}

export interface TrackedSection extends TrackedNode {
  fields: TrackedField[];
}

const idOf = (raw: unknown): string => (isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : '');
const listOf = (raw: unknown): readonly unknown[] => (Array.isArray(raw) ? raw : []);

export const trackList = (raw: unknown, source: Source): TrackedList => {
  const items = [...listOf(raw)];
  return { source, items, sources: items.map((_, index) => below(source, index)) };
};

export const trackField = (raw: unknown, source: Source): TrackedField => {
  const value: Raw = isPlainObject(raw) ? { ...raw } : {};
  const rows = value.type === 'group' && Array.isArray(value.fields)
    ? value.fields.map((row, index) => trackField(row, below(source, `fields.${index}`)))
    : undefined;
  return { id: idOf(raw), value, source, keys: new Map(), rows, options: undefined };
};

export const trackSection = (raw: unknown, source: Source): TrackedSection => {
  const value: Raw = isPlainObject(raw) ? { ...raw } : {};
  const fields = listOf(value.fields).map((field, index) => trackField(field, below(source, `fields.${index}`)));
  return { id: idOf(raw), value, source, keys: new Map(), fields };
};

/** Writes a tracked list's items as they now stand, recording each one's source under `path`. */
export const assembleList = (list: TrackedList, path: string, sources: Map<string, Source>): unknown[] => {
  sources.set(path, list.source);
  list.sources.forEach((source, index) => sources.set(`${path}.${index}`, source));
  return [...list.items];
};

const record = (node: TrackedNode, path: string, sources: Map<string, Source>): void => {
  sources.set(path, node.source);
  for (const [key, source] of node.keys) sources.set(`${path}.${key}`, source);
};

const assembleField = (field: TrackedField, path: string, sources: Map<string, Source>): Raw => {
  record(field, path, sources);
  const value: Raw = { ...field.value };
  if (field.rows !== undefined) value.fields = field.rows.map((row, index) => assembleField(row, `${path}.fields.${index}`, sources));
  if (field.options !== undefined) value.options = assembleList(field.options, `${path}.options`, sources);
  return value;
};

/** The sections as they now stand, recording where every section, field, row and changed option came from. */
export const assembleSections = (sections: readonly TrackedSection[], sources: Map<string, Source>): Raw[] =>
  sections.map((section, index) => {
    const path = `sections.${index}`;
    record(section, path, sources);
    return { ...section.value, fields: section.fields.map((field, at) => assembleField(field, `${path}.fields.${at}`, sources)) };
  });
