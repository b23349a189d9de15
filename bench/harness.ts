/** Runs `fn` in timed rounds after a warm-up and returns the median operations per second. */
export const measure = (fn: () => unknown, { rounds = 7, roundMs = 300 } = {}): number => {
  const warmUntil = performance.now() + 200;
  while (performance.now() < warmUntil) fn();
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (let i = 0; i < 100; i++) fn();
      count += 100;
      elapsed = performance.now() - start;
    }
    rates.push((count / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] as number;
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
