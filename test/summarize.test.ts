import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError, type CompiledForm, type FormRecord } from '../src/index';
import { summarizeForm } from '../src/form/summaries';
import { MedianSketch } from '../src/governance/summary/medianSketch';
import { chinaCalendar2025 } from '../examples/chinaCalendar2025';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { serviceLogRecord } from '../examples/records';

const definition = (id: string): Record<string, unknown> => {
  const found = loadExampleDefinitions().find((example) => example.definition.id === id)?.definition;
  if (found === undefined) throw new Error(id);
  return found;
};
const intake = compileForm(definition('customer-intake'), { calendar: chinaCalendar2025 });
const crm = compileForm(definition('crm-profile'));
const log = compileForm(definition('service-feedback-log'));

/** The message of the FormUsageError `run` throws (fails when it throws anything else). */
const usageMessage = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormUsageError);
    expect((error as FormUsageError).code).toBe('bad-argument');
    return (error as Error).message;
  }
  throw new Error('expected a FormUsageError');
};

async function* streamOf<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

const HOUR = 3_600_000;
const at = (day: string, time = '10:00'): string => `2025-${day}T${time}:00+08:00`;

// customer-intake: six records over four months, moved through `processing` by hand.
const base = { customerType: 'individual', name: '张伟', phone: '13812345678', demandType: 'product-consulting', demandDescription: '需要采购工业设备' };
const create = (form: CompiledForm, values: Record<string, unknown>, now: string): FormRecord => form.createRecord(values, { by: 'clerk-1', role: 'clerk', now });
const processing = intake.workflow('processing');
const step = (record: FormRecord, event: string, now: string, role = 'clerk'): FormRecord => processing.send(record, event, { by: 'u-1', role, now });

// a: pending 03-10 10:00 -> in-progress 12:00 -> done 03-11 10:00 -> closed 12:00 (26 h pending -> closed)
const a = step(step(step(create(intake, { ...base, feedbackType: 'satisfaction', satisfaction: 5, industry: 'manufacturing', owner: '王强', solution: '上门' }, at('03-10')),
  'start', at('03-10', '12:00')), 'finish', at('03-11')), 'close', at('03-11', '12:00'), 'admin');
// b: pending 03-20 10:00 -> closed 14:00 (4 h)
const b = step(create(intake, { ...base, feedbackType: 'satisfaction', satisfaction: 3, industry: 'retail' }, at('03-20')), 'close', at('03-20', '14:00'), 'admin');
// c: pending -> in-progress, still open
const c = step(create(intake, { ...base, feedbackType: 'complaint', feedbackContent: '产品有划痕', industry: 'manufacturing', owner: '赵敏' }, at('04-02')), 'start', at('04-02', '11:00'));
const d = create(intake, { ...base, feedbackType: 'suggestion' }, at('04-15'));
// 20:00 UTC on 31 May is 04:00 on 1 June in Shanghai: a June record.
const e = create(intake, { ...base, feedbackType: 'satisfaction', satisfaction: 4, industry: 'it-services' }, '2025-05-31T20:00:00Z');
const f = create(intake, { ...base }, at('06-05'));
const intakeRecords = [a, b, c, d, e, f];

