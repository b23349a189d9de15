import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build`. Node resolves `formloom` through the package's own exports map
// (self-reference), exactly as an installed dependency would be resolved.
const root = new URL('../..', import.meta.url);
const run = (args: string[]): string => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

const script = `
  const form = m.compileForm({ id: 'p', version: 1, title: 't', sections: [{ id: 's', fields: [
    { id: 'phone', type: 'text', label: 'Phone', format: 'cn-mobile', required: true } ] }] });
  const bad = form.validate({ phone: '123' }, { locale: 'en' });
  console.log(JSON.stringify({ ok: form.validate({ phone: '13812345678' }).valid, code: bad.errors[0].code, isError: new m.FormDefinitionError([]) instanceof Error }));
`;

describe('the built package, imported by name', () => {
  it('works as ESM through the exports map', () => {
    const out = run(['--input-type=module', '-e', `import * as m from 'formloom'; ${script}`]);
    expect(JSON.parse(out)).toEqual({ ok: true, code: 'format', isError: true });
  });

  it('works as CommonJS through the exports map', () => {
    const out = run(['-e', `const m = require('formloom'); ${script}`]);
    expect(JSON.parse(out)).toEqual({ ok: true, code: 'format', isError: true });
  });

  it('exports the definition JSON Schema for editors', () => {
    const out = run(['-e', "console.log(require('formloom/schema.json').title)"]);
    expect(out.trim()).toBe('formloom form definition');
  });

  it('exposes RedisDraftStore at formloom/drafts-redis (ESM and CommonJS), outside the core bundle', () => {
    const probe = `const client = { isOpen: true, get: async () => null, set: async () => 'OK', del: async () => 0 };
      let usage; try { new d.RedisDraftStore({}); } catch (error) { usage = error instanceof m.FormUsageError && error.code; }
      console.log(JSON.stringify({ store: new d.RedisDraftStore(client) instanceof d.RedisDraftStore, usage }));`;
    const expected = { store: true, usage: 'bad-argument' }; // one FormUsageError class for both entries, in each format
    expect(JSON.parse(run(['--input-type=module', '-e', `import * as m from 'formloom'; import * as d from 'formloom/drafts-redis'; ${probe}`]))).toEqual(expected);
    expect(JSON.parse(run(['-e', `const m = require('formloom'); const d = require('formloom/drafts-redis'); ${probe}`]))).toEqual(expected);
    expect(readFileSync(new URL('dist/drafts-redis.d.ts', root), 'utf8')).toContain('RedisDraftStore');
    expect(readFileSync(new URL('dist/drafts-redis.d.cts', root), 'utf8')).toContain('RedisDraftStore');
    // The core is dist/index.js and the chunks it shares with other entries. It may name
    // RedisDraftStore in a message (src/session/drafts.ts suggests one), but holds none of its code.
    const esm = readFileSync(new URL('dist/index.js', root), 'utf8');
    const chunks = new Set([...esm.matchAll(/from '\.\/(chunk-[\w-]+\.js)'/g)].map((match) => match[1] as string));
    const core = [esm, ...[...chunks].map((chunk) => readFileSync(new URL(`dist/${chunk}`, root), 'utf8'))];
    for (const code of core) expect(code).not.toMatch(/RedisDraftStore\d* = class|class RedisDraftStore|formloom:draft:|WRONGTYPE/);
  });

  it('ships type declarations for both and keeps node: imports out of the core bundle', () => {
    const esm = readFileSync(new URL('dist/index.js', root), 'utf8');
    expect(esm).not.toMatch(/from ['"]node:/);
    expect(readFileSync(new URL('dist/index.d.ts', root), 'utf8')).toContain('compileForm');
    expect(readFileSync(new URL('dist/index.d.cts', root), 'utf8')).toContain('compileForm');
  });
});
