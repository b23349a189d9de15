// Suggestions beyond this many edits are guesses, and a cap keeps each comparison O(length × cap):
// one misspelt value checked against thousands of long option values stays linear.
const MAX_EDITS = 4;

// The work one "did you mean" may do, in table cells (see cost below). A typo among ten thousand
// 20-character names costs about 2 million, so any real list is searched in full; a hostile one
// (thousands of 2,000-character values) is searched only in part, and the suggestion may be missing.
const CALL_WORK = 2_000_000;

/**
 * Edit distance with transpositions (optimal string alignment), computed only inside the diagonal
 * band |i - j| <= limit (Ukkonen), in rows of 2·limit + 1 cells (cell k of row i is column
 * j = i + k - limit); returns limit + 1 as soon as the distance must exceed `limit`. The three rows
 * are passed in so that one search allocates them once, not once per candidate.
 */
const distance = (a: string, b: string, limit: number, rows: Int32Array[]): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  const width = 2 * limit + 1;
  let [prevPrev, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  prevPrev.fill(over, 0, width);
  prev.fill(over, 0, width);
  for (let j = 0; j <= Math.min(limit, b.length); j++) prev[j + limit] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = over;
    for (let k = 0; k < width; k++) {
      const j = i + k - limit;
      let value = over;
      if (j === 0) value = i;
      else if (j > 0 && j <= b.length) {
        const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        value = Math.min(k + 1 < width ? prev[k + 1]! + 1 : over, k > 0 ? row[k - 1]! + 1 : over, prev[k]! + cost);
        if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, prevPrev[k]! + 1);
      }
      row[k] = value > over ? over : value;
      if (value < best) best = value;
    }
    if (best > limit) return over;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[b.length - a.length + limit]!;
};

/** What comparing against a candidate may cost: reading it, then at most one band row per character of the name. */
const cost = (name: string, candidate: string, limit: number): number => candidate.length + 1 + name.length * (2 * limit + 1);

/**
 * How much work suggestions may still do, in the units of `cost`. A compile shares one budget across
 * all its issues, so that thousands of misspelt names against thousands of long candidates stay
 * linear: past the budget, issues simply come without a "did you mean".
 */
export interface SuggestBudget {
  remaining: number;
}

/** The candidate a typo most likely meant, or undefined when none is close enough to suggest (or finding it would cost too much). */
export const closest = (name: string, candidates: Iterable<string>, budget?: SuggestBudget): string | undefined => {
  if (budget !== undefined && budget.remaining <= 0) return undefined;
  const lower = name.toLowerCase();
  const limit = Math.min(MAX_EDITS, Math.max(1, Math.floor(name.length / 3)));
  const rows = [0, 1, 2].map(() => new Int32Array(2 * limit + 1));
  let allowance = Math.min(CALL_WORK, budget?.remaining ?? CALL_WORK);
  let spent = 0;
  let best: string | undefined;
  let bestDistance = limit + 1;
  try {
    for (const candidate of candidates) {
      // Lengths decide most candidates before any copy or table: a name of 57 characters cannot be
      // one of 20 within four edits.
      if (Math.abs(candidate.length - name.length) >= bestDistance) {
        spent += 1;
        if (spent >= allowance) break;
        continue;
      }
      spent += cost(name, candidate, bestDistance - 1);
      if (spent > allowance) break;
      const other = candidate.toLowerCase();
      if (other === lower) return candidate;
      const d = distance(lower, other, bestDistance - 1, rows);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
        if (d === 0) break;
      }
    }
  } finally {
    if (budget !== undefined) budget.remaining -= spent;
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
