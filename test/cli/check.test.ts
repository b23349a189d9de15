import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

const root = new URL('../..', import.meta.url).pathname;
const exampleNames = (await readdir(join(root, 'examples'))).filter((name) => name.endsWith('.json')).sort();
const intake = await readFile(join(root, 'examples/customer-intake.json'), 'utf8');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'formloom-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const run = async (argv: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd ?? root,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
};

/** Line and column (1-based) of an offset, counted here without the CLI's code. */
const positionOf = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
};

/**
 * The text with `from` replaced (its first occurrence) by `to`, and the offset of `marker` inside
 * the replacement: where the planted mistake is. Throws when the example no longer has `from`, so
 * a reformatted example fails loudly instead of testing nothing.
 */
const plant = (text: string, from: string, to: string, marker = to): { text: string; offset: number } => {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`example no longer contains ${from}`);
  const inside = to.indexOf(marker);
  if (inside < 0) throw new Error(`marker ${marker} not in replacement`);
  return { text: text.slice(0, at) + to + text.slice(at + from.length), offset: at + inside };
};

const write = async (name: string, content: string | Uint8Array): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

/** The one-issue mistake most tests use: a misspelt field name in a visibleIf. */
const misspeltVar = (text = intake): { text: string; offset: number } =>
  plant(text, '"var": "feedbackType" } }', '"var": "feedbakType" } }', '"feedbakType"');

