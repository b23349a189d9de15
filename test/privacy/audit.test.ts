import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormUsageError } from '../../src/core/issues';
import { internalFormOf } from '../../src/form/internal';
import { maskPlan } from '../../src/governance/maskValues';
import { compileForm } from '../../src/index';
import { revealEntry, type AuditEntry } from '../../src/privacy/audit';
import { revealedFields } from '../../src/privacy/auditFields';
import { summarizeAudit } from '../../src/privacy/auditSummary';
import type { AuditSummarySpec } from '../../src/privacy/auditSummaryTypes';
import { periodBounds, periodOfInstant } from '../../src/privacy/periods';
import { workingCalendar } from '../../src/workflow/workingCalendar';
import { defineForm } from '../helpers';

const form = internalFormOf(compileForm(defineForm([
  { id: 'name', type: 'text', label: '姓名', pii: 'name' },
  { id: 'phone', type: 'text', label: '手机', format: 'cn-mobile' },
  { id: 'email', type: 'text', label: '邮箱', pii: 'email' },
  { id: 'city', type: 'text', label: '城市' },
  {
    id: 'contacts', type: 'group', label: '联系人', fields: [
      { id: 'contactName', type: 'text', label: '联系人姓名', pii: 'name' },
      { id: 'relation', type: 'text', label: '关系' },
    ],
  },
], { masking: { policies: { export: { city: 'full' } }, reveal: { export: ['admin'] } } })));

const usageError = (run: () => unknown): FormUsageError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormUsageError);
    return error as FormUsageError;
  }
  throw new Error('expected a FormUsageError');
};

const entry = (by: string, recordId: string | undefined, at: string, role: string | undefined = 'clerk', fields: string[] = ['phone']): AuditEntry =>
  ({ at, by, ...(role === undefined ? {} : { role }), formId: 'f', ...(recordId === undefined ? {} : { recordId }), fields, purpose: 'mask' });

/** `records` distinct records revealed by `by` on one day of 2026-11, once each. */
const reveals = (by: string, records: number, role = 'clerk'): AuditEntry[] =>
  Array.from({ length: records }, (_, i) => entry(by, `${by}-r${i}`, `2026-11-10T0${i % 8}:00:00Z`, role));

describe('revealEntry', () => {
  it('names the fields revealed, by key and in definition order, never their values', () => {
    const at = new Date('2026-11-03T02:15:00Z');
    const built = revealEntry(form, { by: 'admin-1', role: 'admin', recordId: 'YQ001', fields: ['email', 'contacts.1.contactName', 'name', 'email'], purpose: 'export', now: at });
    expect(built).toEqual({ at: '2026-11-03T02:15:00.000Z', by: 'admin-1', role: 'admin', formId: 'test-form', recordId: 'YQ001', fields: ['name', 'email', 'contacts.contactName'], purpose: 'export' });
    expect(Object.keys(built as object)).toEqual(['at', 'by', 'role', 'formId', 'recordId', 'fields', 'purpose']);
    expect(Object.isFrozen(built)).toBe(true);
    expect(revealEntry(form, { by: 'admin-1', fields: [], purpose: 'mask' })).toBeUndefined();
  });

  it('refuses a field name that is not a field, without repeating it', () => {
    const error = usageError(() => revealEntry(form, { by: 'admin-1', role: 'admin', fields: ['phone', '13812345678'], purpose: 'mask' }));
    expect(error.code).toBe('bad-argument');
    expect(error.message).toContain('fields[1]');
    expect(error.message).not.toContain('13812345678');
    expect(usageError(() => revealEntry(form, { by: 'a', role: 'boss', fields: ['phone'], purpose: 'mask' })).code).toBe('unknown-role');
    expect(usageError(() => revealEntry(form, { by: '', fields: ['phone'], purpose: 'mask' })).option).toBe('by');
    expect(usageError(() => revealEntry(form, { by: 'a', fields: 'phone' as never, purpose: 'mask' })).option).toBe('fields');
    expect(usageError(() => revealEntry(form, { by: 'a', fields: ['phone'], purpose: '' })).option).toBe('purpose');
    expect(usageError(() => revealEntry(form, { by: 'a', fields: ['phone'], purpose: 'mask', now: new Date('x') })).option).toBe('now');
  });

  it('builds entries that never hold a value, from what a reveal showed', () => {
    // Marked, so that no value is a field key or an id by chance ('name', 'admin').
    const text = fc.string({ unit: 'grapheme', minLength: 3, maxLength: 20 }).map((s) => `值${s}`);
    fc.assert(fc.property(text, fc.stringMatching(/^1[3-9]\d{9}$/), text, text, text, (name, phone, city, contactName, relation) => {
      const values = { name, phone, email: `${name.length}x@example.com`, city, contacts: [{ contactName, relation }] };
      const plan = maskPlan(form, 'export', 'admin');
      const fields = revealedFields(form, plan, values);
      expect(fields).toEqual(['name', 'phone', 'email', 'city', 'contacts.contactName']);
      const built = revealEntry(form, { by: 'admin-1', role: 'admin', recordId: 'YQ001', fields, purpose: 'mask', now: new Date(0) });
      const logged = JSON.stringify(built);
      for (const value of [name, phone, values.email, city, contactName, relation]) expect(logged).not.toContain(JSON.stringify(value).slice(1, -1));
    }), { numRuns: 200 });
  });
});