describe('count', () => {
  it('counts answers per option, every option in definition order, with shares and unanswered', () => {
    const { summaries } = intake.summarize(intakeRecords, { byType: { count: 'feedbackType' }, byIndustry: { count: 'industry' } });
    expect(summaries.byType).toEqual({
      kind: 'count', field: 'feedbackType', label: '反馈类型', level: null, answered: 5, unanswered: 1,
      groups: [
        { value: 'satisfaction', label: '满意度评价', path: ['satisfaction'], trail: ['满意度评价'], count: 3, share: 0.6 },
        { value: 'suggestion', label: '意见建议', path: ['suggestion'], trail: ['意见建议'], count: 1, share: 0.2 },
        { value: 'complaint', label: '问题投诉', path: ['complaint'], trail: ['问题投诉'], count: 1, share: 0.2 },
      ],
    });
    expect(summaries.byIndustry.groups.map((group) => [group.value, group.count])).toEqual([['manufacturing', 2], ['retail', 1], ['it-services', 1], ['other', 0]]);
    expect(summaries.byIndustry.unanswered).toBe(2);
  });

  it('writes labels in the requested locale', () => {
    const en = intake.summarize(intakeRecords, { byType: { count: 'feedbackType' } }, { locale: 'en' }).summaries.byType;
    expect(en.label).toBe('Feedback type');
    expect(en.groups.map((group) => group.label)).toEqual(['Satisfaction', 'Suggestion', 'Complaint']);
  });

  it('counts a tree of options at the leaf or at a level (制造业)', () => {
    const values = [
      { industry: 'auto-parts', decisionScope: ['budget', 'vendor'] }, { industry: 'electronics', decisionScope: ['budget'] },
      { industry: 'consulting' }, { industry: 'other' }, { industry: 'manufacturing' /* a heading, not a choice */ }, {},
    ];
    const { summaries } = crm.summarize(values, { leaf: { count: 'industry' }, top: { count: 'industry', level: 1 }, scope: { count: 'decisionScope' } });
    const yesNo = crm.summarize([{ isDecisionMaker: true }, { isDecisionMaker: false }, { isDecisionMaker: true }, {}], { x: { count: 'isDecisionMaker' } }, { locale: 'en' }).summaries.x;
    expect(yesNo.groups).toEqual([{ value: true, label: 'Yes', count: 2, share: 2 / 3 }, { value: false, label: 'No', count: 1, share: 1 / 3 }]);
    const departments = crm.summarize([{ department: '市场部' }, { department: ' 销售部 ' }, { department: '市场部' }, { department: '  ' }], { x: { count: 'department' } }).summaries.x;
    expect(departments.groups.map((group) => [group.value, group.label, group.count])).toEqual([['市场部', '市场部', 2], ['销售部', '销售部', 1]]);
    expect(departments.unanswered).toBe(1);
    expect(summaries.leaf.groups.map((group) => [group.value, group.count])).toEqual([
      ['auto-parts', 1], ['electronics', 1], ['machinery', 0], ['consulting', 1], ['software', 0], ['other', 1],
    ]);
    expect(summaries.leaf.groups[0]).toMatchObject({ label: '汽车零部件', path: ['manufacturing', 'auto-parts'], trail: ['制造业', '汽车零部件'] });
    expect(summaries.leaf.unanswered).toBe(2);
    expect(summaries.top).toMatchObject({ level: 1, answered: 4, unanswered: 2 });
    expect(summaries.top.groups.map((group) => [group.label, group.count, group.share])).toEqual([['制造业', 2, 0.5], ['服务业', 1, 0.25], ['其他', 1, 0.25]]);
    // A multiselect counts each chosen option; shares are of the records that answered.
    expect(summaries.scope.groups.map((group) => [group.value, group.count, group.share])).toEqual([['budget', 2, 1], ['vendor', 1, 0.5], ['technical', 0, 0]]);
  });

  it('counts a cascader by path, at the leaf or by province (zh-TW labels)', () => {
    const info = compileForm(definition('customer-info'));
    const values = [{ region: ['440000', '440300', '440305'] }, { region: ['440000', '440300', '440305'] }, { region: ['330000', '330100', '330106'] }, { region: ['440000', '999'] }, { region: ['440000'] }];
    const { summaries } = info.summarize(values, { leaf: { count: 'region' }, province: { count: 'region', level: 1 }, city: { count: 'region', level: 2 } }, { locale: 'zh-TW' });
    expect(summaries.leaf.groups.map((group) => [group.value, group.count])).toEqual([
      ['110105', 0], ['110108', 0], ['440106', 0], ['440305', 2], ['440306', 0], ['330106', 1],
    ]);
    expect(summaries.leaf.groups[3]).toMatchObject({ label: '南山區', path: ['440000', '440300', '440305'], trail: ['廣東省', '深圳市', '南山區'] });
    // An unknown or incomplete path is no answer.
    expect([summaries.leaf.answered, summaries.leaf.unanswered]).toEqual([3, 2]);
    expect(summaries.province.groups.map((group) => [group.label, group.count, group.share])).toEqual([['北京市', 0, 0], ['廣東省', 2, 2 / 3], ['浙江省', 1, 1 / 3]]);
    expect(summaries.city.groups.map((group) => [group.path, group.count])).toEqual([
      [['110000', '110100'], 0], [['440000', '440100'], 0], [['440000', '440300'], 2], [['330000', '330100'], 1],
    ]);
  });

  it('counts the rows of a group field', () => {
    const second = {
      ...serviceLogRecord,
      services: [
        { feedbackTime: '2024-04-01 10:00', channel: 'phone', feedbackType: 'complaint', urgency: 'normal', description: '配送延迟', department: 'after-sales', progress: 'done', solution: '补发', completedOn: '2024-04-02', satisfaction: 2 },
        { feedbackTime: '2024-05-31T20:00:00Z', channel: 'online', feedbackType: 'praise', urgency: 'low', description: '服务很好', progress: 'done', solution: '感谢', completedOn: '2024-06-01', satisfaction: 5 },
      ],
    };
    const records = [create(log, serviceLogRecord, '2024-03-16T10:00:00+08:00'), create(log, second, '2024-06-02T10:00:00+08:00')];
    const { summaries } = log.summarize(records, {
      departments: { count: 'services.department' },
      satisfaction: { average: 'services.satisfaction', by: 'month', date: 'services.feedbackTime' },
    }, { locale: 'en' });
    expect(summaries.departments).toMatchObject({ field: 'services.department', label: 'Department', answered: 3, unanswered: 1 });
    expect(summaries.departments.groups.map((group) => [group.label, group.count])).toEqual([['After-sales', 2], ['Customer service', 1], ['Logistics', 0]]);
    const satisfaction = summaries.satisfaction;
    expect(satisfaction).toMatchObject({ count: 3, sum: 11, min: 2, max: 5, unanswered: 1, undated: 0, date: 'services.feedbackTime' });
    expect(satisfaction.average).toBeCloseTo(11 / 3, 12);
    // A datetime without an offset is Shanghai wall time; one with Z is converted: 2024-06-01 04:00 there.
    expect(satisfaction.trend?.map((point) => [point.value, point.label, point.count, point.average])).toEqual([
      ['2024-03', 'Mar 2024', 1, 4], ['2024-04', 'Apr 2024', 1, 2], ['2024-05', 'May 2024', 0, null], ['2024-06', 'Jun 2024', 1, 5],
    ]);
  });
});

