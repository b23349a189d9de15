import { describe, expect, it } from 'vitest';
import { compileForm, DraftError, FormUsageError, MemoryDraftStore, transition, type SessionSnapshot } from '../src/index';
import { choice, defineForm } from './helpers';

const NOW = '2026-11-23T10:00:00+08:00';

const form = compileForm(defineForm([
  choice('customerType', ['enterprise', 'individual'], { required: true, default: 'individual' }),
  { id: 'companyName', type: 'text', label: { en: 'Company', 'zh-CN': '公司' }, required: { '==': [{ var: 'customerType' }, 'enterprise'] } },
  { id: 'phone', type: 'text', label: { en: 'Mobile', 'zh-CN': '手机' }, format: 'cn-mobile' },
  choice('feedbackType', ['satisfaction', 'complaint']),
  { id: 'stars', type: 'rating', label: 'Stars', visibleIf: { '==': [{ var: 'feedbackType' }, 'satisfaction'] } },
  { id: 'status', type: 'text', label: 'Status', access: { read: ['clerk'], write: ['clerk'] } },
  { id: 'locked', type: 'text', label: 'Locked', readonlyIf: { '==': [{ var: 'customerType' }, 'enterprise'] } },
  { id: 'total', type: 'computed', label: 'Total', expression: { '*': [{ var: 'stars' }, 2] } },
  { id: 'services', type: 'group', label: { en: 'Service', 'zh-CN': '服务' }, maxItems: 3, fields: [
    { id: 'solution', type: 'text', label: { en: 'Solution', 'zh-CN': '方案' }, required: true },
    { id: 'note', type: 'text', label: 'Note', default: 'n/a' },
  ] },
], { defaultLocale: 'en' }));

const start = (options: Record<string, unknown> = {}) => form.createSession({ now: NOW, ...options });

