import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsReason } from './fsReason';
import { FileError } from './io';
import { removeOnSignal } from './removeOnSignal';

/** A file being written: it exists under its name only once `commit` succeeds. */
export interface OutputFile {
  readonly stream: WriteStream;
  /** After the last write: ends the stream, and the file takes its name (replacing the old one at once). */
  commit(): Promise<void>;
  /** After a failure: what was written is removed and the target is left as it was. */
  abort(): Promise<void>;
}

/** Ends a write stream and waits for its file to be closed; rejects with its error if it failed. */
export const endStream = async (stream: WriteStream): Promise<void> => {
  await new Promise<void>((resolve, reject) => {
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
  if (!stream.closed) await once(stream, 'close');
};

/** The hidden name written to first, in the target's directory so the final rename stays on one file system. */
export const partialName = (target: string): string =>
  join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);

/** Asks the disk to hold the file's data: any descriptor of the file flushes it, so one is opened for that. */
const syncFile = async (path: string): Promise<void> => {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Opens a temporary file beside `target` for an export. A reader of `target` sees the old file or
 * the whole new one, never a part: a failure (or Ctrl-C) removes the temporary file, and success
 * syncs it to disk and renames it over the target. `shown` is the path as the user typed it, for messages.
 */
export const openAtomicFile = async (target: string, shown: string): Promise<OutputFile> => {
  const temp = partialName(target);
  // 'wx': a name that somehow exists already is never written through.
  const stream = createWriteStream(temp, { flags: 'wx' });
  // Failures are read from end()'s callback and by writeChunks: this listener only keeps an 'error'
  // that nobody waits for at that moment from ending the process.
  stream.on('error', () => undefined);
  try {
    await once(stream, 'ready');
  } catch (error) {
    throw new FileError(`cannot write ${shown}: ${fsReason(error)}`);
  }
  const release = removeOnSignal(temp);
  const abort = async (): Promise<void> => {
    // Closed before removed: a write still in flight finishes first (the stream waits for it).
    if (!stream.closed) {
      const closed = once(stream, 'close').catch(() => undefined);
      stream.destroy();
      await closed;
    }
    await unlink(temp).catch(() => undefined);
    release();
  };
  return {
    stream,
    async commit() {
      try {
        await endStream(stream);
        // Data first, then the name: after a crash the target is the old file or the complete new one.
        await syncFile(temp);
        await rename(temp, target);
      } catch (error) {
        await abort();
        throw new FileError(`cannot write ${shown}: ${fsReason(error)}`);
      }
      release();
    },
    abort,
  };
};
