import type { InternalForm } from '../compile/internalForm';
import { readNow } from '../core/clock';
import { FormUsageError } from '../core/issues';
import { recordValues } from '../governance/recordValues';
import { maskValues } from '../governance/maskValues';
import { BOM, csvLine } from './csvText';
import { exportPlan, type ExportPlan } from './exportPlan';
import { exportFilename } from './exportFilename';
import { jsonlLine } from './jsonlLine';
import { csvRecordWriter } from './csvRecordLine';
import { isRecordSource, recordLines } from './recordLines';
import { xlsxChunks } from './xlsx';
import { xlsxRow } from './xlsxCells';
import { ExcelDates } from './xlsx/excelDate';

export type ExportFormat = 'csv' | 'jsonl' | 'xlsx';

/** A Node writable, by its shape (formloom's core imports nothing from Node). */
export interface WritableLike {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: string, listener: (...args: never[]) => void): unknown;
  end(callback?: (error?: Error | null) => void): unknown;
  destroy?(error?: Error): unknown;
  readonly destroyed?: boolean;
  readonly errored?: Error | null;
}

/**
 * Waits for `event` on the writable, or fails if it errors or closes first: a client that hangs up
 * while an export waits for 'drain' must end the export, not leave it waiting forever.
 */
const settle = (writable: WritableLike, event: 'drain' | 'finish', start?: (done: (error?: Error | null) => void) => void): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      writable.removeListener?.('drain', onDone);
      writable.removeListener?.('error', onError);
      writable.removeListener?.('close', onClose);
    };
    const onDone = (): void => { cleanup(); resolve(); };
    const onError = (error: Error): void => { cleanup(); reject(error); };
    const onClose = (): void => { cleanup(); reject(writable.errored ?? new Error('the writable closed before the export finished')); };
    // A writable that failed between two writes (a full disk) returns false once more and then
    // emits nothing: waiting for 'drain' there would wait forever.
    if (event === 'drain' && (writable.destroyed === true || (writable.errored ?? null) !== null)) {
      reject(writable.errored ?? new Error('the writable was destroyed before the export finished'));
      return;
    }
    writable.once('error', onError);
    writable.once('close', onClose);
    if (event === 'drain') writable.once('drain', onDone);
    start?.((error) => (error ? onError(error) : onDone()));
  });

