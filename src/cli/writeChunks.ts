import { fsReason } from './fsReason';
import { FileError } from './io';

/** What an export is written to: a file's stream, or io.stdout (a Node stream, or a test's collector). */
export interface Sink {
  write(chunk: string | Uint8Array): unknown;
  on?(event: string, listener: (...args: never[]) => void): unknown;
  removeListener?(event: string, listener: (...args: never[]) => void): unknown;
}

/**
 * Writes every chunk to `sink`, waiting for 'drain' when a stream says its buffer is full, so a slow
 * disk or pipe (`| gzip`) holds back the export instead of the export filling memory. An 'error' or
 * 'close' at any moment (a full disk; `| head` going away) ends the export with a FileError: a write
 * to a stream that already failed returns false and never drains, so it must not be waited on. A
 * sink without events (a test's collector) is written to straight.
 */
export const writeChunks = async (chunks: AsyncIterable<string | Uint8Array>, sink: Sink, shown: string): Promise<void> => {
  if (typeof sink.on !== 'function' || typeof sink.removeListener !== 'function') {
    for await (const chunk of chunks) sink.write(chunk);
    return;
  }
  const events = sink as Required<Sink>;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const onDrain = (): void => wake?.();
  const onError = (error: unknown): void => {
    failure ??= { error };
    wake?.();
  };
  const onClose = (): void => onError(undefined);
  events.on('drain', onDrain);
  events.on('error', onError);
  events.on('close', onClose);
  try {
    for await (const chunk of chunks) {
      if (failure !== undefined) break;
      if (sink.write(chunk) === false && failure === undefined) {
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = undefined;
      }
    }
    if (failure !== undefined) {
      throw new FileError(`cannot write ${shown}: ${failure.error === undefined ? 'it was closed before the export finished' : fsReason(failure.error)}`);
    }
  } finally {
    events.removeListener('drain', onDrain);
    events.removeListener('error', onError);
    events.removeListener('close', onClose);
  }
};
