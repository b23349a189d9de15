import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayHistory } from '../src/records/recordAt';
import {
  ChangeRequestError, compileForm, FormUsageError, recordAt, RecordValidationError, WorkflowError, type ChangeRequest,
} from '../src/index';
import { defineForm, issuesOf } from './helpers';

const NOW = '2026-03-02T09:00:00+08:00';
const archivedLock = { '==': [{ var: 'archived' }, true] };

// An archived customer file: once archived, clerks change nothing directly; their changes go
// through a request a reviewer approves.
const definition = {
  id: 'customer-archive', version: 1, title: 'Customer archive',
  roles: ['clerk', 'reviewer'],
  sections: [{ id: 'main', fields: [
    { id: 'archived', type: 'boolean', label: 'Archived', access: { write: ['reviewer'] } },
    { id: 'name', type: 'text', label: 'Name', required: true, readonlyIf: archivedLock },
    { id: 'phone', type: 'text', label: 'Mobile', format: 'cn-mobile', readonlyIf: archivedLock },
    { id: 'address', type: 'text', label: 'Address', readonlyIf: archivedLock },
    { id: 'credit', type: 'number', label: 'Credit limit', min: 0, access: { write: ['reviewer'] } },
    { id: 'staff', type: 'number', label: 'Staff', min: 0 },
    { id: 'branches', type: 'number', label: 'Branches', min: 0 },
    { id: 'size', type: 'computed', label: 'Size', expression: { '+': [{ var: 'staff' }, { var: 'branches' }] } },
    { id: 'contacts', type: 'group', label: 'Contacts', fields: [
      { id: 'who', type: 'text', label: 'Who' },
      { id: 'tel', type: 'text', label: 'Tel' },
    ] },
  ] }],
  changeRequests: { workflow: 'changeReview', apply: 'approved' },
  workflows: {
    changeReview: {
      initial: 'pending',
      states: { pending: {}, approved: { final: true }, rejected: { final: true } },
      transitions: [
        { event: 'approve', from: 'pending', to: 'approved', roles: ['reviewer'] },
        { event: 'reject', from: 'pending', to: 'rejected', roles: ['reviewer'], reason: 'required' },
      ],
    },
  },
} as const;
const form = compileForm(definition);

const clerk = { by: 'alice', role: 'clerk', now: NOW };
const reviewer = { by: 'rita', role: 'reviewer', now: NOW };

type Archive = ReturnType<typeof form.createRecord>;

const archivedFile = (): Archive => {
  const created = form.createRecord({ name: '杭州某某科技', phone: '13812345678', address: '西湖区', staff: 10, branches: 1, contacts: [{ who: '李娜', tel: '1' }] }, clerk);
  return form.updateRecord(created, { archived: true }, reviewer);
};

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('requestChange', () => {
  it('makes a pending request and leaves the record as it is', () => {
    const record = archivedFile();
    const request = form.requestChange(record, { phone: '13900001111' }, { ...clerk, id: 'req-1' });
    expect(request).toEqual({
      id: 'req-1', formId: 'customer-archive', recordId: record.id, baseRevision: record.revision, by: 'alice', role: 'clerk',
      at: new Date(NOW).toISOString(), changes: [{ path: 'phone', from: '13812345678', to: '13900001111' }], state: 'pending',
      history: [{ at: new Date(NOW).toISOString(), by: 'alice', role: 'clerk', action: 'request', to: 'pending' }],
    });
    expect(Object.isFrozen(request) && Object.isFrozen(request.changes)).toBe(true);
    expect(record.values.phone).toBe('13812345678');
    expect(record.history).toHaveLength(2);
  });

  it('checks the change as an update by that role would be, locks aside', () => {
    const record = archivedFile();
    // The archive lock refuses the clerk's own update, not the request.
    expect(thrown(() => form.updateRecord(record, { phone: '13900001111' }, clerk))).toBeInstanceOf(RecordValidationError);
    const invalid = thrown(() => form.requestChange(record, { phone: '12345' }, clerk));
    expect(invalid).toBeInstanceOf(RecordValidationError);
    expect((invalid as RecordValidationError).errors.map((issue) => [issue.path, issue.code])).toEqual([['phone', 'format']]);
    const forbidden = thrown(() => form.requestChange(record, { credit: 100 }, clerk)) as RecordValidationError;
    expect(forbidden.errors.map((issue) => [issue.path, issue.code])).toEqual([['credit', 'forbidden']]);
    const unknown = thrown(() => form.requestChange(record, { nickname: 'x' } as never, clerk)) as RecordValidationError;
    expect(unknown.errors.map((issue) => issue.code)).toEqual(['unknownField']);
  });

  it('refuses a request that changes nothing, and a form without changeRequests', () => {
    const record = archivedFile();
    expect(thrown(() => form.requestChange(record, { phone: '13812345678' }, clerk))).toMatchObject({ name: 'ChangeRequestError', code: 'no-change' });
    const plain = compileForm(defineForm([{ id: 'a', type: 'text', label: 'A' }]));
    const other = plain.createRecord({ a: 'x' }, { by: 'u', now: NOW });
    expect(thrown(() => plain.requestChange(other, { a: 'y' }, { by: 'u', now: NOW }))).toBeInstanceOf(FormUsageError);
  });

  it('leaves computed answers out: they are computed again when a request is applied', () => {
    const record = archivedFile();
    const staff = form.requestChange(record, { staff: 20 }, clerk);
    expect(staff.changes).toEqual([{ path: 'staff', from: 10, to: 20 }]);
    const branches = form.requestChange(record, { branches: 3 }, clerk);
    let current = form.reviewChange(record, staff, 'approve', reviewer).record;
    current = form.reviewChange(current, branches, 'approve', reviewer).record;
    expect(current.values).toMatchObject({ staff: 20, branches: 3, size: 23 });
  });
});

