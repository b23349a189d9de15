// Type tests: checked by `npm run typecheck` (tsc includes test/), never run. A line under
// `@ts-expect-error` must fail to compile, or tsc reports the directive as unused; every other line
// must compile. Values come from `formloom types` output (./generated, kept fresh by
// test/cli/types.test.ts) and from definitions written inline with `as const`.
import {
  compileForm, recordAt, transition,
  type CompiledForm, type EnteredValues, type FormDefinition, type FormRecord, type FormValues, type InferValues, type SessionSnapshot,
} from '../../src/index';
import type { CustomerIntakeValues } from './generated/customer-intake.values';
import type { ServiceFeedbackLogValues } from './generated/service-feedback-log.values';

const expectType = <T>(_value: T): void => undefined;
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

declare const json: unknown;

const answers = {
  customerType: 'enterprise', name: '张伟', phone: '13812345678', demandType: 'cooperation', demandDescription: '采购10台工业设备',
} as const;

export const generatedValues = (): void => {
  expectType<CustomerIntakeValues>(answers);
  expectType<CustomerIntakeValues>({ ...answers, budget: 'gt100k', satisfaction: 4, expectedDate: '2026-12-20', followUpAt: '2026-12-01 09:30' });
  // @ts-expect-error 'company' is not among customerType's options
  expectType<CustomerIntakeValues>({ ...answers, customerType: 'company' });
  // @ts-expect-error a number where a text is expected
  expectType<CustomerIntakeValues>({ ...answers, name: 42 });
  // @ts-expect-error demandDescription is required (required: true, no condition, no role restriction)
  expectType<CustomerIntakeValues>({ customerType: 'individual', name: '李娜', phone: '13912345678', demandType: 'other' });
  // @ts-expect-error a rating of 6 on a 5-star field
  expectType<CustomerIntakeValues>({ ...answers, satisfaction: 6 });
  // @ts-expect-error a date is YYYY-MM-DD, not words
  expectType<CustomerIntakeValues>({ ...answers, expectedDate: 'next week' });
  // @ts-expect-error a misspelt key
  expectType<CustomerIntakeValues>({ ...answers, urgancy: 'high' });

  const row = { feedbackTime: '2026-03-15 09:30', channel: 'phone', feedbackType: 'complaint', urgency: 'urgent', description: '设备异响' } as const;
  const log = { customerName: '某科技有限公司', phone: '13912345678', services: [row] } as const;
  expectType<ServiceFeedbackLogValues>(log);
  expectType<ServiceFeedbackLogValues>({ ...log, serviceModes: ['onsite', 'remote'], address: '深圳市南山区' });
  // @ts-expect-error a row without its required description
  expectType<ServiceFeedbackLogValues>({ ...log, services: [{ feedbackTime: '2026-03-15 09:30', channel: 'phone', feedbackType: 'complaint', urgency: 'urgent' }] });
  // @ts-expect-error a row of the wrong shape: a channel that is not offered
  expectType<ServiceFeedbackLogValues>({ ...log, services: [{ ...row, channel: 'fax' }] });
  // @ts-expect-error rows are objects, not texts
  expectType<ServiceFeedbackLogValues>({ ...log, services: ['设备异响'] });
  // @ts-expect-error a multiselect holds only its options
  expectType<ServiceFeedbackLogValues>({ ...log, serviceModes: ['teleport'] });
};

export const typedForm = (): void => {
  const intake = compileForm<CustomerIntakeValues>(json);

  const result = intake.validate(json, { role: 'customer' });
  if (result.valid) {
    expectType<'enterprise' | 'individual'>(result.values.customerType);
    expectType<string>(result.values.name);
  } else {
    // An invalid result keeps answers as they were sent: nothing is known of them.
    expectType<unknown>(result.values.customerType);
    // @ts-expect-error unknown, not the option union, when the values are not valid
    expectType<'enterprise' | 'individual' | undefined>(result.values.customerType);
  }
  const draft = intake.validate(json, { mode: 'draft' });
  if (draft.valid) {
    expectType<string | undefined>(draft.values.name);
    // @ts-expect-error a draft may lack required answers
    expectType<string>(draft.values.name);
  }
  const mode = Math.random() > 0.5 ? 'draft' : 'submit';
  const either = intake.validate(json, { mode });
  // @ts-expect-error the mode is not known, so required answers are not promised
  if (either.valid) expectType<string>(either.values.name);

  const record = intake.createRecord(answers, { by: 'u-1', role: 'customer' });
  expectType<FormRecord<CustomerIntakeValues>>(record);
  expectType<'enterprise' | 'individual'>(record.values.customerType);
  // @ts-expect-error createRecord takes the form's values
  intake.createRecord({ ...answers, customerType: 'company' }, { by: 'u-1' });
  const updated = intake.updateRecord(record, { urgency: 'high', email: null }, { by: 'c-1', role: 'clerk' });
  expectType<FormRecord<CustomerIntakeValues>>(updated);
  // @ts-expect-error not an option of urgency
  intake.updateRecord(record, { urgency: 'extreme' }, { by: 'c-1' });
  // @ts-expect-error no field urgancy
  intake.updateRecord(record, { urgancy: 'high' }, { by: 'c-1' });

  const processing = intake.workflow('processing');
  expectType<FormRecord<CustomerIntakeValues>>(processing.send(record, 'start', { by: 'c-1', role: 'clerk' }));

  const session = intake.createSession({ values: { customerType: 'enterprise', satisfaction: null } });
  const snapshot = session.getSnapshot();
  // As entered: a choice may be a value not offered (yet), a field cleared.
  expectType<string | null | undefined>(snapshot.values.customerType);
  expectType<number | null | undefined>(snapshot.values.satisfaction);
  expectType<CustomerIntakeValues | undefined>(snapshot.submitted);
  // @ts-expect-error still the form's keys
  expectType<unknown>(snapshot.values.customerTyp);
  // @ts-expect-error a number is not what a text field holds, even in progress
  intake.createSession({ values: { name: 42 } });

  // A typed form is still a form wherever an untyped one is expected.
  const untyped: CompiledForm = intake;
  const next: SessionSnapshot = transition(intake, snapshot, { type: 'submit' });
  expectType<FormValues>(recordAt(record, 1));
  expectType<CompiledForm>(untyped);
  expectType<SessionSnapshot>(next);
};

