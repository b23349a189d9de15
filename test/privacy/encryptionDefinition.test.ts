import { describe, expect, it } from 'vitest';
import { compileForm, formatIssue, type FormDefinition } from '../../src/index';
import { internalFormOf } from '../../src/form/internal';
import { defineForm, issuesOf } from '../helpers';

const fields = [
  { id: 'phone', type: 'text', label: '手机', format: 'cn-mobile' },
  { id: 'contacts', type: 'group', label: '联系人', pii: 'name', fields: [{ id: 'who', type: 'text', label: '姓名' }] },
  { id: 'idCard', type: 'text', label: '身份证', pii: 'id-card' },
];

describe('the encryption block of a definition', () => {
  it('compiles into the internal form, typed as FormDefinition', () => {
    const definition = { ...defineForm(fields), encryption: { pii: ['phone', 'name', 'id-card'], reveal: ['admin'] } } as unknown as FormDefinition;
    const typed: FormDefinition['encryption'] = { pii: ['phone'], reveal: ['admin'] };
    expect(typed.pii).toEqual(['phone']);
    const internal = internalFormOf(compileForm(definition));
    expect([...internal.encryption?.pii ?? []]).toEqual(['phone', 'name', 'id-card']);
    expect([...internal.encryption?.reveal ?? []]).toEqual(['admin']);
    expect(internalFormOf(compileForm(defineForm(fields))).encryption).toBeUndefined();
  });

  it('counts a kind held through a format or a group\'s pii as held: no warning', () => {
    const form = compileForm(defineForm(fields, { encryption: { pii: ['phone', 'name', 'id-card'] } }));
    expect(form.warnings.filter((warning) => warning.code === 'unused-encryption-kind')).toEqual([]);
  });

  it('warns about a kind no field holds, at its place in the block', () => {
    const form = compileForm(defineForm(fields, { encryption: { pii: ['phone', 'bank-card', 'email'] } }));
    const warnings = form.warnings.filter((warning) => warning.code === 'unused-encryption-kind');
    expect(warnings.map((warning) => [warning.path, warning.params.pii])).toEqual([['encryption.pii.1', 'bank-card'], ['encryption.pii.2', 'email']]);
    expect(warnings[0]?.message).toContain('bank-card');
    expect(formatIssue(warnings[0] as never, 'zh-CN')).toContain('bank-card');
  });

  it('refuses an undeclared role in `reveal` with unknown-role and a suggestion', () => {
    const issues = issuesOf(defineForm(fields, { encryption: { pii: ['phone'], reveal: ['admin', 'clerks'] } }));
    expect(issues.map((issue) => [issue.code, issue.path, issue.params.suggestion])).toEqual([['unknown-role', 'encryption.reveal.1', 'clerk']]);
  });

  it('refuses a block of the wrong shape through the schema', () => {
    const paths = (encryption: unknown): string[] => issuesOf(defineForm(fields, { encryption })).map((issue) => `${issue.code} ${issue.path}`);
    expect(paths({ reveal: ['admin'] })).toEqual(['schema encryption.pii']);
    expect(paths({ pii: [] })).toEqual(['schema encryption.pii']);
    expect(paths({ pii: ['mobile'] })).toEqual(['schema encryption.pii.0']);
    // Keys never come from the definition.
    expect(paths({ pii: ['phone'], keys: 'secret' })).toEqual(['schema encryption.keys']);
  });
});
