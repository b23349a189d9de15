import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError } from '../src/index';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { intakeRecord, NOW, serviceLogRecord } from '../examples/records';
import { defineForm } from './helpers';

const examples = Object.fromEntries(loadExampleDefinitions().map(({ file, definition }) => [file, definition]));
const intake = compileForm(examples['customer-intake.json']);
const log = compileForm(examples['service-feedback-log.json']);

const rowsOf = (csv: string): string[][] => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parse(csv.slice(1), { relax_column_count: false }) as string[][];
};

const collect = async (chunks: AsyncIterable<string | Uint8Array>): Promise<string> => {
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of chunks) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
};

describe('CSV export (R21)', () => {
  it('has a BOM, CRLF lines, localised headers in definition order and option labels', () => {
    const csv = intake.exporter({ format: 'csv', role: 'admin' }).toString([intakeRecord]);
    expect(csv.split('\r\n')).toHaveLength(3);
    const [header, line] = rowsOf(csv);
    expect(header?.slice(0, 4)).toEqual(['客户编号', '客户类型', '客户姓名', '联系方式']);
    const cell = (label: string): string | undefined => line?.[header?.indexOf(label) ?? -1];
    expect(cell('客户类型')).toBe('企业');
    expect(cell('联系方式')).toBe('13812345678');
    const english = rowsOf(intake.exporter({ format: 'csv', locale: 'en', role: 'admin' }).toString([intakeRecord]));
    expect(english[0]?.[1]).toBe('Customer type');
    expect(english[1]?.[1]).toBe('Enterprise');
    const ids = rowsOf(intake.exporter({ format: 'csv', header: 'id', role: 'admin' }).toString([intakeRecord]));
    expect(ids[0]?.slice(0, 3)).toEqual(['customerNo', 'customerType', 'name']);
  });

  it('masks with the form\'s export policy by default and reveals to its roles', () => {
    const masked = rowsOf(intake.exporter({ format: 'csv', role: 'clerk' }).toString([intakeRecord]));
    expect(masked[1]).toContain('138****5678');
    expect(masked[1]).toContain('张*');
    expect(masked.flat().join()).not.toContain('13812345678');
    expect(masked.flat().join()).not.toContain('zhang.wei@');
  });

  it('escapes formula injection and quotes as RFC 4180 says', () => {
    const form = compileForm(defineForm([
      { id: 'a', type: 'text', label: 'A' }, { id: 'b', type: 'textarea', label: 'B' }, { id: 'n', type: 'number', label: 'N' },
    ]));
    const hostile = [
      { a: '=HYPERLINK("http://x","y")', b: 'line 1\r\nline "2", end', n: -3 },
      { a: '+1', b: '@SUM(A1)', n: 4 },
      { a: '\tx', b: '\rx', n: 0 },
    ];
    const rows = rowsOf(form.exporter({ format: 'csv' }).toString(hostile));
    expect(rows.slice(1)).toEqual([
      ['\'=HYPERLINK("http://x","y")', 'line 1\r\nline "2", end', '\'-3'],
      ['\'+1', '\'@SUM(A1)', '4'],
      ['\'\tx', '\'\rx', '0'],
    ]);
  });

  it('writes cascader, multiselect, file and group cells readably', () => {
    const form = compileForm(defineForm([
      { id: 'region', type: 'cascader', label: '地区', options: [{ value: 'gd', label: '广东省', children: [{ value: 'sz', label: '深圳市', children: [{ value: 'ns', label: '南山区' }] }] }] },
      { id: 'modes', type: 'multiselect', label: '方式', options: [{ value: 'a', label: '电话' }, { value: 'b', label: '上门' }] },
      { id: 'ok', type: 'boolean', label: '回访' },
      { id: 'items', type: 'group', label: '明细', fields: [{ id: 'what', type: 'text', label: '内容' }, { id: 'score', type: 'rating', label: '评分', max: 5 }] },
    ]));
    const [, line] = rowsOf(form.exporter({ format: 'csv' }).toString([{
      region: ['gd', 'sz', 'ns'], modes: ['a', 'b'], ok: true, items: [{ what: '换货', score: 4 }, { what: '咨询' }],
    }]));
    expect(line?.[0]).toBe('广东省/深圳市/南山区');
    expect(line?.[1]).toMatch(/^电话.上门$/);
    expect(line?.[2]).toBe('是');
    expect(line?.[3]).toBe('内容：换货，评分：4\n内容：咨询');
  });

  it('gives one line per group row in row mode, the record\'s cells repeated, masked in the row too', () => {
    const rows = rowsOf(log.exporter({ format: 'csv', rows: 'services' }).toString([serviceLogRecord]));
    expect(rows).toHaveLength(1 + serviceLogRecord.services.length);
    expect(rows[0]).toContain('服务记录·反馈时间');
    expect(rows[1]?.[1]).toBe(rows[2]?.[1]);
    expect(rows.flat().join()).not.toContain('13912345678');
    expect(() => log.exporter({ format: 'csv', rows: 'service' })).toThrow(/did you mean 'services'/);
  });

  it('drops the columns a role may not read', () => {
    const form = compileForm(defineForm([
      { id: 'a', type: 'text', label: 'A' }, { id: 'secret', type: 'text', label: 'S', access: { read: ['admin'], write: ['admin'] } },
    ]));
    expect(rowsOf(form.exporter({ format: 'csv', role: 'clerk' }).toString([{ a: 'x', secret: 'y' }]))).toEqual([['A'], ['x']]);
    expect(rowsOf(form.exporter({ format: 'csv', role: 'admin' }).toString([{ a: 'x', secret: 'y' }]))).toEqual([['A', 'S'], ['x', 'y']]);
  });

  it('reads FormRecords and values objects alike, and skips what is neither', () => {
    const record = intake.createRecord(intakeRecord, { by: 'clerk-1', now: NOW });
    const exporter = intake.exporter({ format: 'csv', role: 'admin' });
    const rows = rowsOf(exporter.toString([record, intakeRecord, null, 42]));
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[0]).toBe(record.values.customerNo);
    // The record's auto fields (updatedAt, recorder) were filled when it was created; the rest is the same.
    expect(rows[1]?.slice(1, -2)).toEqual(rows[2]?.slice(1, -2));
    expect(rows[2]?.slice(-2)).toEqual(['', '']);
  });
});