export const inferredFromALiteral = (): void => {
  const definition = {
    id: 'visit', version: 1, title: '回访', roles: ['customer', 'clerk'],
    optionSets: { result: [{ value: 'solved', label: '已解决' }, { value: 'open', label: '未解决' }] },
    sections: [{ id: 'main', fields: [
      { id: 'customer', type: 'text', label: '客户', required: true },
      { id: 'stars', type: 'rating', label: '满意度', max: 3, required: true },
      { id: 'result', type: 'radio', label: '结果', optionsRef: 'result' },
      { id: 'region', type: 'cascader', label: '地区', options: [{ value: 'gd', label: '广东', children: [{ value: 'sz', label: '深圳' }] }] },
      { id: 'month', type: 'month', label: '月份' },
      { id: 'calls', type: 'group', label: '通话', fields: [{ id: 'at', type: 'datetime', label: '时间', required: true }] },
      { id: 'note', type: 'text', label: '备注', required: true, access: { read: ['clerk'], write: ['clerk'] } },
    ] }],
  } as const satisfies FormDefinition;
  type Values = InferValues<typeof definition>;
  const exact: Equals<Values, {
    customer: string;
    stars: 1 | 2 | 3;
    result?: 'solved' | 'open';
    region?: readonly ['gd', 'sz'];
    month?: `${number}-${number}`;
    calls?: ReadonlyArray<{ at: `${number}-${number}-${number}T${string}` | `${number}-${number}-${number} ${string}` }>;
    note?: string;
  }> = true;
  expectType<true>(exact);

  const form = compileForm(definition);
  expectType<CompiledForm<Values>>(form);
  const record = form.createRecord({ customer: '王强', stars: 3, region: ['gd', 'sz'], calls: [{ at: '2026-11-23T10:00' }] }, { by: 'c-1', role: 'clerk' });
  expectType<'solved' | 'open' | undefined>(record.values.result);
  // @ts-expect-error 4 stars on a 3-star field
  form.createRecord({ customer: '王强', stars: 4 }, { by: 'c-1' });
  // @ts-expect-error a path that is not in the tree
  form.createRecord({ customer: '王强', stars: 3, region: ['gd', 'gz'] }, { by: 'c-1' });
  // @ts-expect-error a row without its required time
  form.createRecord({ customer: '王强', stars: 3, calls: [{}] }, { by: 'c-1' });
  // @ts-expect-error customer is required
  form.createRecord({ stars: 3 }, { by: 'c-1' });
  expectType<EnteredValues<Values>>(form.createSession().getSnapshot().values);
};

export const untypedStaysUntyped = (): void => {
  // JSON read at run time, or any definition TypeScript cannot see into: the values are FormValues.
  const fromJson = compileForm(json);
  const same: Equals<typeof fromJson, CompiledForm<FormValues>> = true;
  expectType<true>(same);
  const result = fromJson.validate({});
  expectType<FormValues>(result.values);
  expectType<unknown>(result.values.anything);
  fromJson.createRecord(undefined, { by: 'u' });
  const wide: FormDefinition = { id: 'x', version: 1, title: 'X', sections: [] };
  const fromWide = compileForm(wide);
  const alsoSame: Equals<typeof fromWide, CompiledForm<FormValues>> = true;
  expectType<true>(alsoSame);
  // An inline literal without `as const` widens its ids to string: untyped, as before.
  const inline = compileForm({ id: 'y', version: 1, title: 'Y', sections: [{ id: 's', fields: [{ id: 'a', type: 'text', label: 'A', required: true }] }] });
  const inlineSame: Equals<typeof inline, CompiledForm<FormValues>> = true;
  expectType<true>(inlineSame);
};
