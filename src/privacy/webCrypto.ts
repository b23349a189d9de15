import { SealError } from './sealError';

interface WebCrypto {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/**
 * Web Crypto as browsers and Node >= 18 expose it on `globalThis`, or a `no-crypto` SealError. Read at
 * each call rather than once, so that a runtime which installs it late (a polyfill) is still served.
 */
export const webCrypto = (): WebCrypto => {
  const crypto = (globalThis as { crypto?: Partial<WebCrypto> }).crypto;
  if (crypto?.subtle === undefined || typeof crypto.getRandomValues !== 'function') {
    throw new SealError('no-crypto', 'no Web Crypto (globalThis.crypto.subtle): run in a browser on a secure origin, or on Node >= 19 (Node 18: --experimental-global-webcrypto)');
  }
  return crypto as WebCrypto;
};

/** `length` random bytes from Web Crypto. */
export const randomBytes = (length: number): Uint8Array<ArrayBuffer> => webCrypto().getRandomValues(new Uint8Array(length));

const encoder = /* @__PURE__ */ new TextEncoder();
/** UTF-8 bytes of a text. */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text);
