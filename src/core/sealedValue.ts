import { hasOwn, isPlainObject } from './reserved';

/**
 * An answer sealed by field-level encryption, as stored in place of the plain value:
 * `{ "$sealed": 1, "kid": "k2026", "iv": "…", "ct": "…", "bi": "…" }` — AES-256-GCM under the key `kid`,
 * a 96-bit `iv`, the ciphertext with its tag in `ct`, and `bi`, the keyed blind index of the
 * normalised value (absent when it normalises to nothing), all base64url without padding.
 * It lives in core because dedup keys (governance) read `bi` and privacy writes and opens the rest.
 */
export interface SealedValue {
  readonly $sealed: 1;
  readonly kid: string;
  readonly iv: string;
  readonly ct: string;
  readonly bi?: string;
}

/** What a key id may be: it is stored in every sealed value, so it stays short and plain. */
export const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// 12 bytes of IV and 32 of HMAC-SHA-256 in base64url without padding; a ciphertext holds at least the
// 16-byte tag, and no base64 text is one character past a multiple of four.
const IV_CHARS = 16;
const INDEX_CHARS = 43;
const MIN_CT_CHARS = 22;
const KEYS = new Set(['$sealed', 'kid', 'iv', 'ct', 'bi']);

/** True for anything that says it is sealed: such a value is never sealed again nor read as an answer. */
export const claimsSealed = (value: unknown): boolean => isPlainObject(value) && hasOwn(value, '$sealed');

/**
 * The value as a sealed value when its shape is right (fields, alphabet, lengths), else undefined.
 * Whether it opens is decided only by opening it.
 */
export const asSealedValue = (value: unknown): SealedValue | undefined => {
  if (!claimsSealed(value)) return undefined;
  const sealed = value as Record<string, unknown>;
  if (Object.keys(sealed).some((key) => !KEYS.has(key))) return undefined;
  const { $sealed, kid, iv, ct, bi } = sealed;
  if ($sealed !== 1 || typeof kid !== 'string' || !KEY_ID.test(kid)) return undefined;
  if (typeof iv !== 'string' || iv.length !== IV_CHARS || !BASE64URL.test(iv)) return undefined;
  if (typeof ct !== 'string' || ct.length < MIN_CT_CHARS || ct.length % 4 === 1 || !BASE64URL.test(ct)) return undefined;
  if (bi !== undefined && (typeof bi !== 'string' || bi.length !== INDEX_CHARS || !BASE64URL.test(bi))) return undefined;
  return bi === undefined ? { $sealed: 1, kid, iv, ct } : { $sealed: 1, kid, iv, ct, bi };
};
