import type { CompiledForm } from '../src/index';

export interface Latency {
  readonly median: number;
  readonly p95: number;
}

const summarize = (samples: number[]): Latency => {
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length * 0.5)] as number, p95: samples[Math.floor(samples.length * 0.95)] as number };
};

/**
 * A change that shows or hides another field, then a read of that field's visibility, as a
 * renderer does on each keystroke: timed one by one (µs), for the session and for a full pass over
 * the same values (what a form without incremental evaluation does). Alternates the two, so
 * machine drift touches both alike.
 */
export const changeLatency = (form: CompiledForm, changePath: string, values: readonly unknown[], readPath: string, rounds = 20_000): { session: Latency; fullPass: Latency } => {
  const session = form.createSession({ role: 'customer' });
  let current: Record<string, unknown> = {};
  const sessionSamples: number[] = [];
  const passSamples: number[] = [];
  for (let i = 0; i < rounds + 2000; i++) {
    const value = values[i % values.length];
    let start = performance.now();
    const visible = session.send({ type: 'change', path: changePath, value }).fields[readPath]?.visible;
    const sessionTime = (performance.now() - start) * 1000;
    current = { ...current, [changePath]: value };
    start = performance.now();
    const reference = form.evaluate(current, { role: 'customer' }).fields[readPath]?.visible;
    const passTime = (performance.now() - start) * 1000;
    if (visible !== reference) throw new Error('the session and the full pass disagree');
    if (i >= 2000) {
      sessionSamples.push(sessionTime);
      passSamples.push(passTime);
    }
  }
  return { session: summarize(sessionSamples), fullPass: summarize(passSamples) };
};