describe('XLSX export (R21)', () => {
  it('writes every cell the CSV has, numbers as numbers and datetimes as dates, read back by exceljs', async () => {
    const records = [intake.createRecord(intakeRecord, { by: 'clerk-1', now: NOW }), { ...intakeRecord, name: '=1+1', satisfaction: 5, followUpAt: '2026-12-01 09:30' }];
    const options = { role: 'admin', header: 'id' } as const;
    const parts: Uint8Array[] = [];
    for await (const chunk of intake.exporter({ format: 'xlsx', ...options }).stream(records)) parts.push(chunk as Uint8Array);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('客户信息收集与需求反馈表');
    expect(sheet?.getRow(1).getCell(1).value).toBe('customerNo');
    const csv = rowsOf(intake.exporter({ format: 'csv', ...options }).toString(records));
    const header = csv[0] as string[];
    expect(sheet?.getRow(1).values).toEqual([undefined, ...header]);
    csv.slice(1).forEach((line, index) => {
      const row = sheet?.getRow(index + 2);
      line.forEach((text, column) => {
        const value = row?.getCell(column + 1).value;
        const id = header[column] as string;
        if (text !== '' && id === 'satisfaction') expect(value).toBe(Number(text));
        else if (text !== '' && ['expectedDate', 'followUpAt', 'completedAt', 'updatedAt'].includes(id)) expect(value).toBeInstanceOf(Date);
        else if (text === '') expect(value ?? '').toBe('');
        // The CSV's formula guard (') is for CSV readers; an XLSX string cell is never a formula.
        else expect(value).toBe(text.replace(/^'(?=[=+\-@\t\r])/, ''));
      });
    });
    const followUp = sheet?.getRow(3).getCell(header.indexOf('followUpAt') + 1).value as Date;
    // Excel dates carry no zone: the cell shows the wall clock in the form's zone (Asia/Shanghai).
    expect(followUp.toISOString()).toBe('2026-12-01T09:30:00.000Z');
  });
});

describe('JSON Lines export', () => {
  it('writes one masked JSON object per record, with record metadata for FormRecords', () => {
    const record = intake.createRecord(intakeRecord, { by: 'clerk-1', now: NOW });
    const text = intake.exporter({ format: 'jsonl' }).toString([record, intakeRecord]);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: record.id, formId: 'customer-intake', revision: record.revision, states: record.states });
    expect((lines[0]?.values as Record<string, unknown>).phone).toBe('138****5678');
    expect(lines[1]?.phone).toBe('138****5678');
    expect(text).not.toContain('13812345678');
  });
});

