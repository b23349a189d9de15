import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Data flows one way — definition -> internal form -> pure functions over values — and imports
// follow it: a folder may import only from folders at a lower rank (or its own). The public facade
// (src/form) and the barrel (src/index.ts) sit on top; the CLI, Node-only, above everything.
const RANK: Readonly<Record<string, number>> = {
  core: 0, logic: 1, pattern: 1, formats: 1, messages: 1, fields: 2, definition: 3, compile: 4,
  validate: 5, typegen: 5, session: 6, records: 6, workflow: 7, governance: 7, export: 8, privacy: 8, effects: 8, requests: 8, form: 9, drafts: 9, cli: 10,
};

const src = new URL('../src', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });

describe('import direction', () => {
  it('every import points down the stages', () => {
    const upward: string[] = [];
    for (const file of files(src)) {
      const folder = relative(src, file).split('/')[0] as string;
      if (!folder.endsWith('.ts') && RANK[folder] === undefined) upward.push(`${folder}: folder without a rank`);
      const rank = RANK[folder] ?? 10;
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
        const target = relative(src, join(file, '..', match[1] as string)).split('/')[0] as string;
        const targetRank = RANK[target] ?? 10;
        if (target !== folder && targetRank >= rank) upward.push(`${relative(src, file)} imports ${match[1]}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the core is browser-clean: no node: imports outside the CLI', () => {
    const nodeImports = files(src)
      .filter((file) => !relative(src, file).startsWith('cli/') && !relative(src, file).startsWith('drafts/'))
      .filter((file) => /from 'node:/.test(readFileSync(file, 'utf8')));
    expect(nodeImports).toEqual([]);
  });
});
