import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormUsageError } from '../src/core/issues';
import { RedisDraftStore, type Draft, type RedisDraftClient } from '../src/drafts-redis';

// These tests start their own redis-server (on a free loopback port, data in a temporary folder) and
// talk to it through both supported clients. Without a redis-server on PATH they are skipped with a
// printed reason on a developer's machine, and FAIL when CI is set: .ci/run installs redis-server,
// so a CI run without it is a broken image, not a reason to ship an untested store.

const findRedisServer = (): string | undefined => {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, 'redis-server'), constants.X_OK);
      return join(dir, 'redis-server');
    } catch {
      // not in this folder
    }
  }
  return undefined;
};

const binary = findRedisServer();
const ci = Boolean(process.env.CI);
if (binary === undefined && !ci) {
  console.warn('[drafts-redis] SKIPPED: no redis-server on PATH (apt-get install redis-server); with CI set these tests fail instead');
}

// --- a redis-server of our own ------------------------------------------------------------------

interface RedisServer {
  readonly port: number;
  readonly dir: string;
  readonly args: readonly string[];
  process: ChildProcess | undefined;
  log: string;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** True once the server answers PING with PONG (while it loads its data it answers -LOADING). */
const ping = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (what: string, test: () => boolean | Promise<boolean>, timeout = 10_000): Promise<void> => {
  const deadline = Date.now() + timeout;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
};

/** Starts (or restarts, same port and folder) the server and waits until it answers. */
const run = async (server: RedisServer): Promise<void> => {
  const child = spawn(binary as string, [...server.args], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.process = child;
  child.stdout?.on('data', (chunk: Buffer) => { server.log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { server.log += chunk.toString(); });
  let exited = false;
  child.on('exit', () => { exited = true; });
  try {
    await until(`redis-server on port ${server.port}`, async () => {
      if (exited) throw new Error(`redis-server exited:\n${server.log}`);
      return ping(server.port);
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
};

const stop = async (server: RedisServer): Promise<void> => {
  const child = server.process;
  server.process = undefined;
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM'); // a clean shutdown: Redis flushes its append-only file, then exits
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
};

/**
 * A server on a free loopback port with its own temporary folder (`--dir`), so it never loads or
 * writes a dump.rdb of the working directory. `persistent`: every write goes to an append-only file
 * in that folder (fsync'd on every write), read back when the server restarts; otherwise nothing is kept.
 */
const startServer = async (persistent: boolean): Promise<RedisServer> => {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'formloom-redis-'));
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
      ...(persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'])];
    const server: RedisServer = { port, dir, args, process: undefined, log: '' };
    try {
      await run(server);
      return server;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt === 3) throw error; // the port was taken between probing and binding: try another
    }
  }
};

const removeServer = async (server: RedisServer | undefined): Promise<void> => {
  if (server === undefined) return;
  await stop(server);
  rmSync(server.dir, { recursive: true, force: true });
};

// --- both clients ---------------------------------------------------------------------------------

/**
 * A connected client of one library, as an application would hold it: long-lived, with an error
 * listener (node-redis emits 'error' while the server is unreachable, and an EventEmitter without a
 * listener would crash the process) and a reconnect strategy, so after a Redis restart the same
 * client reconnects on its own (both libraries queue commands sent meanwhile).
 */
interface Connection {
  readonly client: RedisDraftClient;
  /** A raw command, to look at and tamper with keys behind the store's back. */
  command(name: string, ...args: string[]): Promise<unknown>;
  ready(): boolean;
  /** How many times the client has started reconnecting after losing the server. */
  reconnects(): number;
  close(): Promise<void>;
}

interface Library {
  readonly name: string;
  connect(port: number): Promise<Connection>;
}

const backoff = (attempt: number): number => Math.min(50 * 2 ** attempt, 500);

const libraries: readonly Library[] = [
  {
    name: 'node-redis',
    async connect(port) {
      const client = createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: backoff } });
      let reconnects = 0;
      client.on('error', () => {}); // reported as rejected commands; the listener keeps the process alive
      client.on('reconnecting', () => { reconnects += 1; });
      await client.connect();
      return {
        client,
        command: (name, ...args) => client.sendCommand([name, ...args]),
        ready: () => client.isReady,
        reconnects: () => reconnects,
        close: async () => client.destroy(),
      };
    },
  },
  {
    name: 'ioredis',
    async connect(port) {
      const client = new Redis({ host: '127.0.0.1', port, retryStrategy: backoff, lazyConnect: true });
      let reconnects = 0;
      client.on('error', () => {});
      client.on('reconnecting', () => { reconnects += 1; });
      await client.connect();
      return {
        client,
        command: (name, ...args) => client.call(name, ...args),
        ready: () => client.status === 'ready',
        reconnects: () => reconnects,
        close: async () => client.disconnect(),
      };
    },
  },
];

