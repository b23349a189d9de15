import { FormUsageError } from '../core/issues';
import { hasOwn } from '../core/reserved';
import { parseInstant } from './parseInstant';
import { onePass } from './onePass';
import { hexOf, hmacSha256 } from './sampleHash';
import { readSampleOptions, type SampleOptions, type SampleOptionsRead } from './sampleOptions';

/** What a record needs to be drawn: an id, and the date the period is read from (a FormRecord has both). */
export interface SampleCandidate {
  readonly id: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

/** How a sample was drawn: with the seed (kept apart, by whoever keeps the audit file), all it takes to draw it again. */
export interface VerificationDraw {
  readonly method: 'hmac-sha256';
  readonly share: number;
  /**
   * ceil(share × population). `records` holds fewer only if fewer than that many ranks fell under the
   * running bound (see `boundAt`), a chance below e^-40.
   */
  readonly size: number;
  /** The period's instants, ISO 8601 in UTC; null without a period. */
  readonly from: string | null;
  readonly to: string | null;
  readonly date: 'createdAt' | 'updatedAt';
  /** Records dated after this were left out. */
  readonly now: string;
  readonly timeZone: string;
}

export interface VerificationSample<R> {
  /** The records drawn, in draw order (ascending rank): call them in this order. */
  readonly records: readonly R[];
  /** Records the draw was made from: dated in the period, and not after `now`. */
  readonly population: number;
  /** Items read: population, items outside the period or after `now`, and `skipped`. */
  readonly total: number;
  /** Items without an id or without a readable ISO 8601 date (with an offset) to place them in time. */
  readonly skipped: number;
  readonly draw: VerificationDraw;
}

/**
 * A record's rank in the draw: the lowercase hex HMAC-SHA-256 of its id (UTF-8) under the seed
 * (UTF-8; a whole number as its decimal text). The sample is the records of lowest rank, so an
 * auditor can re-draw it with any HMAC tool: `printf %s "$id" | openssl dgst -sha256 -hmac "$seed"`.
 */
export const verificationRank = (seed: string | number, id: string): string =>
  hexOf(hmacSha256(readSampleOptions({ seed }).seed)(id));

// A rank's first 53 bits as a number in [0, 1): what the running bound is compared with.
const unitOf = (words: Uint32Array): number => ((words[0] as number) * 2 ** 21 + ((words[1] as number) >>> 11)) / 2 ** 53;

const LOG_MISS = 40;

/**
 * The rank below which every drawn record must lie, once `seen` records were read: share plus a
 * margin that shrinks as records come. Of `seen` ranks, uniform in [0, 1), fewer than share × seen
 * fall under it with probability below e^-40 (a Chernoff bound: the margin is √(2·share·L/n) + 2L/n,
 * L = 40). Only records under it are kept, so memory follows the sample, not the customer base; and
 * as it only falls, a record dropped early would have been dropped at the end anyway, whatever the
 * order of the input.
 */
const boundAt = (share: number, seen: number): number => share + Math.sqrt((2 * share * LOG_MISS) / seen) + (2 * LOG_MISS) / seen;

/** ceil(share × n), ignoring the float noise of the product (0.1 × 30 is 3.0000000000000004, not more than 3). */
export const sampleSize = (share: number, population: number): number => {
  const exact = share * population;
  return Math.ceil(exact - exact * 1e-12);
};

interface Candidate<R> {
  readonly item: R;
  readonly id: string;
  readonly unit: number;
  readonly words: Uint32Array;
}

const compareCandidates = <R>(a: Candidate<R>, b: Candidate<R>): number => {
  if (a.unit !== b.unit) return a.unit - b.unit;
  for (let i = 0; i < 8; i++) if (a.words[i] !== b.words[i]) return (a.words[i] as number) - (b.words[i] as number);
  return 0;
};

const startDraw = <R>(options: SampleOptionsRead) => {
  const mac = hmacSha256(options.seed);
  let candidates: Candidate<R>[] = [];
  let pruneAt = 64;
  let total = 0;
  let skipped = 0;
  let population = 0;

  const feed = (item: unknown): void => {
    total++;
    // Any object with its own id and date: an ORM's row is an instance of its entity class.
    const object = typeof item === 'object' && item !== null ? (item as Readonly<Record<string, unknown>>) : undefined;
    const id = object !== undefined && hasOwn(object, 'id') ? object.id : undefined;
    const time = typeof id === 'string' && id !== '' && hasOwn(object as object, options.date) ? parseInstant((object as Readonly<Record<string, unknown>>)[options.date]) : Number.NaN;
    if (Number.isNaN(time)) {
      skipped++;
      return;
    }
    if (time > options.now || (options.from !== undefined && (time < options.from || time >= (options.to as number)))) return;
    population++;
    const words = mac(id as string);
    const unit = unitOf(words);
    const bound = boundAt(options.share, population);
    if (unit >= bound) return;
    candidates.push({ item: item as R, id: id as string, unit, words });
    if (candidates.length >= pruneAt) {
      candidates = candidates.filter((candidate) => candidate.unit < bound);
      pruneAt = Math.max(64, 2 * candidates.length);
    }
  };

  const finish = (): VerificationSample<R> => {
    const size = sampleSize(options.share, population);
    const bound = boundAt(options.share, population);
    const kept = candidates.filter((candidate) => candidate.unit < bound).sort(compareCandidates);
    for (let i = 1; i < kept.length; i++) {
      if ((kept[i] as Candidate<R>).id === (kept[i - 1] as Candidate<R>).id) {
        throw new FormUsageError('bad-argument', 'sampleForVerification: two records share an id; pass each file once (its latest revision)');
      }
    }
    return {
      records: kept.slice(0, size).map((candidate) => candidate.item),
      population, total, skipped,
      draw: {
        method: 'hmac-sha256', share: options.share, size,
        from: options.from === undefined ? null : new Date(options.from).toISOString(),
        to: options.to === undefined ? null : new Date(options.to).toISOString(),
        date: options.date, now: new Date(options.now).toISOString(), timeZone: options.timeZone,
      },
    };
  };
  return { feed, finish };
};

/**
 * The monthly verification draw: `share` of the files (a tenth by default), chosen by a keyed hash
 * so that the draw is random to anyone without the seed and reproducible by anyone with it. Every
 * record gets its rank (`verificationRank`: HMAC-SHA-256 of its id under the seed); the sample is
 * the ceil(share × n) records of lowest rank among the n dated in `period` and not after `now` —
 * ceil, so that a tenth of 5 files is 1, never 0, and at least the share is called. The same
 * records and seed give the same sample in any input order. Ids must be unique: two records with
 * one id among the lowest ranks are a FormUsageError (`bad-argument`). Memory follows the sample
 * (see `boundAt`). Synchronous for an iterable, a Promise for an async iterable; bad options are a
 * FormUsageError (`bad-option`) before any record is read.
 */
export function sampleForVerification<R extends SampleCandidate>(records: Iterable<R>, options: SampleOptions): VerificationSample<R>;
export function sampleForVerification<R extends SampleCandidate>(records: AsyncIterable<R>, options: SampleOptions): Promise<VerificationSample<R>>;
export function sampleForVerification<R extends SampleCandidate>(records: Iterable<R> | AsyncIterable<R>, options: SampleOptions): VerificationSample<R> | Promise<VerificationSample<R>>;
export function sampleForVerification<R extends SampleCandidate>(records: Iterable<R> | AsyncIterable<R>, options: SampleOptions): VerificationSample<R> | Promise<VerificationSample<R>> {
  return onePass(records, 'sampleForVerification', () => startDraw<R>(readSampleOptions(options)));
}
