import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayHistory } from '../src/records/recordAt';
import { internalFormOf } from '../src/form/internal';
import { runPass, runReferencePass } from '../src/validate/runPass';
import { compileForm, FormUsageError, recordAt, RecordValidationError, WorkflowError, type FormRecord } from '../src/index';
import { defineForm, issuesOf } from './helpers';

const NOW = '2026-03-02T09:00:00+08:00';

// A customer file: clerks enter customers and follow up only their own; the name is the owner's (or a
// supervisor's) to change; the level is the supervisor's; notes anyone may write who may change the record.
const form = compileForm({
  id: 'customer-file', version: 1, title: 'Customer file',
  roles: ['clerk', 'supervisor', 'admin', 'reviewer'],
  ownership: { ownOnly: ['clerk'], assign: ['admin', 'supervisor'] },
  sections: [{ id: 'main', fields: [
    { id: 'name', type: 'text', label: 'Name', required: true, access: { write: ['$owner', 'supervisor'] } },
    { id: 'level', type: 'select', label: 'Level', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], access: { write: ['supervisor'] } },
    { id: 'notes', type: 'textarea', label: 'Notes' },
    { id: 'recorder', type: 'text', label: 'Updated by', auto: 'updatedBy' },
  ] }],
  workflows: {
    followUp: {
      initial: 'open',
      states: { open: {}, closed: { final: true } },
      transitions: [{ event: 'close', from: 'open', to: 'closed', roles: ['$owner', 'supervisor'] }],
    },
  },
});

const as = (by: string, role: string) => ({ by, role, now: NOW });
const alice = as('alice', 'clerk');
const bob = as('bob', 'clerk');
const boss = as('boss', 'supervisor');
const admin = as('root', 'admin');
const reviewer = as('rita', 'reviewer');

/** The `[path, code]` of each problem an update is refused with; fails the test when it is not refused. */
const refusal = (run: () => unknown): string[][] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecordValidationError);
    return (error as RecordValidationError).errors.map((issue) => [issue.path, issue.code]);
  }
  throw new Error('expected a refusal');
};

const workflowCode = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkflowError) return error.code;
    throw error;
  }
  return 'ok';
};

const entered = (): FormRecord => form.createRecord({ name: '杭州某某科技', notes: 'first call' }, alice);

describe('ownership of records', () => {
  it('makes the creator the owner, who may then change the fields written by $owner', () => {
    const record = entered();
    expect(record.owner).toBe('alice');
    expect(record.values.name).toBe('杭州某某科技');
    const renamed = form.updateRecord(record, { name: '杭州某某科技有限公司' }, alice);
    expect(renamed.values.name).toBe('杭州某某科技有限公司');
    expect(renamed.owner).toBe('alice');
  });

  it('refuses a clerk who does not own the record, field by field, with forbidden', () => {
    const record = entered();
    expect(refusal(() => form.updateRecord(record, { name: 'forged', notes: 'mine now' }, bob))).toEqual([['name', 'forbidden'], ['notes', 'forbidden']]);
    // Resending what is stored changes nothing, and is no refusal.
    expect(form.updateRecord(record, { name: '杭州某某科技', notes: 'first call' }, bob)).toBe(record);
  });

  it('lets the listed roles in beside $owner, and no other role', () => {
    const record = entered();
    expect(form.updateRecord(record, { name: 'Renamed', level: 'a' }, boss).values).toMatchObject({ name: 'Renamed', level: 'a' });
    // A reviewer is not barred by ownOnly: open fields are theirs, owner fields are not.
    expect(form.updateRecord(record, { notes: 'checked' }, reviewer).values.notes).toBe('checked');
    expect(refusal(() => form.updateRecord(record, { name: 'Renamed' }, reviewer))).toEqual([['name', 'forbidden']]);
    expect(refusal(() => form.updateRecord(record, { level: 'a' }, alice))).toEqual([['level', 'forbidden']]);
  });

  it('counts the creator as owner in validate, sessions and createRecord, which have no record to ask', () => {
    expect(form.validate({ name: 'New' }, { role: 'clerk' }).valid).toBe(true);
    expect(form.validate({ name: 'New' }, { role: 'reviewer' }).valid).toBe(true);
    const session = form.createSession({ role: 'clerk' });
    session.send({ type: 'change', path: 'name', value: 'New' });
    expect(session.getSnapshot().values.name).toBe('New');
    expect(session.getSnapshot().fields.name?.readonly).toBe(false);
  });

  it('takes createdBy as the owner of a record made before owners existed', () => {
    const { owner: _dropped, ...legacy } = JSON.parse(JSON.stringify(entered())) as FormRecord;
    expect(form.updateRecord(legacy, { notes: 'still mine' }, alice).values.notes).toBe('still mine');
    expect(refusal(() => form.updateRecord(legacy, { notes: 'not mine' }, bob))).toEqual([['notes', 'forbidden']]);
    // An owner that is not a text is nobody, never the creator.
    expect(refusal(() => form.updateRecord({ ...legacy, owner: 42 } as unknown as FormRecord, { name: 'x' }, alice))).toEqual([['name', 'forbidden']]);
  });
});

