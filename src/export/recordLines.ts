import type { ExportPlan } from './exportPlan';
import { exportRows, type ExportRow } from './exportRows';

const isAsync = (items: unknown): items is AsyncIterable<unknown> =>
  typeof items === 'object' && items !== null && typeof (items as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';

/** True for something formloom can read records from: an iterable or an async iterable (not a string). */
export const isRecordSource = (items: unknown): items is Iterable<unknown> | AsyncIterable<unknown> =>
  isAsync(items) || (typeof items === 'object' && items !== null && typeof (items as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function');

/** The lines of every record, read one record at a time: memory stays flat whatever the count. */
export async function* recordLines(plan: ExportPlan, records: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<ExportRow> {
  if (isAsync(records)) {
    for await (const record of records) yield* exportRows(plan, record);
  } else {
    for (const record of records) yield* exportRows(plan, record);
  }
}
