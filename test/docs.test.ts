import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionFormatMarkdown, FIELD_SAMPLES } from '../scripts/write-docs';
import { definitionSchema } from '../src/definition/definitionSchema';
import { FIELD_KINDS, FIELD_TYPES } from '../src/fields/registry';
import { compileForm, FormDefinitionError, type CompileOptions } from '../src/index';

const committed = readFileSync(new URL('../docs/definition-format.md', import.meta.url), 'utf8');
const topLevelKeys = Object.keys(definitionSchema.properties as Record<string, unknown>);

/** The issues a definition is refused with; [] when it compiles. */
const issuesOf = (definition: unknown, options?: CompileOptions): string[] => {
  try {
    compileForm(definition, options);
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
    // A variant shown extends the complete example.
    const resolve = (ref: { id: string; version: number }): unknown => (ref.id === complete.id && ref.version === complete.version ? complete : undefined);
    for (const block of blocks) {
      if (!isObject(block)) continue;
      let definition: unknown;
      if (isObject(block.extends)) {
        checked++;
        expect(issuesOf(block, { resolve }), JSON.stringify(block).slice(0, 80)).toEqual([]);
        continue;
      }
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

describe('README.md', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('shows only definitions that compile, without warnings, and the "Define a form" example behaves as its notes say', () => {
    const forms = jsonBlocks(readme).filter((block): block is Record<string, unknown> => isObject(block) && Array.isArray(block.sections));
    expect(forms.length).toBeGreaterThanOrEqual(1);
    for (const definition of forms) {
      expect(issuesOf(definition)).toEqual([]);
      expect(compileForm(definition).warnings).toEqual([]);
    }
    const form = compileForm(forms.find((definition) => definition.id === 'service-feedback'));
    const answer = { name: '张伟', mobile: '+86 138-1234-5678', type: 'praise', stars: 5, visits: [{ on: '2024-03-15', solved: true }] };
    const result = form.validate(answer, { role: 'customer', locale: 'en', now: '2026-01-01T00:00:00Z' });
    expect(result.errors.map((error) => `${error.path} ${error.code}`)).toEqual(['visits.0.solution required']);
    expect(form.evaluate({ type: 'complaint' }).fields.stars?.visible).toBe(false);
    expect(form.validate({ ...answer, owner: 'x' }, { role: 'customer' }).errors.map((error) => error.code)).toContain('forbidden');
    expect(form.dedupKeys(answer)).toEqual([{ id: 'mobile', key: 'mobile:13812345678' }]);
  });
});