/** Writes records out: as text (csv, jsonl), as a stream of chunks, as a web ReadableStream, or into a Node writable. */
export interface Exporter {
  readonly format: ExportFormat;
  readonly contentType: string;
  /** The file name the definition's `export.filename` pattern gives at `now` (and from `record`'s fields), with the extension. */
  filename(now?: Date | string | number, record?: unknown): string;
  /** The whole export as one text (csv, jsonl). */
  toString(records: Iterable<unknown>): string;
  /** The export as chunks, produced while records are read (text for csv and jsonl, bytes for xlsx). */
  stream(records: Iterable<unknown> | AsyncIterable<unknown>): AsyncIterable<string | Uint8Array>;
  /** The export as a web stream of bytes: `new Response(exporter.readable(records))` in an edge runtime. */
  readable(records: Iterable<unknown> | AsyncIterable<unknown>): ReadableStream<Uint8Array>;
  /** Writes into a Node writable (a file, an HTTP response), waiting for 'drain' when it asks to. Rejects (and destroys it) if reading fails. */
  pipe(records: Iterable<unknown> | AsyncIterable<unknown>, writable: WritableLike): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// Lines are gathered into chunks of about this many characters: one yield per line would cost more
// than writing it.
const CHUNK = 64 * 1024;

async function* textChunks(plan: ExportPlan, format: 'csv' | 'jsonl', records: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<string> {
  let buffer = format === 'csv' ? BOM + csvLine(plan.columns.map((column) => column.header)) : '';
  const line = format === 'csv' ? csvRecordWriter(plan) : (record: unknown): string => jsonlLine(plan, record) ?? '';
  for await (const record of records as AsyncIterable<unknown> | Iterable<unknown>) {
    buffer += line(record);
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

const checkSource = (records: unknown): Iterable<unknown> | AsyncIterable<unknown> => {
  if (!isRecordSource(records) || typeof records === 'string') throw new FormUsageError('bad-argument', 'records must be an iterable or async iterable of values objects or FormRecords');
  return records;
};

/** The exporter of a form for one format, role, policy and language. */
export const createExporter = (form: InternalForm, format: ExportFormat, options: Parameters<typeof exportPlan>[1]): Exporter => {
  const plan = exportPlan(form, options);
  const stream = (records: Iterable<unknown> | AsyncIterable<unknown>): AsyncIterable<string | Uint8Array> => {
    const source = checkSource(records);
    if (format !== 'xlsx') return textChunks(plan, format, source);
    const dates = new ExcelDates(form.timeZone);
    return xlsxChunks((async function* rows() {
      for await (const row of recordLines(plan, source)) yield xlsxRow(plan, dates, row);
    })(), {
      sheetName: plan.text(form.title),
      columns: plan.columns.map((column) => ({ header: column.header, ...(column.field.type === 'date' ? { date: 'date' as const } : {}) })),
      // Cells carry wall clocks already (xlsxCells): written as they are.
      timeZone: 'UTC',
    });
  };
  const bytes = async function* bytes(records: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    for await (const chunk of stream(records)) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
  };
  return Object.freeze({
    format,
    contentType: CONTENT_TYPES[format],
    filename(now?: Date | string | number, record?: unknown): string {
      const clock = readNow(now);
      if (clock === undefined) throw new FormUsageError('bad-argument', 'filename: `now` must be a Date, an ISO 8601 string or epoch milliseconds');
      // A field in the name (客户名称-日期) is data like any cell: masked and dropped as the export's cells are.
      const values = record === undefined ? undefined : recordValues(form, record);
      return exportFilename(form, clock, values === undefined || plan.mask === undefined ? values : maskValues(form, values, plan.mask), format);
    },
    toString(records: Iterable<unknown>): string {
      if (format === 'xlsx') throw new FormUsageError('bad-argument', 'an xlsx export is binary: use stream(), readable() or pipe()');
      const source = checkSource(records);
      if (!(Symbol.iterator in (source as object))) throw new FormUsageError('bad-argument', 'toString needs a sync iterable (an array); use stream() for an async iterable');
      let text = format === 'csv' ? BOM + csvLine(plan.columns.map((column) => column.header)) : '';
      const line = format === 'csv' ? csvRecordWriter(plan) : (record: unknown): string => jsonlLine(plan, record) ?? '';
      for (const record of source as Iterable<unknown>) text += line(record);
      return text;
    },
    stream,
    readable(records: Iterable<unknown> | AsyncIterable<unknown>): ReadableStream<Uint8Array> {
      const iterator = bytes(records);
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const next = await iterator.next();
            if (next.done === true) controller.close();
            else controller.enqueue(next.value);
          } catch (error) {
            controller.error(error);
          }
        },
        async cancel() {
          await iterator.return(undefined);
        },
      });
    },
    async pipe(records: Iterable<unknown> | AsyncIterable<unknown>, writable: WritableLike): Promise<void> {
      if (typeof writable?.write !== 'function' || typeof writable.once !== 'function' || typeof writable.end !== 'function') {
        throw new FormUsageError('bad-argument', 'pipe needs a writable: { write, once, end }');
      }
      const source = stream(records);
      try {
        if (writable.destroyed === true) throw writable.errored ?? new Error('the writable is already destroyed');
        for await (const chunk of source) {
          if (!writable.write(chunk)) await settle(writable, 'drain');
        }
        await settle(writable, 'finish', (done) => writable.end(done));
      } catch (error) {
        // Nothing half-written is left looking complete: the writable is destroyed with the error.
        if (writable.destroyed !== true) writable.destroy?.(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    },
  });
};
