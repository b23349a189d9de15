import type { FieldIR, InternalForm } from '../compile/internalForm';
import { normalizeKey } from '../governance/normalizeKey';
import { toBase64url } from '../core/base64url';
import type { KeyRing } from './keyProvider';
import { utf8, webCrypto } from './webCrypto';

const TRIM: readonly string[] = ['trim'];
// Versioned, so that a later change of what is hashed can never make an old index match a new one.
const DOMAIN = 'formloom-bi-v1:';

/**
 * What a field's blind index is computed over: the answer normalised as the first dedup rule naming
 * the field normalises it (two spellings of one mobile must meet), else trimmed. Rules that name the
 * same field with other normalisers compare its sealed answers by this normalisation too.
 */
export const indexText = (form: InternalForm, field: FieldIR, value: unknown): string =>
  normalizeKey(value, form.dedup.find((rule) => rule.fields.includes(field))?.normalize ?? TRIM);

/**
 * The keyed blind index of a normalised answer: HMAC-SHA-256 under the provider's index key, base64url.
 * Equal answers give equal indexes, so dedup works on sealed records; without the key nobody can
 * test a guess (a mobile has few enough values that a plain hash could be reversed by trying them all).
 */
export const blindIndex = async (key: CryptoKey, text: string): Promise<string> =>
  toBase64url(new Uint8Array(await webCrypto().subtle.sign('HMAC', key, utf8(DOMAIN + text))));

/** The blind index of an answer, or undefined when it normalises to nothing (it then gives no dedup key either). */
export const indexOf = async (form: InternalForm, field: FieldIR, answer: unknown, keys: KeyRing): Promise<string | undefined> => {
  const text = indexText(form, field, answer);
  return text === '' ? undefined : blindIndex(await keys.index(), text);
};
