import { describe, expect, it } from 'vitest';
import { compileForm, ERROR_CODES, FormUsageError } from '../src/index';
import { choice, defineForm } from './helpers';

const form = compileForm(defineForm([
  choice('customerType', ['enterprise', 'individual'], { required: true }),
  { id: 'companyName', type: 'text', label: { 'zh-CN': '公司名称', en: 'Company' }, required: { '==': [{ var: 'customerType' }, 'enterprise'] } },
  { id: 'phone', type: 'text', label: { 'zh-CN': '手机号', en: 'Mobile' }, format: 'cn-mobile' },
  { id: 'idCard', type: 'text', label: 'ID', format: 'cn-id-card' },
  { id: 'site', type: 'text', label: 'Site', format: 'url' },
  { id: 'count', type: 'number', label: 'Count', min: 1, max: 10, integer: true },
  { id: 'agree', type: 'boolean', label: 'Agree' },
  choice('sources', ['expo', 'online', 'referral'], { type: 'multiselect', maxItems: 2 }),
  { id: 'since', type: 'date', label: 'Since' },
  { id: 'founded', type: 'month', label: 'Founded' },
  { id: 'at', type: 'datetime', label: 'At' },
  { id: 'stars', type: 'rating', label: 'Stars', max: 5 },
  { id: 'region', type: 'cascader', label: 'Region', levels: 3, options: [
    { value: 'gd', label: '广东', children: [{ value: 'sz', label: '深圳', children: [{ value: 'ns', label: '南山' }] }] },
  ] },
  { id: 'docs', type: 'file', label: 'Docs', accept: ['.pdf', 'image/*'], maxSize: 1000, maxFiles: 2 },
  { id: 'total', type: 'computed', label: 'Total', expression: { '*': [{ var: 'count' }, 2] } },
  { id: 'ticket', type: 'autoId', label: 'Ticket', pattern: 'YQ{yyyyMMdd}{seq:3}', access: { write: ['admin'] } },
  { id: 'status', type: 'text', label: 'Status', access: { read: ['clerk', 'admin'], write: ['clerk', 'admin'] } },
  { id: 'locked', type: 'text', label: 'Locked', readonlyIf: { '==': [{ var: 'customerType' }, 'individual'] } },
]));

const codes = (values: unknown, options = {}): [string, string][] =>
  form.validate(values, options).errors.map((error) => [error.path, error.code]);

describe('validate: field types', () => {
  it('accepts a complete valid record and returns it cleaned with computed values', () => {
    const values = {
      customerType: 'enterprise', companyName: 'ACME', phone: '13812345678', idCard: '11010519491231002X',
      site: 'https://example.com', count: 3, agree: false, sources: ['expo', 'online'], since: '2024-02-29',
      founded: '2015-03', at: '2024-03-15 09:30', stars: 5, region: ['gd', 'sz', 'ns'],
      docs: [{ name: 'a.pdf', size: 10, type: 'application/pdf' }, { name: 'b.png', size: 999, type: 'image/png' }],
      total: 999,
    };
    const result = form.validate(values);
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({ ...values, total: 6 });
  });

  it.each([
    [{ phone: '12345678901' }, 'phone', 'format'],
    [{ idCard: '110105194912310021' }, 'idCard', 'format'],
    [{ site: 'javascript:alert(1)' }, 'site', 'format'],
    [{ count: 2.5 }, 'count', 'type'],
    [{ count: 11 }, 'count', 'max'],
    [{ count: '3' }, 'count', 'type'],
    [{ agree: 'yes' }, 'agree', 'type'],
    [{ sources: ['expo', 'tv'] }, 'sources', 'option'],
    [{ sources: ['expo', 'online', 'referral'] }, 'sources', 'maxItems'],
    [{ sources: ['expo', 'expo'] }, 'sources', 'option'],
    [{ since: '2023-02-29' }, 'since', 'format'],
    [{ founded: '2015-13' }, 'founded', 'format'],
    [{ at: 'yesterday' }, 'at', 'format'],
    [{ stars: 0 }, 'stars', 'min'],
    [{ stars: 4.5 }, 'stars', 'type'],
    [{ region: ['gd', 'gz', 'x'] }, 'region', 'option'],
    [{ region: ['gd', 'sz'] }, 'region', 'minItems'],
    [{ docs: [{ name: 'a.exe', size: 1, type: 'application/x-msdownload' }] }, 'docs', 'fileType'],
    [{ docs: [{ name: 'a.pdf', size: 5000, type: 'application/pdf' }] }, 'docs', 'fileSize'],
    [{ docs: [{ name: 'a.pdf' }] }, 'docs', 'type'],
    [{ docs: [1, 2, 3] }, 'docs', 'maxItems'],
  ])('%j -> %s %s', (values, path, code) => {
    expect(codes({ customerType: 'individual', ...values })).toEqual([[path, code]]);
  });

  it('never accepts computed values from input, and auto ids only from roles that may write them', () => {
    expect(form.validate({ customerType: 'individual', count: 2, total: 100 }).values.total).toBe(4);
    expect(codes({ customerType: 'individual', ticket: 'YQ20240501001' }, { role: 'customer' })).toEqual([['ticket', 'forbidden']]);
    expect(codes({ customerType: 'individual', ticket: 'YQ20240501001' }, { role: 'admin' })).toEqual([]);
    expect(codes({ customerType: 'individual', ticket: 'X1' }, { role: 'admin' })).toEqual([['ticket', 'format']]);
  });
});