// --- drafts ---------------------------------------------------------------------------------------

const newToken = (): string => randomBytes(16).toString('base64url');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const draftAt = (savedAt: number, expiresAt: number): Draft => ({
  formId: 'intake',
  formVersion: 3,
  values: { customerType: 'enterprise', phone: '13812345678', services: [{ solution: '换货', rating: 4 }] },
  touched: ['customerType', 'services.0.solution'],
  role: 'customer',
  locale: 'zh-CN',
  savedAt: new Date(savedAt).toISOString(),
  expiresAt: new Date(expiresAt).toISOString(),
});

const expectUsageError = async (promise: Promise<unknown>): Promise<void> => {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(FormUsageError);
  expect((error as FormUsageError).code).toBe('bad-argument');
};

describe('RedisDraftStore, without a server', () => {
  it('refuses an object that is neither a node-redis nor an ioredis client, and bad options', () => {
    const fake = { get: async () => null, set: async () => 'OK', del: async () => 0 };
    expect(() => new RedisDraftStore(fake as unknown as RedisDraftClient)).toThrow(FormUsageError);
    expect(() => new RedisDraftStore(null as unknown as RedisDraftClient)).toThrow(FormUsageError);
    const client = { ...fake, isOpen: true };
    expect(new RedisDraftStore(client)).toBeInstanceOf(RedisDraftStore);
    for (const options of [{ prefix: 1 }, { now: 'today' }, { prefx: 'x:' }]) {
      const error: unknown = (() => { try { return new RedisDraftStore(client, options as never); } catch (thrown) { return thrown; } })();
      expect(error).toBeInstanceOf(FormUsageError);
      expect((error as FormUsageError).code).toBe('bad-option');
    }
  });
});

