import { JsonLineError, type JsonLine } from './jsonLines';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The records of a JSON Lines export input: each line a FormRecord or a plain values object. The
 * exporter would skip a line that is neither, and reject a record of another form without its line
 * number; both are refused here, by line, so the user can find them.
 */
export async function* exportRecords(lines: AsyncIterable<JsonLine>, formId: string, onRecord: () => void): AsyncGenerator<Record<string, unknown>> {
  for await (const { number, value } of lines) {
    if (!isObject(value)) throw new JsonLineError(number, undefined, 'not a JSON object (a FormRecord or a values object)');
    // The record's own form id is data of the input: it is not repeated in the message.
    if (typeof value.formId === 'string' && isObject(value.values) && Array.isArray(value.history) && value.formId !== formId) {
      throw new JsonLineError(number, undefined, `a record of another form, not of '${formId}'`);
    }
    onRecord();
    yield value;
  }
}