describe('file names (R21)', () => {
  it('follows the pattern at now in the form\'s time zone', () => {
    expect(intake.exporter({ format: 'csv' }).filename('2025-03-31T20:00:00Z')).toBe('202504客户信息收集表.csv');
    expect(log.exporter({ format: 'xlsx' }).filename(new Date('2024-03-05T12:00:00+08:00'))).toBe('202403客户反馈记录表.xlsx');
  });

  it('takes a field from the record, masked like its cell, without characters illegal in file names', () => {
    const form = compileForm(defineForm([{ id: 'company', type: 'text', label: 'C' }, { id: 'who', type: 'text', label: 'W', pii: 'name' }], {
      export: { filename: '{field:company}-{field:who}-{yyyyMMdd}' }, timeZone: 'Asia/Shanghai',
    }));
    const exporter = form.exporter({ format: 'csv' });
    expect(exporter.filename('2025-01-02T03:00:00Z', { company: '../某/科技:公司*?', who: '王小明' })).toBe('某科技公司-王-20250102.csv');
    expect(exporter.filename('2025-01-02T03:00:00Z')).toBe('20250102.csv');
    expect(() => exporter.filename('soon')).toThrow(FormUsageError);
  });

  it('defaults to the form id and the date', () => {
    const form = compileForm(defineForm([{ id: 'a', type: 'text', label: 'A' }], { timeZone: 'UTC' }));
    expect(form.exporter({ format: 'jsonl' }).filename('2025-06-01T00:00:00Z')).toBe('test-form-20250601.jsonl');
  });
});

