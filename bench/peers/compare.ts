/**
 * formloom side by side with SurveyJS, Formily, JSON Forms, Form.io and the practical limit (one
 * ajv validator + JSON Logic compiled to closures), in one process, on the same form
 * (bench/forms/intake.json) and its 200-field version. Every engine must first give formloom's
 * answers (agree.ts), or its speed is not reported. Returns the markdown section for
 * docs/benchmarks.md. Peers come from bench/package.json (`npm run bench:install`).
 */
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { compare } from '../harness';
import { BIG_COPIES, bigInvalidRecord, bigValidRecord } from '../forms/bigIntake';
import { benchInvalidRecord, benchValidRecord } from '../forms/records';
import { checkPeer } from './agree';
import { peers } from './index';
import type { Peer } from './types';

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const quantile = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] as number;

/** Change latency, one event at a time, engines interleaved in rounds so that drift touches all alike. */
const changeLatency = (engines: readonly Peer[], rounds = 12, perRound = 200): { p50: number; p95: number }[] => {
  const sessions = engines.map((peer) => peer.session(BIG_COPIES, bigValidRecord()));
  const samples: number[][] = engines.map(() => []);
  const values = ['complaint', 'satisfaction'];
  for (let round = -1; round < rounds; round++) {
    sessions.forEach((session, index) => {
      for (let i = 0; i < perRound; i++) {
        const value = values[i % 2] as string;
        const start = performance.now();
        session.set('feedbackType_5', value);
        const visible = session.visible('satisfaction_5');
        const elapsed = (performance.now() - start) * 1000;
        if (visible !== (value === 'satisfaction')) throw new Error(`${engines[index]?.name}: wrong visibility after a change`);
        if (round >= 0) (samples[index] as number[]).push(elapsed);
      }
    });
  }
  return samples.map((list) => ({ p50: quantile(list, 0.5), p95: quantile(list, 0.95) }));
};

/** Milliseconds per compile, engines interleaved. */
const compileMs = (fns: readonly (() => unknown)[], times = 15): number[] => {
  const samples: number[][] = fns.map(() => []);
  for (let round = 0; round < times; round++) {
    fns.forEach((fn, index) => {
      const start = performance.now();
      fn();
      (samples[index] as number[]).push(performance.now() - start);
    });
  }
  return samples.map(median);
};

/** What each engine's minimal browser import weighs: esbuild, minified, gzip. */
const ENTRY: Readonly<Record<string, string>> = {
  formloom: "import { compileForm } from 'formloom'; globalThis.x = compileForm;",
  '@jsonforms/core': "import { coreReducer, Actions, createAjv, isVisible } from '@jsonforms/core'; globalThis.x = [coreReducer, Actions, createAjv, isVisible];",
  '@formily/core': "import { createForm } from '@formily/core'; globalThis.x = createForm;",
  'survey-core': "import { Model } from 'survey-core'; globalThis.x = Model;",
  '@formio/core': "import { processSync, Processors } from '@formio/core'; globalThis.x = [processSync, Processors];",
  limit: "import Ajv from 'ajv'; import addFormats from 'ajv-formats'; import { LogicEngine } from 'json-logic-engine'; globalThis.x = [Ajv, addFormats, LogicEngine];",
};
const packageOf = (peer: Peer): string => (peer.name.startsWith('limit') ? 'limit' : peer.name.split(' ')[0] as string);

const bundleGzip = async (entry: string): Promise<number> => {
  const root = new URL('..', import.meta.url).pathname;
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'app.mjs' },
    bundle: true, format: 'esm', platform: 'browser', minify: true, write: false, logLevel: 'silent',
    alias: { formloom: new URL('../../dist/index.js', import.meta.url).pathname },
  });
  return gzipSync(result.outputFiles[0]?.text ?? '', { level: 9 }).length;
};

interface Heap { readonly perForm: number; readonly perSession: number }
const heapOf = (peer: Peer): Heap => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./heap.ts', import.meta.url).pathname, peer.name], { encoding: 'utf8' })) as Heap;

/** A definition formloom has never compiled in this process: ids, labels and limits changed. */
let fresh = 0;
const neverSeen = (definition: { sections: { fields: Record<string, unknown>[] }[] }): unknown => {
  fresh++;
  return {
    ...definition, id: `bench-intake-${fresh}`,
    sections: definition.sections.map((section) => ({
      ...section,
      fields: section.fields.map((field) => ({ ...field, label: `${String((field.label as { en?: string }).en ?? field.id)} ${fresh}`, ...(field.type === 'text' || field.type === 'textarea' ? { maxLength: 500 + fresh } : {}) })),
    })),
  };
};

