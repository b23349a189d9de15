import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldIR } from '../src/compile/internalForm';
import { internalFormOf } from '../src/form/internal';
import { diffForms, migrateRecord } from '../src/form/versions';
import { compileForm, FormUsageError, recordAt, type FormRecord } from '../src/index';
import { replayHistory } from '../src/records/recordAt';

const NOW = '2026-03-02T09:00:00+08:00';
const LATER = '2026-06-01T09:00:00+08:00';

const industries = [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }];
const v1Definition = {
  id: 'customer', version: 1, title: 'Customer', roles: ['customer', 'clerk'],
  sections: [{ id: 'main', fields: [
    { id: 'phone', type: 'text', label: 'Phone', required: true, format: 'cn-mobile' },
    { id: 'email', type: 'text', label: 'Email', format: 'email' },
    { id: 'company', type: 'text', label: 'Company' },
    { id: 'industry', type: 'select', label: 'Industry', options: industries },
    { id: 'services', type: 'group', label: 'Services', fields: [
      { id: 'product', type: 'text', label: 'Product', required: true },
      { id: 'solution', type: 'text', label: 'Solution' },
    ] },
  ] }],
  workflows: { review: {
    initial: 'submitted', states: { submitted: {}, approved: {}, closed: { final: true } },
    transitions: [{ event: 'approve', from: 'submitted', to: 'approved' }, { event: 'close', from: 'approved', to: 'closed' }],
  } },
};
// The quarter's changes: email gone, company now a head count, option c withdrawn, a required
// contract number, a rating per service, and `closed` replaced by `archived`.
const v2Definition = {
  ...v1Definition, version: 2,
  sections: [{ id: 'main', fields: [
    { id: 'phone', type: 'text', label: 'Phone', required: true, format: 'cn-mobile' },
    { id: 'company', type: 'number', label: 'Company' },
    { id: 'industry', type: 'select', label: 'Industry', options: industries.slice(0, 2) },
    { id: 'contractNo', type: 'text', label: 'Contract no.', required: true },
    { id: 'services', type: 'group', label: 'Services', fields: [
      { id: 'product', type: 'text', label: 'Product', required: true },
      { id: 'solution', type: 'text', label: 'Solution' },
      { id: 'rating', type: 'rating', label: 'Rating' },
    ] },
  ] }],
  workflows: { review: {
    initial: 'submitted', states: { submitted: {}, approved: {}, archived: { final: true } },
    transitions: [{ event: 'approve', from: 'submitted', to: 'approved' }, { event: 'archive', from: 'approved', to: 'archived' }],
  } },
};
const v1 = compileForm(v1Definition);
const v2 = compileForm(v2Definition);

const answers = {
  phone: '13812345678', email: 'li@example.com', company: 'ACME', industry: 'c', services: [{ product: 'P1', solution: 'fix' }],
};
const collected = (): FormRecord => {
  const created = v1.createRecord(answers, { by: 'customer-1', role: 'customer', now: NOW });
  const review = v1.workflow('review');
  const approved = review.send(created, 'approve', { by: 'clerk-1', role: 'clerk', now: NOW });
  return review.send(approved, 'close', { by: 'clerk-1', role: 'clerk', now: NOW });
};
const usageCode = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof FormUsageError) return error.code;
    throw error;
  }
  return undefined;
};
const deepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

