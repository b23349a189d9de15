import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormUsageError } from '../../src/core/issues';
import { sampleForVerification, sampleSize, verificationRank, type SampleCandidate } from '../../src/privacy/sample';
import type { SampleOptions } from '../../src/privacy/sampleOptions';

const recordsOf = (ids: readonly string[], createdAt = '2026-11-10T02:00:00.000Z'): SampleCandidate[] =>
  ids.map((id) => ({ id, createdAt, updatedAt: createdAt }));
const ids = (n: number, prefix = 'YQ20261110'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
const idsOf = (sample: { readonly records: readonly SampleCandidate[] }): string[] => sample.records.map((record) => record.id);
const NOW = new Date('2027-01-01T00:00:00Z');

/** The draw as an auditor would redo it with any HMAC tool: rank every id, sort, take ceil(share × n). */
const reference = (all: readonly string[], seed: string, share: number): string[] => {
  const ranked = all.map((id) => ({ id, rank: createHmac('sha256', seed).update(id, 'utf8').digest('hex') }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.slice(0, sampleSize(share, all.length)).map((entry) => entry.id);
};

const usageError = (run: () => unknown): FormUsageError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormUsageError);
    return error as FormUsageError;
  }
  throw new Error('expected a FormUsageError');
};

describe('verificationRank', () => {
  it('is HMAC-SHA-256 of the id under the seed, as any tool computes it', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 150 }), fc.string({ unit: 'binary', maxLength: 200 }), (seed, id) => {
      expect(verificationRank(seed, id)).toBe(createHmac('sha256', seed).update(id, 'utf8').digest('hex'));
    }), { numRuns: 300 });
  });

  it('holds at the block boundaries of SHA-256 and for keys longer than a block', () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const id = 'x'.repeat(length);
      for (const seed of ['s', 'k'.repeat(64), 'k'.repeat(65), '密钥'.repeat(40)]) {
        expect(verificationRank(seed, id)).toBe(createHmac('sha256', seed).update(id, 'utf8').digest('hex'));
      }
    }
  });

  it('reads a whole-number seed as its decimal text', () => {
    expect(verificationRank(42, 'YQ1')).toBe(verificationRank('42', 'YQ1'));
  });
});

