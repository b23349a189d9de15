import { describe, expect, it } from 'vitest';
import { checkSchema } from '../src/definition/checkSchema';
import { definitionSchema, type FieldDefinition, type FormDefinition } from '../src/index';

// `npm run typecheck` checks this file: every accepted example below must satisfy the TypeScript
// types, and every `@ts-expect-error` must really be an error. The tests check the JSON Schema
// agrees on each, so the types and the schema accept the same definitions.

const form = (fields: readonly FieldDefinition[]): FormDefinition => ({ id: 'typed', version: 1, title: '类型', sections: [{ id: 's', fields }] });

const accepted: Record<string, FormDefinition> = {
  'every field type': form([
    { id: 'name', type: 'text', label: '姓名', required: true, maxLength: 50, pii: 'name' },
    { id: 'phone', type: 'text', label: { 'zh-CN': '手机', en: 'Mobile' }, format: 'cn-mobile', pii: 'phone' },
    { id: 'note', type: 'textarea', label: '备注', minLength: 2, 'x-ui': { rows: 4 } },
    { id: 'budget', type: 'number', label: '预算', min: 0, integer: true, unit: '万元' },
    { id: 'agree', type: 'boolean', label: '同意', default: false },
    { id: 'kind', type: 'radio', label: '类型', options: [{ value: 'enterprise', label: '企业' }, { value: 'individual', label: '个人' }] },
    { id: 'size', type: 'select', label: '规模', optionsIf: [{ when: { '==': [{ var: 'kind' }, 'enterprise'] }, options: [{ value: 'lt50', label: '50人以下' }] }], options: [{ value: 'na', label: '不适用' }] },
    { id: 'sources', type: 'multiselect', label: '来源', options: [{ value: 'expo', label: '展会' }], maxItems: 3 },
    { id: 'since', type: 'date', label: '日期' },
    { id: 'founded', type: 'month', label: '成立' },
    { id: 'at', type: 'datetime', label: '时间' },
    { id: 'stars', type: 'rating', label: '评分', max: 5, visibleIf: { '!!': { var: 'kind' } } },
    { id: 'region', type: 'cascader', label: '地区', levels: 1, options: [{ value: 'gd', label: '广东' }] },
    { id: 'docs', type: 'file', label: '附件', accept: ['.pdf', 'image/*'], maxSize: 10485760, maxFiles: 3 },
    { id: 'services', type: 'group', label: '服务', minItems: 1, fields: [{ id: 'solution', type: 'text', label: '方案' }] },
    { id: 'total', type: 'computed', label: '合计', expression: { '+': [1, 2] } },
    { id: 'no', type: 'autoId', label: '编号', pattern: 'YQ{yyyyMMdd}{seq:3}', access: { write: ['admin'] } },
  ]),
  'everything around the fields': {
    id: 'full', version: 2, title: 'Full', defaultLocale: 'zh-CN', roles: ['customer', 'admin'],
    optionSets: { industry: [{ value: 'mfg', label: '制造业', children: [{ value: 'auto', label: '汽车零部件' }] }] },
    sections: [{ id: 's', visibleIf: true, fields: [{ id: 'industry', type: 'select', label: '行业', optionsRef: 'industry' }] }],
    rules: [{ id: 'r', when: true, assert: { '!!': { var: 'industry' } }, path: 'industry', message: { en: 'Pick one' } }],
    tags: [{ id: 'auto', when: { '==': [{ var: 'industry' }, 'auto'] } }],
    dedup: [{ id: 'industry', fields: ['industry'], normalize: ['trim'] }],
    masking: { policies: { export: { industry: 'full' } }, reveal: { export: ['admin'] } },
    workflows: { review: { initial: 'submitted', states: { submitted: { deadline: 'P1D' }, approved: { final: true } }, transitions: [
      { event: 'approve', from: ['submitted'], to: 'approved', roles: ['admin'], reason: 'optional', maxTimes: 1 },
    ] } },
    drafts: { ttl: 'P7D' }, export: { filename: '{yyyyMM}客户反馈记录表' }, retention: { keep: 'P2Y', reconfirm: 'P6M' },
  },
};

const rejected: Record<string, unknown> = {
  // @ts-expect-error: `star` is not a field type
  'unknown field type': form([{ id: 'a', type: 'star', label: 'A' }]),
  // @ts-expect-error: a number field has no `format`
  'a key of another type': form([{ id: 'a', type: 'number', label: 'A', format: 'email' }]),
  // @ts-expect-error: a field needs a label
  'missing label': form([{ id: 'a', type: 'text' }]),
  // @ts-expect-error: `min` is a number
  'wrong key type': form([{ id: 'a', type: 'number', label: 'A', min: '1' }]),
  // @ts-expect-error: a group needs its fields
  'group without fields': form([{ id: 'g', type: 'group', label: 'G' }]),
  // @ts-expect-error: pii kinds are a closed list
  'unknown pii kind': form([{ id: 'a', type: 'text', label: 'A', pii: 'passport' }]),
  // @ts-expect-error: the version is a number
  'version as text': { id: 'f', version: '1', title: 't', sections: [] } satisfies FormDefinition,
};

describe('the TypeScript types and the JSON Schema accept the same definitions', () => {
  it.each(Object.entries(accepted))('both accept: %s', (_name, definition) => {
    expect(checkSchema(definitionSchema, JSON.parse(JSON.stringify(definition)))).toEqual([]);
  });

  it.each(Object.entries(rejected))('both reject: %s', (_name, definition) => {
    expect(checkSchema(definitionSchema, JSON.parse(JSON.stringify(definition))).length).toBeGreaterThan(0);
  });
});
