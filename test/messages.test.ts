import { describe, expect, it } from 'vitest';
import { compileForm, formatIssue, type ValidationIssue } from '../src/index';
import { defineForm } from './helpers';

const form = compileForm(defineForm([
  { id: 'feedbackType', type: 'radio', label: { 'zh-CN': '反馈类型', en: 'Feedback type' }, required: true, options: [{ value: 'a', label: 'A' }] },
  { id: 'stars', type: 'rating', label: { 'zh-CN': '星级评分' }, required: true },
  { id: 'name', type: 'text', label: '姓名', required: true },
  { id: 'services', type: 'group', label: { 'zh-CN': '服务记录', 'zh-TW': '服務紀錄', en: 'Service' }, fields: [
    { id: 'solution', type: 'text', label: { 'zh-CN': '解决方案', 'zh-TW': '解決方案', en: 'Solution' }, required: true },
  ] },
], { title: { 'zh-CN': '客户反馈', en: 'Customer feedback' } }));

const messages = (values: unknown, locale: string): string[] => form.validate(values, { locale }).errors.map((error) => error.message);

describe('one language per message', () => {
  it('writes each message wholly in the first language that has its template and its labels', () => {
    expect(messages({ services: [{}] }, 'en')).toEqual([
      'Feedback type is required',
      '请填写星级评分', // label only in zh-CN: the whole message in zh-CN, never "星级评分 is required"
      '请填写姓名', // a plain label is written in the form's default locale (zh-CN)
      'Solution in Service #1 is required',
    ]);
    expect(messages({ services: [{}] }, 'zh-TW')).toEqual(['请填写反馈类型', '请填写星级评分', '请填写姓名', '請填寫服務紀錄第1筆的解決方案']);
  });

  it('falls back from a language without a catalogue to the form default, not to a mix', () => {
    expect(messages({}, 'fr')).toEqual(['请填写反馈类型', '请填写星级评分', '请填写姓名']);
  });

  it('reads regional tags through their catalogue: zh-HK and zh-Hant are traditional, en-GB is English', () => {
    expect(messages({ services: [{}] }, 'zh-HK')[3]).toBe('請填寫服務紀錄第1筆的解決方案');
    expect(messages({ services: [{}] }, 'zh-Hant-TW')[3]).toBe('請填寫服務紀錄第1筆的解決方案');
    expect(messages({}, 'en-GB')[0]).toBe('Feedback type is required');
  });

  it('uses a custom message in the language it exists in, with or without the label', () => {
    const custom = compileForm(defineForm([{
      id: 'phone', type: 'text', label: '手机', required: true, format: 'cn-mobile',
      messages: { required: { 'zh-CN': '请留下{label}号码', en: 'Leave a number so we can call you' } },
    }]));
    expect(custom.validate({}, { locale: 'en' }).errors[0]?.message).toBe('Leave a number so we can call you');
    expect(custom.validate({}, { locale: 'zh-TW' }).errors[0]?.message).toBe('请留下手机号码');
  });

  it('names the subject of a root error: the form', () => {
    expect(form.validate(null, { locale: 'en' }).errors[0]?.message).toBe('The values sent to "Customer feedback" must be an object (field id to answer)');
    expect(form.validate([], { locale: 'zh-CN' }).errors[0]?.message).toBe('提交给“客户反馈”的数据应为一个对象（字段到答案）');
  });
});

describe('formatIssue: messages at display time', () => {
  it('re-localises any validation issue without validating again, to what validate would say', () => {
    const values = { services: [{}], stars: 9 };
    const zh = form.validate(values, { locale: 'zh-CN' }).errors;
    const en = form.validate(values, { locale: 'en' }).errors;
    expect(zh.map((issue) => formatIssue(issue, 'en'))).toEqual(en.map((issue) => issue.message));
    expect(en.map((issue) => formatIssue(issue, 'zh-CN'))).toEqual(zh.map((issue) => issue.message));
  });

  it('works on issues that went through JSON (a server validated, a browser shows)', () => {
    const issue = JSON.parse(JSON.stringify(form.validate({ stars: 9 }, { locale: 'zh-CN' }).errors.find((error) => error.path === 'stars'))) as ValidationIssue;
    expect(issue.code).toBe('max');
    expect(formatIssue(issue, 'zh-CN')).toBe('星级评分不能大于5');
    expect(formatIssue(issue, 'en')).toBe('星级评分不能大于5');
  });

  it('has typed params per code', () => {
    const issue = form.validate({ stars: 9 }).errors.find((error) => error.path === 'stars');
    if (issue?.code !== 'max') throw new Error('expected a max issue');
    const max: number = issue.params.max;
    expect(max).toBe(5);
  });

  it('formats definition issues too, by code, reason and params', () => {
    try {
      compileForm(defineForm([{ id: 'a', type: 'text', label: 'A', visibelIf: true }]));
    } catch (error) {
      const issue = (error as { issues: Parameters<typeof formatIssue>[0][] }).issues[0];
      if (issue === undefined) throw error;
      expect(formatIssue(issue, 'zh-CN')).toBe('未知属性“visibelIf”——是否应为“visibleIf”？');
      expect(formatIssue(issue, 'zh-TW')).toBe('未知屬性「visibelIf」——是否應為「visibleIf」？');
      expect(formatIssue(issue, 'en')).toBe(issue.message);
    }
    expect.hasAssertions();
  });
});