describe('diffForms', () => {
  it('lists exactly what changed from v1 to v2, in definition order, with breaking flags', () => {
    expect(diffForms(v1, v2)).toEqual([
      { path: 'email', kind: 'field-removed', breaking: true, detail: 'text field removed; its answers are dropped' },
      { path: 'company', kind: 'type-changed', breaking: true, detail: 'type text -> number' },
      { path: 'industry', kind: 'option-removed', breaking: true, detail: "option 'c' removed" },
      { path: 'contractNo', kind: 'field-added', breaking: true, detail: 'new text field (required)' },
      { path: 'services.rating', kind: 'field-added', breaking: false, detail: 'new rating field (optional)' },
      { path: 'workflows.review.states.closed', kind: 'state-removed', breaking: true, detail: "state 'closed' removed; records in it go back to 'submitted'" },
      { path: 'workflows.review.states.archived', kind: 'state-added', breaking: false, detail: "state 'archived' added" },
    ]);
    expect(diffForms(v1, v1)).toEqual([]);
    expect(diffForms(v1, v2)).toEqual(diffForms(v1, v2));
  });

  it('tells tightening from loosening: requirements, visibility, limits, options, access, labels, option sets, workflows', () => {
    const kinds = [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }];
    const isX = { '==': [{ var: 'kind' }, 'x'] };
    const before = compileForm({
      id: 'profile', version: 1, title: 'Profile', roles: ['customer', 'clerk'], optionSets: { kinds },
      sections: [{ id: 'main', fields: [
        { id: 'kind', type: 'radio', label: 'Kind', optionsRef: 'kinds' },
        { id: 'name', type: 'text', label: 'Name', required: true, maxLength: 50 },
        { id: 'note', type: 'textarea', label: 'Note', required: true },
        { id: 'reason', type: 'text', label: 'Reason', required: isX },
        { id: 'budget', type: 'number', label: 'Budget', min: 0 },
        { id: 'status', type: 'text', label: 'Status' },
        { id: 'score', type: 'rating', label: 'Score' },
        { id: 'visits', type: 'group', label: 'Visits', fields: [{ id: 'day', type: 'date', label: 'Day' }] },
      ] }],
      workflows: { old: { initial: 'open', states: { open: {}, done: {} }, transitions: [{ event: 'finish', from: 'open', to: 'done' }] } },
    });
    const after = compileForm({
      id: 'profile', version: 2, title: 'Profile', roles: ['customer', 'clerk'], optionSets: { kinds: [...kinds, { value: 'z', label: 'Z' }] },
      sections: [{ id: 'main', fields: [
        { id: 'kind', type: 'radio', label: 'Kind', optionsRef: 'kinds' },
        { id: 'name', type: 'text', label: 'Full name', maxLength: 100 },
        { id: 'note', type: 'textarea', label: 'Note', required: isX },
        { id: 'reason', type: 'text', label: 'Reason', required: true },
        { id: 'budget', type: 'number', label: 'Budget', min: 10, required: isX },
        { id: 'status', type: 'text', label: 'Status', visibleIf: isX, access: { read: ['clerk'], write: ['clerk'] } },
        { id: 'score', type: 'rating', label: 'Score', max: 3 },
      ] }],
      workflows: { fresh: { initial: 'new', states: { new: {} }, transitions: [] } },
    });
    const condition = '{"==":[{"var":"kind"},"x"]}';
    expect(diffForms(before, after)).toEqual([
      { path: 'kind', kind: 'option-added', breaking: false, detail: "option 'z' added" },
      { path: 'name', kind: 'required-removed', breaking: false, detail: 'required -> optional' },
      { path: 'name', kind: 'limits-changed', breaking: false, detail: 'maxLength 50 -> 100' },
      { path: 'name', kind: 'label-changed', breaking: false, detail: "'Name' -> 'Full name'" },
      { path: 'note', kind: 'now-conditional', breaking: false, detail: `required -> required when ${condition}` },
      { path: 'reason', kind: 'required-added', breaking: true, detail: `required when ${condition} -> required` },
      { path: 'budget', kind: 'now-conditional', breaking: true, detail: `optional -> required when ${condition}` },
      { path: 'budget', kind: 'limits-changed', breaking: true, detail: 'min 0 -> 10' },
      { path: 'status', kind: 'now-conditional', breaking: true, detail: `shown always -> shown when ${condition}` },
      { path: 'status', kind: 'access-changed', breaking: false, detail: 'read everyone -> clerk; write everyone -> clerk' },
      { path: 'score', kind: 'limits-changed', breaking: true, detail: 'max 5 -> 3' },
      // A removed group is one change: its row fields go with it.
      { path: 'visits', kind: 'field-removed', breaking: true, detail: 'group field removed; its answers are dropped' },
      { path: 'optionSets.kinds', kind: 'option-added', breaking: false, detail: "option 'z' added" },
      { path: 'workflows.old', kind: 'workflow-removed', breaking: true, detail: 'workflow removed (states open, done)' },
      { path: 'workflows.fresh', kind: 'workflow-added', breaking: false, detail: "new workflow; records start at 'new'" },
    ]);
    // Backwards, the same changes loosen where they tightened.
    const back = diffForms(after, before);
    expect(back.find((change) => change.path === 'score')).toEqual({ path: 'score', kind: 'limits-changed', breaking: false, detail: 'max 3 -> 5' });
    expect(back.find((change) => change.path === 'name' && change.kind === 'limits-changed')?.breaking).toBe(true);
    expect(back.find((change) => change.path === 'optionSets.kinds')).toEqual({ path: 'optionSets.kinds', kind: 'option-removed', breaking: true, detail: "option 'z' removed" });
  });

  it('refuses two different forms and what is not a compiled form', () => {
    const other = compileForm({ ...v1Definition, id: 'other' });
    expect(usageCode(() => diffForms(v1, other))).toBe('bad-argument');
    expect(usageCode(() => diffForms(v1, {} as never))).toBe('bad-argument');
  });
});

