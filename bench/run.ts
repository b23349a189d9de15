// `npm run bench`: formloom against two hand-written baselines of the same form, in one process.
// Writes docs/benchmarks.md. Timings vary by machine; the ratios are what to compare.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
// The built package, as users run it (tsx would put a getter call on every imported binding).
const distPath: string = '../dist/index.js';
const { compileForm } = (await import(distPath)) as typeof import('../src/index');
import { loadExampleDefinitions } from '../examples/loadExamples';
import { NOW, intakeRecord, invalidIntakeRecord } from '../examples/records';
import { closureBaseline, compileBaselineSchema, interpretedBaseline } from './baselines';
import { bigDefinition } from './bigForm';
import { coldStart } from './coldStart';
import { changeLatency, type Latency } from './sessionLatency';
import { execFileSync } from 'node:child_process';
import { compare, timeMs } from './harness';
import { exportThroughput } from './exportThroughput';

// The peers (bench/package.json) stay out of the root program: tsc on CI never sees their packages.
const peerPath: string = './peers/compare.ts';
const { peerSection } = (await import(peerPath)) as { peerSection: () => Promise<{ markdown: string; summary: string }> };
const peerReport = await peerSection();
console.log(peerReport.summary);

const definition = loadExampleDefinitions().find((example) => example.definition.id === 'customer-intake')?.definition;
const cold = coldStart(new URL('../examples/customer-intake.json', import.meta.url).pathname);
const form = compileForm(definition);
const options = { role: 'customer', now: NOW } as const;
const today = '2026-11-23';
const interpreted = interpretedBaseline();
const closures = closureBaseline();

// The three must agree before their speed means anything.
const check = (name: string, valid: boolean, errors: number, expectValid: boolean, expectErrors: number): void => {
  if (valid !== expectValid || errors !== expectErrors) throw new Error(`${name} disagrees: valid=${valid} errors=${errors}`);
};
check('formloom', form.validate(intakeRecord, options).valid, 0, true, 0);
check('formloom invalid', form.validate(invalidIntakeRecord, options).valid, form.validate(invalidIntakeRecord, options).errors.length, false, 3);
for (const [name, run] of [['interpreted', interpreted], ['closures', closures]] as const) {
  check(name, run(intakeRecord, today).valid, run(intakeRecord, today).errors.length, true, 0);
  check(`${name} invalid`, run(invalidIntakeRecord, today).valid, run(invalidIntakeRecord, today).errors.length, false, 3);
}

const names = ['formloom `form.validate`', 'ajv + json-logic-js `apply` (interpreted)', 'ajv + conditions as hand-written closures'];
const validRates = compare([
  () => form.validate(intakeRecord, options), () => interpreted(intakeRecord, today), () => closures(intakeRecord, today),
]);
const invalidRates = compare([
  () => form.validate(invalidIntakeRecord, options), () => interpreted(invalidIntakeRecord, today), () => closures(invalidIntakeRecord, today),
]);
const rows = names.map((name, index) => ({ name, valid: validRates[index] as number, invalid: invalidRates[index] as number }));
const warmCompileMs = timeMs(() => compileForm(definition));
const baselineCompileMs = timeMs(() => compileBaselineSchema());

// Sessions: a change that shows or hides a field, and a read of that field, on the intake form and on
// a 230-field form (the intake repeated ten times), against a full pass over the same values.
const big = compileForm(bigDefinition(definition as Record<string, unknown>));
const bigFields = Object.keys(big.createSession().getSnapshot().fields).length;
const smallLatency = changeLatency(form, 'feedbackType', ['satisfaction', 'complaint'], 'satisfaction');
const bigLatency = changeLatency(big, 'feedbackType_5', ['satisfaction', 'complaint'], 'satisfaction_5');
const memory = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./sessionMemory.ts', import.meta.url).pathname], { encoding: 'utf8' })) as { bytesPerSession: number; collected: boolean };
let recordCount = 0;
const [recordRate] = compare([() => form.createRecord(intakeRecord, { by: 'bench', role: 'customer', now: NOW, counter: () => ++recordCount })], { rounds: 5 });
const exportRates = await exportThroughput(form);
interface StreamMemory { rows: number; bytes: number; seconds: number; rssStartMb: number; rssWarmMb: number; rssPeakMb: number; rssEndMb: number; growthMb: number }
const streamMemory = (format: 'csv' | 'xlsx'): StreamMemory => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', new URL('./exportMemory.ts', import.meta.url).pathname, format, '1000000'], { encoding: 'utf8' })) as StreamMemory;
const csvMemory = streamMemory('csv');
const xlsxMemory = streamMemory('xlsx');
const memoryRow = (name: string, run: StreamMemory): string =>
  `| ${name} | ${fmt(run.rows / run.seconds)} | ${(run.bytes / 1_048_576).toFixed(0)} MB | ${run.rssStartMb} | ${run.rssWarmMb} | ${run.rssPeakMb} | ${run.growthMb} |`;
const us = (latency: Latency): string => `${latency.median.toFixed(1)} | ${latency.p95.toFixed(1)}`;

const [ours, interp, closure] = rows as [typeof rows[0], typeof rows[0], typeof rows[0]];
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
const table = [
  '| implementation | valid record (validations/s) | invalid record, 3 errors (validations/s) |',
  '|---|---:|---:|',
  ...rows.map((row) => `| ${row.name} | ${fmt(row.valid)} | ${fmt(row.invalid)} |`),
].join('\n');

