import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExportCommand, type ExportDeps } from '../../src/cli/exportCommand';
import { UsageError, type CliIo } from '../../src/cli/io';
import { readJsonLines } from '../../src/cli/jsonLines';
import { runCli } from '../../src/cli/run';
import { compileForm } from '../../src/index';
import { intakeRecord, NOW } from '../../examples/records';

const root = new URL('../..', import.meta.url).pathname;
const FORM = join(root, 'examples/customer-intake.json');
const intake = compileForm(JSON.parse(await readFile(FORM, 'utf8')));

// Two customers: one as a FormRecord made by the public API, one as a plain values object.
const PHONES = ['13812345678', '13912345678'] as const;
const record = intake.createRecord(intakeRecord, { by: 'clerk-1', role: 'clerk', now: NOW });
const plain = { ...intakeRecord, name: '李娜', phone: PHONES[1], email: 'li.na@example.com' };
const RECORDS = `${JSON.stringify(record)}\n${JSON.stringify(plain)}\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'formloom-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number;
  /** What stdout received, as bytes: an xlsx goes there as Uint8Array chunks. */
  readonly stdout: Buffer;
  readonly stderr: string;
}

const fakeIo = (options: { tty?: boolean; stdoutTty?: boolean }) => {
  const out: Buffer[] = [];
  let err = '';
  const io: CliIo = {
    stdout: Object.assign({ write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)) }, options.stdoutTty ? { isTTY: true } : {}),
    stderr: { write: (text: string) => (err += text), isTTY: options.tty ?? false },
    cwd: dir,
    env: {},
  };
  return { io, result: (code: number): Run => ({ code, stdout: Buffer.concat(out), stderr: err }) };
};

/** The command line through runCli, as `formloom` runs it. */
const run = async (argv: readonly string[], options: { tty?: boolean; stdoutTty?: boolean } = {}): Promise<Run> => {
  const { io, result } = fakeIo(options);
  return result(await runCli(['export', ...argv], io));
};

/** The command alone, with a clock, a date or stdin of the test's own. */
const runWith = async (deps: Partial<ExportDeps>, argv: readonly string[], options: { tty?: boolean } = {}): Promise<Run> => {
  const { io, result } = fakeIo(options);
  return result(await createExportCommand(deps).run(argv, io));
};

const writeRecords = async (text: string = RECORDS, name = 'records.jsonl'): Promise<string> => {
  await writeFile(join(dir, name), text);
  return name;
};

const csvRows = (text: string): string[][] => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1)) as string[][];
};

const column = (rows: string[][], header: string): string[] => {
  const index = rows[0]?.indexOf(header) ?? -1;
  expect(index).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index] as string);
};

const readSheet = async (bytes: Buffer): Promise<ExcelJS.Worksheet> => {
  const workbook = new ExcelJS.Workbook();
  // exceljs' types predate Buffer being generic; the bytes are what it reads.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no worksheet');
  return sheet;
};

describe('formloom export: formats and masking', () => {
  it('writes a CSV masked for a role without reveal, with no plain phone anywhere in its bytes', async () => {
    await writeRecords();
    const result = await run(['--form', FORM, '--in', 'records.jsonl', '--policy', 'export', '--role', 'clerk', '-o', 'out.csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const bytes = await readFile(join(dir, 'out.csv'));
    const rows = csvRows(bytes.toString('utf8'));
    expect(rows).toHaveLength(3);
    expect(column(rows, '联系方式')).toEqual(['138****5678', '139****5678']);
    expect(column(rows, '客户姓名')).toEqual(['张*', '李*']);
    // The clerk reads the internal section: its columns are there.
    expect(rows[0]).toContain('处理状态');
    for (const phone of PHONES) expect(bytes.includes(Buffer.from(phone))).toBe(false);
    expect(await readdir(dir)).toEqual(['out.csv', 'records.jsonl']);
  });

  it('reveals to a role the policy names, and leaves out fields a role-less export may not read', async () => {
    await writeRecords();
    const admin = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'admin']);
    expect(admin.code).toBe(0);
    expect(column(csvRows(admin.stdout.toString('utf8')), '联系方式')).toEqual([...PHONES]);
    const nobody = await run(['--form', FORM, '--in', 'records.jsonl', '--locale', 'en']);
    expect(nobody.code).toBe(0);
    const rows = csvRows(nobody.stdout.toString('utf8'));
    expect(rows[0]).not.toContain('Status');
    expect(column(rows, 'Mobile')).toEqual(['138****5678', '139****5678']);
  });

  it('heads columns by field id with --header id', async () => {
    await writeRecords();
    const result = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '--header', 'id']);
    expect(result.code).toBe(0);
    expect(column(csvRows(result.stdout.toString('utf8')), 'phone')).toEqual(['138****5678', '139****5678']);
    expect((await run(['--form', FORM, '--in', 'records.jsonl', '--header', 'key'])).code).toBe(2);
  });

  it('writes JSON Lines, to a file (format from the extension) and to stdout', async () => {
    await writeRecords();
    const toFile = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.jsonl']);
    expect(toFile.code).toBe(0);
    const text = await readFile(join(dir, 'out.jsonl'), 'utf8');
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { values?: { phone?: string }; phone?: string });
    expect(lines).toHaveLength(2);
    expect(lines[0]?.values?.phone ?? lines[0]?.phone).toBe('138****5678');
    expect(lines[1]?.values?.phone ?? lines[1]?.phone).toBe('139****5678');
    for (const phone of PHONES) expect(text).not.toContain(phone);
    const toStdout = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '--format', 'jsonl', '-o', '-']);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout.toString('utf8')).toBe(text);
  });

  it('writes an XLSX file exceljs reads, with a header row and a row per record', async () => {
    await writeRecords();
    const result = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.xlsx']);
    expect(result.code).toBe(0);
    const bytes = await readFile(join(dir, 'out.xlsx'));
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const sheet = await readSheet(bytes);
    expect(sheet.rowCount).toBe(3);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const phoneColumn = header.indexOf('联系方式') + 1;
    expect(phoneColumn).toBeGreaterThan(0);
    expect([sheet.getCell(2, phoneColumn).value, sheet.getCell(3, phoneColumn).value]).toEqual(['138****5678', '139****5678']);
  });

  it('writes an XLSX to stdout when it is not a terminal, and refuses a terminal', async () => {
    await writeRecords();
    const piped = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '--format', 'xlsx']);
    expect(piped.code).toBe(0);
    expect((await readSheet(piped.stdout)).rowCount).toBe(3);
    const terminal = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '--format', 'xlsx'], { stdoutTty: true });
    expect(terminal.code).toBe(2);
    expect(terminal.stdout.length).toBe(0);
    expect(terminal.stderr).toContain('binary');
  });

  it('names the file by the definition\'s export.filename pattern when -o is a directory', async () => {
    await writeRecords();
    await mkdir(join(dir, 'exports'));
    const result = await runWith({ now: () => new Date('2026-03-31T12:00:00+08:00') }, ['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'exports']);
    expect(result.code).toBe(0);
    expect(await readdir(join(dir, 'exports'))).toEqual(['202603客户信息收集表.csv']);
    // Through runCli, with today's date: one file, named by the pattern and the format's extension.
    await mkdir(join(dir, 'today'));
    expect((await run(['--form', FORM, '--in', 'records.jsonl', '--format', 'xlsx', '-o', 'today/'])).code).toBe(0);
    expect(await readdir(join(dir, 'today'))).toEqual([expect.stringMatching(/^\d{6}客户信息收集表\.xlsx$/)]);
  });

  it('replaces an existing output file once the export is complete', async () => {
    await writeRecords();
    await writeFile(join(dir, 'out.csv'), 'old content');
    expect((await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.csv'])).code).toBe(0);
    expect(csvRows(await readFile(join(dir, 'out.csv'), 'utf8'))).toHaveLength(3);
    expect(await readdir(dir)).toEqual(['out.csv', 'records.jsonl']);
  });
});

describe('formloom export: reading the records', () => {
  it('skips blank lines, reads CRLF, a BOM and a last line without a newline', async () => {
    await writeRecords(`\uFEFF${JSON.stringify(plain)}\r\n\r\n   \n${JSON.stringify(record)}`);
    const result = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk']);
    expect(result.code).toBe(0);
    expect(column(csvRows(result.stdout.toString('utf8')), '联系方式')).toEqual(['139****5678', '138****5678']);
  });

  it('reads stdin with --in -, whatever the chunk boundaries (inside a line, inside a character)', async () => {
    const bytes = Buffer.from(RECORDS);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const result = await runWith({ stdin: () => Readable.from(chunks) }, ['--form', FORM, '--in', '-', '--role', 'clerk', '--format', 'jsonl']);
    expect(result.code).toBe(0);
    const names = result.stdout.toString('utf8').trimEnd().split('\n').map((line) => (JSON.parse(line) as { values?: { name?: string }; name?: string }));
    expect(names.map((line) => line.values?.name ?? line.name)).toEqual(['张*', '李*']);
  });

  it('refuses --in - when stdin is a terminal, rather than wait for typing', async () => {
    await writeRecords();
    const terminal = () => Object.assign(Readable.from([]), { isTTY: true });
    const { io } = fakeIo({});
    await expect(createExportCommand({ stdin: terminal }).run(['--form', FORM, '--in', '-'], io)).rejects.toThrow(UsageError);
  });

  it('numbers lines as they are in the file, blank ones included', async () => {
    const lines: number[] = [];
    for await (const line of readJsonLines(Readable.from([Buffer.from('{"a":1}\n\n{"a":2}\r\n  \n{"a":3}')]))) lines.push(line.number);
    expect(lines).toEqual([1, 3, 5]);
  });

  it('refuses a line longer than its limit instead of gathering it, across chunks too', async () => {
    const read = async (chunks: string[]): Promise<unknown> => {
      for await (const line of readJsonLines(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), 16)) void line;
      return 'read';
    };
    expect(await read(['{"a":"12345678"}\n'])).toBe('read');
    await expect(read(['{"a":1}\n{"a":"1234', '56789012345"}\n'])).rejects.toThrow(/^line 2: longer than 16 bytes$/);
    await expect(read(['{"a":1}\n{"a":"12345678901234567890'])).rejects.toThrow(/^line 2: longer than 16 bytes$/);
  });

  it('fails on a bad JSON line with its number, never its content, and leaves no file behind', async () => {
    // V8's message for this line quotes its end: `Unexpected token '王', ..."name":王秘密}" is not valid JSON`.
    const secret = '{"phone":"13712345678","name":王秘密}';
    await writeRecords(`${JSON.stringify(record)}\n\n${secret}\n${JSON.stringify(plain)}\n`);
    await writeFile(join(dir, 'out.csv'), 'old content');
    const result = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/records\.jsonl:3\b|line 3\b/);
    for (const part of ['13712345678', '王秘密', '"name"', 'phone', secret]) expect(result.stderr).not.toContain(part);
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['out.csv', 'records.jsonl']);
    // Without an earlier file, none appears; an xlsx (written in bigger pieces) leaves none either.
    for (const output of ['new.csv', 'new.xlsx']) {
      expect((await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', output])).code).toBe(1);
    }
    expect(await readdir(dir)).toEqual(['out.csv', 'records.jsonl']);
  });

  it('fails when a bad line comes after the first chunk was written, leaving no temporary file', async () => {
    // Enough records for the exporter to have written 64 KiB chunks before it meets line 2,001.
    const good = `${JSON.stringify(plain)}\n`.repeat(2000);
    await writeRecords(`${good}{"phone":"13712345678","note":garbage}\n`);
    const result = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.csv']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('records.jsonl:2001');
    expect(result.stderr).not.toContain('13712345678');
    expect(result.stderr).not.toContain('garbage');
    expect(await readdir(dir)).toEqual(['records.jsonl']);
  });

  it('refuses a line that is not an object, and a record of another form, by line number', async () => {
    await writeRecords(`${JSON.stringify(plain)}\n["13712345678"]\n`);
    const array = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk']);
    expect(array.code).toBe(1);
    expect(array.stderr).toContain('records.jsonl:2');
    expect(array.stderr).not.toContain('13712345678');
    await writeRecords(`${JSON.stringify({ ...record, formId: 'crm-profile' })}\n`);
    const other = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.csv']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('records.jsonl:1');
    expect(other.stderr).toContain('another form');
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });

  it('streams 20,000 records, each read and written once', async () => {
    const count = 20_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(JSON.stringify({ ...plain, phone: `137${String(i).padStart(8, '0')}` }));
    await writeRecords(`${lines.join('\n')}\n`);
    const result = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'big.csv']);
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, 'big.csv'), 'utf8');
    const phones = column(csvRows(text), '联系方式');
    expect(phones).toHaveLength(count);
    expect(phones[12_345]).toBe('137****2345');
    expect(text).not.toMatch(/137\d{8}/);
  }, 60_000);
});