describe('validate: required, conditions and roles', () => {
  it('requires a company name only for enterprise customers', () => {
    expect(codes({ customerType: 'enterprise' })).toEqual([['companyName', 'required']]);
    expect(codes({ customerType: 'individual' })).toEqual([]);
  });

  it('draft mode skips required but keeps format checks', () => {
    expect(codes({ phone: '123' }, { mode: 'draft' })).toEqual([['phone', 'format']]);
  });

  it('treats blank strings and empty lists as unanswered', () => {
    expect(codes({ customerType: 'enterprise', companyName: '   ' })).toEqual([['companyName', 'required']]);
    expect(form.validate({ customerType: 'individual', sources: [] }).values).not.toHaveProperty('sources');
  });

  it('forbids staff-only fields to customers and hides them from customers', () => {
    expect(codes({ customerType: 'individual', status: 'done' }, { role: 'customer' })).toEqual([['status', 'forbidden']]);
    expect(form.validate({ customerType: 'individual', status: 'done' }, { role: 'customer' }).values).not.toHaveProperty('status');
    expect(codes({ customerType: 'individual', status: 'done' }, { role: 'clerk' })).toEqual([]);
    expect(form.evaluate({}, { role: 'customer' }).fields.status?.visible).toBe(false);
    expect(form.evaluate({}, { role: 'clerk' }).fields.status?.visible).toBe(true);
  });

  it('never compares a value a role may not read: guessing a staff-only value is always forbidden', () => {
    const previous = { customerType: 'individual', status: 'done' };
    expect(codes(previous, { role: 'customer', previous })).toEqual([['status', 'forbidden']]);
    expect(codes({ ...previous, status: 'open' }, { role: 'customer', previous })).toEqual([['status', 'forbidden']]);
    expect(codes({ customerType: 'individual' }, { role: 'customer', previous })).toEqual([]);
  });

  it('lets a role resend unchanged a value it may read but not write, even as typed differently', () => {
    const readOnly = compileForm(defineForm([
      { id: 'phone', type: 'text', label: 'P', format: 'cn-mobile', access: { read: ['customer', 'clerk'], write: ['clerk'] } },
    ]));
    const previous = { phone: '13812345678' };
    expect(readOnly.validate(previous, { role: 'customer', previous }).errors).toEqual([]);
    expect(readOnly.validate({ phone: '+86 138 1234 5678' }, { role: 'customer', previous }).errors).toEqual([]);
    expect(readOnly.validate({ phone: '13900000000' }, { role: 'customer', previous }).errors.map((error) => error.code)).toEqual(['forbidden']);
    expect(readOnly.validate({ phone: '13900000000' }, { role: 'clerk', previous }).valid).toBe(true);
  });

  it('refuses a change to a field locked by readonlyIf', () => {
    const previous = { customerType: 'individual', locked: 'a' };
    expect(codes({ ...previous, locked: 'b' }, { previous })).toEqual([['locked', 'forbidden']]);
    expect(codes({ ...previous, locked: 'a' }, { previous })).toEqual([]);
  });

  it('throws a FormUsageError for a role the form does not declare', () => {
    expect(() => form.validate({}, { role: 'admn' })).toThrow(FormUsageError);
  });
});