interface Line {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

const LINE = /^(.+):(\d+):(\d+) {2}(error|warning) {2}(\S+) {2}(.+)$/;
const linesOf = (stdout: string): Line[] =>
  stdout.split('\n').filter((line) => line !== '').map((line) => {
    const match = LINE.exec(line);
    if (match === null) throw new Error(`not an issue line: ${line}`);
    const [, file, lineNo, column, severity, code, message] = match as unknown as string[];
    return { file: file as string, line: Number(lineNo), column: Number(column), severity: severity as string, code: code as string, message: message as string };
  });

/** Checks one planted file and returns its issue lines, with the expected place of the plant. */
const checkPlanted = async (name: string, planted: { text: string; offset: number }, argv: readonly string[] = []): Promise<{ result: Run; lines: Line[]; at: { line: number; column: number }; path: string }> => {
  const path = await write(name, planted.text);
  const result = await run(['check', path, ...argv]);
  return { result, lines: argv.includes('--json') ? [] : linesOf(result.stdout), at: positionOf(planted.text, planted.offset), path };
};

describe('formloom check: the examples', () => {
  it.each(exampleNames)('examples/%s compiles without a problem', async (name) => {
    const result = await run(['check', `examples/${name}`]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('1 file: 0 errors, 0 warnings\n');
    expect(result.code).toBe(0);
  });

  it('a directory checks every *.json in it', async () => {
    const result = await run(['check', 'examples']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${exampleNames.length} files: 0 errors, 0 warnings\n`);
  });
});

describe('formloom check: planted mistakes at their line and column', () => {
  it('a misspelt field type, at its value, with the suggestion', async () => {
    const { result, lines, at, path } = await checkPlanted('type.json', plant(intake, '"type": "text"', '"type": "txet"', '"txet"'));
    expect(result.code).toBe(1);
    const issue = lines.find((line) => line.line === at.line && line.column === at.column);
    expect(issue).toMatchObject({ file: path, severity: 'error', code: 'schema' });
    expect(issue?.message).toContain("did you mean 'text'?");
    const json = JSON.parse((await run(['check', path, '--json'])).stdout);
    expect(json.files[0].issues).toContainEqual(expect.objectContaining({ ...at, code: 'schema', reason: 'enum', suggestion: 'text', path: expect.stringMatching(/\.type$/) }));
  });

  it('an unknown field read by a visibleIf, at the variable name', async () => {
    const { result, lines, at } = await checkPlanted('visible.json', plant(intake, '"visibleIf": { "!!": { "var": "feedbackType" } }', '"visibleIf": { "!!": { "var": "feedbakType" } }', '"feedbakType"'));
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'unknown-field', message: "unknown field 'feedbakType' — did you mean 'feedbackType'?" })]);
  });

  it('a duplicate id, at the second one', async () => {
    const planted = plant(intake, '"id": "email"', '"id": "phone"', '"phone"');
    const { result, lines, at } = await checkPlanted('duplicate.json', planted);
    expect(result.code).toBe(1);
    expect(lines.filter((line) => line.code === 'duplicate-id')).toEqual([expect.objectContaining(at)]);
    // The first phone is not the one reported.
    expect(planted.text.indexOf('"id": "phone"')).toBeLessThan(planted.offset - 6);
  });

  it('a pattern that is not a regular expression, at the pattern', async () => {
    const { result, lines, at } = await checkPlanted('pattern.json', plant(intake, '"type": "text",', '"type": "text", "pattern": "([a-z]+",', '"([a-z]+"'));
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'bad-pattern' })]);
  });

  it('a missing top-level key, at the object that should hold it', async () => {
    const removed = plant(intake, '"version": 1,', '');
    const text = `\n\n  ${removed.text}`;
    const { result, lines, at } = await checkPlanted('version.json', { text, offset: text.indexOf('{') });
    expect(at).toEqual({ line: 3, column: 3 });
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'schema', message: "missing required property 'version'" })]);
  });

  it('a missing key of a field, at the field', async () => {
    const removed = plant(intake, ', "pattern": "YQ{yyyyMMdd}{seq:3}"', '');
    const offset = removed.text.lastIndexOf('{', removed.text.indexOf('"id": "customerNo"'));
    const { result, lines, at } = await checkPlanted('autoid.json', { text: removed.text, offset });
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'schema', message: "missing required property 'pattern'" })]);
  });

  it('an unknown property, at its key', async () => {
    const { lines, at } = await checkPlanted('property.json', plant(intake, '"id": "name", ', '"id": "name", "colour": "red", ', '"colour"'));
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'schema', message: "unknown property 'colour'" })]);
  });

  it('a missing comma is a json-syntax error at the next token, and nothing is compiled', async () => {
    const planted = plant(intake, '"version": 1,', '"version": 1');
    const next = planted.offset + '"version": 1'.length + (/\S/.exec(planted.text.slice(planted.offset + '"version": 1'.length))?.index ?? 0);
    const { result, lines, at } = await checkPlanted('comma.json', { text: planted.text, offset: next });
    expect(planted.text.slice(next, next + 7)).toBe('"title"');
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'json-syntax', message: "',' expected between two items" })]);
  });

  it('a trailing comma is reported at the comma', async () => {
    const planted = plant(intake, '"admin"]', '"admin",]', ',]');
    const { result, lines, at } = await checkPlanted('trailing.json', planted);
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'json-syntax', message: 'a comma before } or ] is not allowed in JSON' })]);
  });

  it('a comment is rejected with its own code', async () => {
    const { result, lines, at } = await checkPlanted('comment.json', plant(intake, '"version": 1,', '"version": 1, // first release', '//'));
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ ...at, code: 'json-comment' })]);
  });

  it('an empty file is a json-syntax error, not a crash', async () => {
    const { result, lines } = await checkPlanted('empty.json', { text: '  \n', offset: 0 });
    expect(result.code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ line: 1, column: 1, code: 'json-syntax', message: 'the file is empty: a form definition is a JSON object' })]);
  });

  it('positions hold with CRLF line ends and a byte order mark', async () => {
    const planted = misspeltVar(intake.replace(/\n/g, '\r\n'));
    const path = await write('crlf.json', `\uFEFF${planted.text}`);
    const result = await run(['check', path]);
    expect(linesOf(result.stdout)).toEqual([expect.objectContaining({ ...positionOf(planted.text, planted.offset), code: 'unknown-field' })]);
    expect(positionOf(planted.text, planted.offset).line).toBeGreaterThan(1);
  });

  it('a definition not in UTF-8 (GBK) is reported at the first undecodable character', async () => {
    const path = await write('gbk.json', Buffer.concat([Buffer.from('{\n  "id": "'), Buffer.from([0xbf, 0xcd, 0xbb, 0xa7]), Buffer.from('"\n}\n')]));
    const result = await run(['check', path]);
    expect(result.code).toBe(1);
    expect(linesOf(result.stdout)).toEqual([expect.objectContaining({ line: 2, column: 10, code: 'json-encoding' })]);
  });

  it('a key given twice warns at the one that is ignored', async () => {
    const planted = plant(intake, '"id": "name", ', '"id": "name", "maxLength": 10, ', '"maxLength"');
    const { result, lines, at } = await checkPlanted('twice.json', planted);
    const kept = positionOf(planted.text, planted.text.indexOf('"maxLength": 50')).line;
    expect(result.code).toBe(0);
    expect(lines).toEqual([expect.objectContaining({ ...at, severity: 'warning', code: 'json-duplicate-key', message: `'maxLength' is given again in this object at line ${kept}: JSON keeps only the last, so this one is ignored` })]);
  });

  it('several problems come in the order of the file', async () => {
    let text = plant(intake, '"type": "text"', '"type": "txet"').text;
    text = plant(text, '"var": "feedbackType" } }', '"var": "feedbakType" } }').text;
    text = plant(text, '"id": "email"', '"id": "email", "colour": 1').text;
    const path = await write('several.json', text);
    const lines = linesOf((await run(['check', path])).stdout);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const order = lines.map((line) => line.line * 10_000 + line.column);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('absurdly deep nesting is reported, not a crash', async () => {
    const path = await write('deep.json', `{"id": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const result = await run(['check', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('internal error');
    expect(linesOf(result.stdout).some((line) => line.code === 'schema')).toBe(true);
  });
});

describe('formloom check: warnings, --strict, --json, --locale', () => {
  const unused = (): { text: string; offset: number } =>
    plant(intake, '"optionSets": {', '"optionSets": { "unusedSet": [{ "value": "a", "label": "A" }],', '[{ "value": "a"');

  it('warnings alone exit 0, and 1 with --strict', async () => {
    const { result, lines, at, path } = await checkPlanted('warning.json', unused());
    expect(lines).toEqual([expect.objectContaining({ ...at, severity: 'warning', code: 'unused-option-set' })]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('1 file: 0 errors, 1 warning\n');
    const strict = await run(['check', path, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(result.stdout);
  });

  it('--json writes one document with every file and issue', async () => {
    const planted = misspeltVar();
    const broken = await write('json-broken.json', planted.text);
    const warned = await write('json-warned.json', unused().text);
    const result = await run(['check', broken, 'examples/customer-info.json', warned, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { file: string; status: string; issues: Record<string, unknown>[] }[]; summary: Record<string, number> };
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(report.files.map((file) => [file.file, file.status])).toEqual([[broken, 'errors'], ['examples/customer-info.json', 'ok'], [warned, 'warnings']]);
    expect(report.files[0]?.issues).toEqual([{
      file: broken, ...positionOf(planted.text, planted.offset), severity: 'error', code: 'unknown-field',
      path: expect.stringMatching(/^sections\.\d+\.fields\.\d+\.visibleIf\.!!\.var$/), message: "unknown field 'feedbakType' — did you mean 'feedbackType'?", suggestion: 'feedbackType',
    }]);
    expect(report.files[2]?.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'unused-option-set', path: 'optionSets.unusedSet' })]);
    expect(report.files[2]?.issues[0]).not.toHaveProperty('suggestion');
    expect(report.summary).toEqual({ files: 3, errors: 1, warnings: 1, unreadable: 0, exitCode: 1 });
    expect(result.stderr).toBe('3 files: 1 error, 1 warning\n');
  });

  it('--locale zh-CN and zh-TW write Chinese, and FORMLOOM_LOCALE sets the default', async () => {
    const path = await write('locale.json', misspeltVar().text);
    const cn = await run(['check', path, '--locale', 'zh-CN']);
    expect(linesOf(cn.stdout)[0]?.message).toBe('未知字段“feedbakType”——是否应为“feedbackType”？');
    expect(cn.stderr).toBe('1 个文件：1 个错误，0 个警告\n');
    const tw = await run(['check', path, '--locale', 'zh-TW']);
    expect(linesOf(tw.stdout)[0]?.message).toBe('未知欄位「feedbakType」——是否應為「feedbackType」？');
    const fromEnv = await run(['check', path], { env: { FORMLOOM_LOCALE: 'zh-CN' } });
    expect(fromEnv.stdout).toBe(cn.stdout);
    const overridden = await run(['check', path, '--locale', 'en'], { env: { FORMLOOM_LOCALE: 'zh-CN' } });
    expect(linesOf(overridden.stdout)[0]?.message).toContain("did you mean 'feedbackType'?");
    const json = await run(['check', path, '--locale', 'zh-CN', '--json']);
    expect(JSON.parse(json.stdout).files[0].issues[0].message).toBe(linesOf(cn.stdout)[0]?.message);
  });

  it('an unknown locale is a usage error that does not echo it', async () => {
    const result = await run(['check', 'examples/customer-info.json', '--locale', 'xx-secret']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('xx-secret');
    expect((await run(['check', 'examples/customer-info.json'], { env: { FORMLOOM_LOCALE: 'fr' } })).code).toBe(2);
  });
});

describe('formloom check: files, directories and exit codes', () => {
  it('a missing file exits 3, names the file, and the others are still checked', async () => {
    const planted = misspeltVar();
    const broken = await write('still-checked.json', planted.text);
    const result = await run(['check', 'no-such-form.json', broken]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('formloom check: cannot read no-such-form.json (ENOENT)');
    expect(linesOf(result.stdout)).toEqual([expect.objectContaining({ file: broken, ...positionOf(planted.text, planted.offset), code: 'unknown-field' })]);
    expect(result.stderr).toContain('2 files: 1 error, 0 warnings, 1 unreadable');
    const alone = await run(['check', 'examples/customer-info.json', 'no-such-form.json']);
    expect(alone.code).toBe(3);
    const json = await run(['check', 'no-such-form.json', '--json']);
    expect(JSON.parse(json.stdout).files).toEqual([{ file: 'no-such-form.json', status: 'unreadable', reason: 'ENOENT', issues: [] }]);
  });

  it('relative paths resolve against cwd and are printed as given; a directory as dir/name', async () => {
    const sub = join(dir, 'forms');
    await mkdir(sub, { recursive: true });
    const planted = misspeltVar();
    await writeFile(join(sub, 'b.json'), planted.text);
    await writeFile(join(sub, 'a.json'), intake);
    await writeFile(join(sub, 'notes.txt'), 'not a definition');
    const at = positionOf(planted.text, planted.offset);
    const relative = await run(['check', 'forms/b.json'], { cwd: dir });
    expect(relative.stdout).toBe(`forms/b.json:${at.line}:${at.column}  error  unknown-field  unknown field 'feedbakType' — did you mean 'feedbackType'?\n`);
    const whole = await run(['check', './forms/'], { cwd: dir });
    expect(linesOf(whole.stdout).map((line) => line.file)).toEqual(['./forms/b.json']);
    expect(whole.stderr).toBe('2 files: 1 error, 0 warnings\n');
    const twice = await run(['check', 'forms/a.json', 'forms'], { cwd: dir });
    expect(twice.stderr).toBe('2 files: 1 error, 0 warnings\n');
  });

  it('a directory without definitions exits 3', async () => {
    await mkdir(join(dir, 'nothing'), { recursive: true });
    const result = await run(['check', 'nothing'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('no *.json file in nothing');
  });

  it('no file named, or an unknown option, is a usage error', async () => {
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['check', 'examples', '--fix'])).code).toBe(2);
  });

  it('--help gives usage, options, examples and exit codes', async () => {
    const result = await run(['check', '--help']);
    expect(result.code).toBe(0);
    for (const part of ['Usage: formloom check', '--json', '--strict', '--locale', 'FORMLOOM_LOCALE', 'Examples:', 'Exit codes:']) expect(result.stdout).toContain(part);
  });
});
