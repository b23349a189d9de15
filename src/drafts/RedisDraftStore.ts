import { FormUsageError } from '../core/issues';
import { readDraft, type Draft, type DraftStore } from '../session/draftStore';

/**
 * The part of a node-redis v4/v5 client (`createClient()` from the `redis` package, or its cluster
 * and pool) that the store uses. Told apart from ioredis by `isOpen`, a boolean only node-redis has.
 */
export interface NodeRedisDraftClient {
  readonly isOpen: boolean;
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { PX: number }): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

/**
 * The part of an ioredis client (`new Redis()` or `new Cluster()` from `ioredis`) that the store
 * uses. Told apart from node-redis by `status` ('wait', 'connecting', 'ready' …), a string only ioredis has.
 */
export interface IoRedisDraftClient {
  readonly status: string;
  get(key: string): Promise<unknown>;
  set(key: string, value: string, expiry: 'PX', milliseconds: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
}

export type RedisDraftClient = NodeRedisDraftClient | IoRedisDraftClient;

export interface RedisDraftStoreOptions {
  /** Put before every token to make the key. Default `formloom:draft:`. */
  readonly prefix?: string;
  /** The clock the time left before `expiresAt` is measured with, in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

const OPTIONS = ['prefix', 'now'];

/** What a token may be: URL-safe, bounded, so a token cannot name a key outside the prefix (`../x`, `a:b`, `*`). */
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

const isNodeRedis = (client: RedisDraftClient): client is NodeRedisDraftClient =>
  typeof (client as { readonly isOpen?: unknown }).isOpen === 'boolean';

const isIoRedis = (client: RedisDraftClient): client is IoRedisDraftClient =>
  typeof (client as { readonly status?: unknown }).status === 'string';

/** A GET on a key that holds a list, hash … (another application's): a foreign value, not a failure. */
const isWrongType = (error: unknown): boolean => error instanceof Error && error.message.startsWith('WRONGTYPE');

/**
 * Drafts in Redis, shared by every process that talks to the same server. Each draft is one string
 * key, `prefix + token`, holding the draft as JSON, which Redis itself deletes at `expiresAt`
 * (`SET key value PX <expiresAt - now>`); a draft already expired is not stored (its key is deleted).
 *
 * Pass the client you already have, connected: node-redis v4/v5 (`createClient()`, recognised by
 * its boolean `isOpen`) or ioredis (`new Redis()`, recognised by its string `status`); anything else
 * is refused. Neither package is imported here. Redis errors (connection lost, server down) reject as
 * the client reports them; a stored value that is not a draft reads as no draft. A token outside
 * `[A-Za-z0-9_-]{1,128}` rejects with FormUsageError `bad-argument`.
 */
export class RedisDraftStore implements DraftStore {
  private readonly client: RedisDraftClient;
  private readonly prefix: string;
  private readonly now: () => number;

  constructor(client: RedisDraftClient, options: RedisDraftStoreOptions = {}) {
    if (typeof client !== 'object' || client === null || typeof client.get !== 'function' ||
      typeof client.set !== 'function' || typeof client.del !== 'function' || !(isNodeRedis(client) || isIoRedis(client))) {
      throw new FormUsageError('bad-argument', 'RedisDraftStore needs a node-redis client (createClient() from `redis`) or an ioredis client (new Redis() from `ioredis`)');
    }
    if (typeof options !== 'object' || options === null) throw new FormUsageError('bad-option', 'RedisDraftStore options must be an object');
    for (const key of Object.keys(options)) {
      if (!OPTIONS.includes(key)) throw new FormUsageError('bad-option', `unknown RedisDraftStore option '${key}' (options: ${OPTIONS.join(', ')})`, key);
    }
    const { prefix = 'formloom:draft:', now = Date.now } = options;
    if (typeof prefix !== 'string') throw new FormUsageError('bad-option', '`prefix` must be a string', 'prefix');
    if (typeof now !== 'function') throw new FormUsageError('bad-option', '`now` must be a function returning milliseconds', 'now');
    this.client = client;
    this.prefix = prefix;
    this.now = now;
  }

  /** The stored draft, or undefined for a missing key or a value that is not a draft (tampered, foreign). */
  async get(token: string): Promise<Draft | undefined> {
    const key = this.key(token);
    let stored: unknown;
    try {
      stored = await this.client.get(key);
    } catch (error) {
      if (isWrongType(error)) return undefined;
      throw error;
    }
    // A node-redis client mapping replies to Buffers returns bytes.
    if (stored instanceof Uint8Array) stored = new TextDecoder().decode(stored);
    return typeof stored === 'string' ? readDraft(stored) : undefined;
  }

  /** Stores the draft until its `expiresAt`; one already expired is deleted instead. */
  async set(token: string, draft: Draft): Promise<void> {
    const key = this.key(token);
    const value = JSON.stringify(draft);
    const stored = typeof value === 'string' ? readDraft(value) : undefined;
    if (stored === undefined) throw new FormUsageError('bad-argument', 'RedisDraftStore.set needs a Draft (formId, formVersion, values, touched, savedAt, expiresAt)');
    const left = Math.ceil(Date.parse(stored.expiresAt) - this.now());
    if (!Number.isFinite(left)) throw new FormUsageError('bad-option', '`now` must return milliseconds', 'now');
    if (left <= 0) {
      await this.client.del(key);
    } else if (isNodeRedis(this.client)) {
      await this.client.set(key, value, { PX: left });
    } else {
      await this.client.set(key, value, 'PX', left);
    }
  }

  /** Removes the draft; true when there was one. */
  async delete(token: string): Promise<boolean> {
    return Number(await this.client.del(this.key(token))) > 0;
  }

  private key(token: string): string {
    if (typeof token !== 'string' || !TOKEN.test(token)) {
      throw new FormUsageError('bad-argument', 'a draft token is 1 to 128 characters among A-Z a-z 0-9 _ -');
    }
    return this.prefix + token;
  }
}