describe('validate: bad input never throws, never pollutes, never leaks', () => {
  it.each([null, undefined, 42, 'text', [], [1, 2], true])('values %j give a coded error', (values) => {
    const result = form.validate(values);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatchObject({ path: '', code: 'type' });
  });

  it('reports unknown keys and junk values with codes', () => {
    expect(codes({ customerType: 'individual', nope: 1, phone: { $gt: 1 } })).toEqual([['nope', 'unknownField'], ['phone', 'type']]);
  });

  it('treats __proto__ in values as an unknown key, not a prototype', () => {
    const values = JSON.parse('{"customerType": "individual", "__proto__": {"polluted": true}, "constructor": {"x": 1}}');
    const result = form.validate(values);
    expect(result.errors.map((error) => error.code)).toEqual(['unknownField', 'unknownField']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype);
  });

  it('never puts the submitted value in a message', () => {
    const secret = '110105194912310021';
    for (const locale of ['zh-CN', 'zh-TW', 'en']) {
      const { errors } = form.validate({ customerType: 'individual', idCard: secret, phone: '13812345' }, { locale });
      expect(errors).toHaveLength(2);
      for (const error of errors) expect(JSON.stringify(error)).not.toMatch(/1101051949|13812345/);
    }
  });

  it('uses a field message override in the requested locale', () => {
    const custom = compileForm(defineForm([{
      id: 'phone', type: 'text', label: '手机', format: 'cn-mobile', required: true,
      messages: { required: { 'zh-CN': '请留下手机号，方便我们联系您', en: 'Leave a number so we can call you' } },
    }]));
    expect(custom.validate({}, { locale: 'en' }).errors[0]?.message).toBe('Leave a number so we can call you');
    expect(custom.validate({}, { locale: 'zh-TW' }).errors[0]?.message).toBe('请留下手机号，方便我们联系您');
  });
});

describe('repeating groups', () => {
  const log = compileForm(defineForm([
    { id: 'services', type: 'group', label: { en: 'Service', 'zh-CN': '服务记录' }, minItems: 1, fields: [
      choice('progress', ['pending', 'done'], { required: true }),
      { id: 'solution', type: 'text', label: { en: 'Solution', 'zh-CN': '解决方案' }, required: { '==': [{ var: '$row.progress' }, 'done'] } },
      { id: 'rating', type: 'rating', label: 'Rating', visibleIf: { '==': [{ var: '$row.progress' }, 'done'] } },
    ] },
  ]));

  it('validates each row with row-scoped conditions and row paths', () => {
    const result = log.validate({ services: [{ progress: 'pending', rating: 5 }, { progress: 'done' }, 'junk', { progress: 'done', solution: 'ok', x: 1 }] }, { locale: 'zh-CN' });
    expect(result.errors.map((error) => [error.path, error.code])).toEqual([
      ['services.1.solution', 'required'], ['services.2', 'type'], ['services.3.x', 'unknownField'],
    ]);
    expect(result.errors[0]?.message).toBe('请填写服务记录第2条的解决方案');
    expect(result.values.services).toEqual([{ progress: 'pending' }, { progress: 'done' }, 'junk', { progress: 'done', solution: 'ok' }]);
  });

  it('checks row counts and reports row states in evaluate', () => {
    expect(log.validate({ services: [] }).errors.map((error) => error.code)).toEqual(['required']);
    const { fields } = log.evaluate({ services: [{ progress: 'done' }, { progress: 'pending' }] });
    expect(fields['services.0.rating']).toEqual({ visible: true, required: false, readonly: false });
    expect(fields['services.1.rating']?.visible).toBe(false);
    expect(fields['services.0.solution']?.required).toBe(true);
  });
});

describe('dependent options (R5)', () => {
  const scale = compileForm(defineForm([
    choice('customerType', ['enterprise', 'individual']),
    { id: 'scale', type: 'select', label: 'Scale', optionsIf: [
      { when: { '==': [{ var: 'customerType' }, 'enterprise'] }, options: [{ value: 'lt50', label: '<50' }] },
      { when: { '==': [{ var: 'customerType' }, 'individual'] }, options: [{ value: 'owner', label: 'Owner' }] },
    ] },
  ]));

  it('accepts only the options of the case that applies', () => {
    expect(scale.validate({ customerType: 'enterprise', scale: 'lt50' }).valid).toBe(true);
    expect(scale.validate({ customerType: 'individual', scale: 'lt50' }).errors[0]).toMatchObject({ path: 'scale', code: 'option' });
    expect(scale.validate({ scale: 'owner' }).errors[0]?.code).toBe('option');
  });
});

