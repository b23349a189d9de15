import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build`: the `formloom` bin as package.json declares it, in a child process.
const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string; bin: Record<string, string> };
const bin = pkg.bin.formloom as string;
const formloom = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

describe('the formloom bin', () => {
  it('starts with a shebang, says its version and lists its commands', () => {
    expect(readFileSync(`${root}${bin}`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(formloom(['--version']).stdout.trim()).toBe(pkg.version);
    const help = formloom(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['check', 'types', 'build', 'export']) expect(help.stdout).toContain(`  ${command} `);
    expect(formloom([]).status).toBe(2);
    expect(formloom(['frobnicate']).status).toBe(2);
    expect(formloom(['build', '--help']).stdout).toContain('Usage: formloom build');
  });

  it('builds a CommonJS module that require() loads by the package name', () => {
    mkdirSync(`${root}test-output/package-build`, { recursive: true });
    const built = formloom(['build', 'examples/customer-intake.json', '-o', 'test-output/package-build/intake.cjs']);
    expect(built.status).toBe(0);
    const out = execFileSync(process.execPath, ['-e', `const m = require('./test-output/package-build/intake.cjs');
      const r = m.form.validate({}, { locale: 'en' });
      console.log(JSON.stringify({ same: m.default === m.form, id: m.form.id, valid: r.valid, codes: [...new Set(r.errors.map((e) => e.code))] }));`], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ same: true, id: 'customer-intake', valid: false, codes: ['required'] });
  });
});
