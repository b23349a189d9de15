import { open, type FileHandle } from 'node:fs/promises';
import { fsReason } from './fsReason';
import { FileError, UsageError } from './io';

/** The bytes of an input, read chunk by chunk, and how to let go of it early. */
export interface Input {
  readonly chunks: AsyncIterable<Uint8Array | string>;
  /** Closes the file when reading stopped before its end (a failure elsewhere). */
  close(): void;
}

/** Read errors become FileErrors (exit 3), so that they are not taken for a failure of the output. */
async function* reading(source: AsyncIterable<Uint8Array | string>, shown: string): AsyncGenerator<Uint8Array | string> {
  try {
    yield* source;
  } catch (error) {
    throw new FileError(`cannot read ${shown}: ${fsReason(error)}`);
  }
}

/**
 * Opens the records file now, so that a missing or unreadable file fails before any output is
 * created; '-' is `stdin`. `shown` is the path as the user typed it, for messages.
 */
export const openInput = async (path: string, shown: string, stdin: () => AsyncIterable<Uint8Array | string>): Promise<Input> => {
  if (shown === '-') {
    const source = stdin();
    // Records typed by hand are not what anyone means: a terminal on stdin would wait forever.
    if ((source as { isTTY?: boolean }).isTTY === true) throw new UsageError("--in - reads stdin, which is a terminal: pipe the records in, or give a file");
    return { chunks: reading(source, 'stdin'), close() {} };
  }
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new FileError(`cannot read ${shown}: ${fsReason(error)}`);
  }
  try {
    // Opening a directory succeeds on Linux; reading it is what fails.
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
  } catch (error) {
    await handle.close();
    throw new FileError(`cannot read ${shown}: ${fsReason(error)}`);
  }
  const stream = handle.createReadStream();
  return { chunks: reading(stream, shown), close: () => stream.destroy() };
};