describe('average', () => {
  it('gives count, sum, average, min, max and the stars of a rating', () => {
    const { summaries } = intake.summarize(intakeRecords, { satisfaction: { average: 'satisfaction' } });
    expect(summaries.satisfaction).toEqual({
      kind: 'average', field: 'satisfaction', label: '满意度评价', unanswered: 3, by: null, date: null,
      count: 3, sum: 12, average: 4, min: 3, max: 5,
      distribution: [
        { value: 1, label: '1星', count: 0, share: 0 }, { value: 2, label: '2星', count: 0, share: 0 }, { value: 3, label: '3星', count: 1, share: 1 / 3 },
        { value: 4, label: '4星', count: 1, share: 1 / 3 }, { value: 5, label: '5星', count: 1, share: 1 / 3 },
      ],
    });
  });

  it('trends by month of createdAt in the form\'s time zone, empty months included', () => {
    const zh = intake.summarize(intakeRecords, { trend: { average: 'satisfaction', by: 'month' } }).summaries.trend;
    expect(zh.date).toBe('createdAt');
    expect(zh.trend?.map((point) => [point.value, point.label, point.count, point.average, point.min, point.max])).toEqual([
      ['2025-03', '2025年3月', 2, 4, 3, 5], ['2025-04', '2025年4月', 0, null, null, null], ['2025-05', '2025年5月', 0, null, null, null], ['2025-06', '2025年6月', 1, 4, 4, 4],
    ]);
    expect(zh.trend?.[0]?.distribution?.map((bucket) => bucket.count)).toEqual([0, 0, 1, 0, 1]);
    const en = intake.summarize(intakeRecords, { trend: { average: 'satisfaction', by: 'month', date: 'createdAt' } }, { locale: 'en' }).summaries.trend;
    expect(en.trend?.map((point) => point.label)).toEqual(['Mar 2025', 'Apr 2025', 'May 2025', 'Jun 2025']);
    expect(en.distribution?.[3]?.label).toBe('4 stars');
  });

  it('counts plain values in the figures but not in a createdAt trend (undated)', () => {
    const { summaries, records, total } = intake.summarize([...intakeRecords, { feedbackType: 'satisfaction', satisfaction: 1 }, { satisfaction: 'five' }], {
      trend: { average: 'satisfaction', by: 'month' },
    });
    expect([total, records]).toEqual([8, 6]);
    expect(summaries.trend).toMatchObject({ count: 4, sum: 13, min: 1, max: 5, undated: 1, unanswered: 4 });
  });

  it('reads a number field, and a date field for the trend', () => {
    const values = [
      { satisfactionScore: 4.5, firstContact: '2024-03-15' }, { satisfactionScore: 3, firstContact: '2024-03-31' },
      { satisfactionScore: 0.5, firstContact: '2024-05-01' }, { satisfactionScore: 9 /* over max: not an answer */ }, {},
    ];
    const score = crm.summarize(values, { score: { average: 'satisfactionScore', by: 'month', date: 'firstContact' } }).summaries.score;
    expect(score).toMatchObject({ count: 3, sum: 8, min: 0.5, max: 4.5, unanswered: 2, undated: 0 });
    expect(score.distribution).toBeUndefined();
    expect(score.trend?.map((point) => [point.value, point.count, point.sum])).toEqual([['2024-03', 2, 7.5], ['2024-04', 0, 0], ['2024-05', 1, 0.5]]);
  });
});

