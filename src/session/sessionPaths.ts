import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { FormValues } from '../core/values';

/** Where an event's path points: a top-level field, or a field of one row of a group. */
export type PathTarget =
  | { readonly kind: 'field'; readonly field: FieldIR }
  | { readonly kind: 'row'; readonly group: FieldIR; readonly index: number; readonly field: FieldIR };

/** How many rows a group holds in `values` (none when its value is not a list). */
export const rowCount = (values: FormValues) => (group: string): number => {
  const rows = values[group];
  return Array.isArray(rows) ? rows.length : 0;
};

const INDEX = /^(0|[1-9]\d{0,8})$/;

/** Reads a dotted path (`phone`, `services.0.solution`); undefined when it names no field of the form. */
export const parsePath = (form: InternalForm, path: unknown, rowCount: (group: string) => number): PathTarget | undefined => {
  if (typeof path !== 'string' || path.length > 300) return undefined;
  const parts = path.split('.');
  const field = form.fieldsByKey.get(parts[0] ?? '');
  if (field === undefined || field.group !== undefined) return undefined;
  if (parts.length === 1) return { kind: 'field', field };
  if (parts.length !== 3 || field.newRowScope === undefined || !INDEX.test(parts[1] ?? '')) return undefined;
  const index = Number(parts[1]);
  const child = form.fieldsByKey.get(`${field.id}.${parts[2] ?? ''}`);
  if (child === undefined || index >= rowCount(field.id)) return undefined;
  return { kind: 'row', group: field, index, field: child };
};

/**
 * The key a path is touched under: stable across row removals, so that removing row 0 does not move
 * row 1's touched flag onto another row (`services.1.solution` -> `services#r7.solution`).
 */
export const touchKey = (path: string, rowKeys: ReadonlyMap<string, readonly string[]>): string => {
  const first = path.indexOf('.');
  if (first === -1) return path;
  const second = path.indexOf('.', first + 1);
  const group = path.slice(0, first);
  const index = Number(path.slice(first + 1, second === -1 ? undefined : second));
  const key = rowKeys.get(group)?.[index];
  return key === undefined ? path : `${group}#${key}${second === -1 ? '' : path.slice(second)}`;
};
