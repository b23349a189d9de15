import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's version, read from its package.json: the nearest one up from this module named
 * formloom (dist/cli.js and src/cli/version.ts sit at different depths).
 */
export const packageVersion = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'formloom' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not here: one level up.
    }
    dir = dirname(dir);
  }
  return 'unknown';
};
