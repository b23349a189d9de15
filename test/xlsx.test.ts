import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormUsageError } from '../src/core/issues';
import { xlsxChunks, type XlsxCell, type XlsxColumn, type XlsxOptions } from '../src/export/xlsx/index';
import { ExcelDates } from '../src/export/xlsx/excelDate';
import { columnName } from '../src/export/xlsx/sheetXml';
import { Utf8Batch } from '../src/export/xlsx/utf8Batch';
import { sheetNameOf } from '../src/export/xlsx/xlsxParts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const collect = async (chunks: AsyncIterable<Uint8Array>): Promise<Buffer> => {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
};

const load = async (buffer: Buffer): Promise<ExcelJS.Worksheet> => {
  const workbook = new ExcelJS.Workbook();
  // exceljs' types predate Buffer being generic; the bytes are what it reads.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no worksheet');
  return sheet;
};

// Excel and LibreOffice read `_xHHHH_` in any cell text as an escaped character (OOXML ST_Xstring);
// exceljs does so only in shared strings, not in inline strings. Applied to what exceljs reads, this
// gives what Excel shows.
const asExcelShows = (value: ExcelJS.CellValue): ExcelJS.CellValue =>
  typeof value === 'string' ? value.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))) : value;

// The XML 1.0 `Char` production, spelt out independently of the writer's regular expressions.
const isXmlChar = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;

/** What a text cell should read back as: XML-forbidden characters dropped, cut at 32,767 without splitting a pair. */
const expectedText = (text: string): string | null => {
  let kept = '';
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char;
  if (kept.length > 32_767) kept = kept.slice(0, /[\uD800-\uDBFF]/.test(kept.charAt(32_766)) ? 32_766 : 32_767);
  return kept === '' ? null : kept;
};

// Shanghai has kept UTC+8 without daylight saving since 1992: its wall clock is the instant plus 8 hours.
const shanghaiWall = (date: Date): number => date.getTime() + 8 * HOUR;

describe('cell references and sheet names', () => {
  it('names columns in bijective base 26', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('sanitises sheet names', () => {
    expect(sheetNameOf(undefined)).toBe('Sheet1');
    expect(sheetNameOf('')).toBe('Sheet1');
    expect(sheetNameOf('[]:*?/\\')).toBe('Sheet1');
    expect(sheetNameOf('客户/反馈[2024]:*?\\汇总')).toBe('客户反馈2024汇总');
    expect(sheetNameOf("'引号'")).toBe('引号');
    expect(sheetNameOf('长'.repeat(40))).toBe('长'.repeat(31));
    expect(sheetNameOf('a'.repeat(30) + '😀')).toBe('a'.repeat(30));
    expect(sheetNameOf('History')).toBe('History1');
  });
});

describe('Utf8Batch', () => {
  it('hands on exactly the UTF-8 of what was written, in blocks, whatever their sizes', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 64 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), (size, texts) => {
      const blocks: number[][] = [];
      let finals = 0;
      const batch = new Utf8Batch(size, (bytes, final) => {
        blocks.push([...bytes]); // copied: the buffer is reused
        if (final) finals += 1;
      });
      for (const text of texts) batch.write(text);
      batch.end();
      expect(Buffer.from(blocks.flat()).toString('utf8')).toBe(texts.join(''));
      expect(finals).toBe(1);
    }), { numRuns: 300 });
  });
});

