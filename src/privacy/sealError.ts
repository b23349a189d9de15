/** Stable codes of `SealError`: code outside this repo switches on them. */
export const SEAL_ERROR_CODES = ['unknown-key', 'tampered', 'bad-sealed-value', 'no-crypto', 'bad-key-provider'] as const;
export type SealErrorCode = (typeof SEAL_ERROR_CODES)[number];

/**
 * Thrown by seal, unseal and reseal:
 * - `unknown-key`: the key provider has no key with the sealed value's `kid`;
 * - `tampered`: the value does not open — a wrong key, a changed ciphertext, or a ciphertext moved to
 *   another field, record or form;
 * - `bad-sealed-value`: an object marked `$sealed` that is not a sealed value;
 * - `no-crypto`: the runtime has no Web Crypto;
 * - `bad-key-provider`: the provider is not one, or gave something that is not a usable key.
 * `path` names the answer at fault (`contactPhone`, `contacts.1.tel`) when there is one. Messages name
 * paths and key ids, never a value, plain or sealed.
 */
export class SealError extends Error {
  override readonly name = 'SealError';
  constructor(
    readonly code: SealErrorCode,
    message: string,
    readonly path?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}
