// Export throughput: rows per second of a masked CSV and of JSON Lines, against `JSON.stringify` of
// each record's values (the least any exporter must do: one line of text per row, nothing masked,
// no labels), in one process, interleaved; and XLSX rows per second.
import type { CompiledForm } from '../src/index';
import { generatedIntakeValues } from '../examples/records';
import { compare } from './harness';

export interface ExportRates {
  readonly csv: number;
  readonly jsonl: number;
  readonly stringify: number;
  readonly stringifyRecord: number;
  readonly xlsx: number;
}

const BATCH = 1_000;

export const exportThroughput = async (form: CompiledForm): Promise<ExportRates> => {
  const values = [...generatedIntakeValues(BATCH, 3)];
  const records = values.map((item, index) => form.createRecord(item, { by: 'bench', role: 'customer', now: '2025-07-01T09:00:00+08:00', counter: () => index + 1 }));
  const csv = form.exporter({ format: 'csv', role: 'clerk' });
  const jsonl = form.exporter({ format: 'jsonl', role: 'clerk' });
  // Both outputs must be real before their speed means anything: masked, one line per record.
  const sample = csv.toString(records);
  if (sample.includes(String(values[0]?.phone)) || sample.split('\r\n').length !== BATCH + 2) throw new Error('csv export is not what it claims');
  const [csvRate, jsonlRate, stringifyRate, stringifyRecordRate] = compare([
    () => csv.toString(records),
    () => jsonl.toString(records),
    () => {
      let text = '';
      for (const record of records) text += `${JSON.stringify(record.values)}\n`;
      return text;
    },
    () => {
      let text = '';
      for (const record of records) text += `${JSON.stringify(record)}\n`;
      return text;
    },
  ], { rounds: 7, roundMs: 300 }).map((rate) => rate * BATCH) as [number, number, number, number];
  const xlsx = form.exporter({ format: 'xlsx', role: 'clerk' });
  const xlsxRates: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    const many = (function* repeat() {
      for (let pass = 0; pass < 20; pass++) yield* records;
    })();
    for await (const chunk of xlsx.stream(many)) void chunk;
    xlsxRates.push((20 * BATCH) / ((performance.now() - start) / 1000));
  }
  xlsxRates.sort((a, b) => a - b);
  return { csv: csvRate, jsonl: jsonlRate, stringify: stringifyRate, stringifyRecord: stringifyRecordRate, xlsx: xlsxRates[2] as number };
};
