import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { MaskKind, PiiKind } from '../core/definitionTypes';
import { formatPiiKind } from '../core/personalKind';

/**
 * The kind of personal data a field's answers are, as sealing reads it: its `pii`, else its format's
 * kind (a `cn-mobile` text holds mobiles whether or not the author said so), else its group's `pii`.
 * Groups themselves hold rows, never an answer to seal.
 */
export const heldKind = (field: FieldIR): PiiKind | undefined => {
  if (field.type === 'group') return undefined;
  const format = field.type === 'text' || field.type === 'textarea' ? formatPiiKind((field.def as { readonly format?: unknown }).format) : undefined;
  return field.pii ?? format ?? field.group?.pii;
};

/** Whether the form's `encryption` block seals this field's answers. */
export const isSealedField = (form: InternalForm, field: FieldIR): boolean => {
  const kind = heldKind(field);
  return kind !== undefined && form.encryption?.pii.has(kind) === true;
};

/**
 * How an opened value is masked for a role that may not see it plain: as its kind is masked, or
 * whole when the definition no longer says what it is — it was sealed, so it was personal.
 */
export const sealedMask = (field: FieldIR): MaskKind => heldKind(field) ?? 'full';