describe('conversion', () => {
  const stage = crm.workflow('stage');
  const move = (record: FormRecord, ...events: string[]): FormRecord =>
    events.reduce((current, event, index) => stage.send(current, event, { by: 'c-1', role: 'clerk', now: `2025-03-0${index + 2}T10:00:00+08:00` }), record);
  const crmBase = { customerName: '某科技有限公司', contactName: '刘经理', coreNeed: 'purchase', budget: 'lt100k' };
  const now = '2025-03-01T10:00:00+08:00';
  const records = [
    move(create(crm, { ...crmBase, source: 'expo' }, now), 'qualify', 'win'),
    move(create(crm, { ...crmBase, source: 'expo' }, now), 'qualify'),
    move(create(crm, { ...crmBase, source: 'referral' }, now), 'qualify', 'win'),
    create(crm, { ...crmBase, source: 'online' }, now),
    move(create(crm, { ...crmBase }, now), 'qualify', 'win'),
  ];

  it('counts per option how many records reached the state', () => {
    const { summaries } = crm.summarize([...records, { source: 'expo' }], { deals: { conversion: { field: 'source', workflow: 'stage', state: 'deal' } } });
    expect(summaries.deals).toEqual({
      kind: 'conversion', field: 'source', label: '客户来源', workflow: 'stage', state: { value: 'deal', label: '成交客户' },
      records: 5, reached: 3, share: 0.6,
      groups: [
        { value: 'expo', label: '行业展会', path: ['expo'], trail: ['行业展会'], records: 2, reached: 1, share: 0.5 },
        { value: 'referral', label: '老客户推荐', path: ['referral'], trail: ['老客户推荐'], records: 1, reached: 1, share: 1 },
        { value: 'online', label: '线上推广', path: ['online'], trail: ['线上推广'], records: 1, reached: 0, share: 0 },
      ],
      unanswered: { value: null, label: '未填写', records: 1, reached: 1, share: 1 },
      skipped: 1,
    });
  });

  it('counts a state passed through (from history), not only the current one', () => {
    const intended = crm.summarize(records, { intended: { conversion: { field: 'source', workflow: 'stage', state: 'intended' } } }, { locale: 'en' }).summaries.intended;
    expect(intended.groups.map((group) => [group.label, group.records, group.reached])).toEqual([['Trade fair', 2, 2], ['Referral', 1, 1], ['Online', 1, 0]]);
    expect(intended.unanswered).toMatchObject({ label: 'Unanswered', records: 1, reached: 1 });
    expect(intended.state).toEqual({ value: 'intended', label: 'Intended' });
  });
});