describe('a session: the renderer-agnostic filling state machine', () => {
  it('starts from the defaults, with every field described and nothing touched', () => {
    const snapshot = start().getSnapshot();
    expect(snapshot.values).toEqual({ customerType: 'individual' });
    expect(snapshot.status).toBe('editing');
    expect(snapshot.fields.customerType).toEqual({ visible: true, required: true, readonly: false, touched: false, errors: [] });
    expect(snapshot.fields.stars?.visible).toBe(false);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.valid).toBe(true);
  });

  it('returns the same snapshot until something changes, and keeps unchanged fields by identity', () => {
    const session = start();
    const first = session.getSnapshot();
    expect(session.getSnapshot()).toBe(first);
    const afterPhone = session.send({ type: 'change', path: 'phone', value: '138' });
    expect(afterPhone).not.toBe(first);
    expect(afterPhone.fields.companyName).toBe(first.fields.companyName);
    expect(afterPhone.fields.customerType).toBe(first.fields.customerType);
    expect(afterPhone.fields.phone).not.toBe(first.fields.phone);
    expect(session.send({ type: 'blur', path: 'phone' })).toBe(afterPhone); // already touched by the change
  });

  it('shows errors only for touched fields; submit touches all and stays editing while invalid', () => {
    const session = start();
    session.send({ type: 'change', path: 'customerType', value: 'enterprise' });
    expect(session.getSnapshot().fields.companyName).toMatchObject({ required: true, touched: false, errors: [] });
    expect(session.getSnapshot().valid).toBe(false);
    session.send({ type: 'blur', path: 'companyName' });
    expect(session.getSnapshot().errors.map((error) => [error.path, error.code])).toEqual([['companyName', 'required']]);
    const submitted = session.send({ type: 'submit' });
    expect(submitted.status).toBe('editing');
    expect(submitted.fields.phone?.touched).toBe(true);
    session.send({ type: 'change', path: 'companyName', value: 'ACME' });
    const done = session.send({ type: 'submit' });
    expect(done.status).toBe('submitted');
    expect(done.submitted).toEqual({ customerType: 'enterprise', companyName: 'ACME' });
  });

  it('re-evaluates what a change reaches: visibility, computed values, tags and hidden cascades', () => {
    const session = start();
    session.send({ type: 'change', path: 'feedbackType', value: 'satisfaction' });
    session.send({ type: 'change', path: 'stars', value: 4 });
    expect(session.getSnapshot().fields.stars?.visible).toBe(true);
    expect(form.validate(session.getSnapshot().values).values.total).toBe(8);
    session.send({ type: 'change', path: 'feedbackType', value: 'complaint' });
    expect(session.getSnapshot().fields.stars?.visible).toBe(false);
    expect(session.getSnapshot().values.stars).toBe(4); // kept while hidden, so toggling back restores it
  });

  it('gives rows stable keys: removing row 0 moves row 1 with its touched flag and errors', () => {
    const session = start();
    session.send({ type: 'addRow', path: 'services' });
    session.send({ type: 'addRow', path: 'services' });
    const two = session.getSnapshot();
    expect(two.values.services).toEqual([{ note: 'n/a' }, { note: 'n/a' }]);
    const [first, second] = two.rows.services ?? [];
    session.send({ type: 'blur', path: 'services.1.solution' });
    expect(session.getSnapshot().fields['services.1.solution']?.errors.map((error) => error.code)).toEqual(['required']);
    const after = session.send({ type: 'removeRow', path: 'services', index: 0 });
    expect(after.rows.services).toEqual([second]);
    expect(after.rows.services).not.toContain(first);
    expect(after.fields['services.0.solution']).toMatchObject({ touched: true, errors: [expect.objectContaining({ path: 'services.0.solution', code: 'required' })] });
    expect(after.fields['services.1.solution']).toBeUndefined();
  });

  it('refuses bad events with a coded error and changes nothing', () => {
    const session = start({ role: 'customer' });
    const cases: [unknown, string][] = [
      [{ type: 'change', path: 'nope', value: 1 }, 'unknown-path'],
      [{ type: 'change', path: 'services.5.solution', value: 'x' }, 'unknown-path'],
      [{ type: 'addRow', path: 'phone' }, 'not-a-group'],
      [{ type: 'removeRow', path: 'services', index: 3 }, 'out-of-range'],
      [{ type: 'change', path: 'stars', value: 'four' }, 'type'],
      [{ type: 'change', path: 'status', value: 'done' }, 'forbidden'],
      [{ type: 'change', path: 'total', value: 5 }, 'readonly'],
      [{ type: 'setLocale', locale: 42 }, 'bad-locale'],
      [{ type: 'fly' }, 'bad-event'],
      [null, 'bad-event'],
    ];
    for (const [event, code] of cases) {
      const before = session.getSnapshot();
      const after = session.send(event as never);
      expect(after.eventError?.code).toBe(code);
      expect(after.values).toBe(before.values);
      expect(after.eventError?.message).not.toContain('four');
    }
    session.send({ type: 'change', path: 'customerType', value: 'enterprise' });
    expect(session.getSnapshot().eventError).toBeUndefined();
    expect(session.send({ type: 'change', path: 'locked', value: 'x' }).eventError?.code).toBe('readonly');
    for (let i = 0; i < 3; i++) session.send({ type: 'addRow', path: 'services' });
    expect(session.send({ type: 'addRow', path: 'services' }).eventError?.code).toBe('too-many-rows');
  });

  it('lets listeners subscribe and unsubscribe; a throwing listener breaks nothing', () => {
    const errors: unknown[] = [];
    const session = start({ onListenerError: (error: unknown) => errors.push(error) });
    const seen: SessionSnapshot[] = [];
    session.subscribe(() => {
      throw new Error('broken renderer');
    });
    const stop = session.subscribe((snapshot) => seen.push(snapshot));
    session.send({ type: 'change', path: 'phone', value: '13812345678' });
    session.send({ type: 'blur', path: 'phone' }); // nothing changes: no notification
    stop();
    session.send({ type: 'change', path: 'phone', value: '13912345678' });
    expect(seen).toHaveLength(1);
    expect(errors).toHaveLength(2);
  });

  it('switches language without validating again', () => {
    const session = start({ locale: 'en' });
    session.send({ type: 'change', path: 'phone', value: '123' });
    expect(session.getSnapshot().fields.phone?.errors[0]?.message).toBe('Mobile must be an 11-digit mainland mobile number starting with 1');
    const zh = session.send({ type: 'setLocale', locale: 'zh-CN' });
    expect(zh.locale).toBe('zh-CN');
    expect(zh.fields.phone?.errors[0]?.message).toBe('手机应为11位手机号码（以1开头）');
  });

  it('is made of pure transitions: transition(form, snapshot, event) never changes its snapshot', () => {
    const first = start().getSnapshot();
    const json = JSON.stringify(first);
    const a = transition(form, first, { type: 'change', path: 'phone', value: '123' });
    const b = transition(form, first, { type: 'change', path: 'phone', value: '123' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(first)).toBe(json);
    expect(Object.isFrozen(a.values) && Object.isFrozen(a.fields) && Object.isFrozen(a.fields.phone)).toBe(true);
    const revived = JSON.parse(JSON.stringify(a)) as SessionSnapshot;
    expect(transition(form, revived, { type: 'blur', path: 'companyName' }).fields.phone?.touched).toBe(true);
  });

  it('checks its options like every call', () => {
    expect(() => form.createSession({ role: 'hacker' })).toThrow(FormUsageError);
    expect(() => form.createSession({ lcoale: 'en' } as never)).toThrow(/did you mean 'locale'/);
  });
});

