import type { FieldIR, InternalForm } from '../compile/internalForm';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { FieldType } from '../fields/fieldDefinition';

type Shape = 'string' | 'number' | 'boolean' | 'array';

/**
 * The JSON shapes each field type takes. Typed by FieldType, so a new type must say what it
 * takes. Computed fields take anything: the pass recomputes them whatever is stored.
 */
const SHAPES: Readonly<Record<FieldType, readonly Shape[] | 'any'>> = {
  text: ['string'], textarea: ['string'], date: ['string'], month: ['string'], datetime: ['string'], autoId: ['string'],
  number: ['number'], rating: ['number'], boolean: ['boolean'], select: ['string', 'number'], radio: ['string', 'number'],
  multiselect: ['array'], cascader: ['array'], file: ['array'], group: ['array'], computed: 'any',
};

const shapeOf = (value: unknown): Shape | undefined => {
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : undefined;
};

/**
 * Whether a stored answer can be an answer of the target field: its JSON shape is one the field's
 * type takes. An answer of the right shape that the target refuses (an option withdrawn, a tighter
 * limit, a text now matched against options) is the same kind of data, kept for someone to fix;
 * one of another shape ('ACME' for a number) could never be valid there, so it is dropped.
 */
export const fits = (field: FieldIR, value: unknown): boolean => {
  const shapes = SHAPES[field.type];
  if (shapes === 'any') return true;
  const shape = shapeOf(value);
  return shape !== undefined && shapes.includes(shape);
};

/** A row's answers for the row fields the target group still has, in a shape they take; non-object rows are no answers at all. */
const carryRows = (group: FieldIR, rows: readonly unknown[]): FormValues[] =>
  rows.filter(isPlainObject).map((row) => {
    const kept: FormValues = {};
    for (const child of group.children) if (hasOwn(row, child.id) && fits(child, row[child.id])) kept[child.id] = row[child.id];
    return kept;
  });

/**
 * The stored answers the target form can hold: those of its top-level fields (and of its groups'
 * row fields) whose shape fits; everything else is left behind. Validating what is carried is the
 * system pass's job, which also drops what the target hides.
 */
export const carryValues = (form: InternalForm, values: FormValues): FormValues => {
  const carried: FormValues = {};
  for (const field of form.fields) {
    if (!hasOwn(values, field.id)) continue;
    const value = values[field.id];
    if (!fits(field, value)) continue;
    carried[field.id] = field.type === 'group' ? carryRows(field, value as readonly unknown[]) : value;
  }
  return carried;
};