describe('formloom export: progress', () => {
  it('shows progress and a final line on a terminal, and nothing when stderr is piped', async () => {
    await writeRecords();
    const args = ['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.csv'];
    const tty = await run(args, { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/^\r2 records in \d+\.\ds.* → out\.csv\n$/);
    const piped = await run(args, { tty: false });
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
  });

  it('redraws at most every 100 ms of its clock, with records, rate and time', async () => {
    await writeRecords(`${JSON.stringify(plain)}\n`.repeat(1000));
    let now = 0;
    // One millisecond per reading of the clock: 1,000 records take about a second.
    const result = await runWith({ clock: () => (now += 1) }, ['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.csv'], { tty: true });
    expect(result.code).toBe(0);
    const draws = result.stderr.split('\r').slice(1);
    expect(draws.length).toBeGreaterThanOrEqual(9);
    expect(draws.length).toBeLessThanOrEqual(11);
    expect(draws[0]).toMatch(/^\d{2,3} records {2}[\d,]+\/s {2}0\.1s/);
    expect(draws.at(-1)).toMatch(/^1,000 records in 1\.0s \((999|1,000)\/s\) → out\.csv\n$/);
  });

  it('ends a drawn progress line before an error message', async () => {
    await writeRecords(`${`${JSON.stringify(plain)}\n`.repeat(500)}not json\n`);
    let now = 0;
    const result = await runWith({ clock: () => (now += 1) }, ['--form', FORM, '--in', 'records.jsonl', '--role', 'clerk', '-o', 'out.csv'], { tty: true });
    expect(result.code).toBe(1);
    // The error starts its own line, after the progress line it interrupts.
    expect(result.stderr).toMatch(/\r500 records .*\nformloom export: records\.jsonl:501: not valid JSON/);
  });
});

describe('formloom export: the command line and files', () => {
  it('documents usage, options, examples and exit codes', async () => {
    const { io, result } = fakeIo({});
    const help = result(await runCli(['export', '--help'], io)).stdout.toString('utf8');
    for (const part of ['Usage: formloom export', '--form', '--in', '--format', '--policy', '--role', '--locale', '-o, --output', 'Examples:', 'Exit codes:']) {
      expect(help).toContain(part);
    }
  });

  it('refuses an unknown format, a contradicting extension and a missing --in or --form with exit 2', async () => {
    await writeRecords();
    const unknown = await run(['--form', FORM, '--in', 'records.jsonl', '--format', 'xls']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown format 'xls'");
    expect((await run(['--form', FORM, '--in', 'records.jsonl', '--format', 'xlsx', '-o', 'out.csv'])).code).toBe(2);
    const noIn = await run(['--form', FORM, '-o', 'out.csv']);
    expect(noIn.code).toBe(2);
    expect(noIn.stderr).toContain('--in');
    expect((await run(['--in', 'records.jsonl'])).code).toBe(2);
    expect((await run(['--form', FORM, '--in', 'records.jsonl', 'extra'])).code).toBe(2);
    expect(await readdir(dir)).toEqual(['records.jsonl']);
  });

  it('refuses a role or policy the form does not have with formloom\'s message, exit 2', async () => {
    await writeRecords();
    const role = await run(['--form', FORM, '--in', 'records.jsonl', '--role', 'intern', '-o', 'out.csv']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("role 'intern' is not declared");
    const policy = await run(['--form', FORM, '--in', 'records.jsonl', '--policy', 'exprot', '-o', 'out.csv']);
    expect(policy.code).toBe(2);
    expect(policy.stderr).toContain("no masking policy 'exprot'");
    expect(await readdir(dir)).toEqual(['records.jsonl']);
  });

  it('exits 3 for a missing input file or output directory, creating nothing', async () => {
    const missing = await run(['--form', FORM, '--in', 'nope.jsonl', '-o', 'out.csv']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('nope.jsonl');
    expect(await readdir(dir)).toEqual([]);
    await writeRecords();
    expect((await run(['--form', FORM, '--in', 'records.jsonl', '-o', 'no/such/dir/out.csv'])).code).toBe(3);
    expect((await run(['--form', join(dir, 'nope.json'), '--in', 'records.jsonl'])).code).toBe(3);
    expect(await readdir(dir)).toEqual(['records.jsonl']);
  });

  it('exits 1 for a definition with errors or one that is not JSON, saying where', async () => {
    await writeRecords();
    const broken = JSON.parse(await readFile(FORM, 'utf8')) as { roles: string[] };
    broken.roles = ['customer'];
    await writeFile(join(dir, 'broken.json'), JSON.stringify(broken));
    const invalid = await run(['--form', 'broken.json', '--in', 'records.jsonl']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('broken.json: Invalid form definition');
    await writeFile(join(dir, 'syntax.json'), '{\n  "id": "x",\n  oops\n}');
    const syntax = await run(['--form', 'syntax.json', '--in', 'records.jsonl']);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain('syntax.json:3:3: not valid JSON');
  });
});