describe('date serials', () => {
  const EPOCH = Date.UTC(1899, 11, 30);
  // The oracle: the wall clock straight from Intl, for each instant alone.
  const intlSerial = (instant: number, timeZone: string): number => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }).formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
    const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute, parts.second, new Date(instant).getUTCMilliseconds());
    return (wall - EPOCH) / DAY;
  };
  const serialOf = (wall: string): number => (Date.parse(`${wall}Z`) - EPOCH) / DAY;

  it('follows clock changes, including half-hour zones, on the day they happen', () => {
    const newYork = new ExcelDates('America/New_York');
    expect(newYork.value(new Date('2024-03-10T02:00:00Z'), false)).toBe(serialOf('2024-03-09T21:00:00'));
    expect(newYork.value(new Date('2024-03-10T06:59:59Z'), false)).toBe(serialOf('2024-03-10T01:59:59'));
    expect(newYork.value(new Date('2024-03-10T07:00:00Z'), false)).toBe(serialOf('2024-03-10T03:00:00'));
    expect(newYork.value(new Date('2024-03-11T12:00:00Z'), false)).toBe(serialOf('2024-03-11T08:00:00'));
    expect(newYork.value(new Date('2024-11-03T05:30:00Z'), false)).toBe(serialOf('2024-11-03T01:30:00'));
    expect(newYork.value(new Date('2024-11-03T06:30:00Z'), false)).toBe(serialOf('2024-11-03T01:30:00'));
    const stJohns = new ExcelDates('America/St_Johns');
    expect(stJohns.value(new Date('2024-03-10T05:29:59Z'), false)).toBe(serialOf('2024-03-10T01:59:59'));
    expect(stJohns.value(new Date('2024-03-10T05:30:00Z'), false)).toBe(serialOf('2024-03-10T03:00:00'));
    expect(stJohns.value(new Date('2024-03-10T05:30:00Z'), true)).toBe(serialOf('2024-03-10T00:00:00'));
  });

  it('agrees with Intl instant by instant, whatever the offsets remembered before', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Europe/London', 'Africa/Casablanca', 'Asia/Tehran', 'Pacific/Chatham'];
    const writers = new Map(zones.map((zone) => [zone, new ExcelDates(zone)]));
    // Around the clock changes of 2024 most of the time, anywhere from 1970 to 2100 otherwise.
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(2024, 2, 1), max: Date.UTC(2024, 3, 15) }),
      fc.integer({ min: Date.UTC(2024, 8, 20), max: Date.UTC(2024, 10, 10) }),
      fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
    );
    fc.assert(fc.property(fc.constantFrom(...zones), instant, (zone, time) => {
      expect(writers.get(zone)?.value(new Date(time), false)).toBe(intlSerial(time, zone));
    }), { numRuns: 3_000 });
  });

  it('writes instants at the ends of what a Date holds as text, and an Invalid Date as nothing', () => {
    const utc = new ExcelDates('UTC');
    expect(utc.value(new Date(8.64e15), false)).toBe('275760-09-13 00:00:00');
    expect(utc.value(new Date(-8.64e15), true)).toBe('-271821-04-20');
    expect(utc.value(new Date(Number.NaN), false)).toBeUndefined();
  });
});