describe.skipIf(binary === undefined && !ci)('RedisDraftStore against a real redis-server', () => {
  let server: RedisServer | undefined;

  beforeAll(async () => {
    if (binary === undefined) {
      throw new Error('redis-server is not on PATH and CI is set: .ci/run installs it (apt-get install redis-server); the Redis draft store must be tested in CI');
    }
    server = await startServer(false);
  }, 20_000);

  afterAll(() => removeServer(server), 20_000);

  describe.each(libraries)('with $name', (library) => {
    let connection: Connection;
    let store: RedisDraftStore;
    const now = Date.parse('2030-01-01T00:00:00Z');

    beforeAll(async () => {
      connection = await library.connect((server as RedisServer).port);
      store = new RedisDraftStore(connection.client, { now: () => now });
    });

    afterAll(async () => connection?.close());

    it('saves a draft as JSON under the prefix and reads it back', async () => {
      const token = newToken();
      const draft = draftAt(now, now + 7 * DAY);
      await store.set(token, draft);
      expect(await store.get(token)).toEqual(draft);
      expect(await connection.command('GET', `formloom:draft:${token}`)).toBe(JSON.stringify(draft));
    });

    it('lets Redis expire the key at expiresAt (PTTL)', async () => {
      const token = newToken();
      await store.set(token, draftAt(now, now + 7 * DAY));
      const pttl = Number(await connection.command('PTTL', `formloom:draft:${token}`));
      expect(pttl).toBeLessThanOrEqual(7 * DAY);
      expect(pttl).toBeGreaterThan(7 * DAY - 5_000);

      // With the real clock.
      const live = new RedisDraftStore(connection.client);
      await live.set(token, draftAt(Date.now(), Date.now() + HOUR));
      const left = Number(await connection.command('PTTL', `formloom:draft:${token}`));
      expect(left).toBeLessThanOrEqual(HOUR);
      expect(left).toBeGreaterThan(HOUR - 5_000);
    });

    it('does not store a draft already expired, and deletes what the token held', async () => {
      const token = newToken();
      await store.set(token, draftAt(now - 2 * DAY, now - 1));
      expect(Number(await connection.command('EXISTS', `formloom:draft:${token}`))).toBe(0);

      await store.set(token, draftAt(now, now + DAY));
      await store.set(token, draftAt(now - DAY, now)); // expiresAt == now: nothing left to keep
      expect(Number(await connection.command('EXISTS', `formloom:draft:${token}`))).toBe(0);
      expect(await store.get(token)).toBeUndefined();
    });

    it('returns undefined for a token that was never saved', async () => {
      expect(await store.get(newToken())).toBeUndefined();
    });

    it('returns undefined for a stored value that is not a draft (tampered or foreign)', async () => {
      const token = newToken();
      const key = `formloom:draft:${token}`;
      const { expiresAt: _dropped, ...noExpiry } = draftAt(now, now + DAY);
      for (const junk of ['not json', '{"formId":"intake"', '[]', '42', 'null', '""', JSON.stringify(noExpiry),
        JSON.stringify({ ...draftAt(now, now + DAY), expiresAt: 'tomorrow' }), JSON.stringify({ ...draftAt(now, now + DAY), touched: [1] })]) {
        await connection.command('SET', key, junk);
        expect(await store.get(token)).toBeUndefined();
      }
      await connection.command('DEL', key);
      await connection.command('RPUSH', key, 'another application\'s list'); // GET answers WRONGTYPE
      expect(await store.get(token)).toBeUndefined();
      await store.set(token, draftAt(now, now + DAY)); // SET replaces it
      expect(await store.get(token)).toEqual(draftAt(now, now + DAY));
    });

    it('refuses a token that could reach other keys, in get, set and delete', async () => {
      for (const token of ['../x', 'a b', 'x'.repeat(129), '', 'a:b', '*', 'tok\n', 'ç']) {
        await expectUsageError(store.get(token));
        await expectUsageError(store.set(token, draftAt(now, now + DAY)));
        await expectUsageError(store.delete(token));
      }
      await expectUsageError(store.get(42 as unknown as string));
      const longest = 'x'.repeat(128);
      await store.set(longest, draftAt(now, now + DAY));
      expect(await store.get(longest)).toEqual(draftAt(now, now + DAY));
      await store.delete(longest);
    });

    it('refuses to store something that is not a draft', async () => {
      await expectUsageError(store.set(newToken(), { formId: 'intake' } as unknown as Draft));
    });

    it('deletes a draft, and says whether there was one', async () => {
      const token = newToken();
      await store.set(token, draftAt(now, now + DAY));
      expect(await store.delete(token)).toBe(true);
      expect(await store.get(token)).toBeUndefined();
      expect(await store.delete(token)).toBe(false);
    });

    it('keeps its keys under its own prefix', async () => {
      const token = newToken();
      const tenant = new RedisDraftStore(connection.client, { prefix: 'tenant-a:drafts:', now: () => now });
      await tenant.set(token, draftAt(now, now + DAY));
      expect(Number(await connection.command('EXISTS', `tenant-a:drafts:${token}`))).toBe(1);
      expect(await store.get(token)).toBeUndefined();
      expect(await tenant.get(token)).toEqual(draftAt(now, now + DAY));
    });
  });

  it('a draft saved through one client is resumed through the other', async () => {
    const port = (server as RedisServer).port;
    const [nodeRedis, ioredis] = await Promise.all(libraries.map((library) => library.connect(port)));
    try {
      const now = Date.now();
      const token = newToken();
      await new RedisDraftStore((nodeRedis as Connection).client).set(token, draftAt(now, now + DAY));
      expect(await new RedisDraftStore((ioredis as Connection).client).get(token)).toEqual(draftAt(now, now + DAY));
    } finally {
      await Promise.all([nodeRedis?.close(), ioredis?.close()]);
    }
  });

  // Redis restarts between save and resume. The clients are the same long-lived ones (see
  // Connection): they reconnect on their own; the test waits until both are ready again, as an
  // application's next request simply would, then resumes.
  const saveRestartResume = async (persistent: boolean): Promise<Array<Draft | undefined>> => {
    const restarted = await startServer(persistent);
    const connections = await Promise.all(libraries.map((library) => library.connect(restarted.port)));
    try {
      const now = Date.now();
      const saved = connections.map((connection) => {
        const token = newToken();
        return { store: new RedisDraftStore(connection.client), token };
      });
      for (const { store, token } of saved) await store.set(token, draftAt(now, now + DAY));
      await stop(restarted);
      await run(restarted);
      await until('both clients to reconnect', () => connections.every((connection) => connection.reconnects() > 0 && connection.ready()));
      return await Promise.all(saved.map(({ store, token }) => store.get(token)));
    } finally {
      await Promise.all(connections.map((connection) => connection.close()));
      await removeServer(restarted);
    }
  };

  it('with persistence (appendonly yes), a draft survives a Redis restart', async () => {
    const resumed = await saveRestartResume(true);
    expect(resumed).toHaveLength(2);
    for (const draft of resumed) expect(draft).toMatchObject({ formId: 'intake', touched: ['customerType', 'services.0.solution'] });
  }, 30_000);

  it('without persistence, a draft is gone after a restart: get returns undefined, nothing crashes', async () => {
    expect(await saveRestartResume(false)).toEqual([undefined, undefined]);
  }, 30_000);
});
