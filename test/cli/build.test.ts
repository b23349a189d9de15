import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileForm, type CompiledForm } from '../../src/index';
import { internalFormOf } from '../../src/form/internal';
import { walkOrigin } from '../../src/validate/generate/generatedWalk';
import { runCli } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/io';
import { loadExampleDefinitions } from '../../examples/loadExamples';
import { declarationPath, precompiledTypes } from '../../src/cli/precompiledTypes';
import { typeCheck } from '../types/tsProgram';
import { NOW, SAMPLE_RECORDS } from '../../examples/records';

// `formloom build` in-process. The modules import formloom from src/index.ts (vitest transforms it),
// so what is tested is the module text and the runtime's use of it; test/package runs the real bin.
const root = new URL('../../', import.meta.url).pathname;
mkdirSync(`${root}test-output`, { recursive: true });
const out = mkdtempSync(`${root}test-output/build-unit-`);
const source = `${root}src/index.ts`;

const cli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd: root, env: {} };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
};

let serial = 0;
/** Builds a definition file into a module and imports it (a fresh name each time: modules are cached). */
const buildAndImport = async (definition: unknown, edit: (text: string) => string = (text) => text): Promise<CompiledForm> => {
  const name = `form-${serial++}`;
  writeFileSync(`${out}/${name}.json`, JSON.stringify(definition));
  const result = await cli(['build', `${out}/${name}.json`, '-o', `${out}/${name}.mjs`, '--import', source]);
  expect(result.code).toBe(0);
  writeFileSync(`${out}/${name}.mjs`, edit(readFileSync(`${out}/${name}.mjs`, 'utf8')));
  return ((await import(/* @vite-ignore */ `${out}/${name}.mjs`)) as { default: CompiledForm }).default;
};

const answers = fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 2 })));

