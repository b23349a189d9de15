import { KEY_ID } from '../core/sealedValue';
import { dictionary, isPlainObject } from '../core/reserved';
import type { KeyProvider } from './keyProvider';
import { SealError } from './sealError';
import { webCrypto } from './webCrypto';

/** Raw key bytes for keyProviderFromRaw. */
export interface RawKeys {
  /** The id of the key new values are sealed with; one of `keys`. */
  readonly current: string;
  /** Key id -> 32 random bytes (AES-256-GCM). Keep an old key as long as values sealed with it are stored. */
  readonly keys: Readonly<Record<string, Uint8Array>>;
  /** 32 or more random bytes for the blind index (HMAC-SHA-256); never the bytes of a sealing key. */
  readonly index: Uint8Array;
}

const bad = (message: string): SealError => new SealError('bad-key-provider', message);
const AES_BYTES = 32;
const MIN_INDEX_BYTES = 32;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * A KeyProvider over raw key bytes, for simple setups and tests: the bytes are copied (changing the
 * caller's arrays later changes nothing) and imported as non-extractable keys on first use. Shape
 * problems are a `bad-key-provider` SealError at once. Where keys live in a KMS or HSM, implement
 * KeyProvider over it instead, so the bytes never sit in application memory.
 */
export const keyProviderFromRaw = (raw: RawKeys): KeyProvider => {
  if (!isPlainObject(raw) || !isPlainObject(raw.keys)) throw bad('keyProviderFromRaw needs { current, keys: { [id]: Uint8Array }, index: Uint8Array }');
  const bytes = dictionary<Uint8Array<ArrayBuffer>>();
  for (const [id, key] of Object.entries(raw.keys)) {
    if (!KEY_ID.test(id)) throw bad(`key id '${id.slice(0, 64)}' must be letters, digits and _ . : - (at most 64)`);
    if (!(key instanceof Uint8Array) || key.length !== AES_BYTES) throw bad(`key '${id}' must be ${AES_BYTES} bytes (a Uint8Array) for AES-256-GCM`);
    bytes[id] = new Uint8Array(key);
  }
  const current = raw.current;
  if (typeof current !== 'string' || bytes[current] === undefined) throw bad('`current` must name one of `keys`');
  if (!(raw.index instanceof Uint8Array) || raw.index.length < MIN_INDEX_BYTES) throw bad(`\`index\` must be at least ${MIN_INDEX_BYTES} bytes (a Uint8Array)`);
  const index = new Uint8Array(raw.index);
  // One secret for two purposes would let whoever holds the index key open values, or the reverse.
  if (Object.values(bytes).some((key) => sameBytes(key, index))) throw bad('`index` must not be the bytes of a sealing key');

  const imported = new Map<string, Promise<CryptoKey>>();
  const aesKey = (id: string): Promise<CryptoKey> | undefined => {
    const key = bytes[id];
    if (key === undefined) return undefined;
    let pending = imported.get(id);
    if (pending === undefined) {
      pending = Promise.resolve().then(() => webCrypto().subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']));
      imported.set(id, pending);
    }
    return pending;
  };
  let indexKey: Promise<CryptoKey> | undefined;
  return Object.freeze({
    current: async () => ({ id: current, key: await (aesKey(current) as Promise<CryptoKey>) }),
    get: async (id: string) => (typeof id === 'string' ? aesKey(id) : undefined),
    indexKey: () => (indexKey ??= Promise.resolve().then(() => webCrypto().subtle.importKey('raw', index, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']))),
  });
};
