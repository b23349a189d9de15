import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionFormatMarkdown, FIELD_SAMPLES } from '../scripts/write-docs';
import { definitionSchema } from '../src/definition/definitionSchema';
import { FIELD_KINDS, FIELD_TYPES } from '../src/fields/registry';
import { compileForm, FormDefinitionError } from '../src/index';

const committed = readFileSync(new URL('../docs/definition-format.md', import.meta.url), 'utf8');
const topLevelKeys = Object.keys(definitionSchema.properties as Record<string, unknown>);

/** The issues a definition is refused with; [] when it compiles. */
const issuesOf = (definition: unknown): string[] => {
  try {
    compileForm(definition);
    return [];
  } catch (error) {
    if (error instanceof FormDefinitionError) return error.issues.map((issue) => `${issue.code} at ${issue.path}: ${issue.message}`);
    throw error;
  }
};

const jsonBlocks = (markdown: string): unknown[] =>
  [...markdown.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((match) => JSON.parse(match[1] as string) as unknown);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

describe('docs/definition-format.md', () => {
  it('is what scripts/write-docs.ts generates (run `npx tsx scripts/write-docs.ts` after changing the schema, a field unit or the template)', () => {
    expect(committed).toBe(definitionFormatMarkdown());
  });

  it('names every top-level key of the schema', () => {
    const missing = topLevelKeys.filter((key) => !committed.includes(`| \`${key}\` |`));
    expect(missing).toEqual([]);
  });

  it('has a section for every field type', () => {
    const missing = FIELD_TYPES.filter((type) => !committed.includes(`\n### \`${type}\`\n`));
    expect(missing).toEqual([]);
  });

  it('shows only definitions that compile: whole forms, fragments of one (merged into the complete example) and fields', () => {
    const blocks = jsonBlocks(committed);
    const complete = blocks.find((block) => isObject(block) && block.id === 'customer-intake');
    if (!isObject(complete)) throw new Error('the complete example is missing');
    let checked = 0;
    for (const block of blocks) {
      if (!isObject(block)) continue;
      let definition: unknown;
      if (Array.isArray(block.sections)) definition = block;
      else if (Object.keys(block).every((key) => topLevelKeys.includes(key))) definition = { ...complete, ...block };
      else if (typeof block.type === 'string' && typeof block.id === 'string') {
        // With the fields the type's sample reads (a computed field's inputs).
        const companions = (FIELD_SAMPLES as Record<string, { companions?: readonly unknown[] }>)[block.type]?.companions ?? [];
        definition = { id: 'doc-field', version: 1, title: 'T', roles: ['admin'], sections: [{ id: 'main', fields: [...companions, block] }] };
      } else continue;
      checked++;
      expect(issuesOf(definition), JSON.stringify(block).slice(0, 80)).toEqual([]);
    }
    expect(checked).toBeGreaterThanOrEqual(FIELD_TYPES.length + 4);
  });

  it('each field type\'s example answer is valid for the sample definition shown with it', () => {
    for (const type of FIELD_TYPES) {
      const { field, companions = [], input } = FIELD_SAMPLES[type];
      const form = compileForm({ id: 'sample', version: 1, title: 'T', roles: ['admin'], sections: [{ id: 'main', fields: [...companions, field] }] });
      const example = FIELD_KINDS[type].example;
      const result = form.validate(input ?? { [field.id]: example }, { role: 'admin' });
      expect(result.errors, type).toEqual([]);
      expect(result.values[field.id], type).toEqual(example);
    }
  });
});
