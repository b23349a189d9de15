import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayHistory } from '../src/records/recordAt';
import { compileForm, FormUsageError, recordAt, RecordValidationError, type FormRecord } from '../src/index';

const NOW = '2026-11-23T10:00:00+08:00';
const customer = { by: 'cust', role: 'customer', now: NOW };
const clerk = { by: 'clerk-1', role: 'clerk', now: NOW };

/** The `[path, code]` of each problem an update is refused with; fails the test when it is not refused. */
const refusal = (run: () => unknown): string[][] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecordValidationError);
    return (error as RecordValidationError).errors.map((issue) => [issue.path, issue.code]);
  }
  throw new Error('expected the update to be refused');
};

const staffOnly = { read: ['clerk'], write: ['clerk'] };

// Service rows: the customer describes each problem, the clerk writes the solution; once paid, quantities are locked.
const service = compileForm({
  id: 'service', version: 1, title: 'Service', roles: ['customer', 'clerk'], sections: [{ id: 's', fields: [
    { id: 'services', type: 'group', label: 'Services', fields: [
      { id: 'problem', type: 'text', label: 'Problem' },
      { id: 'solution', type: 'text', label: 'Solution', access: staffOnly },
      { id: 'qty', type: 'number', label: 'Qty', readonlyIf: { '==': [{ var: 'paid' }, true] } },
      { id: 'onSite', type: 'boolean', label: 'On site' },
      { id: 'address', type: 'text', label: 'Address', access: staffOnly, visibleIf: { '==': [{ var: '$row.onSite' }, true] } },
    ] },
    { id: 'paid', type: 'boolean', label: 'Paid', access: { read: ['customer', 'clerk'], write: ['clerk'] } },
  ] }],
});

const serviced = (): FormRecord => {
  const created = service.createRecord({ services: [{ problem: 'broken', qty: 1, onSite: true }, { problem: 'noisy', qty: 2 }] }, customer);
  return service.updateRecord(created, {
    services: [{ problem: 'broken', qty: 1, onSite: true, solution: 'replaced part', address: 'Room 3' }, { problem: 'noisy', qty: 2, solution: 'oiled' }],
    paid: true,
  }, clerk);
};

