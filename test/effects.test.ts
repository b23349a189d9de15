import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileForm, FormDefinitionError } from '../src/index';

const NOW = '2026-11-23T10:00:00+08:00';

const definition = {
  id: 'feedback', version: 1, title: { 'zh-CN': '服务反馈', en: 'Service feedback' }, roles: ['customer', 'reviewer'],
  sections: [{ id: 's', fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '姓名', en: 'Name' }, required: true, pii: 'name' },
    { id: 'mobile', type: 'text', label: { 'zh-CN': '手机号', en: 'Mobile' }, required: true, format: 'cn-mobile', pii: 'phone' },
    { id: 'mail', type: 'text', label: 'E-mail', format: 'email', pii: 'email' },
    { id: 'idCard', type: 'text', label: '身份证号', format: 'cn-id-card', pii: 'id-card' },
    { id: 'kind', type: 'radio', label: { 'zh-CN': '类型', en: 'Kind' }, options: [
      { value: 'complaint', label: { 'zh-CN': '投诉', en: 'Complaint' } }, { value: 'praise', label: { 'zh-CN': '表扬', en: 'Praise' } }] },
    { id: 'note', type: 'text', label: 'Staff note', access: { read: ['reviewer'], write: ['reviewer'] } },
  ] }],
  masking: { policies: { notify: { name: 'name', mobile: 'phone', idCard: 'id-card' } }, reveal: { notify: ['reviewer'] } },
  notifications: {
    policy: 'notify',
    templates: {
      received: { 'zh-CN': '{field:name}您好，您的{field:kind}（{recordId}）已受理，手机 {field:mobile}，证件 {field:idCard}{field:note}', en: 'Dear {field:name}, your {field:kind} ({recordId}) was received.' },
      reviewed: { 'zh-CN': '{form}：{state}。{reason}', en: '{form}: {state}. {reason}' },
    },
  },
  workflows: {
    review: {
      initial: 'new',
      states: { new: {}, submitted: { label: { 'zh-CN': '待审核', en: 'Submitted' } }, rejected: { label: { 'zh-CN': '已驳回', en: 'Rejected' } } },
      transitions: [
        { event: 'submit', from: 'new', to: 'submitted', effects: [{ notify: 'received', to: 'mobile' }, { notify: 'received', to: 'mail' }] },
        { event: 'reject', from: 'submitted', to: 'rejected', roles: ['reviewer'], reason: 'required', effects: [{ notify: 'reviewed', to: 'mobile', channel: 'wechat' }] },
        { event: 'withdraw', from: 'submitted', to: 'new' },
      ],
    },
  },
};

const form = compileForm(definition);
const values = { name: '欧阳娜娜', mobile: '+86 138-1234-5678', mail: 'li@example.com', idCard: '11010519491231002X', kind: 'complaint' };
const record = () => form.createRecord(values, { by: 'customer-1', role: 'customer', now: NOW, id: 'r-1' });

describe('notifications as effects of a workflow transition', () => {
  it('returns rendered, masked messages beside the new record; send still returns only the record', () => {
    const review = form.workflow('review');
    const { record: submitted, effects } = review.fire(record(), 'submit', { by: 'customer-1', role: 'customer', now: NOW });
    expect(submitted.states.review).toBe('submitted');
    expect(effects).toEqual([
      { type: 'notify', template: 'received', channel: 'sms', to: '13812345678', recipientField: 'mobile', locale: 'zh-CN',
        text: '欧***您好，您的投诉（r-1）已受理，手机 138****5678，证件 110105********002X', workflow: 'review', event: 'submit', state: 'submitted', recordId: 'r-1' },
      expect.objectContaining({ channel: 'email', to: 'li@example.com', recipientField: 'mail' }),
    ]);
    expect(Object.isFrozen(effects)).toBe(true);
    expect(review.send(record(), 'submit', { by: 'customer-1', role: 'customer', now: NOW })).toEqual(submitted);
    const rejected = review.fire(submitted, 'reject', { by: 'rev-1', role: 'reviewer', now: NOW, reason: '资料不全', locale: 'en' });
    expect(rejected.effects).toEqual([expect.objectContaining({ channel: 'wechat', locale: 'en', text: 'Service feedback: Rejected. 资料不全' })]);
  });

  it('refuses a language that is not a language tag', () => {
    for (const locale of ['__proto__', '', 'toString']) {
      expect(() => form.workflow('review').fire(record(), 'submit', { by: 'c', now: NOW, locale })).toThrow(expect.objectContaining({ code: 'bad-option' }));
    }
  });

  it('has no effects for a transition without them, and no recipient for an unanswered field', () => {
    const review = form.workflow('review');
    const submitted = review.send(form.createRecord({ ...values, mail: undefined }, { by: 'c', role: 'customer', now: NOW }), 'submit', { by: 'c', now: NOW });
    expect(review.fire(submitted, 'withdraw', { by: 'c', now: NOW }).effects).toEqual([]);
    const again = review.fire(review.send(submitted, 'withdraw', { by: 'c', now: NOW }), 'submit', { by: 'c', now: NOW });
    expect(again.effects[1]?.to).toBeNull();
  });

  it('property: a message never holds a plain mobile or ID number, whatever was answered', () => {
    const mobiles = fc.constantFrom('13812345678', '+86 139 8765 4321', '15500001111');
    const ids = fc.constantFrom('11010519491231002X', undefined);
    fc.assert(fc.property(mobiles, ids, fc.string({ maxLength: 6 }), fc.constantFrom('zh-CN', 'en', 'zh-TW'), (mobile, idCard, name, locale) => {
      const made = form.createRecord({ ...values, mobile, idCard, name: name.trim() === '' ? '张三' : name }, { by: 'c', role: 'customer', now: NOW });
      const { effects } = form.workflow('review').fire(made, 'submit', { by: 'c', now: NOW, locale });
      for (const effect of effects) {
        expect(effect.text).not.toContain(mobile.replace(/\D/g, '').slice(-11));
        if (idCard !== undefined) expect(effect.text).not.toContain(idCard.slice(6, 14));
      }
    }), { numRuns: 100 });
  });

  it('refuses, when compiling, a template, recipient, placeholder or policy that does not exist', () => {
    const broken = structuredClone(definition) as typeof definition & Record<string, unknown>;
    broken.notifications.templates.received['zh-CN'] = '{field:nmae} {recordID}';
    broken.notifications.policy = 'notfy';
    broken.workflows.review.transitions[0]!.effects = [{ notify: 'recieved', to: 'mobil' }];
    let issues: { code: string; path: string; message: string }[] = [];
    try {
      compileForm(broken);
    } catch (error) {
      if (error instanceof FormDefinitionError) issues = error.issues.map(({ code, path, message }) => ({ code, path, message }));
    }
    expect(issues.map(({ code, path }) => `${code} ${path}`).sort()).toEqual([
      'bad-placeholder notifications.templates.received',
      'unknown-field notifications.templates.received',
      'unknown-field workflows.review.transitions.0.effects.0.to',
      'unknown-policy notifications.policy',
      'unknown-template workflows.review.transitions.0.effects.0.notify',
    ]);
    expect(issues.find((issue) => issue.code === 'unknown-template')?.message).toContain("did you mean 'received'");
  });
});
