import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError, WorkflowError, workingCalendar, type FormRecord } from '../src/index';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { chinaCalendar2025 } from '../examples/chinaCalendar2025';

const definition = (id: string): Record<string, unknown> => {
  const found = loadExampleDefinitions().find((example) => example.definition.id === id)?.definition;
  if (found === undefined) throw new Error(id);
  return found;
};
const info = compileForm(definition('customer-info'));
const intake = compileForm(definition('customer-intake'), { calendar: chinaCalendar2025 });
const NOW = '2025-09-26T15:00:00+08:00';

const customer = {
  customerName: '杭州某某科技有限公司', industry: 'manufacturing', region: ['330000', '330100', '330106'], customerType: 'intended',
  contactName: '李娜', contactPhone: '13912345678', demandDescription: '设备采购', expectedDate: '2025-12-01', sources: ['expo'],
};
const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkflowError) return error.code;
    throw error;
  }
  return 'ok';
};

describe('review (R12): submit, reject with a reason, at most three resubmissions, second approval for important customers', () => {
  const review = info.workflow('review');
  const created = info.createRecord(customer, { by: 'customer-1', role: 'customer', now: NOW });

  it('runs the whole review and keeps every step in history', () => {
    let record = review.send(created, 'submit', { by: 'customer-1', role: 'customer', now: NOW });
    expect(record.states.review).toBe('submitted');
    expect(review.available(record, { role: 'reviewer' })).toEqual(['approve', 'reject']);
    expect(review.available(record, { role: 'customer' })).toEqual([]);
    expect(codeOf(() => review.send(record, 'reject', { by: 'r1', role: 'reviewer', now: NOW }))).toBe('reason-required');
    record = review.send(record, 'reject', { by: 'r1', role: 'reviewer', now: NOW, reason: '营业执照不清晰' });
    expect(record.history.at(-1)).toMatchObject({ action: 'transition', workflow: 'review', event: 'reject', from: 'submitted', to: 'rejected', reason: '营业执照不清晰', by: 'r1' });
    for (let i = 0; i < 3; i++) {
      record = review.send(record, 'resubmit', { by: 'customer-1', role: 'customer', now: NOW });
      record = review.send(record, 'reject', { by: 'r1', role: 'reviewer', now: NOW, reason: `第${i + 2}次驳回` });
    }
    expect(codeOf(() => review.send(record, 'resubmit', { by: 'customer-1', role: 'customer', now: NOW }))).toBe('limit');
    expect(review.can(record, 'resubmit', { role: 'customer' })).toBe(false);
  });

  it('sends an important customer to a second approval by an admin', () => {
    const submitted = review.send(created, 'submit', { by: 'customer-1', role: 'customer', now: NOW });
    const important = info.updateRecord(submitted, { important: true }, { by: 'r1', role: 'reviewer', now: NOW });
    const first = review.send(important, 'approve', { by: 'r1', role: 'reviewer', now: NOW });
    expect(first.states.review).toBe('second-review');
    expect(codeOf(() => review.send(first, 'approve', { by: 'r1', role: 'reviewer', now: NOW }))).toBe('forbidden');
    expect(review.send(first, 'approve', { by: 'boss', role: 'admin', now: NOW }).states.review).toBe('archived');
    expect(review.send(submitted, 'approve', { by: 'r1', role: 'reviewer', now: NOW }).states.review).toBe('archived');
  });

  it('checks in the documented order: not-allowed, forbidden, guard, missing-fields, reason-required, limit', () => {
    expect(codeOf(() => review.send(created, 'approve', { by: 'r1', role: 'reviewer', now: NOW }))).toBe('not-allowed');
    expect(codeOf(() => review.send(created, 'submit', { by: 'x', role: 'reviewer', now: NOW }))).toBe('forbidden');
    expect(() => info.workflow('reveiw')).toThrow(/did you mean 'review'/);
    expect(() => review.send(created, 'submit', { role: 'customer' } as never)).toThrow(FormUsageError);
  });
});