describe('sampleForVerification', () => {
  it('draws the ceil(share × n) records of lowest rank, as an auditor re-draws them', () => {
    const all = ids(20_000);
    const sample = sampleForVerification(recordsOf(all), { share: 0.1, seed: '2026-11 audit', now: NOW });
    expect(idsOf(sample)).toEqual(reference(all, '2026-11 audit', 0.1));
    expect(sample.records).toHaveLength(2000);
    expect(sample).toMatchObject({ population: 20_000, total: 20_000, skipped: 0 });
    expect(sample.draw).toEqual({
      method: 'hmac-sha256', share: 0.1, size: 2000, from: null, to: null, date: 'createdAt', now: '2027-01-01T00:00:00.000Z', timeZone: 'UTC',
    });
  });

  it('gives the same sample for any order of the same records', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 0, maxLength: 400 }).chain((unique) =>
        fc.tuple(fc.constant(unique), fc.shuffledSubarray(unique, { minLength: unique.length, maxLength: unique.length }))),
      fc.string({ minLength: 1 }),
      fc.double({ min: 0.001, max: 1, noNaN: true }),
      ([unique, shuffled], seed, share) => {
        const a = sampleForVerification(recordsOf(unique), { share, seed, now: NOW });
        const b = sampleForVerification(recordsOf(shuffled), { share, seed, now: NOW });
        expect(idsOf(b)).toEqual(idsOf(a));
        expect(idsOf(a)).toEqual(reference(unique, seed, share));
      },
    ), { numRuns: 200 });
  });

  it('keeps to the sample in a long stream in any order, where it prunes as it goes', () => {
    const all = ids(5000);
    const reversed = [...all].reverse();
    const interleaved = all.filter((_, i) => i % 2 === 0).concat(all.filter((_, i) => i % 2 === 1));
    const expected = reference(all, 'seed', 0.03);
    for (const order of [all, reversed, interleaved]) expect(idsOf(sampleForVerification(recordsOf(order), { share: 0.03, seed: 'seed', now: NOW }))).toEqual(expected);
  });

  it('draws the same sample with the same seed, and mostly another with another seed', () => {
    const records = recordsOf(ids(100));
    const first = idsOf(sampleForVerification(records, { seed: 7, now: NOW }));
    expect(idsOf(sampleForVerification(records, { seed: 7, now: NOW }))).toEqual(first);
    const samples = new Set(Array.from({ length: 50 }, (_, seed) => idsOf(sampleForVerification(records, { seed, now: NOW })).sort().join()));
    expect(samples.size).toBeGreaterThanOrEqual(45);
  });

  it('has ceil(share × n) records, without float noise', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 300 }), (q, p0, n) => {
      const p = (p0 % q) + 1; // 1 <= p <= q
      const expected = Math.floor((p * n + q - 1) / q); // integer ceil(p·n / q)
      const sample = sampleForVerification(recordsOf(ids(n)), { share: p / q, seed: 's', now: NOW });
      expect(sample.records).toHaveLength(expected);
      expect(sample.draw.size).toBe(expected);
    }), { numRuns: 300 });
    expect(sampleSize(0.1, 30)).toBe(3);
    expect(sampleSize(0.1, 5)).toBe(1);
    expect(sampleSize(0.1, 0)).toBe(0);
  });

  it('draws everything with share 1, and the default share is a tenth', () => {
    const all = ids(37);
    expect(new Set(idsOf(sampleForVerification(recordsOf(all), { share: 1, seed: 's', now: NOW })))).toEqual(new Set(all));
    expect(sampleForVerification(recordsOf(all), { seed: 's', now: NOW }).records).toHaveLength(4);
  });

  it('restricts to a period read in the time zone, by creation or by update', () => {
    // Asia/Shanghai is UTC+8: November there runs from 2026-10-31T16:00Z to 2026-11-30T16:00Z.
    const records: SampleCandidate[] = [
      { id: 'oct-last', createdAt: '2026-10-31T15:59:59.999Z', updatedAt: '2026-11-15T00:00:00Z' },
      { id: 'nov-first', createdAt: '2026-10-31T16:00:00.000Z', updatedAt: '2026-10-31T16:00:00.000Z' },
      { id: 'nov-last', createdAt: '2026-11-30T23:59:59+08:00', updatedAt: '2026-11-30T23:59:59+08:00' },
      { id: 'dec-first', createdAt: '2026-11-30T16:00:00Z', updatedAt: '2026-12-02T00:00:00Z' },
    ];
    const drawn = (options: Omit<SampleOptions, 'seed'>): string[] => idsOf(sampleForVerification(records, { share: 1, seed: 's', now: NOW, ...options })).sort();
    expect(drawn({ period: '2026-11', timeZone: 'Asia/Shanghai' })).toEqual(['nov-first', 'nov-last']);
    expect(drawn({ period: '2026-11' })).toEqual(['dec-first', 'nov-last']); // in UTC, nov-first is still October
    expect(drawn({ period: '2026-11', timeZone: 'Asia/Shanghai', date: 'updatedAt' })).toEqual(['nov-first', 'nov-last', 'oct-last']);
    expect(drawn({ period: '2026-Q4', timeZone: 'Asia/Shanghai' })).toEqual(['dec-first', 'nov-first', 'nov-last', 'oct-last']);
    expect(drawn({ period: { from: '2026-11-01T00:00:00+08:00', to: new Date('2026-11-30T16:00:00Z') } })).toEqual(['nov-first', 'nov-last']);
    const sample = sampleForVerification(records, { share: 1, seed: 's', now: NOW, period: '2026-11', timeZone: 'Asia/Shanghai' });
    expect(sample).toMatchObject({ population: 2, total: 4, skipped: 0 });
    expect(sample.draw).toMatchObject({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z', timeZone: 'Asia/Shanghai' });
  });

  it('leaves out records dated after `now`, so a later re-draw over a grown store gives the same sample', () => {
    const before = recordsOf(ids(200), '2026-11-10T02:00:00Z');
    const later = recordsOf(ids(300, 'YQ20261202'), '2026-12-02T02:00:00Z');
    const now = new Date('2026-12-01T00:00:00Z');
    const first = sampleForVerification(before, { seed: 'audit', now });
    const redrawn = sampleForVerification([...later, ...before], { seed: 'audit', now });
    expect(idsOf(redrawn)).toEqual(idsOf(first));
    expect(redrawn).toMatchObject({ population: 200, total: 500 });
  });

  it('gives the same from an async iterable as from an array', async () => {
    const records = recordsOf(ids(500));
    async function* stream() {
      for (const record of records) yield record;
    }
    const promised = sampleForVerification(stream(), { seed: 'x', now: NOW });
    expect(promised).toBeInstanceOf(Promise);
    expect(await promised).toEqual(sampleForVerification(records, { seed: 'x', now: NOW }));
  });

  it('skips and counts items it cannot place, and never throws a TypeError for them', () => {
    const items: unknown[] = [null, 42, 'YQ1', [], {}, { id: '' }, { id: 7, createdAt: '2026-11-01T00:00:00Z' }, { id: 'a' },
      { id: 'b', createdAt: 'yesterday' }, { id: 'c', createdAt: '2026-11-01 08:00' }, { id: 'd', createdAt: '2026-11-01T00:00:00Z' }];
    const sample = sampleForVerification(items as SampleCandidate[], { share: 1, seed: 's', now: NOW });
    expect(idsOf(sample)).toEqual(['d']);
    expect(sample).toMatchObject({ total: 11, skipped: 10, population: 1 });
  });

  it('reads any object with its own id and date, such as an ORM entity', () => {
    class Row {
      readonly id = 'YQ1';
      readonly createdAt = '2026-11-01T00:00:00Z';
    }
    expect(sampleForVerification([new Row()], { share: 1, seed: 's', now: NOW }).records).toEqual([new Row()]);
  });

  it('refuses two records with one id rather than guess which to call', () => {
    const error = usageError(() => sampleForVerification(recordsOf(['a', 'b', 'a']), { share: 1, seed: 's', now: NOW }));
    expect(error.code).toBe('bad-argument');
  });

  it('refuses bad options with bad-option, naming the option', () => {
    const records = recordsOf(['a']);
    const bad: [Record<string, unknown>, string][] = [
      [{ seed: 's', share: 0 }, 'share'], [{ seed: 's', share: 1.5 }, 'share'], [{ seed: 's', share: Number.NaN }, 'share'], [{ seed: 's', share: '0.1' }, 'share'],
      [{ seed: '' }, 'seed'], [{ seed: 1.5 }, 'seed'], [{}, 'seed'], [{ seed: null }, 'seed'], [{ seed: 2 ** 60 }, 'seed'],
      [{ seed: 's', period: 'November' }, 'period'], [{ seed: 's', period: '2026-13' }, 'period'], [{ seed: 's', period: '2025-W53' }, 'period'],
      [{ seed: 's', period: { from: '2026-12-01T00:00:00Z', to: '2026-11-01T00:00:00Z' } }, 'period'], [{ seed: 's', period: { from: '2026-11-01', to: '2026-12-01' } }, 'period'],
      [{ seed: 's', timeZone: 'Mars/Olympus' }, 'timeZone'], [{ seed: 's', date: 'created' }, 'date'], [{ seed: 's', now: new Date(Number.NaN) }, 'now'],
      [{ seed: 's', shar: 0.1 }, 'shar'],
    ];
    for (const [options, option] of bad) {
      const error = usageError(() => sampleForVerification(records, options as never));
      expect([error.code, error.option]).toEqual(['bad-option', option]);
    }
    expect(usageError(() => sampleForVerification(records, { seed: 's', shar: 0.1 } as never)).message).toContain("did you mean 'share'");
    expect(usageError(() => sampleForVerification(42 as never, { seed: 's' })).code).toBe('bad-argument');
  });

  it('rejects bad options of an async draw before reading a record', async () => {
    let read = 0;
    async function* stream() {
      read++;
      yield { id: 'a', createdAt: '2026-11-01T00:00:00Z' };
    }
    await expect(sampleForVerification(stream(), { seed: 's', share: 2 })).rejects.toMatchObject({ code: 'bad-option', option: 'share' });
    expect(read).toBe(0);
  });

  it('chooses each record with probability about share over many seeds', () => {
    const all = ids(20);
    const chosen = new Map(all.map((id) => [id, 0]));
    const seeds = 400;
    for (let seed = 0; seed < seeds; seed++) {
      for (const id of idsOf(sampleForVerification(recordsOf(all), { share: 0.25, seed: `month-${seed}`, now: NOW }))) chosen.set(id, (chosen.get(id) as number) + 1);
    }
    // 0.25 ± 0.1 is about 4.6 standard deviations (√(0.25 · 0.75 / 400) ≈ 0.022): loose on purpose.
    for (const count of chosen.values()) {
      expect(count / seeds).toBeGreaterThan(0.15);
      expect(count / seeds).toBeLessThan(0.35);
    }
  });
});