describe('revealedFields', () => {
  const values = { name: '张伟', phone: '13812345678', email: '', city: '杭州', contacts: [{ relation: '配偶' }, { contactName: '李娜' }] };

  it('lists what a revealing role sees in plain that others see masked, answered fields only', () => {
    expect(revealedFields(form, maskPlan(form, 'export', 'admin'), values)).toEqual(['name', 'phone', 'city', 'contacts.contactName']);
    expect(revealedFields(form, maskPlan(form, 'export', 'admin'), { ...values, contacts: [{ relation: '配偶' }] })).toEqual(['name', 'phone', 'city']);
  });

  it('is empty for a masked read: no reveal, nothing to log', () => {
    expect(revealedFields(form, maskPlan(form, 'export', 'clerk'), values)).toEqual([]);
    expect(revealedFields(form, maskPlan(form, 'export', undefined), values)).toEqual([]);
    expect(revealedFields(form, maskPlan(form, 'export', 'admin'), null)).toEqual([]);
  });
});

describe('summarizeAudit', () => {
  const spec: AuditSummarySpec = { period: 'month', timeZone: 'Asia/Shanghai' };

  it('flags a user far above the peers of the same role, with the numbers that made it', () => {
    const crowd = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].flatMap((by, i) => reveals(by, 10 + (i % 3)));
    const summary = summarizeAudit([...crowd, ...reveals('c9', 80)], spec);
    expect(summary.flagged).toEqual([{
      period: '2026-11', by: 'c9', role: 'clerk',
      reasons: [{ code: 'many-records', records: 80, peerMedian: 11, peers: 8, threshold: 33 }],
    }]);
    const user = summary.periods[0]?.users.find((u) => u.by === 'c9');
    expect(user).toMatchObject({ records: 80, reveals: 80, flagged: true, approximate: false, offHours: null, fields: [{ field: 'phone', reveals: 80 }] });
  });

  it('flags no one in a uniform crowd, however busy', () => {
    const crowd = Array.from({ length: 12 }, (_, i) => reveals(`c${i}`, 200)).flat();
    expect(summarizeAudit(crowd, spec).flagged).toEqual([]);
  });

  it('needs minRecords, compares within a role, and leaves a user without peers alone', () => {
    const quiet = ['c1', 'c2', 'c3'].flatMap((by) => reveals(by, 2));
    expect(summarizeAudit([...quiet, ...reveals('c4', 15)], spec).flagged).toEqual([]);
    expect(summarizeAudit([...quiet, ...reveals('c4', 15)], { ...spec, minRecords: 10 }).flagged.map((f) => f.by)).toEqual(['c4']);
    // The only admin reads everything: no one to compare with; clerks are not an admin's peers.
    expect(summarizeAudit([...quiet, ...reveals('a1', 500, 'admin')], spec).flagged).toEqual([]);
    expect(summarizeAudit([...quiet, ...reveals('c4', 30)], { ...spec, factor: 20 }).flagged).toEqual([]);
  });

  it('counts distinct records, reveals and fields per user', () => {
    const entries = [
      entry('u', 'r1', '2026-11-02T01:00:00Z', 'clerk', ['phone', 'name']),
      entry('u', 'r1', '2026-11-02T02:00:00Z', 'clerk', ['phone']),
      entry('u', 'r2', '2026-11-02T03:00:00Z', 'clerk', ['email', 'email']),
      entry('u', undefined, '2026-11-02T04:00:00Z', 'clerk', ['phone']),
      { ...entry('u', 'r1', '2026-11-02T05:00:00Z', 'clerk', ['phone']), formId: 'other-form' },
    ];
    const [user] = summarizeAudit(entries, spec).periods[0]?.users ?? [];
    expect(user).toEqual({
      by: 'u', role: 'clerk', records: 3, approximate: false, reveals: 5, offHours: null,
      fields: [{ field: 'phone', reveals: 4 }, { field: 'email', reveals: 1 }, { field: 'name', reveals: 1 }], flagged: false, reasons: [],
    });
  });

  it('buckets by month and quarter on the Asia/Shanghai wall clock', () => {
    const entries = [
      entry('u', 'a', '2026-09-30T15:59:59.999Z'), // 23:59:59.999 on 30 September in Shanghai
      entry('u', 'b', '2026-09-30T16:00:00Z'), // midnight, 1 October
      entry('u', 'c', '2026-12-31T15:59:59Z'),
      entry('u', 'd', '2026-12-31T16:00:00Z'), // 2027 already
    ];
    const periods = (extra: Partial<AuditSummarySpec>): string[] => summarizeAudit(entries, { ...spec, ...extra }).periods.map((p) => `${p.period}:${p.users[0]?.records}`);
    expect(periods({ period: 'quarter' })).toEqual(['2026-Q3:1', '2026-Q4:2', '2027-Q1:1']);
    expect(periods({ period: 'month' })).toEqual(['2026-09:1', '2026-10:1', '2026-12:1', '2027-01:1']);
    expect(periods({ period: 'quarter', timeZone: undefined })).toEqual(['2026-Q3:2', '2026-Q4:2']);
    expect(periods({ period: 'week' })).toEqual(['2026-W40:2', '2026-W53:2']);
    expect(periods({ period: 'day' })).toEqual(['2026-09-30:1', '2026-10-01:1', '2026-12-31:1', '2027-01-01:1']);
    const quarter = summarizeAudit(entries, { ...spec, period: 'quarter' }).periods[1];
    expect([quarter?.from, quarter?.to]).toEqual(['2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });

  it('flags reveals outside working hours, on the calendar given', () => {
    const hours = { from: '09:00', to: '18:00' };
    const entries = [
      entry('day', 'a', '2026-11-03T01:00:00Z'), // Tuesday 09:00 in Shanghai
      entry('day', 'b', '2026-11-03T09:59:59Z'), // 17:59:59
      entry('late', 'c', '2026-11-03T10:00:00Z'), // 18:00
      entry('late', 'd', '2026-11-02T00:59:00Z'), // Monday 08:59
      entry('weekend', 'e', '2026-11-07T03:00:00Z'), // Saturday 11:00
    ];
    const summary = summarizeAudit(entries, { ...spec, hours });
    expect(summary.flagged).toEqual([
      { period: '2026-11', by: 'late', role: 'clerk', reasons: [{ code: 'off-hours', reveals: 2 }] },
      { period: '2026-11', by: 'weekend', role: 'clerk', reasons: [{ code: 'off-hours', reveals: 1 }] },
    ]);
    expect(summary.periods[0]?.users.map((u) => u.offHours)).toEqual([0, 2, 1]);
    // 调休: that Saturday is worked.
    const calendar = workingCalendar({ workdays: ['2026-11-07'] });
    expect(summarizeAudit(entries, { ...spec, hours: { ...hours, calendar } }).flagged.map((f) => f.by)).toEqual(['late']);
  });

  it('gives the same summary for an async iterable as for an array', async () => {
    const entries = [...reveals('c1', 10), ...reveals('c2', 12), ...reveals('c3', 90), null, { at: 'now' }];
    async function* stream() {
      for (const item of entries) yield item;
    }
    const promised = summarizeAudit(stream(), { ...spec, hours: { from: '09:00', to: '18:00' } });
    expect(promised).toBeInstanceOf(Promise);
    expect(await promised).toEqual(summarizeAudit(entries, { ...spec, hours: { from: '09:00', to: '18:00' } }));
  });

  it('gives the same summary for the entries in any order', () => {
    const entries = [...reveals('c1', 10), ...reveals('c2', 25), ...reveals('c3', 90), ...reveals('a1', 3, 'admin'), entry('x', 'r', '2026-12-01T00:00:00Z', undefined)];
    fc.assert(fc.property(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), (shuffled) => {
      expect(summarizeAudit(shuffled, spec)).toEqual(summarizeAudit(entries, spec));
    }), { numRuns: 30 });
  });

  it('skips and counts malformed entries without throwing', () => {
    const good = entry('u', 'r', '2026-11-02T01:00:00Z');
    const malformed: unknown[] = [
      null, undefined, 42, 'entry', [], {}, { ...good, at: undefined }, { ...good, at: 'yesterday' }, { ...good, at: '2026-11-02 09:00' },
      { ...good, at: '2026-11-02T09:00:00' }, { ...good, at: '2026-13-45T00:00:00Z' }, { ...good, by: '' }, { ...good, by: 7 }, { ...good, formId: undefined },
      { ...good, purpose: undefined }, { ...good, role: 5 }, { ...good, recordId: 7 }, { ...good, fields: 'phone' }, { ...good, fields: [1] }, { ...good, fields: undefined },
      { ...good, at: '0000-06-01T00:00:00Z' }, { ...good, at: '2026-02-30T00:00:00Z' }, { ...good, at: '2026-02-28T24:00:00Z' }, Object.create({ ...good }),
    ];
    const accepted = [good, { ...good, role: null, recordId: null }, { ...good, at: '2026-11-02T09:00+08:00' }, { ...good, at: '2026-11-02T01:00:00.123456789Z' }];
    const summary = summarizeAudit([...accepted, ...malformed], spec);
    expect(summary).toMatchObject({ total: malformed.length + accepted.length, skipped: malformed.length });
    expect(summary.periods[0]?.users.map((u) => [u.role, u.records, u.reveals])).toEqual([[null, 0, 1], ['clerk', 1, 3]]);
  });

  it('estimates distinct records past 1024 in bounded memory, and says so', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => entry('bulk', `r${i % 5000}`, '2026-11-02T01:00:00Z'));
    const [user] = summarizeAudit(many, spec).periods[0]?.users ?? [];
    expect(user?.approximate).toBe(true);
    expect(user?.reveals).toBe(20_000);
    expect(Math.abs((user?.records ?? 0) - 5000) / 5000).toBeLessThan(0.06);
  });

  it('refuses a bad spec before reading an entry', () => {
    const bad: [unknown, string][] = [
      [{ period: 'year' }, 'period'], [{}, 'period'], [{ period: 'month', timeZone: 'Asia/Shangai' }, 'timeZone'], [{ period: 'month', factor: 0.5 }, 'factor'],
      [{ period: 'month', minRecords: 0 }, 'minRecords'], [{ period: 'month', perid: 'x' }, 'perid'], [{ period: 'month', hours: { from: '18:00', to: '09:00' } }, 'hours'],
      [{ period: 'month', hours: { from: '9:00', to: '18:00' } }, 'hours'], [{ period: 'month', hours: { from: '09:00', to: '18:00', calendar: {} } }, 'hours'],
    ];
    for (const [given, option] of bad) {
      const error = usageError(() => summarizeAudit([], given as AuditSummarySpec));
      expect([error.code, error.option]).toEqual(['bad-option', option]);
    }
    expect(usageError(() => summarizeAudit([], { period: 'month', perid: 'x' } as never)).message).toContain("did you mean 'period'");
    expect(usageError(() => summarizeAudit(null as never, spec)).code).toBe('bad-argument');
  });
});

describe('periods', () => {
  it('names ISO weeks by the year of their Thursday, and knows which years have a week 53', () => {
    const week = (iso: string): string | undefined => periodOfInstant(Date.parse(iso), 'week', 'UTC');
    expect(week('2026-01-01T00:00:00Z')).toBe('2026-W01'); // a Thursday
    expect(week('2027-01-01T00:00:00Z')).toBe('2026-W53');
    expect(week('2024-12-30T00:00:00Z')).toBe('2025-W01');
    expect(periodBounds('2026-W53', 'UTC')?.from.toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(periodBounds('2025-W53', 'UTC')).toBeUndefined();
    expect(periodBounds('2026-02-29', 'UTC')).toBeUndefined();
    expect(periodBounds('2026-Q4', 'Asia/Shanghai')?.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