describe('processing (R13): pending -> in progress -> done -> closed, with working-day deadlines', () => {
  const processing = intake.workflow('processing');
  const base = intake.createRecord({ customerType: 'individual', name: '张伟', phone: '13812345678', demandType: 'other', demandDescription: '需要一个报价方案' },
    { by: 'c', role: 'customer', now: NOW });

  it('is recorded within 1 working day: Friday afternoon before National Day is due on the 调休 Sunday', () => {
    expect(processing.deadline(base)?.toISOString()).toBe('2025-09-28T07:00:00.000Z'); // Sunday 28 Sep is a working day in 2025
    expect(processing.overdue(base, '2025-09-28T15:00:00+08:00')).toBe(false);
    expect(processing.overdue(base, '2025-09-28T15:00:01+08:00')).toBe(true);
  });

  it('needs an owner to start and a solution to finish, and sets the completion time itself', () => {
    expect(codeOf(() => processing.send(base, 'start', { by: 'k', role: 'clerk', now: NOW }))).toBe('missing-fields');
    const owned = intake.updateRecord(base, { owner: '王强' }, { by: 'k', role: 'clerk', now: NOW });
    const started = processing.send(owned, 'start', { by: 'k', role: 'clerk', now: NOW });
    expect(() => processing.send(started, 'finish', { by: 'k', role: 'clerk', now: NOW })).toThrow(expect.objectContaining({ code: 'missing-fields', fields: ['solution'] }));
    const solved = intake.updateRecord(started, { solution: '上门更换' }, { by: 'k', role: 'clerk', now: NOW });
    const done = processing.send(solved, 'finish', { by: 'k', role: 'clerk', now: '2025-09-27T10:00:00+08:00' });
    expect(done.states.processing).toBe('done');
    expect(done.values.completedAt).toBe('2025-09-27T02:00:00.000Z');
    expect(processing.overdue(done, '2025-09-28T10:00:01+08:00')).toBe(true); // close within 24 h
    const closed = processing.send(done, 'close', { by: 'boss', role: 'admin', now: '2025-09-27T11:00:00+08:00' });
    expect(processing.overdue(closed, '2030-01-01T00:00:00Z')).toBe(false); // final states are never overdue
    expect(processing.available(closed, { role: 'admin' })).toEqual([]);
  });

  it('follows the calendar it is given: without 调休, the Sunday is off', () => {
    const weekdays = compileForm(definition('customer-intake'), { calendar: workingCalendar() }).workflow('processing');
    expect(weekdays.deadline(base)?.toISOString()).toBe('2025-09-29T07:00:00.000Z');
  });
});

describe('property: a workflow never reaches a state the definition does not list', () => {
  it('holds for any sequence of events by any role', () => {
    const forms = [info, intake, compileForm(definition('crm-profile'))];
    fc.assert(fc.property(fc.constantFrom(...forms), fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('customer', 'clerk', 'reviewer', 'admin'), fc.boolean()), { maxLength: 15 }), (form, steps) => {
      const values = form === info ? customer : {};
      let record: FormRecord;
      try {
        record = form.createRecord(values, { by: 'u', role: 'clerk', now: NOW });
      } catch {
        return;
      }
      const names = form.definition.workflows === undefined ? [] : Object.keys(form.definition.workflows);
      for (const [eventSeed, role, reason] of steps) {
        for (const name of names) {
          const workflow = form.workflow(name);
          const events = [...new Set(form.definition.workflows?.[name]?.transitions.map((transition) => transition.event) ?? [])];
          const event = events.length > 0 && eventSeed.length % 3 !== 0 ? events[eventSeed.length % events.length] as string : eventSeed;
          try {
            record = workflow.send(record, event, { by: 'u', role, now: NOW, ...(reason ? { reason: '原因' } : {}) });
          } catch (error) {
            expect(error instanceof WorkflowError || (error as { name?: string }).name === 'RecordValidationError').toBe(true);
          }
          expect(workflow.states).toContain(record.states[name]);
        }
      }
    }), { numRuns: 200 });
  });
});
