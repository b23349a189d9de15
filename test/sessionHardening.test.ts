import { describe, expect, it } from 'vitest';
import { compileForm, DraftError, FormUsageError, MemoryDraftStore, transition, type Draft, type DraftStore, type SessionSnapshot } from '../src/index';
import { sessionWork } from '../src/session/sessionWork';
import { defineForm } from './helpers';

// Sessions against what an adversarial caller can hand them: events, snapshots and draft stores
// that are not what they claim, and groups with thousands of rows. Cost is checked by counting
// work (exact) rather than by timing (flaky).

const NOW = '2026-11-23T10:00:00+08:00';

const revokedProxy = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

const rowsForm = compileForm(defineForm([
  { id: 'rows', type: 'group', label: 'Rows', fields: [
    { id: 'a', type: 'text', label: 'A', required: true },
    { id: 'b', type: 'text', label: 'B', required: true },
  ] },
]));

const blankRows = (count: number) => ({ rows: Array.from({ length: count }, () => ({})) });

/** The work counters' growth while `run` runs. */
const workOf = async (run: () => unknown): Promise<typeof sessionWork> => {
  const before = { ...sessionWork };
  await run();
  return { issuesIndexed: sessionWork.issuesIndexed - before.issuesIndexed, fieldsBuilt: sessionWork.fieldsBuilt - before.fieldsBuilt, snapshots: sessionWork.snapshots - before.snapshots };
};

describe('large groups cost linear work', () => {
  it('resumeDraft restores thousands of touched rows in one snapshot, not one per touched path', async () => {
    const resumeWork = async (count: number) => {
      const drafts = new MemoryDraftStore();
      const session = rowsForm.createSession({ values: blankRows(count), drafts, now: NOW });
      session.send({ type: 'submit' });
      const { token } = await session.saveDraft();
      let resumed: SessionSnapshot | undefined;
      const work = await workOf(async () => {
        resumed = (await rowsForm.resumeDraft(token, { drafts, now: NOW })).getSnapshot();
      });
      return { work, resumed: resumed as SessionSnapshot };
    };
    const small = await resumeWork(500);
    const large = await resumeWork(2000);
    expect(large.work.snapshots).toBe(1);
    // One pass over the paths (the group and two fields a row) and one over the issues (two a row).
    expect(large.work.fieldsBuilt).toBe(1 + 2 * 2000);
    expect(large.work.issuesIndexed).toBeLessThanOrEqual(2 * 2000);
    expect(large.work.issuesIndexed).toBeLessThanOrEqual(4 * small.work.issuesIndexed + 10);
    expect(large.resumed.fields['rows.1999.b']).toMatchObject({ touched: true, errors: [expect.objectContaining({ code: 'required' })] });
    expect(large.resumed.errors).toHaveLength(4000);
    expect(large.resumed.eventError).toBeUndefined();
  });

  it('a touched path of a draft that names nothing is ignored, without an eventError', async () => {
    const drafts = new MemoryDraftStore();
    const { token } = await rowsForm.createSession({ values: blankRows(1), drafts, now: NOW }).saveDraft();
    const draft = drafts.get(token) as Draft;
    drafts.set(token, { ...draft, touched: ['rows.0.a', 'nope', 'rows.7.a', 'rows.0.zzz'] });
    const snapshot = (await rowsForm.resumeDraft(token, { drafts, now: NOW })).getSnapshot();
    expect(Object.entries(snapshot.fields).filter(([, field]) => field.touched).map(([path]) => path)).toEqual(['rows.0.a']);
    expect(snapshot.eventError).toBeUndefined();
  });

  it('after submit, a keystroke and a removeRow on a large group index each issue once: 4x the rows is 4x the work', async () => {
    const eventWork = async (count: number) => {
      const session = rowsForm.createSession({ values: blankRows(count), now: NOW });
      session.send({ type: 'submit' });
      const change = await workOf(() => session.send({ type: 'change', path: 'rows.3.a', value: 'x' }));
      const remove = await workOf(() => session.send({ type: 'removeRow', path: 'rows', index: 0 }));
      expect(session.getSnapshot().fields['rows.2.a']).toMatchObject({ touched: true, errors: [] });
      expect(session.getSnapshot().fields['rows.0.a']?.errors.map((error) => error.code)).toEqual(['required']);
      return { change, remove };
    };
    const small = await eventWork(1000);
    const large = await eventWork(4000);
    for (const event of ['change', 'remove'] as const) {
      // Linear: each issue of the group is indexed once, each path built once. Quadratic would be 16x.
      expect(large[event].issuesIndexed).toBeLessThanOrEqual(2 * 4000);
      expect(large[event].issuesIndexed).toBeLessThanOrEqual(4 * small[event].issuesIndexed + 10);
      expect(large[event].fieldsBuilt).toBeLessThanOrEqual(1 + 2 * 4000);
      expect(large[event].snapshots).toBe(1);
    }
  });
});

