import { describe, expect, it } from 'vitest';
import { compileForm, FormUsageError, maskValue, normalizeKey, type FormRecord } from '../src/index';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { crmRecord, intakeRecord, NOW, requirementRecord, serviceLogRecord } from '../examples/records';
import { defineForm, issuesOf } from './helpers';

const examples = Object.fromEntries(loadExampleDefinitions().map(({ file, definition }) => [file, definition]));
const intake = compileForm(examples['customer-intake.json']);

/** A form with one field per kind of personal data, a repeating group, and roles that read less. */
const piiForm = compileForm(defineForm([
  { id: 'name', type: 'text', label: '姓名', pii: 'name' },
  { id: 'phone', type: 'text', label: '手机', format: 'cn-mobile', pii: 'phone' },
  { id: 'email', type: 'text', label: '邮箱', format: 'email', pii: 'email' },
  { id: 'idCard', type: 'text', label: '身份证', format: 'cn-id-card', pii: 'id-card' },
  { id: 'note', type: 'text', label: '备注' },
  { id: 'secret', type: 'text', label: '内部', access: { read: ['admin'], write: ['admin'] } },
  { id: 'contacts', type: 'group', label: '联系人', fields: [
    { id: 'who', type: 'text', label: '姓名', pii: 'name' },
    { id: 'tel', type: 'text', label: '电话', pii: 'phone' },
  ] },
], {
  masking: { policies: { export: { note: 'other' }, view: { phone: 'phone', name: 'none' } }, reveal: { export: ['admin'], view: ['clerk'] } },
  dedup: [
    { id: 'phone', fields: ['phone'], normalize: ['cn-mobile'] },
    { id: 'person', fields: ['name', 'email'], normalize: ['trim', 'email'] },
  ],
}));

describe('maskValue (R19)', () => {
  it('masks each kind the way Chinese enterprises show it', () => {
    expect(maskValue('13812345678', 'phone')).toBe('138****5678');
    expect(maskValue('+86 138-1234-5678', 'phone')).toBe('138****5678');
    expect(maskValue('zhang.wei@example.com', 'email')).toBe('z***@example.com');
    expect(maskValue('张伟', 'name')).toBe('张*');
    expect(maskValue('欧阳修', 'name')).toBe('欧**');
    expect(maskValue('11010519491231002X', 'id-card')).toBe('110105********002X');
    expect(maskValue('91350211M000100Y43', 'uscc')).toBe('91************0Y43');
    expect(maskValue('6222 0212 3456 7890 128', 'bank-card')).toBe('***************0128');
    expect(maskValue('上海市浦东新区张江路100号', 'address')).toBe('上海市浦东新区*******');
    expect(maskValue('广东省深圳市南山区科技园', 'address')).toBe('广东省深圳市南山区***');
    expect(maskValue('secret', 'other')).toBe('s*****');
    expect(maskValue('x', 'none')).toBe('x');
  });

  it('keeps the length of an ID number and never shows its birth date', () => {
    const id = '11010519491231002X';
    const masked = maskValue(id, 'id-card') as string;
    expect(masked).toHaveLength(id.length);
    expect(masked).not.toContain('19491231');
  });

  it('masks by code point: a rare character outside the BMP is never split', () => {
    const masked = maskValue('𠀋𠀌𠀍', 'name') as string;
    expect(masked).toBe('𠀋**');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(masked)).toBe(false);
    expect(maskValue('𨋢市𨋢区𨋢路', 'address')).toBe('𨋢市𨋢区**');
  });

  it('never shows a value whole: one-character names and short numbers become stars', () => {
    expect(maskValue('张', 'name')).toBe('*');
    expect(maskValue('1234', 'phone')).toBe('**34');
    expect(maskValue('62345678', 'phone')).toBe('****5678');
    expect(maskValue('a', 'other')).toBe('*');
  });

  it('masks lists item by item, numbers as their text, and nothing else leaks through', () => {
    expect(maskValue(['13812345678', '13987654321'], 'phone')).toEqual(['138****5678', '139****4321']);
    expect(maskValue(13812345678, 'phone')).toBe('138****5678');
    expect(maskValue({ phone: '13812345678' }, 'phone')).toBeNull();
    expect(maskValue(undefined, 'phone')).toBeUndefined();
    expect(maskValue('', 'name')).toBe('');
  });
});