describe('duration', () => {
  it('measures from first entering `from` to first entering `to`, from history', () => {
    const { summaries } = intake.summarize(intakeRecords, {
      toClose: { duration: { workflow: 'processing', from: 'pending', to: 'closed' } },
      working: { duration: { workflow: 'processing', from: 'in-progress', to: 'done' } },
    });
    expect(summaries.toClose).toEqual({
      kind: 'duration', workflow: 'processing', label: '处理流程', from: { value: 'pending', label: '待处理' }, to: { value: 'closed', label: '已关闭' },
      by: null, count: 2, open: 4, averageMs: 15 * HOUR, medianMs: 15 * HOUR, minMs: 4 * HOUR, maxMs: 26 * HOUR,
      averageHours: 15, medianHours: 15, approximate: false, skipped: 0,
    });
    expect(summaries.working).toMatchObject({ count: 1, open: 1, averageHours: 22, medianHours: 22 });
  });

  it('groups by a field, with the records that did not answer it', () => {
    const byIndustry = intake.summarize([...intakeRecords, { industry: 'retail' }], {
      byIndustry: { duration: { workflow: 'processing', from: 'pending', to: 'closed', by: 'industry' } },
    }, { locale: 'en' }).summaries.byIndustry;
    expect(byIndustry.skipped).toBe(1);
    expect(byIndustry.by).toBe('industry');
    expect(byIndustry.groups?.map((group) => [group.label, group.count, group.open, group.averageHours])).toEqual([
      ['Manufacturing', 1, 1, 26], ['Retail', 1, 0, 4], ['IT services', 0, 1, null], ['Other', 0, 0, null],
    ]);
    expect(byIndustry.unanswered).toMatchObject({ value: null, label: 'Unanswered', count: 0, open: 2 });
  });
});

describe('overdue', () => {
  it('counts overdue records by current state, as the workflow judges them', () => {
    const now = '2025-06-05T11:00:00+08:00';
    const { summaries } = intake.summarize([...intakeRecords, { feedbackType: 'complaint' }], { late: { overdue: 'processing' } }, { now });
    const late = summaries.late;
    expect(late).toMatchObject({ kind: 'overdue', workflow: 'processing', label: '处理流程', now: new Date(now).toISOString(), records: 6, skipped: 1 });
    expect(late.states.map((state) => [state.value, state.label, state.final, state.records])).toEqual([
      ['pending', '待处理', false, 3], ['in-progress', '处理中', false, 1], ['done', '已完成', false, 0], ['closed', '已关闭', true, 2],
    ]);
    // c has been in progress since 2 April (5 working days), d pending since 15 April: both late; f came an hour ago.
    expect(processing.overdue(c, now)).toBe(true);
    expect(processing.overdue(f, now)).toBe(false);
    for (const state of late.states) {
      const inState = intakeRecords.filter((record) => record.states.processing === state.value);
      expect(state.overdue).toBe(inState.filter((record) => processing.overdue(record, now)).length);
    }
    expect(late.overdue).toBe(intakeRecords.filter((record) => processing.overdue(record, now)).length);
    expect(late.states[3]?.overdue).toBe(0);
    expect(late.share).toBeCloseTo(late.overdue / 6, 12);
    // An hour after the first record, nothing is late.
    expect(intake.summarize([a], { late: { overdue: 'processing' } }, { now: at('03-10', '11:00') }).summaries.late.overdue).toBe(0);
  });
});

describe('one pass, sync or async', () => {
  const spec = {
    byType: { count: 'feedbackType' }, trend: { average: 'satisfaction', by: 'month' }, toClose: { duration: { workflow: 'processing', from: 'pending', to: 'closed', by: 'industry' } },
    late: { overdue: 'processing' },
  } as const;

  it('gives the same result for an array and an async generator', async () => {
    // Untyped data from a store may hold anything: items that are not objects are counted as ignored.
    const items = [...intakeRecords, { feedbackType: 'complaint' }, null, 42] as unknown as Record<string, unknown>[];
    const sync = intake.summarize(items, spec, { now: '2025-06-30T00:00:00Z', locale: 'en' });
    const pending = intake.summarize(streamOf(items), spec, { now: '2025-06-30T00:00:00Z', locale: 'en' });
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual(sync);
    expect([sync.total, sync.records, sync.ignored]).toEqual([9, 6, 2]);
  });

  it('reads every item once, from any iterable', () => {
    let reads = 0;
    function* generate(): Generator<Record<string, unknown>> {
      for (let i = 0; i < 20_000; i++) {
        reads++;
        yield { feedbackType: ['satisfaction', 'suggestion', 'complaint'][i % 3], satisfaction: (i % 5) + 1 };
      }
    }
    const result = intake.summarize(generate(), { byType: { count: 'feedbackType' }, stars: { average: 'satisfaction' } });
    expect(reads).toBe(20_000);
    expect(result.summaries.byType.groups.map((group) => group.count)).toEqual([6667, 6667, 6666]);
    expect(result.summaries.stars.average).toBe(3);
  });

  it('rejects the Promise for a wrong spec or option with an async iterable', async () => {
    await expect(intake.summarize(streamOf(intakeRecords), { x: { count: 'nope' } as never })).rejects.toThrow(FormUsageError);
    await expect(intake.summarize(streamOf(intakeRecords), {}, { now: 'not a time' })).rejects.toThrow(/`now`/);
  });
});