describe('assignOwner', () => {
  it('moves the record to another owner, in history, without touching what recordAt rebuilds', () => {
    const record = form.updateRecord(entered(), { notes: 'second call' }, alice);
    const moved = form.assignOwner(record, 'bob', { ...admin, reason: 'alice left' });
    expect(moved.owner).toBe('bob');
    expect(moved.revision).toBe(record.revision + 1);
    expect(moved.history.at(-1)).toMatchObject({ action: 'assign-owner', from: 'alice', to: 'bob', by: 'root', role: 'admin', reason: 'alice left', revision: 3 });
    expect(moved.history.at(-1)?.changes).toContainEqual({ path: '$owner', from: 'alice', to: 'bob' });
    expect(record.owner).toBe('alice');
    // The new owner follows up; the old one may no longer change it.
    const edited = form.updateRecord(moved, { name: 'Renamed by bob' }, bob);
    expect(refusal(() => form.updateRecord(moved, { notes: 'x' }, alice))).toEqual([['notes', 'forbidden']]);
    const versions = replayHistory(edited);
    for (let revision = 1; revision <= edited.revision; revision++) expect(recordAt(edited, revision)).toEqual(versions[revision]);
    expect(recordAt(edited, 2)).toEqual(record.values);
    expect(recordAt(edited, 3)).toEqual(moved.values);
    expect(recordAt(edited, 4)).toEqual(edited.values);
  });

  it('is refused with WorkflowError forbidden for roles not in ownership.assign, the owner included', () => {
    const record = entered();
    for (const actor of [alice, bob, reviewer]) {
      try {
        form.assignOwner(record, 'bob', actor);
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(WorkflowError);
        expect(error).toMatchObject({ code: 'forbidden', workflow: '$owner', event: 'assign-owner' });
      }
    }
    expect(form.assignOwner(record, 'bob', boss).owner).toBe('bob');
  });

  it('returns the record itself for its current owner, and refuses an owner that names nobody', () => {
    const record = entered();
    expect(form.assignOwner(record, 'alice', admin)).toBe(record);
    expect(() => form.assignOwner(record, '  ', admin)).toThrow(FormUsageError);
    expect(() => form.assignOwner(record, 7 as unknown as string, admin)).toThrow(FormUsageError);
  });
});

describe('$owner in transitions', () => {
  const followUp = form.workflow('followUp');

  it('lets the owner and the listed roles fire, and nobody else', () => {
    const record = entered();
    expect(followUp.send(record, 'close', alice).states.followUp).toBe('closed');
    expect(followUp.send(record, 'close', boss).states.followUp).toBe('closed');
    expect(workflowCode(() => followUp.send(record, 'close', bob))).toBe('forbidden');
    expect(workflowCode(() => followUp.send(record, 'close', reviewer))).toBe('forbidden');
    const moved = form.assignOwner(record, 'bob', admin);
    expect(workflowCode(() => followUp.send(moved, 'close', alice))).toBe('forbidden');
    expect(followUp.send(moved, 'close', bob).states.followUp).toBe('closed');
  });

  it('offers an owner transition only to whoever says they own the record', () => {
    const record = entered();
    expect(followUp.available(record, { role: 'clerk', by: 'alice' })).toEqual(['close']);
    expect(followUp.available(record, { role: 'clerk', by: 'bob' })).toEqual([]);
    expect(followUp.available(record, { role: 'clerk' })).toEqual([]);
    expect(followUp.can(record, 'close', { role: 'supervisor' })).toBe(true);
  });

  it('bars an ownOnly role from any transition on a record it does not own, even one open to every role', () => {
    const open = compileForm(defineForm([{ id: 'a', type: 'text', label: 'A' }], {
      ownership: { ownOnly: ['clerk'] },
      workflows: { w: { initial: 's', states: { s: {}, t: {} }, transitions: [{ event: 'go', from: 's', to: 't' }] } },
    }));
    const record = open.createRecord({ a: 'x' }, { by: 'alice', role: 'clerk', now: NOW });
    expect(open.workflow('w').send(record, 'go', { by: 'alice', role: 'clerk', now: NOW }).states.w).toBe('t');
    expect(workflowCode(() => open.workflow('w').send(record, 'go', { by: 'bob', role: 'clerk', now: NOW }))).toBe('forbidden');
    expect(open.workflow('w').send(record, 'go', { by: 'carol', role: 'admin', now: NOW }).states.w).toBe('t');
  });
});

