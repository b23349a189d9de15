import { readdirSync, readFileSync } from 'node:fs';

/** Every example definition in this folder, parsed, by file name. */
export const loadExampleDefinitions = (): { file: string; definition: Record<string, unknown> }[] => {
  const folder = new URL('.', import.meta.url);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, definition: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Record<string, unknown> }));
};

/** The variants in examples/variants/ (each `extends` a form of this folder), parsed, by file name. */
export const loadVariantDefinitions = (): { file: string; definition: Record<string, unknown> }[] => {
  const folder = new URL('variants/', import.meta.url);
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, definition: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as Record<string, unknown> }));
};

/** compileForm's `resolve` over the examples and their variants: the definition with that id and version, if any. */
export const resolveExample = (ref: { readonly id: string; readonly version: number }): Record<string, unknown> | undefined =>
  [...loadExampleDefinitions(), ...loadVariantDefinitions()]
    .map(({ definition }) => definition)
    .find((definition) => definition.id === ref.id && definition.version === ref.version);
