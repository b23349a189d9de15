import type { SealedValue } from '../core/sealedValue';
import { associatedData, type SealPlace } from './associatedData';
import { toBase64url } from '../core/base64url';
import type { SealingKey } from './keyProvider';
import { SealError } from './sealError';
import { randomBytes, utf8, webCrypto } from './webCrypto';

const IV_BYTES = 12;
// Plain texts are padded to a multiple of this many bytes, so that a ciphertext tells only roughly how
// long the answer was (a 2- from a 3-character name, a short from a long e-mail, are one size).
const PAD_BYTES = 32;

/** JSON text of the answer, with trailing spaces (which JSON.parse ignores) up to the next multiple of PAD_BYTES. */
const paddedJson = (answer: unknown): Uint8Array<ArrayBuffer> => {
  const bytes = utf8(JSON.stringify(answer));
  const padded = new Uint8Array(Math.ceil((bytes.length + 1) / PAD_BYTES) * PAD_BYTES).fill(0x20);
  padded.set(bytes);
  return padded;
};

/** Seals one answer (JSON data) for its place with `key`, keeping `bi` as its blind index. */
export const sealAnswer = async (answer: unknown, key: SealingKey, place: SealPlace, bi: string | undefined, path: string): Promise<SealedValue> => {
  const iv = randomBytes(IV_BYTES);
  let ct: ArrayBuffer;
  try {
    ct = await webCrypto().subtle.encrypt({ name: 'AES-GCM', iv, additionalData: associatedData(place, bi), tagLength: 128 }, key.key, paddedJson(answer));
  } catch (error) {
    throw new SealError('bad-key-provider', `key '${key.id}' could not seal the value at '${path}'`, path, { cause: error });
  }
  const sealed = { $sealed: 1 as const, kid: key.id, iv: toBase64url(iv), ct: toBase64url(new Uint8Array(ct)) };
  return bi === undefined ? sealed : { ...sealed, bi };
};
