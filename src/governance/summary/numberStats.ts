import { shareOf } from './context';
import type { NumberStats, RatingBucket } from './types';

/** Count, sum, min, max (and stars 1..max for a rating) of numbers fed one at a time. */
export class NumberAccumulator {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private readonly stars: number[] | undefined;

  constructor(stars: number | undefined) {
    this.stars = stars === undefined ? undefined : new Array<number>(stars).fill(0);
  }

  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.stars !== undefined && value >= 1 && value <= this.stars.length) this.stars[value - 1] = (this.stars[value - 1] ?? 0) + 1;
  }

  stats(starLabel: (stars: number) => string): NumberStats {
    const empty = this.count === 0;
    // A floating sum divided back can land a hair outside the values (three 0.1s average 0.10000000000000002).
    const average = empty ? null : Math.min(this.max, Math.max(this.min, this.sum / this.count));
    const stats: NumberStats = { count: this.count, sum: this.sum, average, min: empty ? null : this.min, max: empty ? null : this.max };
    if (this.stars === undefined) return stats;
    const distribution: RatingBucket[] = this.stars.map((count, index) => ({ value: index + 1, label: starLabel(index + 1), count, share: shareOf(count, this.count) }));
    return { ...stats, distribution };
  }
}