describe('reviewChange', () => {
  it('applies an approved request, with a history entry naming it', () => {
    const record = archivedFile();
    const request = form.requestChange(record, { phone: '13900001111', address: '滨江区' }, clerk);
    const { record: approved, request: done } = form.reviewChange(record, request, 'approve', reviewer);
    expect(approved.values).toMatchObject({ phone: '13900001111', address: '滨江区' });
    expect(approved.revision).toBe(record.revision + 1);
    expect(approved.history.at(-1)).toMatchObject({ action: 'change-request', request: request.id, by: 'rita', role: 'reviewer', revision: approved.revision });
    expect(approved.history.at(-1)?.changes.map((change) => change.path)).toEqual(['phone', 'address']);
    expect(done).toMatchObject({ state: 'approved', appliedRevision: approved.revision });
    expect(done.history.at(-1)).toMatchObject({ action: 'transition', event: 'approve', from: 'pending', to: 'approved', by: 'rita' });
    expect(request.state).toBe('pending');
    expect(recordAt(approved, record.revision)).toEqual(record.values);
    expect(replayHistory(approved)[approved.revision]).toEqual(approved.values);
    // Applied once: the request is in a final state now.
    expect(thrown(() => form.reviewChange(approved, done, 'approve', reviewer))).toMatchObject({ name: 'WorkflowError', code: 'not-allowed' });
  });

  it('rejects with a reason and leaves the record untouched', () => {
    const record = archivedFile();
    const request = form.requestChange(record, { phone: '13900001111' }, clerk);
    expect(thrown(() => form.reviewChange(record, request, 'reject', reviewer))).toMatchObject({ name: 'WorkflowError', code: 'reason-required' });
    const { record: same, request: rejected } = form.reviewChange(record, request, 'reject', { ...reviewer, reason: '号码未核实' });
    expect(same).toBe(record);
    expect(rejected).toMatchObject({ state: 'rejected' });
    expect(rejected.appliedRevision).toBeUndefined();
    expect(rejected.history.at(-1)).toMatchObject({ event: 'reject', reason: '号码未核实' });
  });

  it('checks the review roles as send does', () => {
    const record = archivedFile();
    const request = form.requestChange(record, { phone: '13900001111' }, clerk);
    const error = thrown(() => form.reviewChange(record, request, 'approve', clerk));
    expect(error).toBeInstanceOf(WorkflowError);
    expect(error).toMatchObject({ code: 'forbidden', workflow: 'changeReview', event: 'approve' });
    expect(thrown(() => form.reviewChange(record, request, 'archive', reviewer))).toMatchObject({ code: 'not-allowed' });
  });

  it('refuses the second of two approvals on the same field as a conflict, naming the path, never a value', () => {
    const record = archivedFile();
    const first = form.requestChange(record, { phone: '13900001111' }, clerk);
    const second = form.requestChange(record, { phone: '13700002222', address: '上城区' }, { ...clerk, by: 'bob' });
    const applied = form.reviewChange(record, first, 'approve', reviewer).record;
    const error = thrown(() => form.reviewChange(applied, second, 'approve', reviewer));
    expect(error).toBeInstanceOf(ChangeRequestError);
    expect(error).toMatchObject({ code: 'conflict', paths: ['phone'] });
    expect((error as Error).message).not.toMatch(/1390000|1370000|1381234|上城区/);
    expect(applied.values.phone).toBe('13900001111');
    // The conflicting request can still be rejected.
    expect(form.reviewChange(applied, second, 'reject', { ...reviewer, reason: 'superseded' }).record).toBe(applied);
  });

  it('applies requests on different fields, each in turn, however stale their base revision', () => {
    const record = archivedFile();
    const phone = form.requestChange(record, { phone: '13900001111' }, clerk);
    const address = form.requestChange(record, { address: '滨江区' }, clerk);
    const once = form.reviewChange(record, address, 'approve', reviewer).record;
    const twice = form.reviewChange(once, phone, 'approve', reviewer).record;
    expect(twice.values).toMatchObject({ phone: '13900001111', address: '滨江区', name: '杭州某某科技' });
    expect(twice.history.slice(-2).map((entry) => entry.request)).toEqual([address.id, phone.id]);
  });

  it('treats a row whose group was re-laid since the request as a conflict', () => {
    const record = archivedFile();
    const row = form.requestChange(record, { contacts: [{ who: '李娜', tel: '2' }] }, clerk);
    expect(row.changes).toEqual([{ path: 'contacts.0.tel', from: '1', to: '2' }]);
    const relaid = form.updateRecord(record, { contacts: [{ who: '王强', tel: '1' }, { who: '李娜', tel: '1' }] }, reviewer);
    expect(thrown(() => form.reviewChange(relaid, row, 'approve', reviewer))).toMatchObject({ code: 'conflict', paths: ['contacts.0.tel'] });
    expect(form.reviewChange(record, row, 'approve', reviewer).record.values.contacts).toEqual([{ who: '李娜', tel: '2' }]);
  });

  it('refuses a request for another record, or one that is not a request', () => {
    const record = archivedFile();
    const other = archivedFile();
    const request = form.requestChange(record, { phone: '13900001111' }, clerk);
    expect(thrown(() => form.reviewChange(other, request, 'approve', reviewer))).toBeInstanceOf(FormUsageError);
    expect(thrown(() => form.reviewChange(record, { ...request, state: 'lost' }, 'approve', reviewer))).toBeInstanceOf(FormUsageError);
    expect(thrown(() => form.reviewChange(record, { ...request, changes: [{ path: 'a.b', from: 1, to: 2 }] }, 'approve', reviewer))).toBeInstanceOf(FormUsageError);
    expect(thrown(() => form.reviewChange(record, null as unknown as ChangeRequest, 'approve', reviewer))).toBeInstanceOf(FormUsageError);
  });

  it('takes a request stored as JSON and never mutates what it is given', () => {
    const record = archivedFile();
    const stored = JSON.parse(JSON.stringify(form.requestChange(record, { phone: '13900001111' }, clerk))) as ChangeRequest;
    const copy = JSON.stringify(stored);
    const { record: approved, request } = form.reviewChange(record, stored, 'approve', reviewer);
    expect(JSON.stringify(stored)).toBe(copy);
    expect(Object.isFrozen(stored)).toBe(false);
    expect(Object.isFrozen(request)).toBe(true);
    expect(approved.values.phone).toBe('13900001111');
  });
});

