import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError, recordAt, RecordValidationError, type FormRecord } from '../src/index';
import { replayHistory } from '../src/records/recordAt';
import { loadExampleDefinitions } from '../examples/loadExamples';

const intake = compileForm(loadExampleDefinitions().find((example) => example.definition.id === 'customer-intake')?.definition);
const NOW = '2026-11-23T10:00:00+08:00';
const submitted = {
  customerType: 'enterprise', name: '张伟', phone: '+86 138-1234-5678', companyName: '杭州某某科技有限公司',
  demandType: 'cooperation', demandDescription: '需要采购10台工业设备', budget: 'gt100k',
};
const create = (counter?: (key: string) => number): FormRecord =>
  intake.createRecord(submitted, { by: 'customer-42', role: 'customer', now: NOW, ...(counter === undefined ? {} : { counter }) });

const deepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

describe('createRecord', () => {
  it('validates as the role, completes the record and starts its history', () => {
    const keys: string[] = [];
    const record = create((key) => {
      keys.push(key);
      return 7;
    });
    expect(record).toMatchObject({
      formId: 'customer-intake', formVersion: 1, revision: 1, states: { processing: 'pending' },
      stateSince: { processing: '2026-11-23T02:00:00.000Z' }, tags: ['high-value'],
      createdAt: '2026-11-23T02:00:00.000Z', createdBy: 'customer-42', updatedBy: 'customer-42',
    });
    expect(record.values.phone).toBe('13812345678');
    expect(record.values.customerNo).toBe('YQ20261123007');
    expect(keys).toEqual(['customer-intake:customerNo:YQ20261123']);
    expect(record.values).toMatchObject({ updatedAt: '2026-11-23 10:00:00', recorder: 'customer-42' });
    expect(record.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(record.history).toEqual([expect.objectContaining({ revision: 1, by: 'customer-42', role: 'customer', action: 'create' })]);
    expect(record.history[0]?.changes).toContainEqual({ path: 'phone', from: undefined, to: '13812345678' });
    expect(deepFrozen(record)).toBe(true);
  });

  it('numbers auto ids per day by default', () => {
    const first = create();
    const second = create();
    expect(Number(second.values.customerNo?.toString().slice(-3))).toBe(Number(first.values.customerNo?.toString().slice(-3)) + 1);
  });

  it('refuses invalid values and staff-only answers from a customer with RecordValidationError', () => {
    const attempt = (values: Record<string, unknown>) => {
      try {
        intake.createRecord(values, { by: 'c', role: 'customer', now: NOW });
      } catch (error) {
        expect(error).toBeInstanceOf(RecordValidationError);
        return (error as RecordValidationError).errors.map((issue) => [issue.path, issue.code]);
      }
      return [];
    };
    expect(attempt({ ...submitted, phone: '123' })).toEqual([['phone', 'format']]);
    expect(attempt({ ...submitted, status: 'closed' })).toEqual([['status', 'forbidden']]);
    expect(() => intake.createRecord(submitted, { role: 'customer' } as never)).toThrow(FormUsageError);
  });
});

describe('updateRecord', () => {
  it('merges changes into a new revision and records each change from and to', () => {
    const record = create();
    const updated = intake.updateRecord(record, { owner: '王强', status: 'pending' }, { by: 'clerk-7', role: 'clerk', now: '2026-11-23T11:00:00+08:00' });
    expect(updated.revision).toBe(2);
    expect(updated.values).toMatchObject({ owner: '王强', status: 'pending', phone: '13812345678', updatedAt: '2026-11-23 11:00:00', recorder: 'clerk-7' });
    expect(updated.history[1]).toMatchObject({ revision: 2, by: 'clerk-7', role: 'clerk', action: 'update' });
    expect(updated.history[1]?.changes).toEqual(expect.arrayContaining([
      { path: 'owner', from: undefined, to: '王强' }, { path: 'updatedAt', from: '2026-11-23 10:00:00', to: '2026-11-23 11:00:00' },
    ]));
    expect(record.revision).toBe(1);
    expect(record.values.owner).toBeUndefined();
  });

  it('keeps what the acting role cannot see, and forbids changing it', () => {
    const staffed = intake.updateRecord(create(), { owner: '王强', notes: '已电话联系' }, { by: 'clerk-7', role: 'clerk', now: NOW });
    const byCustomer = intake.updateRecord(staffed, { urgency: 'high' }, { by: 'customer-42', role: 'customer', now: NOW });
    expect(byCustomer.values).toMatchObject({ owner: '王强', notes: '已电话联系', urgency: 'high' });
    expect(() => intake.updateRecord(staffed, { notes: 'x' }, { by: 'customer-42', role: 'customer', now: NOW })).toThrow(RecordValidationError);
    // Even the stored value itself: a value for a field the role cannot read is never compared, or a right guess would pass.
    expect(() => intake.updateRecord(staffed, { notes: '已电话联系' }, { by: 'customer-42', role: 'customer', now: NOW })).toThrow(RecordValidationError);
    expect(intake.updateRecord(staffed, { urgency: staffed.values.urgency }, { by: 'customer-42', role: 'customer', now: NOW })).toBe(staffed);
  });

  it('rebuilds every earlier version from history, by revision or by time', () => {
    let record = create();
    record = intake.updateRecord(record, { owner: 'A' }, { by: 'c1', role: 'clerk', now: '2026-11-23T11:00:00+08:00' });
    record = intake.updateRecord(record, { owner: 'B', urgency: 'low' }, { by: 'c2', role: 'clerk', now: '2026-11-23T12:00:00+08:00' });
    expect(recordAt(record, 1).owner).toBeUndefined();
    expect(recordAt(record, 2).owner).toBe('A');
    expect(recordAt(record, '2026-11-23T11:30:00+08:00')).toEqual(recordAt(record, 2));
    expect(recordAt(record, 3)).toEqual(record.values);
    expect(() => recordAt(record, 4)).toThrow(FormUsageError);
  });

  it('property: any sequence of updates by any role never loses a stored value the role cannot see, and history replays to every revision', () => {
    const answer = fc.record({
      owner: fc.constantFrom('A', 'B', null), notes: fc.constantFrom('n1', 'n2', null), urgency: fc.constantFrom('high', 'low', 'medium'),
      budget: fc.constantFrom('lt10k', 'gt100k'), feedbackType: fc.constantFrom('satisfaction', 'complaint', null), satisfaction: fc.constantFrom(3, 5, 9),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('customer', 'clerk', 'admin'), answer), { maxLength: 8 }), (steps) => {
      let record = create();
      steps.forEach(([role, changes], index) => {
        const before = record;
        try {
          record = intake.updateRecord(record, changes, { by: `${role}-${index}`, role, now: new Date(Date.parse(NOW) + index * 60_000) });
        } catch (error) {
          expect(error).toBeInstanceOf(RecordValidationError);
          return;
        }
        if (role === 'customer') {
          for (const staff of ['owner', 'notes', 'status', 'followUpAt']) expect(record.values[staff]).toEqual(before.values[staff]);
        }
      });
      const replayed = replayHistory(record);
      for (let revision = 1; revision <= record.revision; revision++) expect(recordAt(record, revision)).toEqual(replayed[revision]);
      expect(replayed[record.revision]).toEqual(record.values);
    }), { numRuns: 150 });
  });
});
