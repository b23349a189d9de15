import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build`, on the tarball npm would publish: what a user installs is what is checked.
const root = new URL('../..', import.meta.url).pathname;
const destination = mkdtempSync(join(tmpdir(), 'formloom-pack-'));
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: root, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
const tarball = join(destination, packed?.filename ?? '');

describe('the published package', () => {
  it('ships what its exports and bin name, and nothing of the repository besides', () => {
    const files = (packed?.files ?? []).map((file) => file.path);
    for (const needed of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'dist/drafts-redis.js', 'drafts-redis/package.json', 'schema.json', 'README.md', 'LICENSE']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => /^(src|test|bench|test-output|scripts)\//.test(file))).toEqual([]);
  });

  it('is clean for publint (strict)', async () => {
    const { messages } = await publint({ pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer }, strict: true });
    expect(messages.map((message) => `${message.type} ${message.code} ${message.path.join('.')}`)).toEqual([]);
  });

  it('resolves its types under node10, node16 (CJS and ESM) and bundler for every entry (are the types wrong)', () => {
    const bin = join(root, 'node_modules/.bin/attw');
    const report = JSON.parse(execFileSync(bin, [tarball, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })) as {
      analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, unknown[]>;
    };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './drafts-redis', './package.json', './schema.json']);
    expect(report.problems ?? {}).toEqual({});
  }, 60_000);
});
