import { readdir, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** A definition file to check, or a named path that gave none. */
export type CheckTarget =
  | { readonly file: string; readonly absolute: string }
  /** `reason`: the system's code (ENOENT, EACCES, …), or `no-json` for a directory without definitions. */
  | { readonly file: string; readonly unreadable: string };

const codeOf = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'failed';
};

/** `forms` + `a.json` written the way the user wrote `forms` (`forms/`, `./forms`), not normalised. */
const inside = (directory: string, name: string): string => (/[\\/]$/.test(directory) ? `${directory}${name}` : `${directory}${sep}${name}`);

/**
 * The files the arguments name, in order: a file as itself, a directory as every *.json file
 * directly in it, by name (its subdirectories are not entered: name them, or let the shell expand
 * `forms/**\/*.json`). A file named twice (`forms/a.json forms/`) is checked once, under its first
 * name. Paths resolve against `cwd` and keep the spelling given.
 */
export const listTargets = async (given: readonly string[], cwd: string): Promise<CheckTarget[]> => {
  const targets: CheckTarget[] = [];
  const seen = new Set<string>();
  const add = (file: string, absolute: string): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    targets.push({ file, absolute });
  };
  for (const file of given) {
    const absolute = resolve(cwd, file);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch (error) {
      targets.push({ file, unreadable: codeOf(error) });
      continue;
    }
    if (!isDirectory) {
      add(file, absolute);
      continue;
    }
    let names: string[];
    try {
      names = (await readdir(absolute)).filter((name) => name.toLowerCase().endsWith('.json')).sort();
    } catch (error) {
      targets.push({ file, unreadable: codeOf(error) });
      continue;
    }
    const before = targets.length;
    for (const name of names) {
      const path = resolve(absolute, name);
      // Only files: a directory called `old.json` is not a definition. A broken link is read, and reported, as a file.
      const isFile = await stat(path).then((info) => info.isFile(), () => true);
      if (isFile) add(inside(file, name), path);
    }
    if (targets.length === before && !names.some((name) => seen.has(resolve(absolute, name)))) targets.push({ file, unreadable: 'no-json' });
  }
  return targets;
};