describe('migrateRecord', () => {
  it('carries a record into v2: drops what v2 cannot hold, names the new required field, resets a removed state', () => {
    const record = collected();
    const snapshot = structuredClone(record);
    const migrated = migrateRecord(record, v2, { by: 'admin-1', now: LATER });

    expect(migrated).toMatchObject({ id: record.id, formId: 'customer', formVersion: 2, revision: record.revision + 1, updatedBy: 'admin-1' });
    // The withdrawn option stays (the same kind of data, for someone to fix); email and the text company go.
    expect(migrated.values).toEqual({ phone: '13812345678', industry: 'c', services: [{ product: 'P1', solution: 'fix' }] });
    expect(migrated.states).toEqual({ review: 'submitted' });
    expect(migrated.stateSince).toEqual({ review: new Date(LATER).toISOString() });
    expect(migrated.history.at(-1)).toEqual({
      revision: record.revision + 1, at: new Date(LATER).toISOString(), by: 'admin-1', action: 'migrate', fromVersion: 1, toVersion: 2,
      changes: [
        { path: 'company', from: 'ACME', to: undefined },
        { path: 'email', from: 'li@example.com', to: undefined },
        { path: 'states.review', from: 'closed', to: 'submitted' },
      ],
      note: 'new required fields: contractNo; invalid under version 2: industry (option)',
    });
    expect(migrated.history.slice(0, -1)).toEqual(record.history);

    // The input is a value: untouched and still frozen; the result is frozen too.
    expect(record).toEqual(snapshot);
    expect(deepFrozen(record)).toBe(true);
    expect(deepFrozen(migrated)).toBe(true);

    // History still rebuilds every earlier revision, the original answers included.
    expect(recordAt(migrated, 1)).toEqual(recordAt(record, 1));
    expect(recordAt(migrated, 1)).toEqual(record.history[0]?.changes.reduce((values, change) => ({ ...values, [change.path]: change.to }), {}));
    expect(recordAt(migrated, record.revision)).toEqual(record.values);
    expect(replayHistory(migrated)[migrated.revision]).toEqual(migrated.values);
  });

  it('keeps a state that still exists, with its time', () => {
    const created = v1.createRecord(answers, { by: 'customer-1', role: 'customer', now: NOW });
    const approved = v1.workflow('review').send(created, 'approve', { by: 'clerk-1', role: 'clerk', now: NOW });
    const migrated = migrateRecord(approved, v2, { by: 'admin-1', now: LATER });
    expect(migrated.states).toEqual({ review: 'approved' });
    expect(migrated.stateSince).toEqual(approved.stateSince);
    expect(migrated.history.at(-1)?.changes.some((change) => change.path.startsWith('states.'))).toBe(false);
  });

  it('leaves a record at the target version as it is, and the migrated record works with v2', () => {
    const migrated = migrateRecord(collected(), v2, { by: 'admin-1', now: LATER });
    expect(migrateRecord(migrated, v2, { by: 'admin-1', now: LATER })).toBe(migrated);
    const fixed = v2.updateRecord(migrated, { contractNo: 'HT-001', industry: 'a' }, { by: 'clerk-1', role: 'clerk', now: LATER });
    expect(fixed.values).toMatchObject({ contractNo: 'HT-001', industry: 'a' });
  });

  it('refuses a record of another form, a target older than the record, and bad options', () => {
    const record = collected();
    const migrated = migrateRecord(record, v2, { by: 'admin-1', now: LATER });
    expect(usageCode(() => migrateRecord(migrated, v1, { by: 'admin-1', now: LATER }))).toBe('bad-argument');
    expect(usageCode(() => migrateRecord(record, compileForm({ ...v2Definition, id: 'other' }), { by: 'admin-1', now: LATER }))).toBe('bad-argument');
    expect(usageCode(() => migrateRecord({ values: {} } as never, v2, { by: 'admin-1', now: LATER }))).toBe('bad-argument');
    expect(usageCode(() => migrateRecord(record, v2, { now: LATER } as never))).toBe('bad-option');
    expect(usageCode(() => migrateRecord(record, v2, { by: 'admin-1', role: 'ghost' }))).toBe('unknown-role');
  });

  it('property: random answers of v1 never make it throw, nor leave an answer for a field v2 does not have', () => {
    const from = internalFormOf(v1);
    const to = internalFormOf(v2);
    const base = v1.createRecord({ phone: '13812345678' }, { by: 'customer-1', role: 'customer', now: NOW });
    const junk = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));
    // Each field's own kind of answer (its option values, a text, a number), or junk.
    const answerOf = (field: FieldIR): fc.Arbitrary<unknown> => {
      if (field.children.length > 0) {
        const row = fc.record(Object.fromEntries(field.children.map((child) => [child.id, answerOf(child)])), { requiredKeys: [] });
        return fc.oneof(fc.array(fc.oneof(row, junk), { maxLength: 3 }), junk);
      }
      const options = field.options === undefined ? [] : [...field.options.all.keys()];
      return fc.oneof(options.length > 0 ? fc.constantFrom(...options) : fc.constantFrom('13812345678', 'ACME', 'li@example.com', 7), junk);
    };
    const values = fc.record({ ...Object.fromEntries(from.fields.map((field) => [field.id, answerOf(field)])), stray: junk }, { requiredKeys: [] });
    const state = fc.constantFrom('submitted', 'approved', 'closed', 'nowhere');
    fc.assert(fc.property(values, state, (answersGiven, review) => {
      const record = { ...base, values: answersGiven, states: { review } } as FormRecord;
      const before = structuredClone(record);
      const migrated = migrateRecord(record, v2, { by: 'admin-1', now: LATER });
      expect(record).toEqual(before);
      expect(migrated.formVersion).toBe(2);
      for (const [key, value] of Object.entries(migrated.values)) {
        const field = to.fieldsByKey.get(key);
        expect(field !== undefined && field.group === undefined).toBe(true);
        if (field?.type === 'group') {
          for (const row of value as Record<string, unknown>[]) for (const child of Object.keys(row)) expect(field.rowIds?.has(child)).toBe(true);
        }
      }
      expect(['submitted', 'approved', 'archived']).toContain(migrated.states.review);
      expect(recordAt(migrated, 1)).toEqual(answersGiven);
    }), { numRuns: 300 });
  });
});
