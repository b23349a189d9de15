import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs after `npm run build`. Where code generation is refused (a page's CSP without 'unsafe-eval';
// here Node's --disallow-code-generation-from-strings), formloom must still work, through the
// reference pass and plain copies, and say exactly what it says with generated code.
const root = new URL('../..', import.meta.url).pathname;
const script = `
import { compileForm } from 'formloom';
import { loadExampleDefinitions } from './examples/loadExamples.ts';
import { SAMPLE_RECORDS, NOW, invalidIntakeRecord } from './examples/records.ts';
let generated = true;
try { new Function('return 1'); } catch { generated = false; }
const out = { generated, results: [] };
for (const { definition } of loadExampleDefinitions()) {
  const form = compileForm(definition);
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
console.log(JSON.stringify(out));
`;

const run = (flags: string[]): { generated: boolean; results: unknown[] } =>
  JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })) as { generated: boolean; results: unknown[] };

describe('without code generation', () => {
  it('validates, evaluates and runs sessions exactly as with it', () => {
    const refused = run(['--disallow-code-generation-from-strings']);
    const allowed = run([]);
    expect(refused.generated).toBe(false);
    expect(allowed.generated).toBe(true);
    expect(refused.results.length).toBeGreaterThan(100);
    expect(refused.results).toEqual(allowed.results);
  }, 120_000);
});
