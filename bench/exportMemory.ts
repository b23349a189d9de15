// Run as `node --import tsx bench/exportMemory.ts <csv|xlsx> <rows>`: streams that many generated
// intake records through the built package's exporter into a sink that drops the bytes, sampling
// RSS as it goes, and prints JSON: rows, bytes, seconds, RSS at the start, after the first tenth
// (warmed up), at its peak and at the end (MB); growth is the peak over the warmed-up RSS: a stream
// that held rows would grow with them, a flat one only saw-tooths with the garbage collector.
const distPath: string = '../dist/index.js';
const { compileForm } = (await import(distPath)) as typeof import('../src/index');
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { generatedIntakeValues } from '../examples/records';

const format = (process.argv[2] ?? 'csv') as 'csv' | 'xlsx';
const rows = Number(process.argv[3] ?? 1_000_000);
const definition = JSON.parse(readFileSync(new URL('../examples/customer-intake.json', import.meta.url), 'utf8')) as unknown;
const form = compileForm(definition);
const exporter = form.exporter({ format, role: 'clerk' });

const mb = (bytes: number): number => Math.round((bytes / 1_048_576) * 10) / 10;
const samples: number[] = [];
let bytes = 0;
const sink = new Writable({
  highWaterMark: 1 << 20,
  write(chunk: Buffer | string, _encoding, done) {
    bytes += chunk.length;
    done();
  },
});
function* records(): Generator<Record<string, unknown>> {
  let index = 0;
  for (const values of generatedIntakeValues(rows, 11)) {
    if (index++ % 10_000 === 0) samples.push(process.memoryUsage().rss);
    yield values;
  }
}
const start = performance.now();
const rssStart = process.memoryUsage().rss;
await exporter.pipe(records(), sink);
const seconds = (performance.now() - start) / 1000;
const warm = samples[Math.floor(samples.length / 10)] ?? rssStart;
const peak = Math.max(...samples);
console.log(JSON.stringify({
  format, rows, bytes, seconds: Math.round(seconds * 10) / 10,
  rssStartMb: mb(rssStart), rssWarmMb: mb(warm), rssPeakMb: mb(peak), rssEndMb: mb(process.memoryUsage().rss),
  growthMb: mb(peak - warm),
  curveMb: process.env.CURVE ? samples.filter((_, i) => i % 10 === 0).map(mb) : undefined,
}));
