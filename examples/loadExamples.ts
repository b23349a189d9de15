import { readdirSync, readFileSync } from 'node:fs';

/** Every example definition in this folder, parsed, by file name. */
export const loadExampleDefinitions = (): { file: string; definition: Record<string, unknown> }[] => {
  const folder = new URL('.', import.meta.url);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, definition: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Record<string, unknown> }));
};