describe('drafts', () => {
  it('saves under a 128-bit URL-safe token and resumes within the TTL, touched fields included', async () => {
    const drafts = new MemoryDraftStore();
    const session = start({ drafts });
    session.send({ type: 'change', path: 'phone', value: '123' });
    const { token, expiresAt } = await session.saveDraft();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(expiresAt).toBe('2026-11-30T02:00:00.000Z');
    const resumed = await form.resumeDraft(token, { drafts, now: '2026-11-29T10:00:00+08:00' });
    expect(resumed.getSnapshot().values).toEqual({ customerType: 'individual', phone: '123' });
    expect(resumed.getSnapshot().fields.phone?.errors.map((error) => error.code)).toEqual(['format']);
    expect(resumed.resumed).toEqual({ token, formVersion: 1, dropped: [] });
  });

  it('rejects unknown, tampered and foreign tokens as not-found, and deletes expired drafts', async () => {
    const drafts = new MemoryDraftStore();
    const { token } = await start({ drafts }).saveDraft();
    const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof DraftError ? error.code : String(error)));
    expect(await code(form.resumeDraft('x'.repeat(22), { drafts }))).toBe('not-found');
    expect(await code(form.resumeDraft('../../etc', { drafts }))).toBe('not-found');
    const other = compileForm(defineForm([{ id: 'a', type: 'text', label: 'A' }], { id: 'other-form' }));
    expect(await code(other.resumeDraft(token, { drafts }))).toBe('not-found');
    drafts.set('y'.repeat(22), { junk: true } as never);
    expect(await code(form.resumeDraft('y'.repeat(22), { drafts }))).toBe('not-found');
    expect(await code(form.resumeDraft(token, { drafts, now: '2026-12-01T00:00:00Z' }))).toBe('expired');
    expect(drafts.size).toBe(1);
    expect(await code(form.resumeDraft(token, { drafts, now: NOW }))).toBe('not-found');
  });

  it('resumes a draft of an older version, dropping what no longer fits and saying so', async () => {
    const drafts = new MemoryDraftStore();
    const session = start({ drafts });
    session.send({ type: 'change', path: 'phone', value: '13812345678' });
    session.send({ type: 'change', path: 'feedbackType', value: 'complaint' });
    const { token } = await session.saveDraft();
    const v2 = compileForm(defineForm([
      choice('customerType', ['enterprise', 'individual']),
      { id: 'phone', type: 'number', label: 'Phone as a number now' },
    ], { version: 2 }));
    const resumed = await v2.resumeDraft(token, { drafts, now: NOW });
    expect(resumed.getSnapshot().values).toEqual({ customerType: 'individual' });
    expect(resumed.resumed?.dropped).toEqual(['phone', 'feedbackType']);
  });

  it('needs a store', async () => {
    await expect(start().saveDraft()).rejects.toThrow(FormUsageError);
  });
});
