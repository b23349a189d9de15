import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DefinitionResolver } from '../compile/loadBase';
import { isReadableDefinition } from './definitionFile';

const jsonFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
};

/**
 * Finds the base of a variant (`extends: { id, version }`) among the definition files of some
 * folders: by default the variant's own folder and its parent (examples/variants/x.json extends a form
 * in examples/), or those given with --bases. Files are read once, on the first lookup, and only a
 * file that parses and declares an id and version is a candidate; the first folder listed wins.
 */
export const baseResolver = (file: string, cwd: string, bases: readonly string[] | undefined): DefinitionResolver => {
  const folders = bases !== undefined && bases.length > 0 ? bases.map((dir) => resolve(cwd, dir)) : [dirname(file), dirname(dirname(file))];
  let index: Map<string, unknown> | undefined;
  return ({ id, version }) => {
    if (index === undefined) {
      index = new Map();
      // Only regular files of a sane size: a named pipe would block, a huge file would stall every lookup.
      for (const path of folders.flatMap(jsonFiles).filter(isReadableDefinition)) {
        try {
          const definition = JSON.parse(readFileSync(path, 'utf8')) as { id?: unknown; version?: unknown };
          const key = `${String(definition.id)}@${String(definition.version)}`;
          if (typeof definition.id === 'string' && typeof definition.version === 'number' && !index.has(key)) index.set(key, definition);
        } catch {
          // Not a definition: not a candidate.
        }
      }
    }
    return index.get(`${id}@${version}`);
  };
};
