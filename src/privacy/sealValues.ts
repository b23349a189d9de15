import type { InternalForm } from '../compile/internalForm';
import { claimsSealed } from '../core/sealedValue';
import type { FormValues } from '../core/values';
import { isEmptyList, isEmptyText } from '../fields/emptiness';
import { answerSlots, copyValues } from './answerSlots';
import { indexOf } from './blindIndex';
import { keyRing } from './keyProvider';
import { readSealed } from './openAnswer';
import { sealAnswer } from './sealAnswer';
import { isSealedField } from './sealedFields';
import { readSealOptions } from './sealOptions';
import { webCrypto } from './webCrypto';

/**
 * A copy of `values` in which every answer of a field the `encryption` block seals — top-level and in
 * group rows — is a sealed value: `{ "$sealed": 1, kid, iv, ct, bi }` (see SealedValue). Values sealed
 * already are checked and kept; unanswered fields stay unanswered; everything else is copied as it
 * is. Never mutates `values`. Rejects with a SealError (`no-crypto`, `bad-key-provider`,
 * `bad-sealed-value`) or a FormUsageError for bad options.
 */
export const sealValues = async (form: InternalForm, values: unknown, options: unknown): Promise<FormValues> => {
  const read = readSealOptions(form, options, 'sealValues');
  const copy = copyValues(values, 'sealValues');
  webCrypto();
  const keys = keyRing(read.keys, read.now);
  await Promise.all(answerSlots(form, copy).filter((slot) => isSealedField(form, slot.field)).map(async ({ field, path, holder }) => {
    const answer = holder[field.id];
    if (claimsSealed(answer)) {
      readSealed(answer, path);
      return;
    }
    if (isEmptyText(answer) || isEmptyList(answer)) return;
    const bi = await indexOf(form, field, answer, keys);
    holder[field.id] = await sealAnswer(answer, await keys.current(), { formId: form.id, fieldKey: field.key, recordId: read.recordId }, bi, path);
  }));
  return copy;
};