export const peerSection = async (): Promise<{ markdown: string; summary: string }> => {
  const engines = await peers();
  for (const peer of engines) checkPeer(peer);
  const names = engines.map((peer) => peer.name);
  const ours = 0;

  const forms = engines.map((peer) => peer.compile(0));
  const bigForms = engines.map((peer) => peer.compile(BIG_COPIES));
  const valid = benchValidRecord();
  const invalid = benchInvalidRecord();
  const bigValid = bigValidRecord();
  const bigInvalid = bigInvalidRecord();
  const rounds = { rounds: 7, roundMs: 200 };
  // Between phases the event loop turns, so that dropped Formily forms are unmounted (see formily.ts).
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const validRates = compare(forms.map((form) => () => form.validate(valid)), rounds);
  await turn();
  const invalidRates = compare(forms.map((form) => () => form.validate(invalid)), rounds);
  await turn();
  const bigValidRates = compare(bigForms.map((form) => () => form.validate(bigValid)), rounds);
  await turn();
  const bigInvalidRates = compare(bigForms.map((form) => () => form.validate(bigInvalid)), rounds);
  await turn();
  const latency = changeLatency(engines);
  await turn();
  const compileSame = compileMs(engines.map((peer) => () => peer.compile(0)));
  await turn();
  const { compileForm } = (await import('../../dist/index.js' as string)) as typeof import('../../src/index');
  const { intakeDefinition } = await import('../forms/bigIntake');
  const base = intakeDefinition() as unknown as { sections: { fields: Record<string, unknown>[] }[] };
  const [formloomNeverSeen] = compileMs([() => compileForm(neverSeen(base))]);
  const bundles = await Promise.all(engines.map((peer) => bundleGzip(ENTRY[packageOf(peer)] ?? '')));
  const heaps = engines.map(heapOf);

  const us = (rate: number): string => (1e6 / rate).toFixed(2);
  const ratio = (mine: number, theirs: number): string => {
    const value = mine / theirs;
    return value < 0.01 ? `1/${Math.round(1 / value).toLocaleString('en-US')}` : `${value.toFixed(2)}×`;
  };
  const rows = engines.map((peer, i) => `| ${peer.name} | ${us(validRates[i] as number)} | ${us(invalidRates[i] as number)} | ${us(bigValidRates[i] as number)} | ${us(bigInvalidRates[i] as number)} | ${(latency[i]?.p50 ?? 0).toFixed(1)} | ${(latency[i]?.p95 ?? 0).toFixed(1)} | ${(compileSame[i] as number).toFixed(2)} | ${fmt((heaps[i]?.perForm ?? 0) / 1024)} | ${fmt((heaps[i]?.perSession ?? 0) / 1024)} | ${fmt((bundles[i] as number) / 1024)} |`);
  // Time ratios: formloom's time over the peer's (below 1 = formloom faster).
  const timeRatio = (rates: number[], i: number): string => ratio(rates[i] as number, rates[ours] as number);
  const ratioRows = engines.slice(1).map((peer, j) => {
    const i = j + 1;
    return `| ${peer.name} | ${timeRatio(validRates, i)} | ${timeRatio(invalidRates, i)} | ${timeRatio(bigValidRates, i)} | ${timeRatio(bigInvalidRates, i)} | ${ratio(latency[ours]?.p50 ?? 0, latency[i]?.p50 ?? 1)} | ${ratio(compileSame[ours] as number, compileSame[i] as number)} | ${ratio(bundles[ours] as number, bundles[i] as number)} |`;
  });
  const notes = engines.map((peer) => `- **${peer.name}**: ${peer.notes}`).join('\n');
  const markdown = `## Side by side with the peers

The same form in every engine: bench/forms/intake.json (the intake example's customer-facing fields plus a decision
maker's scope, multiselect sources and a repeating group of service records with a row-scoped condition: 18 fields,
4 per row), and its 200-field version (the flat fields ×${BIG_COPIES}, ${BIG_COPIES * 17} fields). Each engine's form is written by hand in its
own format (bench/peers/*.ts). Before anything is timed, every engine must report exactly the expected error paths on
the valid and invalid records (intake and 200-field), a row-scoped requirement, hidden answers not judged, and the same
visibility as answers change (bench/peers/agree.ts). Records are built by one function, the same shape for every engine.
Throughput: interleaved rounds, median; change: one event at a time, engines interleaved in rounds of 200, 2,400 samples.

| engine | validate valid µs | invalid (3 errors) µs | 200 fields valid µs | 200 fields invalid µs | change 200 fields p50 µs | p95 µs | compile ms | heap per form KB | heap per session KB | bundle gzip KB |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

formloom's time as a share of each peer's (below 1.00× = formloom faster; 1/700 = 700 times faster; bundle: formloom's size over the peer's):

| peer | validate valid | invalid | 200 valid | 200 invalid | change p50 | compile | bundle |
|---|---:|---:|---:|---:|---:|---:|---:|
${ratioRows.join('\n')}

Compile of a definition formloom has never seen in this process (ids, labels and limits changed each time, so no
process-wide cache helps): ${(formloomNeverSeen as number).toFixed(2)} ms, against ${(compileSame[ours] as number).toFixed(2)} ms for the same definition again. The peers keep
no cache across compiles: each of their compiles is a never-seen one. Heap: 200 compiled intake forms (and 200 live
sessions holding the valid record) in a child process, after gc, per item. Bundle: esbuild, minified, browser, the
minimal import each engine's users write (formloom: \`compileForm\`, the whole engine with sessions, records, workflows
and exports; the limit: ajv + ajv-formats + json-logic-engine).

What each engine does in each metric:

${notes}
`;
  const at = (name: string): number => names.findIndex((n) => n.startsWith(name));
  const jf = at('@jsonforms');
  const lim = at('limit');
  const summary = `validate vs JSON Forms ${timeRatio(validRates, jf)} (valid), ${timeRatio(invalidRates, jf)} (invalid); vs the limit ${timeRatio(validRates, lim)}, ${timeRatio(invalidRates, lim)}; change p50 ${(latency[ours]?.p50 ?? 0).toFixed(1)} µs`;
  return { markdown, summary };
};
