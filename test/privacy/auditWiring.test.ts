import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError, keyProviderFromRaw, summarizeAudit, type AuditEntry } from '../../src/index';

// The public form's reveals (mask, unseal, exports under a revealing role) reach the caller's audit
// sink: one entry per record, field keys only, before the plain values are handed out.
const NOW = '2026-11-23T10:00:00+08:00';
const form = compileForm({
  id: 'audited', version: 1, title: 'Audited', roles: ['clerk', 'admin'],
  sections: [{ id: 's', fields: [
    { id: 'name', type: 'text', label: '姓名', pii: 'name' },
    { id: 'mobile', type: 'text', label: '手机', format: 'cn-mobile', pii: 'phone' },
    { id: 'city', type: 'text', label: '城市' },
  ] }],
  masking: { policies: { export: { name: 'name', mobile: 'phone' } }, reveal: { export: ['admin'] } },
  encryption: { pii: ['phone'], reveal: ['admin'] },
});
const values = { name: '张伟', mobile: '13812345678', city: '深圳' };
const keys = keyProviderFromRaw({ current: 'k1', keys: { k1: new Uint8Array(32).fill(7) }, index: new Uint8Array(32).fill(9) });
const collect = (): { entries: AuditEntry[]; sink: (entry: AuditEntry) => void } => {
  const entries: AuditEntry[] = [];
  return { entries, sink: (entry) => { entries.push(entry); } };
};
const noValues = (entries: readonly AuditEntry[]): void => {
  const text = JSON.stringify(entries);
  for (const value of Object.values(values)) expect(text).not.toContain(value);
};

describe('audit of reveals through the public form', () => {
  it('mask: a revealing role is reported with the fields it saw; a masked read is not', () => {
    const { entries, sink } = collect();
    const record = form.createRecord(values, { by: 'c1', role: 'clerk', now: NOW, id: 'rec-1' });
    expect(form.mask(record, { policy: 'export', role: 'admin', audit: sink, by: 'boss', purpose: 'callback' }).mobile).toBe('13812345678');
    expect(form.mask(values, { policy: 'export', role: 'clerk', audit: sink, by: 'c1' }).mobile).toBe('138****5678');
    expect(entries).toEqual([expect.objectContaining({ by: 'boss', role: 'admin', formId: 'audited', recordId: 'rec-1', fields: ['name', 'mobile'], purpose: 'callback' })]);
    noValues(entries);
  });

  it('fails the reveal when the sink fails, and refuses a sink without an operator or an async sink on a synchronous call', () => {
    expect(() => form.mask(values, { policy: 'export', role: 'admin', audit: () => { throw new Error('log down'); }, by: 'boss' })).toThrow('log down');
    expect(() => form.mask(values, { policy: 'export', role: 'admin', audit: () => undefined })).toThrow(FormUsageError);
    expect(() => form.mask(values, { policy: 'export', role: 'admin', audit: async () => undefined, by: 'boss' })).toThrow(FormUsageError);
  });

  it('unseal: an opening role is reported with the sealed fields, awaited before the values come back', async () => {
    const { entries, sink } = collect();
    const sealed = await form.seal(values, { keys, recordId: 'rec-2' });
    expect(JSON.stringify(sealed)).not.toContain('13812345678');
    expect((await form.unseal(sealed, { keys, role: 'admin', recordId: 'rec-2', audit: sink, by: 'boss' })).mobile).toBe('13812345678');
    expect((await form.unseal(sealed, { keys, role: 'clerk', recordId: 'rec-2', audit: sink, by: 'c1' })).mobile).toBe('138****5678');
    expect(entries).toEqual([expect.objectContaining({ by: 'boss', role: 'admin', recordId: 'rec-2', fields: ['mobile'], purpose: 'unseal' })]);
    await expect(form.unseal(sealed, { keys, role: 'admin', recordId: 'rec-2', audit: async () => { throw new Error('log down'); }, by: 'boss' })).rejects.toThrow('log down');
  });

  it('export: one entry per record for a revealing role, in streams and in toString; none for a masked export', async () => {
    const records = [1, 2, 3].map((n) => form.createRecord(values, { by: 'c1', role: 'clerk', now: NOW, id: `r${n}` }));
    const { entries, sink } = collect();
    let text = '';
    for await (const chunk of form.exporter({ format: 'csv', role: 'admin', audit: sink, by: 'boss' }).stream(records)) text += String(chunk);
    expect(text).toContain('13812345678');
    expect(entries.map((entry) => entry.recordId)).toEqual(['r1', 'r2', 'r3']);
    form.exporter({ format: 'jsonl', role: 'admin', audit: sink, by: 'boss' }).toString(records);
    form.exporter({ format: 'csv', role: 'clerk', audit: sink, by: 'c1' }).toString(records);
    expect(entries).toHaveLength(6);
    expect(entries.every((entry) => entry.purpose === 'export')).toBe(true);
    noValues(entries);
    // What the log is for: a quarter's review flags the one who read far more than peers.
    const log: AuditEntry[] = [];
    for (let i = 0; i < 60; i++) log.push({ ...entries[0]!, by: 'boss', recordId: `x${i}`, at: '2026-11-02T03:00:00Z' });
    for (const peer of ['a', 'b', 'c']) for (let i = 0; i < 5; i++) log.push({ ...entries[0]!, by: peer, recordId: `${peer}${i}`, at: '2026-11-02T03:00:00Z' });
    expect(summarizeAudit(log, { period: 'quarter', timeZone: 'Asia/Shanghai' }).flagged.map((flag) => flag.by)).toEqual(['boss']);
  });

  it('turns a failing key provider into a SealError that does not repeat what the provider said', async () => {
    const failing = { current: () => Promise.reject(new Error('kms down for 13812345678')), get: () => undefined, indexKey: () => { throw new Error('no 13812345678'); } };
    const error = await form.seal(values, { keys: failing as never }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'SealError', code: 'bad-key-provider' });
    expect(String((error as Error).message)).not.toContain('13812345678');
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
    await expect(form.seal(values, { keys: trap as never })).rejects.toMatchObject({ code: 'bad-key-provider' });
  });
});

