import { describe, expect, it } from 'vitest';
import { compileForm } from '../src/index';
import { parseDuration } from '../src/core/duration';
import { closest } from '../src/core/suggest';
import { parseTemplate, templatePattern } from '../src/core/template';
import { compilePattern } from '../src/pattern';
import { defineForm, issuesOf } from './helpers';

describe('suggestions', () => {
  it('finds typos, transpositions and case differences, and stays quiet for unrelated names', () => {
    expect(closest('feedbackKind', ['feedbackType', 'name'])).toBe('feedbackType');
    expect(closest('phnoe', ['phone', 'email'])).toBe('phone');
    expect(closest('PHONE', ['phone'])).toBe('phone');
    expect(closest('budget', ['phone', 'email'])).toBeUndefined();
  });
});

describe('ISO 8601 durations', () => {
  it('parses the durations definitions use and refuses the rest', () => {
    expect(parseDuration('P7D')).toMatchObject({ days: 7 });
    expect(parseDuration('PT24H')).toMatchObject({ hours: 24 });
    expect(parseDuration('P2Y6M')).toMatchObject({ years: 2, months: 6 });
    for (const bad of ['P', 'PT', '7D', 'P-1D', 'P1H', '24 hours', '']) expect(parseDuration(bad)).toBeUndefined();
  });
});

describe('templates', () => {
  it('parses auto id patterns and matches the ids they produce', () => {
    const parsed = parseTemplate('YQ{yyyyMMdd}{seq:3}', { seq: true, field: false });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const compiled = compilePattern(templatePattern(parsed.parts));
    if (!compiled.ok) throw new Error(compiled.detail);
    const { matcher } = compiled;
    expect(matcher.test('YQ20240501001')).toBe(true);
    expect(matcher.test('YQ202405011')).toBe(false);
    expect(matcher.test('XX20240501001')).toBe(false);
  });

  it('refuses unknown tokens and tokens not allowed in the context', () => {
    expect(parseTemplate('{yyyyMM}客户反馈记录表', { seq: false, field: false }).ok).toBe(true);
    expect(parseTemplate('{field:customerName}-{yyyyMMdd}', { seq: false, field: true }).ok).toBe(true);
    expect(parseTemplate('{seq:3}', { seq: false, field: true })).toEqual({ ok: false, token: 'seq:3' });
    expect(parseTemplate('{nonsense}', { seq: true, field: true })).toEqual({ ok: false, token: 'nonsense' });
  });
});

describe('definition limits and options', () => {
  it('refuses limits no value can satisfy and cascaders deeper than their tree', () => {
    const issues = issuesOf(defineForm([
      { id: 'a', type: 'text', label: 'A', minLength: 10, maxLength: 5 },
      { id: 'b', type: 'cascader', label: 'B', levels: 3, options: [{ value: 'x', label: 'X', children: [{ value: 'y', label: 'Y' }] }] },
    ]));
    expect(issues.map((issue) => issue.path)).toEqual(['sections.0.fields.0.minLength', 'sections.0.fields.1.levels']);
  });

  it('accepts only leaves of hierarchical options: a heading is not a choice', () => {
    const form = compileForm(defineForm([{ id: 'industry', type: 'select', label: 'Industry', options: [
      { value: 'manufacturing', label: '制造业', children: [{ value: 'auto-parts', label: '汽车零部件' }] },
      { value: 'other', label: '其他' },
    ] }]));
    expect(form.validate({ industry: 'auto-parts' }).valid).toBe(true);
    expect(form.validate({ industry: 'other' }).valid).toBe(true);
    expect(form.validate({ industry: 'manufacturing' }).errors[0]?.code).toBe('option');
  });

  it('treats null options as no options rather than crashing', () => {
    const form = compileForm(defineForm([{ id: 'a', type: 'text', label: 'A', required: true }]));
    expect(form.validate({}, null as never).errors[0]?.code).toBe('required');
    expect(form.evaluate({}, null as never).fields.a?.required).toBe(true);
  });
});