describe('change requests and ownership', () => {
  const owned = compileForm(defineForm([{ id: 'phone', type: 'text', label: 'Phone' }], {
    ownership: { ownOnly: ['clerk'] },
    changeRequests: { workflow: 'review', apply: 'done' },
    workflows: { review: { initial: 'open', states: { open: {}, done: {} }, transitions: [{ event: 'accept', from: 'open', to: 'done', roles: ['$owner', 'admin'] }] } },
  }));
  const record = owned.createRecord({ phone: '1' }, { by: 'alice', role: 'clerk', now: NOW });

  it('takes requests only from those who may change the record, and lets the owner review them', () => {
    const refused = thrown(() => owned.requestChange(record, { phone: '2' }, { by: 'bob', role: 'clerk', now: NOW })) as RecordValidationError;
    expect(refused.errors.map((issue) => [issue.path, issue.code])).toEqual([['phone', 'forbidden']]);
    const request = owned.requestChange(record, { phone: '2' }, { by: 'carol', role: 'customer', now: NOW });
    expect(thrown(() => owned.reviewChange(record, request, 'accept', { by: 'bob', role: 'clerk', now: NOW }))).toMatchObject({ code: 'forbidden' });
    expect(owned.reviewChange(record, request, 'accept', { by: 'alice', role: 'clerk', now: NOW }).record.values.phone).toBe('2');
  });
});