describe('streams', () => {
  it('streams the same text toString gives, from sync and async iterables', async () => {
    const exporter = log.exporter({ format: 'csv' });
    const records = Array.from({ length: 2_000 }, (_, index) => ({ ...serviceLogRecord, customerName: `客户${index}` }));
    async function* slowly() {
      for (const record of records) yield record;
    }
    const whole = exporter.toString(records);
    expect(await collect(exporter.stream(records))).toBe(whole);
    expect(await collect(exporter.stream(slowly()))).toBe(whole);
    expect(rowsOf(whole)).toHaveLength(records.length + 1);
  });

  it('rejects with the source\'s error when an async iterable throws mid-way', async () => {
    const failure = new Error('database went away');
    async function* failing() {
      yield serviceLogRecord;
      throw failure;
    }
    await expect(collect(log.exporter({ format: 'csv' }).stream(failing()))).rejects.toBe(failure);
    await expect(collect(log.exporter({ format: 'xlsx' }).stream(failing()))).rejects.toBe(failure);
    const reader = log.exporter({ format: 'jsonl' }).readable(failing()).getReader();
    await expect((async () => {
      for (;;) if ((await reader.read()).done) return;
    })()).rejects.toBe(failure);
  });

  it('gives a web ReadableStream of UTF-8 bytes for new Response(...)', async () => {
    const exporter = intake.exporter({ format: 'csv' });
    const response = new Response(exporter.readable([intakeRecord]), { headers: { 'content-type': exporter.contentType } });
    expect(await response.text()).toBe(exporter.toString([intakeRecord]).replace(/^\uFEFF/, ''));
    const bytes = new Uint8Array(await new Response(exporter.readable([intakeRecord])).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('pipes into a Node writable, waiting for drain, and destroys it when the source fails', async () => {
    let written = '';
    let drains = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString('utf8');
        setImmediate(done);
      },
    });
    slow.on('drain', () => { drains += 1; });
    const records = Array.from({ length: 3_000 }, () => intakeRecord);
    const exporter = intake.exporter({ format: 'jsonl' });
    await exporter.pipe(records, slow);
    expect(written).toBe(exporter.toString(records));
    expect(drains).toBeGreaterThan(0);
    expect(slow.writableFinished).toBe(true);

    async function* failing() {
      yield intakeRecord;
      throw new Error('boom');
    }
    const target = new Writable({ write(_chunk, _encoding, done) { done(); } });
    target.on('error', () => {});
    await expect(exporter.pipe(failing(), target)).rejects.toThrow('boom');
    expect(target.destroyed).toBe(true);
  });

  it('refuses what it cannot export with a FormUsageError', () => {
    const csv = intake.exporter({ format: 'csv' });
    expect(() => csv.toString('abc' as never)).toThrow(FormUsageError);
    expect(() => csv.stream(null as never)).toThrow(FormUsageError);
    expect(() => intake.exporter({ format: 'xlsx' }).toString([])).toThrow(/binary/);
    expect(() => intake.exporter({ format: 'pdf' as never })).toThrow(FormUsageError);
    expect(() => intake.exporter({ format: 'csv', header: 'name' as never })).toThrow(FormUsageError);
    expect(() => intake.exporter({ format: 'csv', policy: 'exprot' })).toThrow(/did you mean 'export'/);
    expect(() => intake.exporter({ format: 'csv', colour: 'red' } as never)).toThrow(FormUsageError);
  });

  it('keeps memory flat over 200,000 streamed records', async () => {
    const exporter = intake.exporter({ format: 'csv' });
    function* generated() {
      for (let index = 0; index < 200_000; index++) yield { ...intakeRecord, name: `客户${index}`, phone: `138${String(index).padStart(8, '0')}` };
    }
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let bytes = 0;
    let chunks = 0;
    for await (const chunk of exporter.stream(generated())) {
      bytes += chunk.length;
      chunks += 1;
      if (chunks % 16 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    // 200,000 lines are about 30 MB of text: holding them would show; a bounded stream stays far below.
    expect(bytes).toBeGreaterThan(20_000_000);
    expect(peak - before).toBeLessThan(24 * 1024 * 1024);
  }, 60_000);
});

describe('exports under hostile conditions', () => {
  it('rejects, never hangs, when the writable is destroyed while waiting for drain', async () => {
    const stuck = new Writable({ highWaterMark: 16, write() { /* never calls back: a client that stopped reading */ } });
    stuck.on('error', () => {});
    const records = Array.from({ length: 20_000 }, () => intakeRecord);
    const done = intake.exporter({ format: 'csv' }).pipe(records, stuck);
    setTimeout(() => stuck.destroy(new Error('client gone')), 50);
    await expect(done).rejects.toThrow('client gone');
  });

  it('rejects, never hangs, when the writable failed between two writes and then stays silent', async () => {
    // What a Node file stream does on a full disk: the failed write errors it, the next write returns
    // false, and no 'drain', 'error' or 'close' is emitted any more.
    const silent = {
      destroyed: false, errored: null as Error | null, writes: 0,
      write(): boolean { this.writes += 1; if (this.writes === 2) { this.destroyed = true; this.errored = new Error('ENOSPC'); } return this.writes < 2; },
      once: () => silent, removeListener: () => silent, end: () => silent, destroy: () => silent,
    };
    const records = Array.from({ length: 5_000 }, () => intakeRecord);
    await expect(intake.exporter({ format: 'csv' }).pipe(records, silent)).rejects.toThrow('ENOSPC');
  });

  it('rejects when a write or the final flush fails, instead of reporting success', async () => {
    const failingWrite = new Writable({ write(_chunk, _encoding, done) { done(new Error('disk full')); } });
    failingWrite.on('error', () => {});
    await expect(intake.exporter({ format: 'jsonl' }).pipe([intakeRecord], failingWrite)).rejects.toThrow('disk full');
    const failingFinal = new Writable({ write(_chunk, _encoding, done) { done(); }, final(done) { done(new Error('flush failed')); } });
    failingFinal.on('error', () => {});
    await expect(intake.exporter({ format: 'xlsx' }).pipe([intakeRecord], failingFinal)).rejects.toThrow('flush failed');
  });

  it('makes file names a file system takes: at most 255 bytes, no bidi or invisible characters, no device names', () => {
    const form = compileForm(defineForm([{ id: 'c', type: 'text', label: 'C', maxLength: 200 }], { export: { filename: '{field:c}' } }));
    const exporter = form.exporter({ format: 'xlsx' });
    const long = exporter.filename(NOW, { c: '某'.repeat(200) });
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(255);
    expect(long.endsWith('.xlsx')).toBe(true);
    expect(exporter.filename(NOW, { c: '\u202Eslx.exe\u200B' })).toBe('slx.exe.xlsx');
    expect(exporter.filename(NOW, { c: 'con.backup' })).toBe('_con.backup.xlsx');
  });

  it('writes a stored date that is no real date as text in XLSX, never as another date', async () => {
    const form = compileForm(defineForm([{ id: 'd', type: 'date', label: 'D' }, { id: 't', type: 'datetime', label: 'T' }]));
    const parts: Uint8Array[] = [];
    for await (const chunk of form.exporter({ format: 'xlsx' }).stream([{ d: '2024-13-45', t: '2024-02-30T25:61' }, { d: '2024-02-29', t: '2024-02-29 23:59' }])) parts.push(chunk as Uint8Array);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('2024-13-45');
    expect(sheet?.getRow(2).getCell(2).value).toBe('2024-02-30 25:61');
    expect((sheet?.getRow(3).getCell(1).value as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});
