import { openOutputFile } from './outputFile';
import { writeChunks } from './writeChunks';

/**
 * Writes a whole text beside its target and renames it there when complete: a bundler, an editor or
 * `tsc --watch` never reads half a module, and a failure leaves the old file as it was.
 */
export const writeTextFile = async (path: string, shown: string, text: string): Promise<void> => {
  const output = await openOutputFile(path, shown);
  try {
    await writeChunks((async function* one() { yield text; })(), output.stream, shown);
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
};
