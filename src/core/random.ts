import { FormUsageError } from './issues';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A URL-safe random token from Web Crypto (browsers, Node >= 19, Node 18 with
 * --experimental-global-webcrypto): `bytes` random bytes, base64url without padding (16 bytes = 128 bits).
 */
export const randomToken = (bytes = 16): string => {
  const crypto = (globalThis as { crypto?: { getRandomValues?: <T extends Uint8Array>(array: T) => T } }).crypto;
  if (crypto?.getRandomValues === undefined) {
    throw new FormUsageError('bad-argument', 'no Web Crypto: run on Node >= 19 or in a browser (Node 18: --experimental-global-webcrypto)');
  }
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let bits = 0;
  let value = 0;
  let token = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token += ALPHABET[(value >> bits) & 63];
    }
  }
  if (bits > 0) token += ALPHABET[(value << (6 - bits)) & 63];
  return token;
};
