import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileForm } from '../../src/index';
import { internalFormOf } from '../../src/form/internal';
import { valuesTypeModule } from '../../src/typegen/valuesType';
import { loadExampleDefinitions } from '../../examples/loadExamples';
import { AGREE, typeCheck } from './tsProgram';
import { FEATURES, HOSTILE } from './fixtures';

// `formloom types` reads the compiled form; `InferValues` reads a definition's literal type. They are
// two implementations of one rule, so they are held equal on every example and on fixtures that use
// every field type and every rule of required keys: the generated text and the inferred type of the
// same definition, written as an `as const` literal, must agree key by key (see AGREE).

const checkFiles = (name: string, jsonText: string): Record<string, string> => {
  const generated = valuesTypeModule(internalFormOf(compileForm(JSON.parse(jsonText))), { name: 'Generated' });
  return {
    [`test-output/agree/${name}.generated.ts`]: generated,
    [`test-output/agree/${name}.check.ts`]: `import type { InferValues } from '../../src/definition/inferValues';
import { compileForm, type CompiledForm, type FormDefinition } from '../../src/index';
import type { Generated } from './${name}.generated';
${AGREE}
const definition = ${jsonText.trim()} as const;
export const inferred: Agree<Generated, InferValues<typeof definition>> = true;
// The same through compileForm's overload for literal definitions, for a definition the
// FormDefinition type accepts (one it does not gets CompiledForm<FormValues>: test/types/typedForms.ts).
const form = compileForm(definition);
export const compiled: typeof definition extends FormDefinition ? Agree<Generated, typeof form extends CompiledForm<infer V> ? V : never> : true = true;
`,
  };
};

describe('formloom types and InferValues agree', () => {
  it('on every example, and through compileForm(definition as const)', () => {
    const examples = loadExampleDefinitions();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const files = Object.assign({}, ...examples.map(({ file }) =>
      checkFiles(file.replace(/\.json$/, ''), readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'))));
    expect(typeCheck(files)).toEqual([]);
  });

  it('on fixtures using every field type, every required-key rule, and hostile option values', () => {
    expect(typeCheck({ ...checkFiles('features', JSON.stringify(FEATURES, null, 2)), ...checkFiles('hostile', JSON.stringify(HOSTILE, null, 2)) })).toEqual([]);
  });

  it('is a check that can fail: a missing optional key, a wider union, a required key made optional, a row key', () => {
    const cases = [
      ['{ a: string; b?: number }', '{ a: string }'],
      ['{ a: "x" }', '{ a: "x" | "y" }'],
      ['{ a: string }', '{ a?: string }'],
      ['{ rows?: ReadonlyArray<{ x: string; y?: number }> }', '{ rows?: ReadonlyArray<{ x: string }> }'],
      ['{ rows?: ReadonlyArray<{ x: string }> }', '{ rows?: ReadonlyArray<{ x?: string }> }'],
      ['{ path?: readonly ["a", "b"] | readonly ["c"] }', '{ path?: readonly ["a", "b"] }'],
    ];
    const files = Object.fromEntries(cases.map(([a, b], index) => [`test-output/agree/differs${index}.ts`, `${AGREE}\nexport const same: Agree<${a}, ${a}> = true;\nexport const differs: Agree<${a}, ${b}> = false;\nexport const reversed: Agree<${b}, ${a}> = false;\n`]));
    expect(typeCheck(files)).toEqual([]);
  });
});