describe('form.mask', () => {
  const values = {
    name: '张伟', phone: '13812345678', email: 'zw@example.com', idCard: '11010519491231002X', note: 'VIP', secret: 's',
    contacts: [{ who: '李娜', tel: '13912345678' }],
  };

  it('applies the policy, masks every other pii field by its kind, and drops what the role cannot read', () => {
    const masked = piiForm.mask(values, { policy: 'export', role: 'clerk' });
    expect(masked).toEqual({
      name: '张*', phone: '138****5678', email: 'z***@example.com', idCard: '110105********002X', note: 'V**',
      contacts: [{ who: '李*', tel: '139****5678' }],
    });
    expect(masked).not.toHaveProperty('secret');
  });

  it('reveals plain values to the policy\'s roles, still without what they may not read', () => {
    expect(piiForm.mask(values, { policy: 'export', role: 'admin' })).toEqual(values);
    const clerk = piiForm.mask(values, { policy: 'view', role: 'clerk' });
    expect(clerk.phone).toBe('13812345678');
    expect(clerk).not.toHaveProperty('secret');
  });

  it("lets a policy say 'none' for a pii field", () => {
    expect(piiForm.mask(values, { policy: 'view', role: 'customer' }).name).toBe('张伟');
  });

  it('never mutates its input and shares no object with it', () => {
    const input = structuredClone(values);
    const masked = piiForm.mask(input, { policy: 'export', role: 'admin' });
    expect(input).toEqual(values);
    expect(masked.contacts).not.toBe(input.contacts);
  });

  it('refuses an unknown policy or role with a FormUsageError that suggests', () => {
    expect(() => piiForm.mask(values, { policy: 'exprot' })).toThrow(/did you mean 'export'/);
    try {
      piiForm.mask(values, { policy: 'export', role: 'boss' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FormUsageError);
      expect((error as FormUsageError).code).toBe('unknown-role');
    }
  });

  it('masks what is not a values object into an empty object, never throwing a TypeError', () => {
    for (const bad of [null, 3, 'x', [], Object.create(null)]) expect(piiForm.mask(bad, { policy: 'export' })).toEqual({});
    expect(piiForm.mask({ contacts: 'nope', phone: { n: 1 } }, { policy: 'export' })).toEqual({ contacts: null, phone: null });
  });
});

describe('dedup (R18)', () => {
  it('normalises as each normaliser claims', () => {
    expect(normalizeKey('+86 138-1234-5678', ['cn-mobile'])).toBe('13812345678');
    expect(normalizeKey('１３８１２３４５６７８', ['cn-mobile'])).toBe('13812345678');
    expect(normalizeKey('  Zhang@Example.COM ', ['email'])).toBe('zhang@example.com');
    expect(normalizeKey('ＡＢＣ１２３', ['width'])).toBe('ABC123');
    expect(normalizeKey('某某科技（深圳）有限公司', ['company-name'])).toBe(normalizeKey('某某科技(深圳)', ['company-name']));
    expect(normalizeKey('Acme Co., Ltd.', ['company-name'])).toBe('acme');
    expect(normalizeKey('010-6552 1234', ['digits'])).toBe('01065521234');
    expect(normalizeKey(' a ', ['trim', 'lowercase'])).toBe('a');
    expect(() => normalizeKey('a', ['upper'])).toThrow(FormUsageError);
  });

  it('gives one key per rule, none when a field of the rule is empty', () => {
    expect(piiForm.dedupKeys({ phone: '+86 138 1234 5678', name: '张伟', email: 'ZW@example.com ' })).toEqual([
      { id: 'phone', key: 'phone:13812345678' },
      { id: 'person', key: 'person:张伟|zw@example.com' },
    ]);
    expect(piiForm.dedupKeys({ phone: '', name: '张伟' })).toEqual([]);
    expect(piiForm.dedupKeys(null)).toEqual([]);
  });

  it('reads the values of a FormRecord', () => {
    const record = intake.createRecord(intakeRecord, { by: 'clerk-1', now: NOW });
    expect(intake.dedupKeys(record)).toEqual([{ id: 'phone', key: 'phone:13812345678' }]);
  });

  it('finds duplicates in one pass over iterables and async iterables', async () => {
    const items = [
      { phone: '13812345678', name: 'a' },
      { phone: '139 1234 5678', name: 'b' },
      { phone: '+86 138-1234-5678', name: 'c' },
      { phone: '13912345678', name: 'd' },
      { phone: '13700000000', name: 'e' },
    ];
    const groups = piiForm.findDuplicates(items);
    expect(groups.map((group) => [group.key, group.records.map((item) => item.name)])).toEqual([
      ['phone:13812345678', ['a', 'c']],
      ['phone:13912345678', ['b', 'd']],
    ]);
    async function* source() {
      for (const item of items) yield item;
    }
    expect(await piiForm.findDuplicates(source())).toEqual(groups);
    expect(() => piiForm.findDuplicates(42 as never)).toThrow(FormUsageError);
  });
});

describe('mergeRecords (R18)', () => {
  const first = intake.createRecord(intakeRecord, { by: 'clerk-1', now: '2026-01-05T09:00:00+08:00' });
  const second = intake.createRecord({ ...intakeRecord, phone: '+86 138 1234 5678', budget: 'lt10k', email: undefined }, {
    by: 'clerk-2', now: '2026-02-05T09:00:00+08:00',
  });

  it('keeps the first record, its answers where both answered, and both histories', () => {
    const merged = intake.mergeRecords(first, second, { by: 'admin-1', role: 'admin', now: '2026-03-01T09:00:00+08:00' });
    expect(merged.id).toBe(first.id);
    expect(merged.values.budget).toBe(first.values.budget);
    expect(merged.values.email).toBe(first.values.email);
    expect(merged.values.customerNo).toBe(first.values.customerNo);
    expect(merged.history.slice(0, first.history.length)).toEqual(first.history);
    const entry = merged.history.at(-1);
    expect(entry).toMatchObject({ action: 'merge', by: 'admin-1', mergedFrom: second.id, revision: first.revision + 1 });
    expect(merged.merged?.[0]).toMatchObject({ id: second.id, history: second.history, values: second.values });
    expect(Object.isFrozen(merged)).toBe(true);
  });

  it("takes the newer record's answers with prefer 'newer', yet keeps the survivor's id and number", () => {
    const merged = intake.mergeRecords(first, second, { by: 'admin-1', prefer: 'newer', now: '2026-03-01T09:00:00+08:00' });
    expect(merged.values.budget).toBe('lt10k');
    expect(merged.values.email).toBe(first.values.email);
    expect(merged.values.customerNo).toBe(first.values.customerNo);
    expect(merged.history.at(-1)?.changes).toContainEqual({ path: 'budget', from: first.values.budget, to: 'lt10k' });
  });

  it('refuses a record merged into itself and a bad prefer', () => {
    expect(() => intake.mergeRecords(first, first, { by: 'a' })).toThrow(FormUsageError);
    expect(() => intake.mergeRecords(first, second, { by: 'a', prefer: 'left' as never })).toThrow(/prefer/);
    expect(() => intake.mergeRecords(first, { id: 'x' } as unknown as FormRecord, { by: 'a' })).toThrow(FormUsageError);
  });
});

describe('retention (R23)', () => {
  const log = compileForm(examples['service-feedback-log.json']);
  const crm = compileForm(examples['crm-profile.json']);

  it('purges P2Y after creation and re-confirms P6M after the last update', () => {
    const definition = { ...examples['service-feedback-log.json'], retention: { keep: 'P2Y', reconfirm: 'P6M' } };
    const form = compileForm(definition);
    const record = form.createRecord(serviceLogRecord, { by: 'u', role: 'admin', now: '2024-03-15T10:00:00+08:00' });
    const early = form.retention(record, '2024-08-01T00:00:00Z');
    expect(early.purgeAfter?.toISOString()).toBe('2026-03-15T02:00:00.000Z');
    expect(early.reconfirmBy?.toISOString()).toBe('2024-09-15T02:00:00.000Z');
    expect(early).toMatchObject({ purge: false, stale: false });
    expect(form.retention(record, '2024-10-01T00:00:00Z')).toMatchObject({ purge: false, stale: true });
    expect(form.retention(record, '2026-03-16T00:00:00Z')).toMatchObject({ purge: true, stale: true });
    expect(log.retention(log.createRecord(serviceLogRecord, { by: 'u', role: 'admin', now: NOW }), NOW).reconfirmBy).toBeUndefined();
  });

  it("counts keep from the end of the relationship with from: 'ended'", () => {
    const definition = { ...examples['customer-intake.json'], retention: { keep: 'P3Y', from: 'ended' } };
    const form = compileForm(definition);
    const record = form.createRecord(intakeRecord, { by: 'clerk-1', role: 'clerk', now: '2026-01-05T09:00:00+08:00' });
    expect(form.retention(record, NOW)).toMatchObject({ purgeAfter: undefined, endedAt: undefined, purge: false });
    const closed = form.workflow('processing').send(record, 'close', { by: 'a', role: 'admin', now: '2026-01-08T09:00:00+08:00' });
    const retention = form.retention(closed, NOW);
    expect(retention.endedAt?.toISOString()).toBe('2026-01-08T01:00:00.000Z');
    expect(retention.purgeAfter?.toISOString()).toBe('2029-01-08T01:00:00.000Z');
    expect(form.retention(closed, '2029-01-09T00:00:00Z').purge).toBe(true);
  });

  it('re-confirms a CRM profile every six months', () => {
    const record = crm.createRecord(crmRecord, { by: 'u', role: 'clerk', now: '2026-01-31T12:00:00+08:00' });
    expect(crm.retention(record, NOW).reconfirmBy?.toISOString()).toBe('2026-07-31T04:00:00.000Z');
  });

  it('refuses what is not a record of the form, and a bad clock', () => {
    expect(() => log.retention({} as FormRecord, NOW)).toThrow(FormUsageError);
    const record = log.createRecord(serviceLogRecord, { by: 'u', role: 'admin', now: NOW });
    expect(() => log.retention(record, 'yesterday')).toThrow(FormUsageError);
  });
});

describe('forbidden data (R20)', () => {
  const form = compileForm(defineForm([
    { id: 'note', type: 'textarea', label: { 'zh-CN': '备注', en: 'Note' } },
    { id: 'rows', type: 'group', label: 'R', fields: [{ id: 'memo', type: 'text', label: 'M' }] },
  ], { forbid: ['bank-card', 'id-card'] }));

  it('refuses a bank card or ID number typed into any free text, in group rows too, without echoing it', () => {
    const card = '6222 0212 3456 7890 128';
    const result = form.validate({ note: `卡号 ${card} 请退款`, rows: [{ memo: '身份证11010519491231002X' }] }, { locale: 'en' });
    expect(result.errors.map((error) => [error.path, error.code, error.params])).toEqual([
      ['note', 'forbiddenData', { kind: 'bank-card' }],
      ['rows.0.memo', 'forbiddenData', { kind: 'id-card' }],
    ]);
    expect(result.errors[0]?.message).toBe('Note must not contain a bank card number');
    for (const error of result.errors) {
      expect(error.message).not.toContain('0212');
      expect(error.message).not.toContain('19491231');
    }
  });

  it('sees through the ways people type numbers and addresses', () => {
    const strict = compileForm(defineForm([{ id: 'note', type: 'textarea', label: 'N' }, { id: 'site', type: 'text', label: 'S', format: 'url' }], { forbid: ['bank-card', 'id-card', 'phone', 'email'] }));
    for (const typed of [
      '我的邮箱是zhang@example.com', '邮箱：zhang.wei@example.com', 'zhang@example.com。', 'mailto:a.b@c.cn', '[x@y.com]',
      '110105 19491231 002X', '110105-19491231-002X', 'ID11010519491231002X',
      '联系 13812345678 3点以后', '13812345678 2', '138.1234.5678', '(138)1234-5678', '138  1234  5678', '138\u00a01234\u00a05678', '138—1234—5678',
      '4111 1111 1111 1111', '4111.1111.1111.1111', '4111111111111111 12/27', '１３８１２３４５６７８',
    ]) expect(strict.validate({ note: typed }).valid, typed).toBe(false);
    expect(strict.validate({ site: 'https://wa.me/8613812345678' }).errors.map((error) => error.code)).toEqual(['forbiddenData']);
    for (const ordinary of ['订单C20240314002', '2024-03-15 09:30', '金额 1234.56 元', '编号 1234 5678 9012 3456', '2024年3月15日 10点']) {
      expect(strict.validate({ note: ordinary }).valid, ordinary).toBe(true);
    }
  });

  it('lets ordinary numbers through: an order number, a 16-digit number that fails Luhn, a phone the form does not forbid', () => {
    expect(form.validate({ note: '订单C20240314002，电话13812345678，编号 1234 5678 9012 3456' }).valid).toBe(true);
  });

  it('rejects at compile time a field that would collect forbidden data', () => {
    const issues = issuesOf(defineForm([{ id: 'idNo', type: 'text', label: 'ID', pii: 'id-card' }], { forbid: ['id-card'] }));
    expect(issues.map((issue) => [issue.code, issue.path])).toContainEqual(['forbidden-data', 'sections.0.fields.0.pii']);
    const format = issuesOf(defineForm([{ id: 'idNo', type: 'text', label: 'ID', format: 'cn-id-card' }], { forbid: ['id-card'] }));
    expect(format.map((issue) => issue.code)).toContain('forbidden-data');
  });
});

describe('masking leaves nothing personal behind (adversarial cases)', () => {
  it('masks a group by its own mask, a yes/no about a person, and fields whose format is personal data', () => {
    const form = compileForm(defineForm([
      { id: 'family', type: 'group', label: 'F', fields: [{ id: 'who', type: 'text', label: 'W' }, { id: 'tel', type: 'text', label: 'T' }] },
      { id: 'record', type: 'boolean', label: 'R', pii: 'other' },
      { id: 'idNo', type: 'text', label: 'I', format: 'cn-id-card' },
      { id: 'mobile', type: 'text', label: 'M', format: 'cn-mobile' },
    ], { masking: { policies: { export: { family: 'full' } }, reveal: {} } }));
    const values = { family: [{ who: '欧阳修', tel: '13812345678' }], record: true, idNo: '11010519491231002X', mobile: '13812345678' };
    const masked = form.mask(values, { policy: 'export' });
    expect(JSON.stringify(masked)).not.toMatch(/欧阳修|13812345678|19491231/);
    expect(masked.record).toBe('*');
    expect(masked.idNo).toBe('110105********002X');
    const csv = form.exporter({ format: 'csv' }).toString([values]);
    expect(csv).not.toMatch(/欧阳修|13812345678|19491231/);
  });

  it('keeps only administrative divisions of an address, never a street, a number or a building', () => {
    for (const [address, kept] of [
      ['建国路88号1201室（朝阳区）', '建'], ['张江路100号菜市场对面', '张'], ['人民路12号市民中心', '人'], ['人民路菜市场', '人'],
      ['内蒙古自治区呼和浩特市新城区某路1号', '内蒙古自治区呼和浩特市新城区'], ['香港特别行政区九龙城', '香港特别行政区'],
    ] as const) {
      const masked = maskValue(address, 'address') as string;
      expect(masked.startsWith(kept)).toBe(true);
      expect(masked.slice(kept.length)).toMatch(/^\*+$/);
    }
  });

  it('shows at most half of a landline', () => {
    expect(maskValue('62345678', 'phone')).toBe('****5678');
    expect(maskValue('010-6552-1234', 'phone')).toBe('*******1234');
  });

  it("never returns or freezes the caller's objects", () => {
    const form = compileForm(defineForm([{ id: 'files', type: 'file', label: 'F' }], { masking: { policies: { p: { files: 'none' } }, reveal: {} } }));
    const values = { files: [{ name: 'a.pdf', size: 1, type: 'application/pdf' }] };
    expect(form.mask(values, { policy: 'p' }).files).not.toBe(values.files);
    const a = intake.createRecord(intakeRecord, { by: 'x', now: NOW });
    const b = JSON.parse(JSON.stringify(intake.createRecord(intakeRecord, { by: 'y', now: NOW }))) as FormRecord;
    intake.mergeRecords(a, b, { by: 'admin', now: NOW });
    expect(Object.isFrozen(b.values)).toBe(false);
  });

  it('masks a FormRecord given to mask as its values', () => {
    const record = intake.createRecord(intakeRecord, { by: 'x', now: NOW });
    expect(intake.mask(record, { policy: 'export' }).phone).toBe('138****5678');
  });
});

describe('duplicates do not meet by accident', () => {
  it('escapes the separator of a multi-field key', () => {
    const form = compileForm(defineForm([{ id: 'a', type: 'text', label: 'A' }, { id: 'b', type: 'text', label: 'B' }], { dedup: [{ id: 'ab', fields: ['a', 'b'], normalize: ['trim'] }] }));
    expect(form.dedupKeys({ a: 'x|y', b: 'z' })).not.toEqual(form.dedupKeys({ a: 'x', b: 'y|z' }));
    expect(form.findDuplicates([{ a: 'x|y', b: 'z' }, { a: 'x', b: 'y|z' }])).toEqual([]);
  });

  it('strips Latin legal forms only as whole words', () => {
    const key = (name: string): string => normalizeKey(name, ['company-name']);
    expect(key('Costco')).not.toBe(key('Cost Co.'));
    expect(key('Zinc')).not.toBe(key('Z Inc'));
    expect(key('Acme Co., Ltd.')).toBe(key('ACME'));
    expect(key('某某科技 Co., Ltd.')).toBe(key('某某科技有限公司'));
  });

  it('refuses a record of another form instead of mixing it in', () => {
    const crm = compileForm(examples['crm-profile.json']);
    const other = crm.createRecord(crmRecord, { by: 'u', role: 'clerk', now: NOW });
    expect(() => intake.findDuplicates([other])).toThrow(FormUsageError);
    expect(() => intake.exporter({ format: 'csv' }).toString([other])).toThrow(/crm-profile/);
  });
});

describe('broken input is a FormUsageError or is skipped, never a TypeError', () => {
  const record = intake.createRecord(intakeRecord, { by: 'x', now: NOW });
  it.each([
    ['normalizeKey with no list', () => normalizeKey('x', null as never)],
    ['normalizeKey with a string', () => normalizeKey('x', 'trim' as never)],
    ['maskValue with an unknown kind', () => maskValue('x', 'nonsense' as never)],
    ['mergeRecords with a broken merged list', () => intake.mergeRecords({ ...record, merged: 5 } as never, intake.createRecord(intakeRecord, { by: 'y', now: NOW }), { by: 'a' })],
  ])('%s', (_name, run) => {
    expect(run).toThrow(FormUsageError);
  });

  it('reads a stored record with broken parts as far as it can', () => {
    const requirement = compileForm(examples['requirement-collection.json']);
    const stored = requirement.createRecord(requirementRecord, { by: 'u', role: 'clerk', now: NOW });
    expect(requirement.retention({ ...stored, history: [null, ...stored.history] } as never, NOW).purgeAfter).toBeInstanceOf(Date);
    const broken = [{ ...record, stateSince: undefined }, { ...record, states: null }] as never[];
    expect(intake.summarize(broken, { late: { overdue: 'processing' } }, { now: NOW }).summaries.late.overdue).toBe(0);
    const jsonl = intake.exporter({ format: 'jsonl' }).toString([{ satisfaction: 10n }, { ...record, id: 5n }] as never[]);
    expect(jsonl.trim().split('\n')).toHaveLength(2);
  });

  it('refuses to summarise by a personal field', () => {
    expect(() => intake.summarize([], { who: { count: 'name' } } as never)).toThrow(/personal data/);
  });
});