describe('the change-request workflow', () => {
  it('runs on requests, not on records', () => {
    const record = archivedFile();
    expect(record.states).toEqual({});
    expect(() => form.workflow('changeReview')).toThrow(FormUsageError);
  });

  it('is checked when the form is compiled', () => {
    const codes = (extra: Record<string, unknown>) => issuesOf(defineForm([{ id: 'a', type: 'text', label: 'A' }], extra)).map((issue) => [issue.path, issue.code, issue.reason]);
    const review = { initial: 'pending', states: { pending: {}, approved: {} }, transitions: [{ event: 'approve', from: 'pending', to: 'approved', set: { a: 'x' } }] };
    expect(codes({ changeRequests: { workflow: 'reveiw', apply: 'approved' }, workflows: { review } })).toEqual([['changeRequests.workflow', 'unknown-workflow', undefined]]);
    expect(codes({ changeRequests: { workflow: 'review', apply: 'aproved' }, workflows: { review } })).toEqual([
      ['changeRequests.apply', 'unknown-state', undefined],
      ['workflows.review.transitions.0.set', 'schema', 'request-workflow'],
    ]);
    expect(issuesOf(defineForm([], { changeRequests: { workflow: 'review' } })).map((issue) => issue.code)).toContain('schema');
  });
});

describe('change requests, as a property', () => {
  const FIELDS = ['name', 'phone', 'address'] as const;
  const VALUES = { name: ['甲', '乙', '丙'], phone: ['13800000001', '13800000002', '13800000003'], address: ['东', '南', '西'] } as const;
  // Requests and approvals outnumber the rest, so that requests pile up on the same fields and conflict.
  const step = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('request' as const), field: fc.constantFrom(...FIELDS), value: fc.nat(2) }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant('update' as const), field: fc.constantFrom(...FIELDS), value: fc.nat(2) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('approve' as const), which: fc.nat(20) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('reject' as const), which: fc.nat(20) }), weight: 1 },
  );

  it('changes the record by exactly the approved requests that found what they expected, in order', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 8, maxLength: 30 }), (steps) => {
      let record = form.createRecord({ name: '甲', phone: '13800000001', address: '东' }, clerk);
      const model: Record<string, unknown> = { name: '甲', phone: '13800000001', address: '东' };
      const pending: ChangeRequest[] = [];
      for (const item of steps) {
        if (item.kind === 'request' || item.kind === 'update') {
          const value = VALUES[item.field][item.value];
          if (model[item.field] === value) {
            if (item.kind === 'request') expect(thrown(() => form.requestChange(record, { [item.field]: value }, clerk))).toMatchObject({ code: 'no-change' });
            continue;
          }
          if (item.kind === 'request') {
            pending.push(form.requestChange(record, { [item.field]: value }, clerk));
            continue;
          }
          record = form.updateRecord(record, { [item.field]: value }, reviewer);
          model[item.field] = value;
          continue;
        }
        if (pending.length === 0) continue;
        const index = item.which % pending.length;
        const request = pending[index] as ChangeRequest;
        const [change] = request.changes;
        if (item.kind === 'reject') {
          const result = form.reviewChange(record, request, 'reject', { ...reviewer, reason: 'no' });
          expect(result.record).toBe(record);
          pending.splice(index, 1);
          continue;
        }
        if (change !== undefined && model[change.path] !== change.from) {
          // Changed since the request: refused, nothing overwritten.
          expect(thrown(() => form.reviewChange(record, request, 'approve', reviewer))).toMatchObject({ code: 'conflict', paths: [change.path] });
          continue;
        }
        const before = record.revision;
        record = form.reviewChange(record, request, 'approve', reviewer).record;
        expect(record.revision).toBe(before + 1);
        if (change !== undefined) model[change.path] = change.to;
        pending.splice(index, 1);
      }
      expect({ name: record.values.name, phone: record.values.phone, address: record.values.address }).toEqual(model);
      const versions = replayHistory(record);
      for (let revision = 1; revision <= record.revision; revision++) expect(recordAt(record, revision)).toEqual(versions[revision]);
    }), { numRuns: 200 });
  });
});

describe('a request edited where it is stored', () => {
  it('cannot write what its requester may not: the changes are checked again when approved', () => {
    const record = archivedFile();
    const request = form.requestChange(record, { phone: '13900001111' }, clerk);
    const forged = { ...request, changes: [{ path: 'credit', from: undefined, to: 1_000_000_000 }] } as unknown as ChangeRequest;
    const error = thrown(() => form.reviewChange(record, forged, 'approve', reviewer));
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['credit forbidden']);
    expect(form.reviewChange(record, request, 'approve', reviewer).record.values.phone).toBe('13900001111');
  });
});