describe('formloom build', () => {
  const examples = loadExampleDefinitions();

  it('writes a module per example that uses its own code, and says what compileForm says on any values', async () => {
    for (const { definition } of examples) {
      const built = await buildAndImport(definition);
      const plain = compileForm(definition);
      expect(built.id).toBe(plain.id);
      const records = [...Object.values(SAMPLE_RECORDS), {}];
      for (const record of records) {
        for (const role of [undefined, ...plain.roles]) {
          expect(built.validate(record, { role, now: NOW })).toEqual(plain.validate(record, { role, now: NOW }));
          expect(built.evaluate(record, { role, now: NOW })).toEqual(plain.evaluate(record, { role, now: NOW }));
        }
      }
      fc.assert(fc.property(answers, fc.constantFrom(undefined, ...plain.roles), fc.constantFrom('submit' as const, 'draft' as const), (values, role, mode) => {
        expect(built.validate(values, { role, mode, now: NOW })).toEqual(plain.validate(values, { role, mode, now: NOW }));
      }), { numRuns: 100 });
      expect(walkOrigin(internalFormOf(built))).toBe('precompiled');
      expect(walkOrigin(internalFormOf(plain))).toBe('generated');
    }
  });

  it('keeps hostile definition text as data: labels and options that try to close strings, comments or the module', async () => {
    const hostile = ['*/ throw 1; /*', '"); throw 1; ("', '`${globalThis.pwned = 1}`', '\u2028\u2029', '</script><script>pwned=1</script>', '\\', "'; pwned = 1; '"];
    const definition = {
      id: 'hostile', version: 1, title: hostile.join(' '),
      sections: [{ id: 's', title: hostile[0], fields: [
        { id: 'pick', type: 'select', label: hostile[1], required: true, options: hostile.map((value, index) => ({ value, label: hostile[(index + 1) % hostile.length] })) },
        { id: 'note', type: 'text', label: hostile[2], visibleIf: { '==': [{ var: 'pick' }, hostile[0]] }, required: true, pattern: '^[a-z]+$' },
      ] }],
    };
    const built = await buildAndImport(definition);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(walkOrigin(internalFormOf(built))).toBe('precompiled');
    const plain = compileForm(definition);
    for (const pick of [...hostile, 'other', undefined]) {
      for (const note of ['abc', 'ABC', undefined]) {
        expect(built.validate({ pick, note }, { locale: 'en' })).toEqual(plain.validate({ pick, note }, { locale: 'en' }));
      }
    }
    expect(built.evaluate({ pick: hostile[0] }).fields.note?.visible).toBe(true);
    expect(built.evaluate({ pick: hostile[1] }).fields.note?.visible).toBe(false);
    expect(built.definition).toEqual(plain.definition);
  });

  it('does not trust code that no longer matches: an edited hash or a module built for another definition', async () => {
    const [first, second] = examples;
    const tampered = await buildAndImport(first?.definition, (text) => text.replace(/walk: \{ hash: "[0-9a-f]+"/, 'walk: { hash: "0000000000000000"'));
    expect(walkOrigin(internalFormOf(tampered))).toBe('generated');
    const otherDefinition = JSON.stringify(JSON.stringify(second?.definition));
    const swapped = await buildAndImport(first?.definition, (text) => text.replace(/JSON\.parse\(".*"\);/, () => `JSON.parse(${otherDefinition});`));
    expect(swapped.id).toBe(second?.definition.id);
    expect(walkOrigin(internalFormOf(swapped))).toBe('generated');
    expect(swapped.validate(SAMPLE_RECORDS['customer-intake'] ?? {})).toEqual(compileForm(second?.definition).validate(SAMPLE_RECORDS['customer-intake'] ?? {}));
  });

  it('writes nothing for a broken definition and says why; refuses a wrong command line', async () => {
    writeFileSync(`${out}/broken.json`, JSON.stringify({ id: 'b', version: 1, title: 'B', sections: [{ id: 's', fields: [{ id: 'x', type: 'txet', label: 'X' }] }] }));
    const broken = await cli(['build', `${out}/broken.json`, '-o', `${out}/broken.mjs`]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('sections.0.fields.0.type');
    expect(existsSync(`${out}/broken.mjs`)).toBe(false);
    expect(readdirSync(out).filter((name) => name.includes('partial'))).toEqual([]);
    writeFileSync(`${out}/notjson.json`, '{ "id": ');
    expect((await cli(['build', `${out}/notjson.json`])).code).toBe(1);
    expect((await cli(['build', `${out}/missing.json`])).code).toBe(3);
    expect((await cli(['build'])).code).toBe(2);
    expect((await cli(['build', 'a.json', 'b.json'])).code).toBe(2);
    expect((await cli(['build', 'examples/customer-intake.json', '--format', 'umd'])).code).toBe(2);
    expect((await cli(['build', 'examples/customer-intake.json', '--frobnicate'])).code).toBe(2);
    const toStdout = await cli(['build', 'examples/customer-intake.json']);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toMatch(/^\/\/ Generated by formloom/);
    expect(toStdout.stdout).toContain("import { compileForm } from \"formloom\";");
    expect((await cli(['build', 'examples/customer-intake.json', '--format', 'cjs'])).stdout).toContain('require("formloom")');
  });

  it('writes a declaration beside the module, so the imported form is typed with its values', async () => {
    expect([declarationPath('a/intake.mjs'), declarationPath('intake.cjs'), declarationPath('intake.js'), declarationPath('intake.txt')]).toEqual(['a/intake.d.mts', 'intake.d.cts', 'intake.d.ts', undefined]);
    const written = await cli(['build', 'examples/customer-intake.json', '-o', `${out}/typed.mjs`]);
    expect(written.code).toBe(0);
    expect(readFileSync(`${out}/typed.d.mts`, 'utf8')).toContain('declare const form: CompiledForm<CustomerIntakeValues>;');
    const intake = compileForm(examples.find(({ file }) => file === 'customer-intake.json')?.definition);
    const declaration = precompiledTypes(internalFormOf(intake), { importFrom: '../src/index.ts', format: 'esm', source: 'customer-intake.json', version: 'test' });
    const use = `import form, { compile } from './intake.mjs';
const result = form.validate({});
if (result.valid) { const kind: 'enterprise' | 'individual' | undefined = result.values.customerType; void kind; }
// @ts-expect-error: not an option of customerType
form.createRecord({ customerType: 'alien' }, { by: 'u' });
compile({ timeZone: 'Asia/Shanghai' }).evaluate({});
`;
    expect(typeCheck({ 'gen/intake.d.mts': declaration, 'gen/use.ts': use })).toEqual([]);
  });

  it('resolves a variant\'s base among the definitions beside it: check, build and types work on examples/variants', async () => {
    const checked = await cli(['check', 'examples/variants']);
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);
    const elsewhere = await cli(['check', 'examples/variants', '--bases', 'test']);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain('unknown-base');
    const built = await cli(['build', 'examples/variants/customer-intake-overseas.json', '-o', `${out}/overseas.mjs`, '--import', source]);
    expect(built.code).toBe(0);
    const overseas = ((await import(/* @vite-ignore */ `${out}/overseas.mjs`)) as { default: CompiledForm }).default;
    expect(walkOrigin(internalFormOf(overseas))).toBe('precompiled');
    expect(overseas.definition.derivedFrom).toEqual([{ id: 'customer-intake', version: 1 }]);
    expect((await cli(['types', 'examples/variants/customer-intake-enterprise.json'])).stdout).toContain('export type CustomerIntakeEnterpriseValues');
  });

  it('refuses what cannot be a definition file, a device or one too large, without reading it', async () => {
    const device = await cli(['build', '/dev/zero']);
    expect(device.code).toBe(3);
    expect(device.stderr).toContain('not a regular file');
    writeFileSync(`${out}/huge.json`, Buffer.alloc(16 * 1024 * 1024 + 1, 32));
    expect((await cli(['types', `${out}/huge.json`])).stderr).toContain('larger than 16 MB');
    const checked = await cli(['check', '/dev/zero', 'examples/customer-intake.json']);
    expect(checked.code).toBe(3);
  });
});

