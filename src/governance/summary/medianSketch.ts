/** Up to this many values a median is exact; past it, the values are folded into the sketch. */
const EXACT_LIMIT = 1024;
/** Relative accuracy of the sketch: every value is estimated within 1%. */
const ALPHA = 0.01;
const GAMMA = (1 + ALPHA) / (1 - ALPHA);
const LOG_GAMMA = /* @__PURE__ */ Math.log(GAMMA);

// Bucket keys in value order: 0 for zero, i + 1 for positive values of bucket i, -(i + 1) for negative ones.
const keyOf = (value: number): number => {
  if (value === 0) return 0;
  const bucket = Math.max(0, Math.ceil(Math.log(Math.abs(value)) / LOG_GAMMA));
  return value > 0 ? bucket + 1 : -(bucket + 1);
};
const valueOf = (key: number): number => {
  if (key === 0) return 0;
  const estimate = (2 * GAMMA ** (Math.abs(key) - 1)) / (GAMMA + 1);
  return key > 0 ? estimate : -estimate;
};

/**
 * The median of a stream in bounded memory: exact for up to 1024 values, then a log-bucketed sketch
 * in the manner of DDSketch (Masson et al., 2019), within 1% of the true median for values of 1 and
 * more (durations in whole milliseconds), a few hundred buckets for anything from a second to years.
 */
export class MedianSketch {
  private exact: number[] | undefined = [];
  private readonly buckets = new Map<number, number>();
  private count = 0;

  get approximate(): boolean {
    return this.exact === undefined;
  }

  add(value: number): void {
    this.count++;
    if (this.exact !== undefined) {
      this.exact.push(value);
      if (this.exact.length <= EXACT_LIMIT) return;
      for (const held of this.exact) this.fold(held);
      this.exact = undefined;
      return;
    }
    this.fold(value);
  }

  private fold(value: number): void {
    const key = keyOf(value);
    this.buckets.set(key, (this.buckets.get(key) ?? 0) + 1);
  }

  /** The median (the mean of the two middle values for an even count), or null when empty. */
  median(): number | null {
    if (this.count === 0) return null;
    const low = Math.floor((this.count - 1) / 2);
    const high = Math.ceil((this.count - 1) / 2);
    if (this.exact !== undefined) {
      const sorted = this.exact.slice().sort((a, b) => a - b);
      return ((sorted[low] as number) + (sorted[high] as number)) / 2;
    }
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    let seen = 0;
    let lowValue: number | undefined;
    for (const key of keys) {
      seen += this.buckets.get(key) ?? 0;
      if (lowValue === undefined && seen > low) lowValue = valueOf(key);
      if (seen > high) return ((lowValue as number) + valueOf(key)) / 2;
    }
    return lowValue ?? null;
  }
}