describe('xlsxChunks read back with exceljs', () => {
  const KINDS = ['text', 'number', 'boolean', 'datetime', 'date'] as const;
  const NAMES = ['客户名称', '金额', '是否回访', '提交时间', '生日'];
  const columns: XlsxColumn[] = Array.from({ length: 30 }, (_, index) => {
    const kind = KINDS[index % 5] ?? 'text';
    const header = index === 0 ? '客户名称（含 & < > " \'）' : index === 2 ? '是' : index === 5 ? '很长的表头'.repeat(20) : `${NAMES[index % 5]}${index + 1}`;
    return {
      header,
      ...(index === 1 ? { width: 12.5 } : {}),
      ...(kind === 'date' ? { date: 'date' as const } : kind === 'datetime' ? { date: 'datetime' as const } : {}),
    };
  });
  // Display width: CJK and full-width forms count two, the rest one (the headers hold nothing else).
  const headerWidth = (header: string): number => [...header].reduce((width, char) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);

  const texts: ReadonlyArray<string> = [
    '张三 & 李四 <b>"引号"</b> \'单引号\'',
    '控制\u0000字符\u0001\u0008\u000B\u000C\u000E\u001F\u007F结束',
    '换行\r\n第二行\t制表\n',
    '表情😀👍🏻🇨🇳',
    '孤立\uD83D代理\uDE00对',
    '非字符\uFFFE\uFFFF',
    '长'.repeat(40_000),
    '😀'.repeat(20_000),
    '   前导空格',
    '尾随空格   ',
    '   ',
    '_x0041_ 与 _x00e9_ 与 _X0041_',
    '',
    '\u0001\u0002',
    '=SUM(A1:A2)',
    '01381234567',
  ];
  const numbers: ReadonlyArray<number> = [0, -0, 1.5, -123.456, 1e21, 1.5e-7, Number.MAX_SAFE_INTEGER, 13_812_345_678, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1 + 0.2];
  const dates: ReadonlyArray<Date> = [
    new Date('2024-02-29T16:30:00.000Z'), // 2024-03-01 00:30 in Shanghai: another day than in UTC
    new Date('2023-12-31T23:59:59.999Z'),
    new Date('1992-01-01T00:00:00.000Z'),
    new Date('2099-12-31T15:59:59.000Z'),
    new Date(Number.NaN),
  ];

  const valueAt = (row: number, column: number): XlsxCell => {
    const kind = KINDS[column % 5];
    const slot = row * 6 + Math.floor(column / 5);
    if (row === 20) return null; // an empty row in the middle
    if (row % 7 === 3 && column % 3 === 0) return row % 2 === 0 ? null : undefined;
    switch (kind) {
      case 'text': return texts[slot] ?? `客户${row}号 ${column}列 备注`;
      case 'number': return numbers[slot] ?? row * 1000 + column + 0.25;
      case 'boolean': return (row + column) % 2 === 0;
      default: return dates[slot] ?? new Date(Date.UTC(2024, 0, 1) + row * 3_600_123 * 7 + column * 60_000);
    }
  };
  const rows: XlsxCell[][] = Array.from({ length: 40 }, (_, row) => Array.from({ length: 30 }, (_unused, column) => valueAt(row, column)));
  rows[10]?.push('第31列 AE'); // a cell past the declared columns
  rows.push([null, 42]); // a short last row

  const expectedValue = (value: XlsxCell, column: number): ExcelJS.CellValue => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return expectedText(value);
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'boolean') return value;
    if (Number.isNaN(value.getTime())) return null;
    const wall = shanghaiWall(value);
    return new Date(columns[column]?.date === 'date' ? Math.floor(wall / DAY) * DAY : wall);
  };

  const options: XlsxOptions = { sheetName: '客户/反馈[2024]', columns, timeZone: 'Asia/Shanghai' };

  it('gives back every cell, the header, the widths and the dates', async () => {
    const sheet = await load(await collect(xlsxChunks(rows, options)));
    expect(sheet.name).toBe('客户反馈2024');

    const header = sheet.getRow(1);
    columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      expect(cell.value).toBe(column.header);
      expect(cell.font?.bold).toBe(true);
      expect(sheet.getColumn(index + 1).width).toBe(column.width ?? Math.min(60, Math.max(8, headerWidth(column.header) + 2)));
    });
    expect(sheet.getColumn(1).width).toBe(Math.min(60, headerWidth(columns[0]?.header ?? '') + 2));
    expect(sheet.getColumn(2).width).toBe(12.5);
    expect(sheet.getColumn(3).width).toBe(8);
    expect(sheet.getColumn(4).width).toBe(11);
    expect(sheet.getColumn(6).width).toBe(60);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const mismatches: string[] = [];
    rows.forEach((cells, row) => {
      for (let column = 0; column < 31; column++) {
        const cell = sheet.getRow(row + 2).getCell(column + 1);
        const expected = expectedValue(cells[column], column);
        const actual = asExcelShows(cell.value);
        const same = expected instanceof Date ? actual instanceof Date && actual.getTime() === expected.getTime() : Object.is(actual, expected === -0 ? 0 : expected);
        if (!same) mismatches.push(`${cell.address}: ${JSON.stringify(actual)?.slice(0, 80)} ≠ ${JSON.stringify(expected)?.slice(0, 80)}`);
        if (expected instanceof Date) {
          const format = columns[column]?.date === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
          if (cell.numFmt !== format) mismatches.push(`${cell.address}: format ${cell.numFmt}`);
        }
      }
    });
    expect(mismatches).toEqual([]);
    expect(sheet.rowCount).toBe(rows.length + 1);

    // The references exceljs checked by position, spot-checked by name, past Z.
    expect(sheet.getCell('AA2').value).toBe(expectedValue(rows[0]?.[26], 26));
    expect(sheet.getCell('AE12').value).toBe('第31列 AE');
    // The special cases, by name rather than through the oracle.
    expect(sheet.getCell('A2').value).toBe('张三 & 李四 <b>"引号"</b> \'单引号\'');
    expect(sheet.getCell('F2').value).toBe('控制字符\u007F结束');
    expect(sheet.getCell('K2').value).toBe('换行\r\n第二行\t制表\n');
    expect(sheet.getCell('P2').value).toBe('表情😀👍🏻🇨🇳');
    expect(sheet.getCell('U2').value).toBe('孤立代理对');
    expect(sheet.getCell('Z2').value).toBe('非字符');
    expect(sheet.getCell('A3').value).toBe('长'.repeat(32_767));
    expect(sheet.getCell('F3').value).toBe('😀'.repeat(16_383));
    expect(sheet.getCell('K3').value).toBe('   前导空格');
    expect(sheet.getCell('P3').value).toBe('尾随空格   ');
    expect(sheet.getCell('U3').value).toBe('   ');
    expect(asExcelShows(sheet.getCell('Z3').value)).toBe('_x0041_ 与 _x00e9_ 与 _X0041_');
    expect(sheet.getCell('A4').value).toBeNull();
    expect(sheet.getCell('D2').value).toEqual(new Date('2024-03-01T00:30:00.000Z'));
    expect(sheet.getCell('E2').value).toEqual(new Date('2024-03-01T00:00:00.000Z'));
  });

  it('writes what XML cannot hold as text read back without it, for any string', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
    const control = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
    const messy = fc.array(fc.oneof(text, surrogate, control, fc.constantFrom('&', '<', '>', '"', "'", '\r', '_x0041_', '\uFFFE', ']]>')), { maxLength: 12 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(fc.array(fc.array(messy, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), messy, async (cells, header) => {
      const sheet = await load(await collect(xlsxChunks(cells, { columns: [{ header }] })));
      expect(asExcelShows(sheet.getCell('A1').value)).toBe(expectedText(header));
      cells.forEach((row, index) => row.forEach((value, column) => {
        expect(asExcelShows(sheet.getRow(index + 2).getCell(column + 1).value)).toBe(expectedText(value));
      }));
    }), { numRuns: 60 });
  }, 60_000);

  it('writes a day Excel cannot show (before 1 March 1900) as text, and Excel\'s first true days as dates', async () => {
    const sheet = await load(await collect(xlsxChunks([
      [new Date('1899-12-31T10:20:30Z'), new Date('1899-12-31T10:20:30Z')],
      [new Date('1900-03-01T00:00:00Z'), new Date('1900-03-01T12:00:00Z')],
    ], { columns: [{ header: 'datetime' }, { header: 'date', date: 'date' }], timeZone: 'UTC' })));
    expect(sheet.getCell('A2').value).toBe('1899-12-31 10:20:30');
    expect(sheet.getCell('B2').value).toBe('1899-12-31');
    expect(sheet.getCell('A3').value).toEqual(new Date('1900-03-01T00:00:00Z'));
    expect(sheet.getCell('B3').value).toEqual(new Date('1900-03-01T00:00:00Z'));
  });

  it('takes an async source, and dates in the runtime\'s zone without timeZone', async () => {
    const instant = new Date(2025, 4, 6, 7, 8, 9); // 2025-05-06 07:08:09 on this runtime's clock
    async function* source(): AsyncGenerator<XlsxCell[]> {
      yield ['甲', instant];
      yield ['乙', 2];
    }
    const sheet = await load(await collect(xlsxChunks(source(), { columns: [{ header: '名' }, { header: '时' }] })));
    expect(sheet.getCell('A2').value).toBe('甲');
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2025, 4, 6, 7, 8, 9)));
    expect(sheet.getCell('B3').value).toBe(2);
  });

  it('rejects wrong options at once and wrong cells while writing', async () => {
    expect(() => xlsxChunks([], { columns: [], timeZone: 'Mars/Olympus' })).toThrow(FormUsageError);
    expect(() => xlsxChunks([], { columns: [{ header: 'x', width: -1 }] })).toThrow(FormUsageError);
    expect(() => xlsxChunks([], { columns: [{ header: 'x', date: 'time' as 'date' }] })).toThrow(FormUsageError);
    expect(() => xlsxChunks(null as unknown as XlsxCell[][], { columns: [] })).toThrow(FormUsageError);
    await expect(collect(xlsxChunks([[{} as unknown as string]], { columns: [{ header: 'x' }] }))).rejects.toThrow(FormUsageError);
    await expect(collect(xlsxChunks([[10n as unknown as number]], { columns: [{ header: 'x' }] }))).rejects.toThrow(/bigint/);
  });
});

