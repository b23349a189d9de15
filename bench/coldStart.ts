import { execFileSync } from 'node:child_process';

/**
 * The first `compileForm` in a fresh process, as a page or a serverless function meets it: each
 * sample is a new Node process that imports the built package (dist/, so `npm run build` first),
 * reads the definition, then times only the compile. Returns the median and the spread in ms.
 */
export const coldStart = (definitionFile: string, samples = 15): { median: number; min: number; max: number; importMs: number } => {
  const script = `
    const { readFileSync } = await import('node:fs');
    const started = performance.now();
    const { compileForm } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
    const imported = performance.now();
    const definition = JSON.parse(readFileSync(${JSON.stringify(definitionFile)}, 'utf8'));
    const before = performance.now();
    compileForm(definition);
    console.log(JSON.stringify({ compile: performance.now() - before, import: imported - started }));
  `;
  const runs = Array.from({ length: samples }, () =>
    JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { compile: number; import: number });
  const times = runs.map((run) => run.compile).sort((a, b) => a - b);
  const imports = runs.map((run) => run.import).sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)] as number,
    min: times[0] as number,
    max: times[times.length - 1] as number,
    importMs: imports[Math.floor(imports.length / 2)] as number,
  };
};
