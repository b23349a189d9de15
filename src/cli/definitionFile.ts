import { readFile, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';

/** Far above any real form (the examples are 10–30 kB); a file larger than this is not a definition. */
export const MAX_DEFINITION_BYTES = 16 * 1024 * 1024;

/** Why a path cannot hold a definition: a device, a pipe or a directory, or a file too large; undefined if it may. */
const refusal = (info: { isFile(): boolean; size: number }): string | undefined =>
  !info.isFile() ? 'not a regular file' : info.size > MAX_DEFINITION_BYTES ? 'larger than 16 MB' : undefined;

/**
 * A definition file's bytes, read only when it is a regular file of a sane size: `/dev/zero` or a
 * named pipe would otherwise fill memory or wait forever. Throws the system's error, or an Error
 * whose `code` is `not-a-file` / `too-large`.
 */
export const readDefinitionBytes = async (path: string): Promise<Uint8Array> => {
  const why = refusal(await stat(path));
  if (why !== undefined) throw Object.assign(new Error(why), { code: why === 'not a regular file' ? 'not-a-file' : 'too-large' });
  return readFile(path);
};

/** Whether a file may be read synchronously as a candidate base: regular and of a sane size. */
export const isReadableDefinition = (path: string): boolean => {
  try {
    return refusal(statSync(path)) === undefined;
  } catch {
    return false;
  }
};