const report = `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores).
Every comparison runs in one process, in interleaved rounds (A B C A B C …) after a warm-up, so that drift on this noisy machine touches every engine alike; timings vary by machine, the ratios are what to compare.

${peerReport.markdown}
## formloom against hand-written baselines (examples/customer-intake.json)

Measured in interleaved rounds (median of 9) on the intake example (examples/customer-intake.json, 23 fields of which 8 staff-only, two conditional requirements, two visibility conditions, one date rule) and the same records (examples/records.ts), as role \`customer\`; the script first checks that they agree on validity and error count.

${table}

Ratios (higher is better for formloom):

| comparison | valid record | invalid record |
|---|---:|---:|
| formloom / ajv + interpreted json-logic-js | ${ratio(ours.valid, interp.valid)} | ${ratio(ours.invalid, interp.invalid)} |
| formloom / ajv + hand-written closures | ${ratio(ours.valid, closure.valid)} | ${ratio(ours.invalid, closure.invalid)} |

Compile time:

| what | ms |
|---|---:|
| formloom \`compileForm\` of the intake form, first in a fresh process (built package; median of ${15} processes, range ${cold.min.toFixed(1)}–${cold.max.toFixed(1)}; importing the package itself took ${cold.importMs.toFixed(1)}) | ${cold.median.toFixed(2)} |
| formloom \`compileForm\`, again in the same process, median of 30 | ${warmCompileMs.toFixed(2)} |
| baseline \`ajv.compile\` of the hand-written schema, median of 30 (new Ajv each time) | ${baselineCompileMs.toFixed(2)} |

Sessions and records (the built package; latencies timed one event at a time, µs):

| what | median µs | p95 µs |
|---|---:|---:|
| session: change + read of a dependent field's visibility, intake form (19 fields) | ${us(smallLatency.session)} |
| full pass (\`evaluate\`) over the same values, intake form | ${us(smallLatency.fullPass)} |
| session: change + read, ${bigFields}-field form | ${us(bigLatency.session)} |
| full pass (\`evaluate\`) over the same values, ${bigFields}-field form | ${us(bigLatency.fullPass)} |

| what | value |
|---|---:|
| heap held by one live session of the intake form, filled in (1,000 sessions, after gc) | ${(memory.bytesPerSession / 1024).toFixed(1)} KB |
| a dropped session with a live subscriber is garbage-collected (no dispose call) | ${memory.collected ? 'yes' : 'NO'} |
| records created per second (\`createRecord\`: validate, defaults, auto id, history) | ${fmt(recordRate as number)} |

Exports (the intake form's records as a clerk sees them: masked phone, name and e-mail, option labels, dates in the form's zone):

| what | rows/s | vs baseline |
|---|---:|---:|
| baseline: \`JSON.stringify\` of each record's values, one line each | ${fmt(exportRates.stringify)} | 1.00× |
| (for scale) \`JSON.stringify\` of each whole FormRecord (values, states, history) | ${fmt(exportRates.stringifyRecord)} | ${ratio(exportRates.stringifyRecord, exportRates.stringify)} |
| masked CSV (\`exporter.toString\`) | ${fmt(exportRates.csv)} | ${ratio(exportRates.csv, exportRates.stringify)} |
| masked JSON Lines (\`exporter.toString\`) | ${fmt(exportRates.jsonl)} | ${ratio(exportRates.jsonl, exportRates.stringify)} |
| masked XLSX (\`exporter.stream\`, deflated) | ${fmt(exportRates.xlsx)} | ${ratio(exportRates.xlsx, exportRates.stringify)} |

Streaming 1,000,000 generated records into a sink through \`exporter.pipe\` (a child process each; RSS in MB: at the start, after the first 100,000 rows, at the peak; growth = peak − after 100,000):

| format | rows/s | output | RSS start | RSS warm | RSS peak | growth |
|---|---:|---:|---:|---:|---:|---:|
${memoryRow('CSV', csvMemory)}
${memoryRow('XLSX', xlsxMemory)}

What the numbers include: formloom's \`validate\` also produces localised messages for errors, cleaned values (hidden,
unknown and forbidden fields removed, computed fields filled) and role checks on every field; the baselines drop hidden
and staff-only fields, validate and check the rule for this one form, knowing it in advance, and return ajv's raw errors.
Timings are never asserted in tests: machines differ, ratios in one process are what this file reports.
`;
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), report);
console.log(table);
console.log(`\nformloom/interpreted: ${ratio(ours.valid, interp.valid)} (valid), ${ratio(ours.invalid, interp.invalid)} (invalid)`);
console.log(`formloom/closures:    ${ratio(ours.valid, closure.valid)} (valid), ${ratio(ours.invalid, closure.invalid)} (invalid)`);
console.log(`compile: cold ${cold.median.toFixed(1)} ms (first in a fresh process), warm ${warmCompileMs.toFixed(2)} ms, baseline ajv.compile ${baselineCompileMs.toFixed(2)} ms`);
console.log(`session change ${bigFields} fields: ${us(bigLatency.session)} µs (full pass ${us(bigLatency.fullPass)}); intake: ${us(smallLatency.session)} (full pass ${us(smallLatency.fullPass)})`);
console.log(`session heap ${(memory.bytesPerSession / 1024).toFixed(1)} KB, collected without dispose: ${memory.collected}; records/s ${fmt(recordRate as number)}`);
console.log(`export rows/s: csv ${fmt(exportRates.csv)} (${ratio(exportRates.csv, exportRates.stringify)} of JSON.stringify), jsonl ${fmt(exportRates.jsonl)}, xlsx ${fmt(exportRates.xlsx)}; 1M rows RSS growth csv ${csvMemory.growthMb} MB, xlsx ${xlsxMemory.growthMb} MB`);
console.log(peerReport.summary);
console.log('wrote docs/benchmarks.md');