describe('a bad event never throws', () => {
  const form = compileForm(defineForm([
    { id: 'name', type: 'text', label: 'Name', required: true },
    { id: 'rows', type: 'group', label: 'Rows', fields: [{ id: 'a', type: 'text', label: 'A' }] },
  ]));

  const flipping = (type: string, key: string, first: unknown, later: unknown, extra: object = {}): object => {
    let reads = 0;
    return { type, ...extra, get [key]() { return reads++ === 0 ? first : later; } };
  };

  const cases: Record<string, () => unknown> = {
    'a revoked Proxy': revokedProxy,
    'a type with no prototype': () => ({ type: Object.create(null) }),
    'a type getter that throws': () => ({ get type(): string { throw new Error('boom'); } }),
    'a Proxy whose get trap throws': () => new Proxy({}, { get() { throw new Error('trap'); } }),
    'a type object with a throwing toString': () => ({ type: { toString() { throw new Error('toString'); } } }),
    'a symbol': () => Symbol('event'),
    'a function': () => () => 'change',
    'an array': () => ['change'],
    'a very long type': () => ({ type: 'x'.repeat(10_000) }),
    'a change with a path getter that throws': () => ({ type: 'change', get path(): string { throw new Error('path'); }, value: 1 }),
    'a removeRow with an index getter that throws': () => ({ type: 'removeRow', path: 'rows', get index(): number { throw new Error('index'); } }),
  };

  for (const [label, make] of Object.entries(cases)) {
    it(`${label}: eventError 'bad-event' from send and from transition`, () => {
      const session = form.createSession({ now: NOW });
      const before = session.getSnapshot();
      const after = session.send(make() as never);
      expect(after.eventError?.code).toBe('bad-event');
      expect(after.values).toBe(before.values);
      expect(after.eventError?.message).not.toMatch(/boom|trap|xxxx/);
      expect((after.eventError?.event ?? '').length).toBeLessThanOrEqual(32);
      expect(transition(form, before, make() as never).eventError?.code).toBe('bad-event');
    });
  }

  it('reads each property of an event exactly once: a getter answering differently on a second read changes nothing', () => {
    const session = form.createSession({ now: NOW });
    const blurred = session.send(flipping('blur', 'path', 'name', 42) as never);
    expect(blurred.eventError).toBeUndefined();
    expect(blurred.fields.name?.touched).toBe(true);
    const english = session.send(flipping('setLocale', 'locale', 'zh-CN', 42) as never);
    expect(english.eventError).toBeUndefined();
    expect(english.locale).toBe('zh-CN');
    const changed = session.send(flipping('change', 'path', 'name', 'rows', { value: 'Li' }) as never);
    expect(changed.eventError).toBeUndefined();
    expect(changed.values.name).toBe('Li');
    const reads: Record<string, number> = {};
    const counted = new Proxy({ type: 'change', path: 'name', value: 'Zhang' }, {
      get(target, key, receiver) {
        reads[String(key)] = (reads[String(key)] ?? 0) + 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(session.send(counted as never).values.name).toBe('Zhang');
    expect(reads).toEqual({ type: 1, path: 1, value: 1 });
  });

  it('keeps issues frozen after a language switch', () => {
    const session = form.createSession({ now: NOW, locale: 'en' });
    const zh = session.send({ type: 'submit' }) && session.send({ type: 'setLocale', locale: 'zh-CN' });
    const issue = zh.fields.name?.errors[0];
    expect(issue?.code).toBe('required');
    expect(Object.isFrozen(issue) && Object.isFrozen(zh.errors)).toBe(true);
  });

  it('never repeats an unknown type or an oversized path back', () => {
    const session = form.createSession({ now: NOW });
    expect(session.send({ type: 'fly' } as never).eventError).toMatchObject({ code: 'bad-event', event: 'fly' });
    expect(session.send({ type: '张伟 13812345678' } as never).eventError?.event).toBe('string');
    expect(session.send({ type: 42 } as never).eventError?.event).toBe('number');
    const long = session.send({ type: 'change', path: `name${'.x'.repeat(500)}`, value: 1 }).eventError;
    expect(long?.code).toBe('unknown-path');
    expect(long?.path).toBeUndefined();
  });
});

describe('a draft store returning junk', () => {
  const form = compileForm(defineForm([{ id: 'name', type: 'text', label: 'Name' }]));

  const savedDraft = async (): Promise<{ token: string; draft: Draft }> => {
    const drafts = new MemoryDraftStore();
    const { token } = await form.createSession({ drafts, now: NOW, values: { name: 'x' } }).saveDraft();
    return { token, draft: drafts.get(token) as Draft };
  };

  const storeOf = (get: () => unknown): DraftStore => ({ get, set: () => undefined, delete: () => undefined });

  const failure = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => error);

  it('is a DraftError not-found, never a TypeError, and never repeats the store data', async () => {
    const { token, draft } = await savedDraft();
    const junk: Record<string, () => unknown> = {
      'a revoked Proxy': revokedProxy,
      'a Proxy whose traps throw': () => new Proxy({}, { get() { throw new Error('trap'); }, getOwnPropertyDescriptor() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } }),
      'values holding a throwing getter': () => ({ ...draft, values: { get name(): string { throw new Error('getter'); } } }),
      'a throwing touched getter': () => ({ ...draft, get touched(): string[] { throw new Error('getter'); } }),
      'a then getter that throws': () => ({ ...draft, get then(): unknown { throw new Error('then'); } }),
      'a thenable resolving to a revoked Proxy': () => ({ then: (resolve: (value: unknown) => void) => resolve(revokedProxy()) }),
      'a promise of a draft with a secret form id': () => Promise.resolve({ ...draft, formId: 'SECRET-13812345678' }),
      'a cyclic draft': () => {
        const cyclic: Record<string, unknown> = { ...draft, values: {} };
        (cyclic.values as Record<string, unknown>).self = cyclic;
        return cyclic;
      },
    };
    for (const [label, get] of Object.entries(junk)) {
      const error = await failure(form.resumeDraft(token, { drafts: storeOf(get), now: NOW }));
      expect({ label, error: error instanceof DraftError ? error.code : String(error) }).toEqual({ label, error: 'not-found' });
      expect((error as Error).message).not.toMatch(/SECRET|trap|getter/);
    }
  });

  it('a store that fails (its promise rejects) fails the resume with its own error', async () => {
    const { token } = await savedDraft();
    const lost = new Error('connection lost');
    expect(await failure(form.resumeDraft(token, { drafts: storeOf(() => Promise.reject(lost)), now: NOW }))).toBe(lost);
  });

  it('saveDraft at the end of Date\'s range is a coded FormUsageError, not a RangeError', async () => {
    const session = form.createSession({ now: 8.64e15, drafts: new MemoryDraftStore() });
    const error = await failure(session.saveDraft());
    expect(error).toBeInstanceOf(FormUsageError);
    expect(error).toMatchObject({ code: 'bad-option', option: 'now' });
  });
});

describe('a revived snapshot is data, checked like createSession options', () => {
  const form = compileForm(defineForm([
    { id: 'name', type: 'text', label: 'Name', default: 'start' },
    { id: 'status', type: 'text', label: 'Status', access: { read: ['clerk'], write: ['clerk'] } },
    { id: 'todayOnly', type: 'text', label: 'Today', visibleIf: { '==': [{ var: '$today' }, '2026-11-23'] } },
    { id: 'rows', type: 'group', label: 'Rows', fields: [{ id: 'a', type: 'text', label: 'A', required: true }] },
  ]));
  const json = (snapshot: SessionSnapshot): Record<string, unknown> => JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>;
  const change = { type: 'change', path: 'name', value: 'x' } as const;

  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it("refuses a role the form does not declare as createSession does (unknown-role), without repeating it", () => {
    const customer = json(form.createSession({ role: 'customer', now: NOW }).getSnapshot());
    const error = thrown(() => transition(form, { ...customer, role: 'hacker' } as never, change));
    expect(error).toBeInstanceOf(FormUsageError);
    expect(error).toMatchObject({ code: 'unknown-role' });
    expect((error as Error).message).not.toContain('hacker');
    expect(thrown(() => transition(form, { ...customer, role: 42 } as never, change))).toMatchObject({ code: 'bad-argument' });
    const clerk = transition(form, { ...customer, role: 'clerk' } as never, { type: 'change', path: 'status', value: 'done' });
    expect(clerk.role).toBe('clerk');
    expect(clerk.values.status).toBe('done');
    const anonymous: Record<string, unknown> = { ...customer };
    delete anonymous.role;
    expect(transition(form, anonymous as never, { type: 'change', path: 'status', value: 'done' }).eventError?.code).toBe('forbidden');
  });

  it('refuses what is no snapshot with a coded FormUsageError, never a TypeError', () => {
    const good = json(form.createSession({ now: NOW }).getSnapshot());
    const getter = { ...good };
    Object.defineProperty(getter, 'values', { get: () => ({ name: 'x' }), enumerable: true });
    const bad: Record<string, unknown> = {
      'an empty object': {},
      null: null,
      'a string': 'snapshot',
      'a revoked Proxy': revokedProxy(),
      'a numeric locale': { ...good, locale: 42 },
      'null values': { ...good, values: null },
      'list values': { ...good, values: [] },
      'an unknown status': { ...good, status: 'approved' },
      'values behind a getter': getter,
      'a malformed origin': { ...good, origin: { values: {}, now: 'yesterday', nextRowKey: 1 } },
    };
    for (const [label, snapshot] of Object.entries(bad)) {
      const error = thrown(() => transition(form, snapshot as never, { type: 'submit' }));
      expect({ label, error: error instanceof FormUsageError ? error.code : String(error) }).toEqual({ label, error: 'bad-argument' });
    }
  });

  it('takes nothing a revived snapshot claims on trust: a submitted status holds only if its values pass', () => {
    const snapshot = json(form.createSession({ now: NOW }).getSnapshot());
    const claimed = { ...snapshot, values: { rows: [{}] }, rows: { rows: ['r1', 'r1', 'r1'] }, status: 'submitted', submitted: { name: 'forged' } };
    const after = transition(form, claimed as never, { type: 'blur', path: 'name' });
    expect(after.status).toBe('editing');
    expect(after.submitted).toBeUndefined();
    expect(after.rows.rows).toHaveLength(1);
    const added = transition(form, after, { type: 'addRow', path: 'rows' });
    expect(new Set(added.rows.rows).size).toBe(2);
  });

  it('resets exactly as the live snapshot does, clock, zone and row keys included', () => {
    const session = form.createSession({ now: NOW, timeZone: 'Asia/Shanghai' });
    session.send({ type: 'addRow', path: 'rows' });
    session.send({ type: 'addRow', path: 'rows' });
    session.send({ type: 'removeRow', path: 'rows', index: 1 });
    const live = session.send({ type: 'change', path: 'name', value: 'typed' });
    expect(live.fields.todayOnly?.visible).toBe(true);
    const revived = json(live);
    expect(revived.origin).toEqual({ values: { name: 'start' }, now: '2026-11-23T02:00:00.000Z', timeZone: 'Asia/Shanghai', nextRowKey: 3 });
    const fromLive = transition(form, live, { type: 'reset' });
    const fromRevived = transition(form, revived as never, { type: 'reset' });
    expect(fromRevived.values).toEqual({ name: 'start' });
    expect(JSON.stringify(fromRevived)).toBe(JSON.stringify(fromLive));
    // And any other event goes on as from the live one: `$today` is the session's, not the wall clock's.
    expect(JSON.stringify(transition(form, revived as never, { type: 'addRow', path: 'rows' }))).toBe(JSON.stringify(transition(form, live, { type: 'addRow', path: 'rows' })));
  });

  it('a snapshot saved before snapshots had an origin still works, and resets to its own values', () => {
    const revived = json(form.createSession({ now: NOW }).getSnapshot());
    revived.values = { name: 'typed' };
    delete revived.origin;
    expect(transition(form, revived as never, { type: 'reset' }).values).toEqual({ name: 'typed' });
  });

  it('keeps the origin by identity while it does not change, frozen like the rest', () => {
    const session = form.createSession({ now: NOW });
    const first = session.getSnapshot();
    const typed = session.send({ type: 'change', path: 'name', value: 'typed' });
    expect(typed.origin).toBe(first.origin);
    expect(Object.isFrozen(typed.origin) && Object.isFrozen(typed.origin.values)).toBe(true);
    expect(session.send({ type: 'addRow', path: 'rows' }).origin.nextRowKey).toBe(2);
  });

  it('cannot be handed a forged internal state', () => {
    const snapshot = json(form.createSession({ role: 'customer', now: NOW }).getSnapshot());
    const forged = { ...snapshot, '~session': { form: {}, options: { role: 'clerk' } } };
    expect(transition(form, forged as never, { type: 'change', path: 'status', value: 'done' }).eventError?.code).toBe('forbidden');
  });
});
