import type { InternalForm } from '../compile/internalForm';
import { claimsSealed } from '../core/sealedValue';
import type { FormValues } from '../core/values';
import { answerSlots, copyValues } from './answerSlots';
import { indexOf } from './blindIndex';
import { keyRing } from './keyProvider';
import { openAnswer, readSealed } from './openAnswer';
import { sealAnswer } from './sealAnswer';
import { readSealOptions } from './sealOptions';
import { webCrypto } from './webCrypto';

/**
 * A copy of `values` with every sealed answer under the provider's current key: values sealed with
 * another `kid` are opened and sealed again (a new IV, the same blind index); the others are kept as
 * they are, unopened. With `reindex`, every sealed answer is opened and sealed again with its blind
 * index computed anew. Plain answers stay plain (sealValues seals them). Never mutates `values`.
 * Rejects with a SealError: `unknown-key`, `tampered`, `bad-sealed-value`, `no-crypto`, `bad-key-provider`.
 */
export const resealValues = async (form: InternalForm, values: unknown, options: unknown): Promise<FormValues> => {
  const read = readSealOptions(form, options, 'resealValues');
  const copy = copyValues(values, 'resealValues');
  webCrypto();
  const keys = keyRing(read.keys, read.now);
  await Promise.all(answerSlots(form, copy).filter((slot) => claimsSealed(slot.holder[slot.field.id])).map(async ({ field, path, holder }) => {
    const sealed = readSealed(holder[field.id], path);
    const current = await keys.current();
    if (sealed.kid === current.id && !read.reindex) return;
    const place = { formId: form.id, fieldKey: field.key, recordId: read.recordId };
    const answer = await openAnswer(sealed, keys, place, path);
    const bi = read.reindex ? await indexOf(form, field, answer, keys) : sealed.bi;
    holder[field.id] = await sealAnswer(answer, current, place, bi, path);
  }));
  return copy;
};