describe('updateRecord inside rows', () => {
  it('keeps the staff answers of each row when a customer resends the rows as it sees them', () => {
    const record = serviced();
    const edited = service.updateRecord(record, { services: [{ problem: 'broken screen', qty: 1, onSite: true }, { problem: 'noisy', qty: 2 }] }, customer);
    expect(edited.values.services).toEqual([
      { problem: 'broken screen', qty: 1, onSite: true, solution: 'replaced part', address: 'Room 3' },
      { problem: 'noisy', qty: 2, solution: 'oiled' },
    ]);
    expect(edited.history.at(-1)?.changes.map((change) => change.path)).toEqual(['services.0.problem']);
  });

  it('forbids a customer to write a staff-only row field, at the row path, as validate does', () => {
    const record = serviced();
    expect(refusal(() => service.updateRecord(record, { services: [{ problem: 'broken', qty: 1, onSite: true, solution: 'forged' }, { problem: 'noisy', qty: 2 }] }, customer)))
      .toEqual([['services.0.solution', 'forbidden']]);
    expect(service.validate({ services: [{ problem: 'broken', solution: 'forged' }] }, { role: 'customer' }).errors.map((issue) => [issue.path, issue.code]))
      .toEqual([['services.0.solution', 'forbidden']]);
  });

  it('never compares a staff-only row value with what is stored: the right guess is as forbidden as a wrong one', () => {
    const record = serviced();
    for (const guess of ['replaced part', 'wrong', null]) {
      expect(refusal(() => service.updateRecord(record, { services: [{ problem: 'broken', qty: 1, onSite: true, solution: guess }, { problem: 'noisy', qty: 2 }] }, customer)))
        .toEqual([['services.0.solution', 'forbidden']]);
    }
  });

  it('forbids changing a row field locked by readonlyIf, keeps it when the row leaves it out, and locks it in added rows too', () => {
    const record = serviced();
    expect(refusal(() => service.updateRecord(record, { services: [{ problem: 'broken', qty: 1000, onSite: true }, { problem: 'noisy', qty: 2 }] }, customer)))
      .toEqual([['services.0.qty', 'forbidden']]);
    const leftOut = service.updateRecord(record, { services: [{ problem: 'broken', onSite: true }, { problem: 'noisy' }] }, customer);
    expect(leftOut).toBe(record);
    expect(refusal(() => service.updateRecord(record, { services: [{ problem: 'broken', qty: 1, onSite: true }, { problem: 'noisy', qty: 2 }, { problem: 'new', qty: 5 }] }, customer)))
      .toEqual([['services.2.qty', 'forbidden']]);
  });

  it('lets a customer add rows, which have no staff answers and may hold none', () => {
    const record = serviced();
    const added = service.updateRecord(record, { services: [{ problem: 'broken', qty: 1, onSite: true }, { problem: 'noisy', qty: 2 }, { problem: 'leaks' }] }, customer);
    expect(added.values.services).toEqual([
      { problem: 'broken', qty: 1, onSite: true, solution: 'replaced part', address: 'Room 3' },
      { problem: 'noisy', qty: 2, solution: 'oiled' },
      { problem: 'leaks' },
    ]);
    expect(refusal(() => service.updateRecord(record, { services: [{ problem: 'broken', qty: 1, onSite: true }, { problem: 'noisy', qty: 2 }, { problem: 'leaks', solution: 'x' }] }, customer)))
      .toEqual([['services.2.solution', 'forbidden']]);
  });

  it('forbids a role that cannot read every row field to remove rows, whatever the rows hold', () => {
    const record = serviced();
    for (const rows of [[{ problem: 'noisy', qty: 2 }], [], null]) {
      expect(refusal(() => service.updateRecord(record, { services: rows }, customer))).toEqual([['services', 'forbidden']]);
    }
    // Rows without any staff answer: refused the same way, so that the refusal tells nothing about them.
    const fresh = service.createRecord({ services: [{ problem: 'a' }, { problem: 'b' }] }, customer);
    expect(refusal(() => service.updateRecord(fresh, { services: [{ problem: 'a' }] }, customer))).toEqual([['services', 'forbidden']]);
  });

  it('lets a role that reads every row field remove rows; what it dropped stays in history', () => {
    const record = service.updateRecord(serviced(), { paid: false }, clerk);
    const removed = service.updateRecord(record, { services: [{ problem: 'noisy', qty: 2, solution: 'oiled' }] }, clerk);
    expect(removed.values.services).toEqual([{ problem: 'noisy', qty: 2, solution: 'oiled' }]);
    expect(recordAt(removed, record.revision).services).toEqual(record.values.services);
  });

  it('refuses a removal that would move a locked answer onto another row', () => {
    const record = serviced();
    // Paid: quantities are locked. Removing the first row would put qty 2 where qty 1 is stored.
    expect(refusal(() => service.updateRecord(record, { services: [{ problem: 'noisy', qty: 2, solution: 'oiled' }] }, clerk)))
      .toEqual([['services.0.qty', 'forbidden'], ['services.1.qty', 'forbidden']]);
  });

  it('keeps a staff-only row answer that the customer\'s edit hides', () => {
    const record = serviced();
    const edited = service.updateRecord(record, { services: [{ problem: 'broken', qty: 1, onSite: false }, { problem: 'noisy', qty: 2 }] }, customer);
    expect(edited.values.services).toEqual([
      { problem: 'broken', qty: 1, onSite: false, solution: 'replaced part', address: 'Room 3' },
      { problem: 'noisy', qty: 2, solution: 'oiled' },
    ]);
    expect(edited.history.at(-1)?.changes.map((change) => change.path)).toEqual(['services.0.onSite']);
    const back = service.updateRecord(edited, { services: [{ problem: 'broken', qty: 1, onSite: true }, { problem: 'noisy', qty: 2 }] }, customer);
    expect(back.values).toEqual(record.values);
  });
});