describe('streaming', () => {
  const COLUMNS: XlsxColumn[] = [
    { header: '编号' }, { header: '客户名称' }, { header: '手机号' }, { header: '地址' }, { header: '已回访' },
    { header: '金额' }, { header: '提交时间' }, { header: '生日', date: 'date' }, { header: '备注' }, { header: '标签' },
  ];
  function* generated(count: number, counter: { pulled: number }): Generator<XlsxCell[]> {
    const base = Date.UTC(2024, 0, 1);
    for (let index = 0; index < count; index++) {
      counter.pulled = index + 1;
      yield [
        index, `客户${index}号有限公司`, `138${String(index).padStart(8, '0')}`, `浙江省杭州市西湖区文三路${index % 997}号`, index % 2 === 0,
        index * 1.25, new Date(base + index * 61_000), new Date(base - (index % 20_000) * DAY), `备注 & <${index}> "ok"`, index % 3 === 0 ? null : 'VIP',
      ];
    }
  }

  it('writes 200,000 rows with flat memory, yielding chunks while the rows are read', async () => {
    const counter = { pulled: 0 };
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let bytes = 0;
    let chunks = 0;
    let pulledAtFirstChunk = -1;
    for await (const chunk of xlsxChunks(generated(200_000, counter), { columns: COLUMNS, timeZone: 'Asia/Shanghai' })) {
      if (pulledAtFirstChunk < 0) pulledAtFirstChunk = counter.pulled;
      bytes += chunk.length;
      chunks += 1;
      if (chunks % 8 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    gc?.();
    const after = process.memoryUsage().heapUsed;
    expect(counter.pulled).toBe(200_000);
    expect(pulledAtFirstChunk).toBeLessThan(2_000);
    expect(chunks).toBeGreaterThan(100);
    // The sheet's XML alone is about 170 MB; holding it, or the chunks, would pass these bounds.
    expect(after - before).toBeLessThan(80 * 1024 * 1024);
    expect(peak - before).toBeLessThan(80 * 1024 * 1024);
    expect(bytes).toBeGreaterThan(1_000_000);
    console.info(`200,000 rows × 10 columns: ${bytes} bytes in ${chunks} chunks; heap growth ${((after - before) / 1048576).toFixed(1)} MB, peak ${((peak - before) / 1048576).toFixed(1)} MB`);
  }, 120_000);

  it('rejects with the source\'s own error, sync or async, never ending as if complete', async () => {
    const boom = new Error('数据库连接中断');
    function* failing(): Generator<XlsxCell[]> {
      yield* generated(1_000, { pulled: 0 });
      throw boom;
    }
    async function* failingAsync(): AsyncGenerator<XlsxCell[]> {
      yield* failing();
    }
    await expect(collect(xlsxChunks(failing(), { columns: COLUMNS }))).rejects.toBe(boom);
    await expect(collect(xlsxChunks(failingAsync(), { columns: COLUMNS }))).rejects.toBe(boom);
  });
});

const office = ['libreoffice', 'soffice'].find((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);

describe('LibreOffice', () => {
  it('converts the workbook to the same CSV', async (context) => {
    if (office === undefined) {
      // .ci/run installs LibreOffice, so on CI its absence is a broken image, not a reason to skip.
      if (process.env.CI) throw new Error('LibreOffice is not installed and CI is set: .ci/run installs libreoffice-calc-nogui');
      console.warn('[xlsx] SKIPPED the LibreOffice check: no libreoffice or soffice on PATH (apt-get install libreoffice-calc-nogui); with CI set it fails instead');
      context.skip();
      return;
    }
    const rows: XlsxCell[][] = [
      ['张三 & <b>"李四"</b> \'王五\'', 1.5, true, new Date('2024-02-29T16:30:05Z'), new Date('2024-02-29T16:30:05Z')],
      ['  前导空格\u0001', -42, false, new Date('2023-06-01T01:02:03Z'), new Date('2023-06-01T01:02:03Z')],
      ['表情😀 孤立\uD83D', null, null, null, null],
      ['_x0041_', 13_812_345_678, Number.NaN, new Date(Number.NaN), undefined],
      ['长'.repeat(40_000), 0, true, new Date('1992-01-01T00:00:00Z'), new Date('1992-01-01T00:00:00Z')],
    ];
    const columns: XlsxColumn[] = [{ header: '名称' }, { header: '金额' }, { header: '回访' }, { header: '时间' }, { header: '日期', date: 'date' }];
    const directory = mkdtempSync(join(tmpdir(), 'formloom-xlsx-'));
    try {
      writeFileSync(join(directory, 'book.xlsx'), await collect(xlsxChunks(rows, { columns, timeZone: 'Asia/Shanghai' })));
      // 44,34,76: comma, double quote, UTF-8. A private profile, so a running office instance is not reused.
      const result = spawnSync(office, [
        `-env:UserInstallation=file://${join(directory, 'profile')}`, '--headless', '--norestore',
        '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', directory, join(directory, 'book.xlsx'),
      ], { encoding: 'utf8', timeout: 120_000 });
      expect(result.status, result.stderr).toBe(0);
      const csv = parse(readFileSync(join(directory, 'book.csv'), 'utf8'), { relax_column_count: true }) as string[][];
      expect(csv).toEqual([
        ['名称', '金额', '回访', '时间', '日期'],
        ['张三 & <b>"李四"</b> \'王五\'', '1.5', 'TRUE', '2024-03-01 00:30:05', '2024-03-01'],
        ['  前导空格', '-42', 'FALSE', '2023-06-01 09:02:03', '2023-06-01'],
        ['表情😀 孤立', '', '', '', ''],
        ['_x0041_', '13812345678', '', '', ''],
        ['长'.repeat(32_767), '0', 'TRUE', '1992-01-01 08:00:00', '1992-01-01'],
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 180_000);
});
