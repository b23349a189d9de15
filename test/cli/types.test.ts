import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { CliIo } from '../../src/cli/io';
import { jsString } from '../../src/core/jsString';
import { loadExampleDefinitions } from '../../examples/loadExamples';
import { invalidIntakeRecord, SAMPLE_RECORDS } from '../../examples/records';
import { HOSTILE, HOSTILE_TEXTS } from '../types/fixtures';
import { root, typeCheck } from '../types/tsProgram';

// `formloom types` in-process: its output must be valid TypeScript that accepts the examples' real
// records and rejects wrong values, and definition text, however hostile, must stay data.
mkdirSync(`${root}test-output`, { recursive: true });
const out = mkdtempSync(`${root}test-output/types-unit-`);
const relativeOut = out.slice(root.length);

const cli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (chunk: string | Uint8Array) => (stdout += String(chunk)) }, stderr: { write: (text: string) => (stderr += text) }, cwd: root, env: {} };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
};

const typesOf = async (definition: unknown, name: string, extra: string[] = []): Promise<string> => {
  writeFileSync(`${out}/${name}.json`, JSON.stringify(definition));
  const result = await cli(['types', `${out}/${name}.json`, ...extra]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

/** The top-level statements of a module, by kind: what a break-out of a comment or string would add to. */
const statementsOf = (text: string): string[] =>
  ts.createSourceFile('generated.ts', text, ts.ScriptTarget.ES2022, true).statements.map((statement) => ts.SyntaxKind[statement.kind]);

describe('formloom types', () => {
  it('writes, for every example, one exported type that accepts the example\'s real record and refuses wrong values', async () => {
    const files: Record<string, string> = {};
    for (const { file, definition } of loadExampleDefinitions()) {
      const base = file.replace(/\.json$/, '');
      const result = await cli(['types', `examples/${file}`]);
      expect(result.code, file).toBe(0);
      expect(statementsOf(result.stdout), file).toEqual(['TypeAliasDeclaration']);
      const name = `${base.split('-').map((word) => word[0]?.toUpperCase() + word.slice(1)).join('')}Values`;
      expect(result.stdout).toContain(`export type ${name} = {`);
      files[`${relativeOut}/${base}.values.ts`] = result.stdout;
      const record = SAMPLE_RECORDS[String(definition.id)];
      expect(record, file).toBeDefined();
      files[`${relativeOut}/${base}.check.ts`] = `import type { ${name} } from './${base}.values';
export const record: ${name} = ${JSON.stringify(record)};
// @ts-expect-error a key that is no field
export const unknownKey: ${name} = { ...record, notAField: 1 };
// @ts-expect-error a list where no field holds one, or a text where a list is expected
export const wrongType: ${name} = { ...record, ${Object.keys(record ?? {})[0]}: [{ wrong: true }] };
`;
    }
    files[`${relativeOut}/intake-invalid.check.ts`] = `import type { CustomerIntakeValues } from './customer-intake.values';
// @ts-expect-error 6 stars on a 5-star rating
export const invalid: CustomerIntakeValues = ${JSON.stringify(invalidIntakeRecord)};
`;
    expect(typeCheck(files)).toEqual([]);
  });

  it('keeps hostile labels and option values as data: quotes, */, backticks, newlines, U+2028, bidi controls, @tags', async () => {
    const text = await typesOf(HOSTILE, 'hostile');
    // One statement: nothing ended a comment or a string early.
    expect(statementsOf(text)).toEqual(['TypeAliasDeclaration']);
    expect(text).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b-\u001f]/);
    // The union holds exactly the real values (written here by another escaper, core/jsString).
    const values = `[${HOSTILE_TEXTS.map(jsString).join(', ')}] as const`;
    const files = {
      [`${relativeOut}/hostile.values.ts`]: text,
      [`${relativeOut}/hostile.check.ts`]: `import type { HostileValues } from './hostile.values';
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const values = ${values};
export const exact: Mutual<(typeof values)[number], HostileValues['pick']> = true;
export const rowsToo: Mutual<(typeof values)[number], NonNullable<HostileValues['rows']>[number]['choice']> = true;
export const good: HostileValues = { pick: values[0], many: [values[2], values[11]], path: ['*/', values[4]], rows: [{ choice: values[9] }] };
// @ts-expect-error not among the options
export const notOffered: HostileValues = { pick: 'pwned' };
// @ts-expect-error a multiselect of a value not offered
export const notInList: HostileValues = { pick: values[0], many: ['pwned'] };
// @ts-expect-error pick is required
export const missing: HostileValues = {};
// @ts-expect-error a row without its required choice
export const badRow: HostileValues = { pick: values[0], rows: [{}] };
// @ts-expect-error a path that is not in the tree
export const badPath: HostileValues = { pick: values[0], path: [values[4]] };
`,
    };
    expect(typeCheck(files)).toEqual([]);

    // Labels reach editors as documentation, and a label cannot add a JSDoc tag (@deprecated).
    const host = ts.createCompilerHost({});
    const source = ts.createSourceFile(`${out}/hostile.values.ts`, text, ts.ScriptTarget.ES2022, true);
    host.getSourceFile = (name) => (name === source.fileName ? source : undefined);
    const program = ts.createProgram([source.fileName], { noLib: true, types: [] }, host);
    const checker = program.getTypeChecker();
    const alias = source.statements[0] as ts.TypeAliasDeclaration;
    const properties = checker.getTypeAtLocation(alias.name).getProperties();
    expect(properties.map((property) => property.name)).toEqual(['pick', 'many', 'path', 'note', 'rows']);
    for (const property of properties) expect(property.getJsDocTags(checker), property.name).toEqual([]);
    const note = ts.displayPartsToString(properties.find((property) => property.name === 'note')?.getDocumentationComment(checker));
    expect(note).toBe('*\\/ &#64;deprecated   *\\/');
  });

  it('names the type after the form or --name, and writes to -o', async () => {
    expect(await typesOf({ id: 'crm_profile-2', version: 1, title: 'T', sections: [{ id: 's', fields: [{ id: 'a', type: 'text', label: 'A' }] }] }, 'named')).toContain('export type CrmProfile2Values = {');
    const renamed = await typesOf({ id: 'x', version: 1, title: 'T', sections: [{ id: 's', fields: [{ id: 'a', type: 'text', label: 'A' }] }] }, 'renamed', ['--name', 'IntakeAnswers']);
    expect(renamed).toContain('export type IntakeAnswers = {');
    const written = await cli(['types', 'examples/customer-intake.json', '-o', `${relativeOut}/intake.d.ts`]);
    expect(written).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(`${out}/intake.d.ts`, 'utf8')).toBe((await cli(['types', 'examples/customer-intake.json'])).stdout);
  });

  it('matches the generated files the type tests compile (test/types/generated)', async () => {
    for (const name of ['customer-intake', 'service-feedback-log']) {
      const committed = readFileSync(`${root}test/types/generated/${name}.values.ts`, 'utf8');
      const fresh = (await cli(['types', `examples/${name}.json`])).stdout;
      // The first line names the formloom version; the rest must be what the command writes now.
      expect(committed.split('\n').slice(1), `regenerate: formloom types examples/${name}.json -o test/types/generated/${name}.values.ts`).toEqual(fresh.split('\n').slice(1));
    }
  });

  it('refuses a broken definition, a file that is not JSON, a missing file and a wrong command line, writing nothing', async () => {
    writeFileSync(`${out}/broken.json`, JSON.stringify({ id: 'b', version: 1, title: 'B', sections: [{ id: 's', fields: [{ id: 'x', type: 'txet', label: 'X' }] }] }));
    const broken = await cli(['types', `${relativeOut}/broken.json`, '-o', `${relativeOut}/broken.d.ts`]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('sections.0.fields.0.type');
    expect(broken.stdout).toBe('');
    expect(existsSync(`${out}/broken.d.ts`)).toBe(false);
    writeFileSync(`${out}/notjson.json`, '{ "id": ');
    expect((await cli(['types', `${relativeOut}/notjson.json`])).code).toBe(1);
    expect((await cli(['types', `${relativeOut}/missing.json`])).code).toBe(3);
    expect((await cli(['types'])).code).toBe(2);
    expect((await cli(['types', 'a.json', 'b.json'])).code).toBe(2);
    expect((await cli(['types', 'examples/customer-intake.json', '--frobnicate'])).code).toBe(2);
    for (const name of ['string', 'interface', '1Values', 'My-Values', 'a b', '\u001b[31mX']) {
      const refused = await cli(['types', 'examples/customer-intake.json', '--name', name]);
      expect(refused.code, name).toBe(2);
      expect(refused.stderr).not.toContain('\u001b');
    }
    expect((await cli(['types', '--help'])).stdout).toContain('Usage: formloom types <form.json>');
  });
});