describe('updateRecord inside rows, any sequence', () => {
  it('property: a customer never changes or drops a staff answer of a stored row, nor a locked quantity, and history replays', () => {
    const own = fc.record({ problem: fc.constantFrom('a', 'b'), qty: fc.constantFrom(1, 2), onSite: fc.boolean() }, { requiredKeys: ['problem'] });
    const staff = fc.record({ solution: fc.constantFrom('s1', 's2', null), address: fc.constantFrom('r1', 'r2') }, { requiredKeys: [] });
    const whole = fc.tuple(own, staff).map(([a, b]) => ({ ...a, ...b }));
    // Customers mostly send what they may (so that updates succeed), sometimes staff answers; clerks remove rows too.
    const step = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constant('customer'), fc.array(fc.oneof({ weight: 6, arbitrary: own.map(({ qty: _qty, ...rest }) => rest) }, { weight: 3, arbitrary: own }, { weight: 1, arbitrary: whole }), { minLength: 2, maxLength: 4 }), fc.constant(undefined)) },
      { weight: 1, arbitrary: fc.tuple(fc.constant('clerk'), fc.array(whole, { maxLength: 4 }), fc.option(fc.boolean(), { nil: undefined })) },
    );
    const rowsOf = (record: FormRecord): Record<string, unknown>[] => (record.values.services ?? []) as Record<string, unknown>[];
    fc.assert(fc.property(fc.boolean(), fc.array(step, { maxLength: 8 }), (paidFirst, steps) => {
      let record = paidFirst ? serviced() : service.updateRecord(serviced(), { paid: false }, clerk);
      steps.forEach(([role, rows, paid], index) => {
        const before = record;
        const changes = paid === undefined ? { services: rows } : { services: rows, paid };
        try {
          record = service.updateRecord(record, changes, { by: `${role}-${index}`, role, now: new Date(Date.parse(NOW) + index * 60_000) });
        } catch (error) {
          expect(error).toBeInstanceOf(RecordValidationError);
          return;
        }
        if (role !== 'customer') return;
        expect(rowsOf(record).length).toBeGreaterThanOrEqual(rowsOf(before).length);
        expect(record.values.paid).toEqual(before.values.paid);
        rowsOf(before).forEach((stored, at) => {
          const now = rowsOf(record)[at] ?? {};
          expect([now.solution, now.address]).toEqual([stored.solution, stored.address]);
          if (before.values.paid === true) expect(now.qty).toEqual(stored.qty);
        });
      });
      const replayed = replayHistory(record);
      for (let revision = 1; revision <= record.revision; revision++) expect(recordAt(record, revision)).toEqual(replayed[revision]);
    }), { numRuns: 200 });
  });
});

// A customer's kind decides whether the clerk's credit limit applies.
const account = compileForm({
  id: 'account', version: 1, title: 'Account', roles: ['customer', 'clerk'], sections: [{ id: 's', fields: [
    { id: 'kind', type: 'radio', label: 'Kind', options: [{ value: 'company', label: 'Company' }, { value: 'person', label: 'Person' }] },
    { id: 'creditLimit', type: 'number', label: 'Credit limit', access: staffOnly, visibleIf: { '==': [{ var: 'kind' }, 'company'] } },
    { id: 'note', type: 'text', label: 'Note' },
    { id: 'status', type: 'select', label: 'Status', access: staffOnly, options: [{ value: 'pending', label: 'P' }, { value: 'blacklisted', label: 'B' }] },
  ] }],
});

describe('updateRecord and hidden answers', () => {
  const limited = (): FormRecord => account.updateRecord(account.createRecord({ kind: 'company' }, customer), { creditLimit: 50000 }, clerk);

  it('keeps a staff answer the customer\'s edit hides, lists no change for it, and the record stays valid', () => {
    const record = limited();
    const person = account.updateRecord(record, { kind: 'person' }, customer);
    expect(person.values).toMatchObject({ kind: 'person', creditLimit: 50000 });
    expect(person.history.at(-1)?.changes).toEqual([{ path: 'kind', from: 'company', to: 'person' }]);
    expect(account.validate(person.values, { role: 'clerk' }).errors).toEqual([]);
    // Later updates by anyone keep it; it applies again when the field shows.
    const noted = account.updateRecord(person, { note: 'called' }, clerk);
    expect(noted.values.creditLimit).toBe(50000);
    expect(noted.history.at(-1)?.changes.map((change) => change.path)).toEqual(['note']);
    expect(account.updateRecord(noted, { kind: 'company' }, customer).values.creditLimit).toBe(50000);
  });

  it('does not take a value sent for a field that is hidden after the update', () => {
    const person = account.updateRecord(limited(), { kind: 'person' }, customer);
    expect(account.updateRecord(person, { creditLimit: 1 }, clerk)).toBe(person);
    expect(account.updateRecord(person, { creditLimit: null }, clerk)).toBe(person);
  });
});

