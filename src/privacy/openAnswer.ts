import { asSealedValue, type SealedValue } from '../core/sealedValue';
import { associatedData, type SealPlace } from './associatedData';
import { fromBase64url } from '../core/base64url';
import type { KeyRing } from './keyProvider';
import { SealError } from './sealError';
import { webCrypto } from './webCrypto';

const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/** The value as a sealed value, or a `bad-sealed-value` SealError naming `path`. */
export const readSealed = (value: unknown, path: string): SealedValue => {
  const sealed = asSealedValue(value);
  if (sealed === undefined) throw new SealError('bad-sealed-value', `the value at '${path}' is marked $sealed but is not a sealed value`, path);
  return sealed;
};

/**
 * The answer a sealed value holds. A value that does not open is `tampered`, whatever the cause —
 * AES-GCM cannot tell a wrong key from a changed ciphertext or a moved one, and should not.
 */
export const openAnswer = async (sealed: SealedValue, keys: KeyRing, place: SealPlace, path: string): Promise<unknown> => {
  const iv = fromBase64url(sealed.iv);
  const ct = fromBase64url(sealed.ct);
  if (iv === undefined || ct === undefined) throw new SealError('bad-sealed-value', `the value at '${path}' is not base64url where it must be`, path);
  const key = await keys.open(sealed.kid, path);
  let plain: ArrayBuffer;
  try {
    plain = await webCrypto().subtle.decrypt({ name: 'AES-GCM', iv, additionalData: associatedData(place, sealed.bi), tagLength: 128 }, key, ct);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'OperationError') {
      throw new SealError('tampered', `the value at '${path}' does not open with key '${sealed.kid}': changed, moved from another field or record, or sealed under another key with that id`, path);
    }
    throw new SealError('bad-key-provider', `key '${sealed.kid}' could not open the value at '${path}'`, path, { cause: error });
  }
  try {
    return JSON.parse(decoder.decode(plain)) as unknown;
  } catch {
    throw new SealError('bad-sealed-value', `the value at '${path}' opens to something that is not JSON`, path);
  }
};
