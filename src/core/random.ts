import { toBase64url } from './base64url';
import { FormUsageError } from './issues';

/**
 * A URL-safe random token from Web Crypto (browsers, Node >= 19, Node 18 with
 * --experimental-global-webcrypto): `bytes` random bytes, base64url without padding (16 bytes = 128 bits).
 */
export const randomToken = (bytes = 16): string => {
  const crypto = (globalThis as { crypto?: { getRandomValues?: <T extends Uint8Array>(array: T) => T } }).crypto;
  if (crypto?.getRandomValues === undefined) {
    throw new FormUsageError('bad-argument', 'no Web Crypto: run on Node >= 19 or in a browser (Node 18: --experimental-global-webcrypto)');
  }
  return toBase64url(crypto.getRandomValues(new Uint8Array(bytes)));
};
