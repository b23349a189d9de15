import { createWriteStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { endStream, openAtomicFile, type OutputFile } from './atomicFile';
import { fsReason } from './fsReason';
import { FileError } from './io';

const statOrUndefined = async (path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> => {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
};

/**
 * Opens the output: a regular file (new or existing) is written atomically (see openAtomicFile),
 * beside the file a symbolic link points to so the link stays a link. A device or a FIFO
 * (/dev/null, a named pipe) is written straight through: renaming over it would replace the device.
 */
export const openOutputFile = async (target: string, shown: string): Promise<OutputFile> => {
  const existing = await statOrUndefined(target);
  if (existing === undefined || existing.isFile()) {
    return openAtomicFile(existing === undefined ? target : await realpath(target), shown);
  }
  const stream = createWriteStream(target, { flags: 'w' });
  stream.on('error', () => undefined);
  try {
    await once(stream, 'ready');
  } catch (error) {
    throw new FileError(`cannot write ${shown}: ${fsReason(error)}`);
  }
  return {
    stream,
    async commit() {
      try {
        await endStream(stream);
      } catch (error) {
        throw new FileError(`cannot write ${shown}: ${fsReason(error)}`);
      }
    },
    async abort() {
      if (!stream.destroyed) stream.destroy();
    },
  };
};