describe('updateRecord never tells a role what it cannot read', () => {
  it('refuses every value for a staff-only field alike, the stored one included', () => {
    const record = account.updateRecord(account.createRecord({ kind: 'person' }, customer), { status: 'blacklisted' }, clerk);
    for (const guess of ['pending', 'blacklisted', null, 42]) {
      expect(refusal(() => account.updateRecord(record, { status: guess }, customer))).toEqual([['status', 'forbidden']]);
    }
  });

  it('refuses a field the role may read but not write only when the value differs', () => {
    const record = serviced();
    expect(service.updateRecord(record, { paid: true }, customer)).toBe(record);
    expect(refusal(() => service.updateRecord(record, { paid: false }, customer))).toEqual([['paid', 'forbidden']]);
  });
});

describe('recordAt with what a caller may pass', () => {
  it('finds the revision at a time in a very long history', () => {
    const form = compileForm({ id: 'h', version: 1, title: 'H', sections: [{ id: 's', fields: [{ id: 'n', type: 'number', label: 'N' }] }] });
    const t0 = Date.parse('2025-01-01T00:00:00Z');
    const record = JSON.parse(JSON.stringify(form.createRecord({ n: 0 }, { by: 'u', now: new Date(t0) }))) as { history: unknown[]; revision: number; values: unknown };
    for (let i = 1; i <= 200_000; i++) record.history.push({ revision: i + 1, at: new Date(t0 + i * 1000).toISOString(), by: 'u', action: 'update', changes: [{ path: 'n', from: i - 1, to: i }] });
    record.revision = 200_001;
    record.values = { n: 200_000 };
    const loaded = record as unknown as FormRecord;
    expect(recordAt(loaded, new Date(t0 + 199_990 * 1000))).toEqual({ n: 199_990 });
    expect(recordAt(loaded, 199_990)).toEqual({ n: 199_989 });
    // The caller's record is not frozen by reading it.
    expect(Object.isFrozen(loaded.values)).toBe(false);
  });

  it('gives back an answer holding an own __proto__ key as it was, in a field and in a row', () => {
    const form = compileForm({ id: 'p', version: 1, title: 'P', sections: [{ id: 's', fields: [
      { id: 'note', type: 'text', label: 'Note' },
      { id: 'rows', type: 'group', label: 'Rows', fields: [{ id: 'memo', type: 'text', label: 'Memo' }] },
    ] }] });
    const odd = JSON.parse('{"__proto__":{"polluted":1}}') as unknown;
    // Only a record written by hand or loaded from a store can hold one: validation refuses it as an answer.
    const made = form.createRecord({ note: 'a', rows: [{ memo: 'a' }] }, { by: 'u', now: new Date(NOW) });
    const first = { ...made, values: { note: odd, rows: [{ memo: odd }] } } as FormRecord;
    const second = form.updateRecord(first, { note: 'plain', rows: [{ memo: 'plain' }] }, { by: 'u', now: new Date(NOW) });
    const before = recordAt(second, 1) as { note: unknown; rows: { memo: unknown }[] };
    expect(Object.keys(before.note as object)).toEqual(['__proto__']);
    expect(Object.keys(before.rows[0]?.memo as object)).toEqual(['__proto__']);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('refuses what is not a revision or a time, and a history that is not one, with FormUsageError', () => {
    const record = account.createRecord({ kind: 'person' }, customer);
    const fakeDate = Object.create(Date.prototype) as Date;
    for (const bad of [Symbol('t'), Object.create(null), {}, fakeDate, 'not a time', Number.NaN, 1.5, 0, 2]) {
      expect(() => recordAt(record, bad as never)).toThrow(FormUsageError);
    }
    const altered = (history: unknown[]) => ({ ...record, revision: 2, history }) as unknown as FormRecord;
    for (const history of [[...record.history, null], [...record.history, { revision: 2, at: NOW, changes: [{ path: '__proto__.x', from: 1, to: 2 }] }]]) {
      expect(() => recordAt(altered(history), 1)).toThrow(FormUsageError);
    }
  });
});
