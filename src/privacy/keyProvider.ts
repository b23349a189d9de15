import { KEY_ID } from '../core/sealedValue';
import { SealError } from './sealError';

/** The key new values are sealed with: an AES-GCM 256-bit CryptoKey and the id stored with each value. */
export interface SealingKey {
  /** Stored as `kid` in every value sealed with it: letters, digits, `_ . : -`, at most 64. */
  readonly id: string;
  readonly key: CryptoKey;
}

/**
 * Where seal, unseal and reseal get their keys: the application's, never the definition's. Each
 * method may answer at once or with a Promise (a KMS call); within one call of seal, unseal or reseal
 * each is asked at most once per key id.
 *
 * Rotation: `current` names the key new values are sealed with; `get` must keep answering for every id
 * still found in stored values, until `resealValues` has moved them all to the current key.
 */
export interface KeyProvider {
  /** The key to seal with now; `now` is the seal's time, for a provider that picks keys by date. Needs usage `encrypt`. */
  current(now: Date): SealingKey | Promise<SealingKey>;
  /** The key with this id (AES-GCM, 256 bits, usage `decrypt`), or undefined when there is none. */
  get(id: string): CryptoKey | undefined | Promise<CryptoKey | undefined>;
  /**
   * The blind index's key: HMAC with SHA-256, usage `sign`, at least 256 bits, never one of the
   * sealing keys. Changing it changes every dedup key of sealed values (see resealValues' `reindex`).
   */
  indexKey(): CryptoKey | Promise<CryptoKey>;
}

/** One call's view of a provider: each key asked for once and checked before use. */
export interface KeyRing {
  current(): Promise<SealingKey>;
  /** The key for `id`, or an `unknown-key` SealError naming `path`. */
  open(id: string, path: string): Promise<CryptoKey>;
  index(): Promise<CryptoKey>;
}

type KeyLike = { readonly type?: unknown; readonly algorithm?: { readonly name?: unknown; readonly length?: unknown; readonly hash?: { readonly name?: unknown } }; readonly usages?: unknown };

// Duck-typed rather than `instanceof CryptoKey`: a key made by another realm (a worker, a test runner's
// context) is just as good, and Node 18 has no global CryptoKey.
const isAesKey = (key: unknown, usage: KeyUsage): key is CryptoKey => {
  const like = key as KeyLike | null | undefined;
  return typeof like === 'object' && like !== null && like.type === 'secret' && like.algorithm?.name === 'AES-GCM'
    && like.algorithm.length === 256 && Array.isArray(like.usages) && like.usages.includes(usage);
};

const isIndexKey = (key: unknown): key is CryptoKey => {
  const like = key as KeyLike | null | undefined;
  return typeof like === 'object' && like !== null && like.type === 'secret' && like.algorithm?.name === 'HMAC'
    && like.algorithm.hash?.name === 'SHA-256' && typeof like.algorithm.length === 'number' && like.algorithm.length >= 256
    && Array.isArray(like.usages) && like.usages.includes('sign');
};

const bad = (message: string): SealError => new SealError('bad-key-provider', message);

/**
 * Asks the caller's provider: what it throws or rejects with becomes a coded SealError whose message
 * names the method only (a KMS error may quote a key or a value); the original stays as `cause`.
 */
const asking = async <T>(what: string, ask: () => T | Promise<T>): Promise<T> => {
  try {
    return await ask();
  } catch (error) {
    throw Object.defineProperty(bad(`the key provider's ${what} failed`), 'cause', { value: error, enumerable: false });
  }
};

/** Checks that `provider` is a KeyProvider and wraps it for one call; the keys themselves are checked when first used. */
export const keyRing = (provider: unknown, now: Date): KeyRing => {
  const methods = provider as Partial<Record<keyof KeyProvider, unknown>> | null;
  let shaped = false;
  try {
    shaped = typeof methods === 'object' && methods !== null && typeof methods.current === 'function' && typeof methods.get === 'function' && typeof methods.indexKey === 'function';
  } catch {
    // A getter or Proxy trap that throws: not a provider.
  }
  if (!shaped) {
    throw bad('`keys` must be a KeyProvider: { current(now), get(id), indexKey() } (keyProviderFromRaw makes one from raw bytes)');
  }
  const source = provider as KeyProvider;
  let current: Promise<SealingKey> | undefined;
  let index: Promise<CryptoKey> | undefined;
  const opened = new Map<string, Promise<CryptoKey | undefined>>();
  return {
    current: () => (current ??= (async () => {
      const given: unknown = await asking('current()', () => source.current(now));
      const { id, key } = (typeof given === 'object' && given !== null ? given : {}) as Partial<SealingKey>;
      if (typeof id !== 'string' || !KEY_ID.test(id)) throw bad('current() must give { id, key } with an id of letters, digits and _ . : - (at most 64)');
      if (!isAesKey(key, 'encrypt')) throw bad(`current() key '${id}' is not an AES-GCM 256-bit CryptoKey with usage 'encrypt'`);
      return { id, key };
    })()),
    open: async (id, path) => {
      let pending = opened.get(id);
      if (pending === undefined) {
        pending = asking(`get('${id}')`, () => source.get(id)).then((key: unknown) => {
          if (key === undefined) return undefined;
          if (!isAesKey(key, 'decrypt')) throw bad(`get('${id}') is not an AES-GCM 256-bit CryptoKey with usage 'decrypt'`);
          return key;
        });
        opened.set(id, pending);
      }
      const key = await pending;
      if (key === undefined) throw new SealError('unknown-key', `the value at '${path}' is sealed with key '${id}', which the key provider does not have`, path);
      return key;
    },
    index: () => (index ??= (async () => {
      const key: unknown = await asking('indexKey()', () => source.indexKey());
      if (!isIndexKey(key)) throw bad("indexKey() is not an HMAC SHA-256 CryptoKey of at least 256 bits with usage 'sign'");
      return key;
    })()),
  };
};
