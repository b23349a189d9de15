import type { FieldIR, InternalForm } from '../compile/internalForm';
import { hasOwn, isPlainObject } from '../core/reserved';
import { claimsSealed } from '../core/sealedValue';
import type { FormValues } from '../core/values';
import { maskChecked } from '../governance/maskValue';
import { canRead } from '../governance/maskValues';
import { answerSlots, copyValues } from './answerSlots';
import { keyRing } from './keyProvider';
import { openAnswer, readSealed } from './openAnswer';
import { isSealedField, sealedMask } from './sealedFields';
import { readSealOptions } from './sealOptions';
import { webCrypto } from './webCrypto';

// As form.mask does: what the role may not read is left out (never opened), and so is what the form
// does not know; a row that is not an object, or a group that is not a list, reads as null.
const readableRow = (group: FieldIR, row: unknown, role: string | undefined): FormValues | null => {
  if (!isPlainObject(row)) return null;
  const result: FormValues = {};
  for (const child of group.children) if (hasOwn(row, child.id) && canRead(child, role)) result[child.id] = row[child.id];
  return result;
};

const readableView = (form: InternalForm, values: FormValues, role: string | undefined): FormValues => {
  const result: FormValues = {};
  for (const field of form.fields) {
    if (!hasOwn(values, field.id) || !canRead(field, role)) continue;
    const value = values[field.id];
    if (field.type !== 'group') result[field.id] = value;
    else result[field.id] = Array.isArray(value) ? value.map((row: unknown) => readableRow(field, row, role)) : null;
  }
  return result;
};

/**
 * The values as `role` may read them: sealed answers opened, plain for a role in `encryption.reveal`
 * and masked by the field's kind for any other (answers of sealed kinds that were stored plain are
 * masked the same way, so a role never learns more from a record sealed late); fields the role may not
 * read are left out, as are keys the form does not know. Never mutates `values`. Rejects with a
 * SealError: `unknown-key`, `tampered`, `bad-sealed-value`, `no-crypto`, `bad-key-provider`.
 */
export const unsealValues = async (form: InternalForm, values: unknown, options: unknown): Promise<FormValues> => {
  const read = readSealOptions(form, options, 'unsealValues');
  const view = readableView(form, copyValues(values, 'unsealValues'), read.role);
  webCrypto();
  const keys = keyRing(read.keys, read.now);
  const reveal = read.role !== undefined && form.encryption?.reveal.has(read.role) === true;
  await Promise.all(answerSlots(form, view).map(async ({ field, path, holder }) => {
    const answer = holder[field.id];
    if (claimsSealed(answer)) {
      const plain = await openAnswer(readSealed(answer, path), keys, { formId: form.id, fieldKey: field.key, recordId: read.recordId }, path);
      holder[field.id] = reveal ? plain : maskChecked(plain, sealedMask(field));
    } else if (!reveal && isSealedField(form, field)) {
      holder[field.id] = maskChecked(answer, sealedMask(field));
    }
  }));
  return view;
};