describe('a wrong spec is a FormUsageError naming the entry, with a suggestion', () => {
  const wrong = (spec: unknown): string => usageMessage(() => intake.summarize(intakeRecords, spec as never));

  it('names unknown fields, workflows, states and aggregates', () => {
    expect(wrong({ byType: { count: 'feedbakType' } })).toBe("summarize: spec entry 'byType': form 'customer-intake' has no field 'feedbakType' — did you mean 'feedbackType'?");
    expect(wrong({ late: { overdue: 'procesing' } })).toMatch(/'late'.*no workflow 'procesing' — did you mean 'processing'\?/);
    expect(wrong({ d: { duration: { workflow: 'processing', from: 'pendng', to: 'closed' } } })).toMatch(/'from'.*no state 'pendng' — did you mean 'pending'\?/);
    expect(wrong({ d: { duration: { workflow: 'processing', from: 'pending', to: 'pending' } } })).toMatch(/both 'pending'/);
    expect(wrong({ x: { cout: 'feedbackType' } })).toMatch(/'x': unknown aggregate 'cout' — did you mean 'count'\?/);
    expect(wrong({ x: { count: 'feedbackType', levl: 1 } })).toMatch(/unknown key 'levl' — did you mean 'level'\?/);
    expect(wrong({ x: { count: 'feedbackType', average: 'satisfaction' } })).toMatch(/one aggregate per entry/);
    expect(wrong({ x: { conversion: { field: 'industry', workflow: 'processing', state: 'close' } } })).toMatch(/no state 'close' — did you mean 'closed'\?/);
    expect(wrong({ x: { average: 'satisfaction', by: 'mnth' } })).toMatch(/'by' must be 'month' — did you mean 'month'\?/);
    expect(wrong({ x: { average: 'satisfaction', by: 'month', date: 'createAt' } })).toMatch(/no date field 'createAt' — did you mean 'createdAt'\?/);
    expect(wrong({ x: { average: 'satisfaction', date: 'createdAt' } })).toMatch(/add "by": "month"/);
    expect(wrong([{ count: 'feedbackType' }])).toMatch(/spec must be an object/);
    expect(wrong({ x: 'feedbackType' })).toMatch(/'x': must be an object/);
    expect(wrong({ constructor: { count: 'feedbackType' } })).toMatch(/reserved/);
  });

  it('refuses a field of the wrong type, a row field where one answer per record is read, a level too deep', () => {
    expect(wrong({ x: { count: 'demandDescription' } })).toMatch(/'demandDescription' is a textarea field; count needs a select, radio, multiselect, cascader, boolean or text field/);
    expect(wrong({ x: { average: 'feedbackType' } })).toMatch(/is a radio field; average needs a number or rating field/);
    expect(wrong({ x: { count: 'industry', level: 2 } })).toMatch(/'level' 2 is deeper than the options of 'industry' go \(1 level\)/);
    expect(wrong({ x: { count: 'industry', level: 0 } })).toMatch(/whole number from 1/);
    expect(usageMessage(() => log.summarize([], { x: { conversion: { field: 'services.department', workflow: 'x', state: 'y' } } }))).toMatch(/row field of the group 'services'/);
    expect(usageMessage(() => log.summarize([], { x: { count: 'services' } }))).toMatch(/is a group field/);
    expect(wrong({ x: { average: 'satisfaction', by: 'month', date: 'phone' } })).toBe("summarize: spec entry 'x': 'date': field 'phone' is a text field; the trend needs a date, month or datetime field, or 'createdAt'");
    const visits = compileForm({
      id: 'visits', version: 1, title: 'Visits', sections: [{ id: 'main', fields: [
        { id: 'overall', type: 'rating', label: '总体' },
        { id: 'visits', type: 'group', label: '拜访', fields: [{ id: 'day', type: 'date', label: '日期' }, { id: 'score', type: 'rating', label: '评分' }] },
      ] }],
    });
    expect(usageMessage(() => visits.summarize([], { x: { average: 'overall', by: 'month', date: 'visits.day' } })))
      .toMatch(/'visits.day' is a row field of 'visits', so it can only date a row field of the same group/);
    // A row field may be dated by the record's own date.
    const rows = visits.summarize([{ visits: [{ day: '2024-01-02', score: 4 }, { score: 2 }] }], { x: { average: 'visits.score', by: 'month', date: 'visits.day' } }).summaries.x;
    expect(rows).toMatchObject({ count: 2, undated: 1, trend: [{ value: '2024-01', count: 1, average: 4 }] });
  });

  it('refuses bad options and records that are not of this form', () => {
    expect(() => intake.summarize(intakeRecords, {}, { locale: 42 } as never)).toThrow(/locale/);
    expect(() => intake.summarize(intakeRecords, {}, { lang: 'en' } as never)).toThrow(/unknown summarize option 'lang'/);
    expect(() => intake.summarize('abc' as never, {})).toThrow(/array, an iterable or an async iterable/);
    expect(() => summarizeForm({ id: 'customer-intake' }, [], {})).toThrow(/expected a form made by compileForm/);
    expect(() => intake.summarize([create(crm, { customerName: 'x', contactName: 'y', coreNeed: 'purchase' }, at('03-01'))], { x: { count: 'industry' } })).toThrow(/belongs to form 'crm-profile'/);
  });
});

