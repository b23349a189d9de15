import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import { closest } from '../core/suggest';
import { parseInstant } from './parseInstant';
import { periodBounds, readTimeZone } from './periods';

/** Options of `sampleForVerification`. */
export interface SampleOptions {
  /** The share of records drawn, in (0, 1]. Default: 0.1 (a tenth of the files each month). */
  readonly share?: number;
  /**
   * What makes the draw: the same records and seed give the same sample. A string, or a whole
   * number (read as its decimal text: 42 and '42' draw alike). Choose it when the period has
   * closed (say, drawn at random and written in the audit file): whoever knows it in advance knows
   * which files will be called.
   */
  readonly seed: string | number;
  /**
   * Only records dated in this period: a key in the form `summarizeAudit` writes ('2026-11',
   * '2026-Q4', '2026-W45', '2026-11-03', in `timeZone`) or instants { from (inclusive), to (exclusive) },
   * each a Date or an ISO 8601 text with an offset. Default: every record.
   */
  readonly period?: string | { readonly from: Date | string; readonly to: Date | string };
  /** Which date places a record in the period: when it was created (default) or last updated. */
  readonly date?: 'createdAt' | 'updatedAt';
  /**
   * The time of the draw: records dated after it are not yet files to draw from, so a re-draw
   * later over a store that has grown since gives the same sample. Default: the current time.
   */
  readonly now?: Date;
  /** IANA zone a period key is read in. Default: UTC. */
  readonly timeZone?: string;
}

/** The options, checked and with their defaults. */
export interface SampleOptionsRead {
  readonly share: number;
  readonly seed: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly date: 'createdAt' | 'updatedAt';
  readonly now: number;
  readonly timeZone: string;
}

const KEYS = ['share', 'seed', 'period', 'date', 'now', 'timeZone'];

const bad = (option: string, problem: string): FormUsageError => new FormUsageError('bad-option', `sampleForVerification: ${problem}`, option);

const readInstant = (value: unknown, key: 'from' | 'to'): number => {
  const time = value instanceof Date ? value.getTime() : parseInstant(value);
  if (Number.isNaN(time)) throw bad('period', `\`period.${key}\` must be a Date or an ISO 8601 time with an offset`);
  return time;
};

const readPeriod = (value: unknown, timeZone: string): { from: number | undefined; to: number | undefined } => {
  if (value === undefined) return { from: undefined, to: undefined };
  if (typeof value === 'string') {
    const bounds = periodBounds(value, timeZone);
    if (bounds === undefined) throw bad('period', "`period` must be a month '2026-11', a quarter '2026-Q4', an ISO week '2026-W45', a day '2026-11-03', or { from, to }");
    return { from: bounds.from.getTime(), to: bounds.to.getTime() };
  }
  if (!isPlainObject(value) || Object.keys(value).some((key) => key !== 'from' && key !== 'to')) throw bad('period', '`period` must be a period key or { from, to }');
  const from = readInstant(value.from, 'from');
  const to = readInstant(value.to, 'to');
  if (to <= from) throw bad('period', '`period.to` must be after `period.from` (the period is from <= date < to)');
  return { from, to };
};

const readSeed = (value: unknown): string => {
  if (typeof value === 'string' && value !== '') return value;
  if (Number.isSafeInteger(value)) return String(value);
  throw bad('seed', '`seed` must be a non-empty string or a whole number (the same seed re-draws the same sample)');
};

/** Every option checked before a single record is read. */
export const readSampleOptions = (options: unknown): SampleOptionsRead => {
  if (!isPlainObject(options)) throw new FormUsageError('bad-argument', 'sampleForVerification needs options { share?, seed, period?, date?, now?, timeZone? }');
  for (const key of Object.keys(options)) {
    if (KEYS.includes(key)) continue;
    const suggestion = closest(key, KEYS);
    throw bad(key, `unknown option '${key}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (options: ${KEYS.join(', ')})`);
  }
  const { share = 0.1, date = 'createdAt', now } = options;
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) throw bad('share', '`share` must be a number above 0 and at most 1 (0.1: a tenth)');
  if (date !== 'createdAt' && date !== 'updatedAt') throw bad('date', "`date` must be 'createdAt' or 'updatedAt'");
  if (now !== undefined && !(now instanceof Date && !Number.isNaN(now.getTime()))) throw bad('now', '`now` must be a valid Date');
  const timeZone = readTimeZone(options.timeZone, 'sampleForVerification');
  return {
    share, seed: readSeed(options.seed), ...readPeriod(options.period, timeZone), date,
    now: now === undefined ? Date.now() : now.getTime(), timeZone,
  };
};
