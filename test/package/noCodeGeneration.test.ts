import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExampleDefinitions } from '../../examples/loadExamples';

// Runs after `npm run build`. Where code generation is refused (a page's CSP without 'unsafe-eval';
// here Node's --disallow-code-generation-from-strings), formloom must still work, through the
// reference pass and plain copies, and say exactly what it says with generated code. A module
// written by `formloom build` must not even try: every `Function` construction is counted.
const root = new URL('../..', import.meta.url).pathname;
// Inside the package, so that the built modules' `import 'formloom'` resolves by self-reference.
const built = 'test-output/package-build';

const script = (source: 'compile' | 'built'): string => `
let generated = true;
try { new Function('return 1'); } catch { generated = false; }
let attempts = 0;
const Real = Function;
globalThis.Function = new Proxy(Real, {
  construct: (target, args, newTarget) => { attempts++; return Reflect.construct(target, args, newTarget); },
  apply: (target, self, args) => { attempts++; return Reflect.apply(target, self, args); },
});
const { compileForm } = await import('formloom');
const { loadExampleDefinitions } = await import('./examples/loadExamples.ts');
const { SAMPLE_RECORDS, NOW, invalidIntakeRecord } = await import('./examples/records.ts');
const out = { generated, results: [] };
for (const { file, definition } of loadExampleDefinitions()) {
  const form = ${source === 'built' ? "(await import('./" + built + "/' + file.replace(/json$/, 'mjs'))).default" : 'compileForm(definition)'};
  for (const record of [...Object.values(SAMPLE_RECORDS), invalidIntakeRecord, {}, { x: 1 }]) {
    for (const role of [undefined, ...form.roles]) {
      out.results.push(form.validate(record, { role, now: NOW }));
      out.results.push(form.evaluate(record, { role, now: NOW }));
    }
  }
  const session = form.createSession({ now: NOW });
  const [first] = form.definition.sections[0].fields;
  session.send({ type: 'change', path: first.id, value: 'x' });
  session.send({ type: 'submit' });
  out.results.push(session.getSnapshot());
}
out.attempts = attempts;
console.log(JSON.stringify(out));
`;

type Run = { generated: boolean; attempts: number; results: unknown[] };
const run = (flags: string[], source: 'compile' | 'built'): Run =>
  JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script(source)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })) as Run;

describe('without code generation', () => {
  it('validates, evaluates and runs sessions exactly as with it', () => {
    const refused = run(['--disallow-code-generation-from-strings'], 'compile');
    const allowed = run([], 'compile');
    expect(refused.generated).toBe(false);
    expect(allowed.generated).toBe(true);
    expect(allowed.attempts).toBeGreaterThan(0);
    expect(refused.results.length).toBeGreaterThan(100);
    expect(refused.results).toEqual(allowed.results);
  }, 120_000);

  it('runs modules written by the formloom bin with no Function constructed at all, and says the same', () => {
    mkdirSync(new URL(`${built}/`, `file://${root}`), { recursive: true });
    for (const { file } of loadExampleDefinitions()) {
      execFileSync(process.execPath, ['dist/cli.js', 'build', `examples/${file}`, '-o', `${built}/${file.replace(/json$/, 'mjs')}`], { cwd: root, stdio: 'pipe' });
    }
    const precompiled = run(['--disallow-code-generation-from-strings'], 'built');
    const allowed = run([], 'compile');
    expect(precompiled.generated).toBe(false);
    expect(precompiled.attempts).toBe(0);
    expect(precompiled.results).toEqual(allowed.results);
  }, 120_000);
});
