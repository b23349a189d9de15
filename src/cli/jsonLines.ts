import { jsonErrorOffset } from './jsonPosition';

/** One parsed line of a JSON Lines input, with its 1-based number for messages. */
export interface JsonLine {
  readonly number: number;
  readonly value: unknown;
}

/**
 * A line that could not be read. Its message names the line (and the column when known) and never
 * the line's text: the text is a user's data (phone numbers, ID cards), and a message reaches logs.
 */
export class JsonLineError extends Error {
  override readonly name = 'JsonLineError';
  constructor(
    readonly line: number,
    readonly column: number | undefined,
    readonly reason: string,
  ) {
    super(`line ${line}${column === undefined ? '' : `, column ${column}`}: ${reason}`);
  }
}

// A line longer than this is refused rather than gathered: a file without newlines would otherwise
// be read whole into memory, which is what reading line by line is for avoiding.
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const NEWLINE = 0x0a;
const BLANK = /^[ \t\r]*$/;

const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);

const concat = (pieces: readonly Uint8Array[], length: number): Uint8Array => {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
};

const parseLine = (bytes: Uint8Array, number: number, decoder: TextDecoder): JsonLine | undefined => {
  let text: string;
  try {
    // Decoded per line (split on the byte 0x0A, which UTF-8 never uses inside a character), so a
    // bad byte is reported on its own line; a BOM at a line's start is dropped by the decoder.
    text = decoder.decode(bytes);
  } catch {
    throw new JsonLineError(number, undefined, 'not valid UTF-8');
  }
  if (BLANK.test(text)) return undefined;
  try {
    return { number, value: JSON.parse(text) as unknown };
  } catch (error) {
    // Node's message quotes the line: only the offset is taken from it.
    const offset = jsonErrorOffset(error);
    throw new JsonLineError(number, offset === undefined ? undefined : offset + 1, 'not valid JSON');
  }
};

/**
 * The JSON values of a JSON Lines source, one line at a time, as they arrive: memory holds one line
 * (plus a chunk), whatever the file's size. Blank lines are skipped (their numbers still count); a
 * last line without a newline is read too. Throws JsonLineError at the first line that is not JSON.
 */
export async function* readJsonLines(source: AsyncIterable<Uint8Array | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<JsonLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The start of a line split across chunks, kept as pieces: joined once, when its end arrives.
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let number = 0;
  for await (const chunk of source) {
    const bytes = toBytes(chunk);
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE, start); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      number += 1;
      if (pendingLength + end - start > maxLineBytes) throw new JsonLineError(number, undefined, `longer than ${maxLineBytes} bytes`);
      const piece = bytes.subarray(start, end);
      const line = pendingLength === 0 ? piece : concat([...pending, piece], pendingLength + piece.length);
      pending = [];
      pendingLength = 0;
      start = end + 1;
      const parsed = parseLine(line, number, decoder);
      if (parsed !== undefined) yield parsed;
    }
    if (start < bytes.length) {
      // A copy (Buffer's own slice would be a view): the source may reuse its buffer for the next chunk.
      const rest = Uint8Array.prototype.slice.call(bytes, start);
      pending.push(rest);
      pendingLength += rest.length;
      if (pendingLength > maxLineBytes) throw new JsonLineError(number + 1, undefined, `longer than ${maxLineBytes} bytes`);
    }
  }
  if (pendingLength > 0) {
    const parsed = parseLine(concat(pending, pendingLength), number + 1, decoder);
    if (parsed !== undefined) yield parsed;
  }
}