describe('properties', () => {
  const form = compileForm({
    id: 'survey', version: 1, title: 'Survey', defaultLocale: 'en',
    sections: [{ id: 'main', fields: [
      { id: 'kind', type: 'radio', label: 'Kind', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }] },
      { id: 'tags', type: 'multiselect', label: 'Tags', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] },
      { id: 'stars', type: 'rating', label: 'Stars', max: 5 },
      { id: 'amount', type: 'number', label: 'Amount' },
    ] }],
  });
  const answer = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', '', null, 1), fc.constant(undefined));
  const item = fc.record({
    kind: answer,
    tags: fc.oneof(fc.subarray(['x', 'y', 'z']), fc.constant(null)),
    stars: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constant(null), fc.constant('4')),
    amount: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null)),
  }, { requiredKeys: [] });
  const spec = { kind: { count: 'kind' }, tags: { count: 'tags' }, stars: { average: 'stars' }, amount: { average: 'amount' } } as const;

  it('counts per option add up to the answered records, shares to 1, averages stay within min..max', () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 60 }), (items) => {
      const { summaries } = form.summarize(items, spec);
      const kind = summaries.kind;
      expect(kind.answered + kind.unanswered).toBe(items.length);
      expect(kind.groups.reduce((sum, group) => sum + group.count, 0)).toBe(kind.answered);
      expect(kind.answered).toBe(items.filter((entry) => ['a', 'b', 'c'].includes(entry.kind as string)).length);
      if (kind.answered > 0) expect(kind.groups.reduce((sum, group) => sum + group.share, 0)).toBeCloseTo(1, 12);
      else expect(kind.groups.every((group) => group.share === 0)).toBe(true);
      const tags = summaries.tags;
      expect(tags.answered + tags.unanswered).toBe(items.length);
      expect(tags.groups.reduce((sum, group) => sum + group.count, 0)).toBeGreaterThanOrEqual(tags.answered);
      for (const stats of [summaries.stars, summaries.amount]) {
        expect(stats.count + stats.unanswered).toBe(items.length);
        if (stats.count === 0) expect([stats.average, stats.min, stats.max]).toEqual([null, null, null]);
        else {
          expect(stats.average).toBeGreaterThanOrEqual(stats.min as number);
          expect(stats.average).toBeLessThanOrEqual(stats.max as number);
        }
      }
      expect(summaries.stars.distribution?.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(summaries.stars.count);
    }));
  });

  it('an async iterable gives the same result as the array', async () => {
    await fc.assert(fc.asyncProperty(fc.array(item, { maxLength: 30 }), async (items) => {
      expect(await form.summarize(streamOf(items), spec)).toEqual(form.summarize(items, spec));
    }), { numRuns: 30 });
  });
});

describe('median in bounded memory', () => {
  it('is exact up to 1024 durations, then within 1%', () => {
    const small = new MedianSketch();
    for (const value of [5, 1, 4, 2]) small.add(value);
    expect([small.median(), small.approximate]).toEqual([3, false]);
    const large = new MedianSketch();
    for (let i = 1; i <= 100_001; i++) large.add(((i * 7919) % 100_001) * 1000 + 1000);
    expect(large.approximate).toBe(true);
    const exact = 50_001 * 1000;
    expect(Math.abs((large.median() as number) - exact) / exact).toBeLessThan(0.01);
  });
});