describe('$today and time zones', () => {
  const definition = defineForm([{ id: 'expected', type: 'date', label: 'Expected' }], {
    rules: [{ id: 'not-past', path: 'expected', assert: { '>=': [{ var: 'expected' }, { var: '$today' }] } }],
  });
  // 2026-11-23 07:00 in Beijing is still 2026-11-22 in UTC.
  const now = '2026-11-22T23:00:00Z';

  it('takes today in the time zone given at compile time or per call', () => {
    const beijing = compileForm(definition, { timeZone: 'Asia/Shanghai' });
    expect(beijing.validate({ expected: '2026-11-22' }, { now }).errors.map((error) => error.code)).toEqual(['rule']);
    expect(beijing.validate({ expected: '2026-11-23' }, { now }).valid).toBe(true);
    expect(beijing.validate({ expected: '2026-11-22' }, { now, timeZone: 'UTC' }).valid).toBe(true);
  });

  it('refuses a time zone that does not exist', () => {
    expect(() => compileForm(definition, { timeZone: 'Mars/Olympus' })).toThrow(FormUsageError);
    expect(() => compileForm(definition).validate({}, { timeZone: 'Nowhere' })).toThrow(FormUsageError);
  });
});

describe('blank answers', () => {
  it('counts ASCII, full-width and no-break white space as no answer, and keeps padded text', () => {
    const form = compileForm(defineForm([{ id: 'name', type: 'text', label: 'Name', required: true }]));
    for (const blank of ['', ' ', '\t\n', '\u3000\u3000', '\u00a0']) expect(form.validate({ name: blank }).errors[0]?.code).toBe('required');
    expect(form.validate({ name: ' 张伟 ' }).values).toEqual({ name: ' 张伟 ' });
  });
});

describe('every validation code', () => {
  it('is produced by some value, with the params its type promises', () => {
    const all = compileForm(defineForm([
      { id: 'name', type: 'text', label: 'Name', required: true, minLength: 2, maxLength: 4, pattern: '^[a-z]+$' },
      { id: 'phone', type: 'text', label: 'Phone', format: 'cn-mobile' },
      { id: 'age', type: 'number', label: 'Age', min: 18, max: 99 },
      choice('tags', ['a', 'b', 'c'], { type: 'multiselect', minItems: 2, maxItems: 2 }),
      { id: 'docs', type: 'file', label: 'Docs', accept: ['.pdf'], maxSize: 10 },
      { id: 'status', type: 'text', label: 'Status', access: { write: ['admin'] } },
      { id: 'note', type: 'textarea', label: 'Note' },
    ], { rules: [{ id: 'adult', path: 'age', when: true, assert: { '>=': [{ var: 'age' }, 21] } }], forbid: ['id-card'] }));
    const seen = new Map<string, unknown>();
    const collect = (values: Record<string, unknown>): void => {
      for (const error of all.validate({ name: 'ab', ...values }).errors) seen.set(error.code, error.params);
    };
    collect({ name: undefined, phone: 1, tags: ['a', 'a'], unknown: 1, status: 'x' });
    collect({ name: 'a', phone: '123', age: 17, tags: ['a'] });
    collect({ name: 'abcde', age: 100, tags: ['a', 'b', 'c'], docs: [{ name: 'a.exe', size: 1, type: 'x' }] });
    collect({ name: 'AB', age: 19, docs: [{ name: 'a.pdf', size: 11, type: 'application/pdf' }], note: 'ID 11010519491231002X' });
    expect(new Set(seen.keys())).toEqual(new Set(ERROR_CODES));
    expect(seen.get('minLength')).toEqual({ min: 2 });
    expect(seen.get('maxItems')).toEqual({ max: 2 });
    expect(seen.get('fileSize')).toEqual({ maxSize: 10, maxSizeText: '10 B' });
    expect(seen.get('rule')).toEqual({ rule: 'adult' });
    expect(seen.get('forbiddenData')).toEqual({ kind: 'id-card' });
  });
});
