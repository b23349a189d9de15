// Suggestions beyond this many edits are guesses, and a cap keeps each comparison O(length × cap):
// one misspelt value checked against thousands of long option values stays linear.
const MAX_EDITS = 4;

/**
 * Edit distance with transpositions (optimal string alignment), computed only inside the diagonal
 * band |i - j| <= limit, in rows of 2·limit + 1 cells (cell k of row i is column j = i + k - limit);
 * returns limit + 1 as soon as the distance must exceed `limit`.
 */
const distance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  const width = 2 * limit + 1;
  let prevPrev = new Array<number>(width).fill(over);
  let prev = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(limit, b.length); j++) prev[j + limit] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(width).fill(over);
    let best = over;
    for (let k = 0; k < width; k++) {
      const j = i + k - limit;
      if (j < 0 || j > b.length) continue;
      let value: number;
      if (j === 0) value = i;
      else {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        value = Math.min((prev[k + 1] ?? over) + 1, (row[k - 1] ?? over) + 1, (prev[k] ?? over) + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[k] ?? over) + 1);
      }
      row[k] = Math.min(value, over);
      if (value < best) best = value;
    }
    if (best > limit) return over;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length - a.length + limit] ?? over;
};

/**
 * How many candidates suggestions may still look at. A compile shares one budget across all its
 * issues, so that ten thousand misspelt names against ten thousand fields stay linear: past the
 * budget, issues simply come without a "did you mean".
 */
export interface SuggestBudget {
  remaining: number;
}

/** The candidate a typo most likely meant, or undefined when none is close enough to suggest. */
export const closest = (name: string, candidates: Iterable<string>, budget?: SuggestBudget): string | undefined => {
  if (budget !== undefined && budget.remaining <= 0) return undefined;
  const lower = name.toLowerCase();
  const limit = Math.min(MAX_EDITS, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (budget !== undefined && budget.remaining-- <= 0) break;
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    if (Math.abs(other.length - lower.length) >= bestDistance) continue;
    const d = distance(lower, other, bestDistance - 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
};

/** Several candidate lists as one, read lazily: nothing is copied unless a suggestion is looked for. */
export function* concat<T>(...lists: readonly Iterable<T>[]): Iterable<T> {
  for (const list of lists) yield* list;
}

/** A list seen through a function, lazily. */
export function* mapped<T, U>(list: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of list) yield map(item);
}