describe('$owner in the generated walk', () => {
  it('says what the reference pass says, for every role and view', () => {
    const internal = internalFormOf(form);
    const values = { name: 'N', level: 'b', notes: 'n', recorder: 'x' };
    for (const role of [undefined, 'clerk', 'supervisor', 'reviewer']) {
      for (const access of ['role', 'all'] as const) {
        const options = { mode: 'submit', role, locale: 'en', now: new Date(NOW), timeZone: 'Asia/Shanghai', previous: undefined, states: true, tags: true, access } as const;
        const fast = runPass(internal, values, options);
        const reference = runReferencePass(internal, values, options);
        expect([fast.errors, fast.values, fast.states]).toEqual([reference.errors, reference.values, reference.states]);
      }
    }
  });
});

describe('$owner in definitions', () => {
  const field = (access: Record<string, unknown>) => [{ id: 'a', type: 'text', label: 'A', access }];
  const codes = (definition: Record<string, unknown>) => issuesOf(definition).map((issue) => [issue.path, issue.code, issue.reason]);

  it('is accepted in access.write and transition roles', () => {
    expect(() => compileForm(defineForm(field({ write: ['$owner'] }), {
      workflows: { w: { initial: 's', states: { s: {}, t: {} }, transitions: [{ event: 'go', from: 's', to: 't', roles: ['$owner', 'admin'] }] } },
    }))).not.toThrow();
  });

  it('is refused as unknown-role where no record is asked: read lists, reveals, ownership', () => {
    expect(codes(defineForm(field({ read: ['$owner'] })))).toEqual([['sections.0.fields.0.access.read.0', 'unknown-role', 'owner']]);
    expect(codes(defineForm([{ id: 'a', type: 'text', label: 'A', pii: 'name' }], {
      masking: { policies: { view: { a: 'name' } }, reveal: { view: ['$owner'] } },
    }))).toEqual([['masking.reveal.view.0', 'unknown-role', 'owner']]);
    expect(codes(defineForm(field({}), { ownership: { assign: ['$owner'], ownOnly: ['clark'] } }))).toEqual([
      ['ownership.ownOnly.0', 'unknown-role', undefined],
      ['ownership.assign.0', 'unknown-role', 'owner'],
    ]);
    expect(issuesOf(defineForm(field({ read: ['$owner'] })))[0]?.message).toContain('access.write');
  });

  it('is no role name anywhere a name is expected', () => {
    expect(codes(defineForm(field({}), { roles: ['$owner'] }))).toEqual([['roles.0', 'schema', 'name']]);
    expect(codes(defineForm(field({ write: ['$other'] })))).toContainEqual(['sections.0.fields.0.access.write.0', 'schema', 'name']);
  });
});

describe('ownership, as a property', () => {
  const users = [['alice', 'clerk'], ['bob', 'clerk'], ['boss', 'supervisor'], ['rita', 'reviewer'], ['root', 'admin']] as const;
  const step = fc.oneof(
    fc.record({ kind: fc.constant('update' as const), user: fc.constantFrom(...users), field: fc.constantFrom('name', 'level', 'notes'), value: fc.constantFrom('a', 'b', 'x y') }),
    fc.record({ kind: fc.constant('assign' as const), user: fc.constantFrom(...users), to: fc.constantFrom('alice', 'bob', 'carol') }),
  );

  it('allows exactly what the lists, the owner and ownOnly say, and recordAt rebuilds every revision', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
      let record = entered();
      let owner = 'alice';
      const seen: Record<number, unknown> = { 1: record.values };
      for (const item of steps) {
        const by: string = item.user[0];
        const role: string = item.user[1];
        const act = { by, role, now: NOW };
        if (item.kind === 'assign') {
          const allowed = role === 'admin' || role === 'supervisor';
          if (!allowed) {
            expect(workflowCode(() => form.assignOwner(record, item.to, act))).toBe('forbidden');
            continue;
          }
          record = form.assignOwner(record, item.to, act);
          owner = item.to;
        } else {
          const value = item.field === 'level' ? (item.value === 'x y' ? 'a' : item.value) : item.value;
          const owns = by === owner;
          const barred = role === 'clerk' && !owns;
          const writable = !barred && (item.field === 'notes' || role === 'supervisor' || (item.field === 'name' && owns));
          const unchanged = record.values[item.field] === value;
          if (!writable && !unchanged) {
            expect(refusal(() => form.updateRecord(record, { [item.field]: value }, act))).toEqual([[item.field, 'forbidden']]);
            continue;
          }
          record = form.updateRecord(record, { [item.field]: value }, act);
          expect(record.values[item.field]).toBe(value);
        }
        expect(record.owner).toBe(owner);
        seen[record.revision] = record.values;
      }
      for (const [revision, values] of Object.entries(seen)) expect(recordAt(record, Number(revision))).toEqual(values);
    }), { numRuns: 150 });
  });
});
