/**
 * Measures several implementations in interleaved rounds (A B C A B C …) after a warm-up, so that
 * drift on a busy machine (another process, CPU frequency) touches all of them alike; returns the
 * median operations per second of each.
 */
export const compare = (fns: readonly (() => unknown)[], { rounds = 9, roundMs = 250 } = {}): number[] => {
  for (const fn of fns) {
    const warmUntil = performance.now() + 200;
    while (performance.now() < warmUntil) fn();
  }
  const rates: number[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, index) => {
      let count = 0;
      const start = performance.now();
      let elapsed = 0;
      while (elapsed < roundMs) {
        for (let i = 0; i < 100; i++) fn();
        count += 100;
        elapsed = performance.now() - start;
      }
      (rates[index] as number[]).push((count / elapsed) * 1000);
    });
  }
  return rates.map((list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  });
};

/** Median milliseconds of `fn` over `times` runs: for slow operations such as compiling a form. */
export const timeMs = (fn: () => unknown, times = 30): number => {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
};
