import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadExampleDefinitions, loadVariantDefinitions, resolveExample } from '../examples/loadExamples';
import { MAX_BASES } from '../src/compile/resolveVariant';
import { compileForm, formatIssue, FormDefinitionError, FormUsageError, type DefinitionIssue } from '../src/index';

type Definition = Record<string, unknown>;

const intake = loadExampleDefinitions().find(({ definition }) => definition.id === 'customer-intake')?.definition as Definition;
const variants = new Map(loadVariantDefinitions().map(({ file, definition }) => [file.replace(/\.json$/, ''), definition]));
const variant = (name: string): Definition => variants.get(name) as Definition;
const resolve = resolveExample;

/** A variant of the intake form with the given changes. */
const intakeVariant = (changes: Definition = {}): Definition => ({ id: 'intake-variant', version: 1, extends: { id: 'customer-intake', version: 1 }, ...changes });

/** The issues compileForm throws; fails the test when it compiles. */
const issuesOf = (definition: unknown, options: Record<string, unknown> = { resolve }): DefinitionIssue[] => {
  try {
    compileForm(definition, options);
  } catch (error) {
    if (error instanceof FormDefinitionError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the definition to be refused');
};
const brief = (issues: readonly DefinitionIssue[]): string[] => issues.map((issue) => `${issue.code} at ${issue.path}`);

const complete = {
  customerNo: undefined, name: '张伟', phone: '13812345678', demandType: 'product-consulting', demandDescription: '需要一套客户管理系统',
};

describe('the example variants', () => {
  it('each compiles with the resolver, without warnings, into a flat definition that records its base', () => {
    expect([...variants.keys()].sort()).toEqual(['customer-intake-enterprise', 'customer-intake-individual', 'customer-intake-overseas']);
    for (const [name, definition] of variants) {
      const form = compileForm(definition, { resolve });
      expect(form.warnings, name).toEqual([]);
      expect(form.definition.derivedFrom, name).toEqual([{ id: 'customer-intake', version: 1 }]);
      for (const key of ['extends', 'remove', 'add', 'fields', 'sectionOverrides', 'options']) expect(form.definition, name).not.toHaveProperty(key);
    }
  });

  it('enterprise: company name and credit code required, no customer type, no ID numbers anywhere', () => {
    const form = compileForm(variant('customer-intake-enterprise'), { resolve });
    const values = { ...complete, companyName: '某某科技（深圳）有限公司', creditCode: '91350100M000100Y43' };
    expect(form.validate(values, { role: 'customer' }).errors).toEqual([]);
    const missing = form.validate({ ...complete }, { role: 'customer', locale: 'en' }).errors;
    expect(missing.map((error) => `${error.path} ${error.code}`)).toEqual(['companyName required', 'creditCode required']);
    expect(form.validate({ ...values, creditCode: '91350100M000100Y44' }).errors.map((error) => error.code)).toEqual(['format']);
    expect(form.validate({ ...values, customerType: 'enterprise' }).errors.map((error) => `${error.path} ${error.code}`)).toEqual(['customerType unknownField']);
    const withId = form.validate({ ...values, demandDescription: '我的身份证号 11010519491231002X' }).errors;
    expect(withId.map((error) => `${error.path} ${error.code}`)).toEqual(['demandDescription forbiddenData']);
    expect(JSON.stringify(withId)).not.toContain('11010519491231002X');
    const basic = form.definition.sections[0];
    expect(basic?.fields.map((field) => field.id)).toEqual(['customerNo', 'name', 'phone', 'email', 'companyName', 'creditCode', 'industry']);
    expect(form.dedupKeys(values)).toEqual([{ id: 'phone', key: 'phone:13812345678' }, { id: 'company', key: 'company:91350100M000100Y43' }]);
  });

  it('individual: no company fields, a personal name, an extra demand type before "other"', () => {
    const form = compileForm(variant('customer-intake-individual'), { resolve });
    expect(form.validate({ ...complete, demandType: 'after-sales' }).errors).toEqual([]);
    expect(form.validate({ ...complete, companyName: 'ACME' }).errors.map((error) => `${error.path} ${error.code}`)).toEqual(['companyName unknownField']);
    const required = form.validate({ ...complete, name: '' }, { locale: 'en' }).errors[0];
    expect(required?.message).toBe('Full name is required');
    expect(form.definition.optionSets).not.toHaveProperty('industry');
    const demandType = form.definition.sections[1]?.fields[0] as unknown as { options: { value: string }[] };
    expect(demandType.options.map((option) => option.value)).toEqual(['product-consulting', 'custom-service', 'cooperation', 'after-sales', 'other']);
  });

  it('overseas: international phones with their country code, English first', () => {
    const form = compileForm(variant('customer-intake-overseas'), { resolve });
    const values = { ...complete, customerType: 'individual', name: 'Jane Smith', country: 'GB', phone: '+44 20 7946 0958' };
    const result = form.validate(values);
    expect(result.errors).toEqual([]);
    expect(result.values.phone).toBe('+442079460958');
    const letters = form.validate({ ...values, phone: 'call me maybe' }).errors;
    expect(letters).toMatchObject([{ path: 'phone', code: 'format', params: { format: 'intl-phone' } }]);
    expect(letters[0]?.message).toBe('Phone (with country code) must be a phone number with its country code, such as +44 20 7946 0958');
    expect(form.validate({ ...values, phone: '020 7946 0958' }).errors.map((error) => error.code)).toEqual(['format']);
    expect(form.validate({ ...values, country: undefined }).errors.map((error) => `${error.path} ${error.code}`)).toEqual(['country required']);
    expect(form.definition.defaultLocale).toBe('en');
    expect(form.dedupKeys({ phone: '+44 20 7946 0958' })).toEqual([{ id: 'phone', key: 'phone:442079460958' }]);
    expect(form.mask({ ...values, phone: '+442079460958' }, { policy: 'export' }).phone).toBe('********0958');
  });

  it('a resolved definition compiles again alone, to the same form', () => {
    for (const [name, definition] of variants) {
      const form = compileForm(definition, { resolve });
      const again = compileForm(JSON.parse(JSON.stringify(form.definition)));
      expect(again.definition, name).toEqual(form.definition);
      expect(again.validate({ ...complete, phone: 'x' }).errors, name).toEqual(form.validate({ ...complete, phone: 'x' }).errors);
    }
  });

  it('a variant of a variant resolves down the chain', () => {
    const bases = new Map<string, unknown>([['customer-intake-enterprise@1', variant('customer-intake-enterprise')]]);
    const chained = (ref: { id: string; version: number }): unknown => bases.get(`${ref.id}@${ref.version}`) ?? resolve(ref);
    const form = compileForm({
      id: 'enterprise-overseas', version: 1, extends: { id: 'customer-intake-enterprise', version: 1 },
      remove: ['creditCode'], fields: { phone: { format: 'intl-phone' } },
      dedup: [{ id: 'company', fields: ['companyName'], normalize: ['company-name'] }],
      masking: { policies: { export: { name: 'name', phone: 'phone', email: 'email' } } },
    }, { resolve: chained });
    expect(form.definition.derivedFrom).toEqual([{ id: 'customer-intake-enterprise', version: 1 }, { id: 'customer-intake', version: 1 }]);
    expect(form.validate({ ...complete, companyName: 'ACME', phone: '+65 6123 4567' }).errors).toEqual([]);
  });
});

describe('merging', () => {
  it('rules, tags and dedup merge by id (replaced in place or added), optionSets and workflows by name, other keys replace', () => {
    const form = compileForm(intakeVariant({
      rules: [{ id: 'expected-date-not-past', path: 'expectedDate', assert: { '>': [{ var: 'expectedDate' }, { var: '$today' }] } }, { id: 'extra', path: 'budget', assert: true }],
      tags: [{ id: 'vip', when: { '==': [{ var: 'budget' }, 'gt100k'] } }],
      optionSets: { processingStatus: [{ value: 'open', label: 'Open' }] },
      retention: { keep: 'P1Y' },
    }), { resolve });
    const definition = form.definition;
    expect(definition.rules?.map((rule) => rule.id)).toEqual(['expected-date-not-past', 'extra']);
    expect(definition.rules?.[0]?.assert).toEqual({ '>': [{ var: 'expectedDate' }, { var: '$today' }] });
    expect(definition.tags?.map((tag) => tag.id)).toEqual(['high-value', 'key-follow-up', 'complaint', 'vip']);
    expect(Object.keys(definition.optionSets ?? {})).toEqual(['industry', 'processingStatus']);
    expect(definition.optionSets?.processingStatus).toEqual([{ value: 'open', label: 'Open' }]);
    expect(definition.retention).toEqual({ keep: 'P1Y' });
    expect(definition.title).toEqual(intake.title);
  });

  it('remove takes rules, tags, dedup keys, option sets, workflows and top-level keys', () => {
    const form = compileForm(intakeVariant({
      remove: [{ rule: 'expected-date-not-past' }, { tag: 'complaint' }, { dedup: 'phone' }, { workflow: 'processing' }, { key: 'retention' }, 'status', { optionSet: 'processingStatus' }],
    }), { resolve });
    const definition = form.definition as unknown as Definition;
    expect(definition.rules).toEqual([]);
    expect((definition.tags as { id: string }[]).map((tag) => tag.id)).toEqual(['high-value', 'key-follow-up']);
    expect(definition.dedup).toEqual([]);
    expect(definition.workflows).toEqual({});
    expect(definition).not.toHaveProperty('retention');
  });

  it('options of a field that shares a list get their own copy; optionSets.<name> changes the shared list', () => {
    const own = compileForm(intakeVariant({ options: { status: { remove: ['closed'], add: [{ value: 'waiting', label: 'Waiting' }], after: 'pending' } } }), { resolve });
    const status = own.definition.sections[3]?.fields[0] as unknown as Definition;
    expect(status).not.toHaveProperty('optionsRef');
    expect((status.options as { value: string }[]).map((option) => option.value)).toEqual(['pending', 'waiting', 'in-progress', 'done']);
    expect(own.definition.optionSets?.processingStatus).toHaveLength(4);
    const shared = compileForm(intakeVariant({ options: { 'optionSets.industry': { add: [{ value: 'finance', label: '金融' }], before: 'other' } } }), { resolve });
    expect(shared.definition.optionSets?.industry?.map((option) => option.value)).toEqual(['manufacturing', 'retail', 'it-services', 'finance', 'other']);
    expect(shared.validate({ ...complete, customerType: 'individual', industry: 'finance' }).errors).toEqual([]);
  });

  it('fields, sections and rows are added after or before a base item, else last; overrides delete keys with null', () => {
    const form = compileForm(intakeVariant({
      add: [
        { section: 'basic', before: 'customerNo', fields: [{ id: 'source', type: 'text', label: 'Source' }] },
        { sections: [{ id: 'extra', fields: [{ id: 'note', type: 'text', label: 'Note' }] }], after: 'basic' },
        { sections: [{ id: 'last', fields: [{ id: 'end', type: 'text', label: 'End' }] }] },
      ],
      fields: { email: { format: null, maxLength: 100 } },
      sectionOverrides: { demand: { title: null, visibleIf: { '!!': { var: 'name' } } } },
    }), { resolve });
    const sections = form.definition.sections;
    expect(sections.map((section) => section.id)).toEqual(['basic', 'extra', 'demand', 'feedback', 'internal', 'last']);
    expect(sections[0]?.fields[0]?.id).toBe('source');
    expect(sections[0]?.fields.find((field) => field.id === 'email')).toEqual({ id: 'email', type: 'text', label: { 'zh-CN': '电子邮箱', en: 'Email' }, maxLength: 100, pii: 'email' });
    expect(sections[2]).not.toHaveProperty('title');
    expect(form.evaluate({}).fields.demandType?.visible).toBe(false);
  });

  it('row fields of a repeating group are removed, changed and added by group.field and { group }', () => {
    const base: Definition = {
      id: 'log', version: 1, title: 'Log',
      sections: [{ id: 's', fields: [{ id: 'visits', type: 'group', label: 'Visits', fields: [
        { id: 'on', type: 'date', label: 'On' }, { id: 'note', type: 'text', label: 'Note' }, { id: 'by', type: 'text', label: 'By' },
      ] }] }],
    };
    const form = compileForm({
      id: 'log-2', version: 1, extends: { id: 'log', version: 1 },
      remove: ['visits.note'], fields: { 'visits.by': { required: true } },
      add: [{ group: 'visits', after: 'on', fields: [{ id: 'solved', type: 'boolean', label: 'Solved' }] }],
    }, { resolve: () => base });
    const group = form.definition.sections[0]?.fields[0] as unknown as { fields: { id: string }[] };
    expect(group.fields.map((field) => field.id)).toEqual(['on', 'solved', 'by']);
    expect(form.validate({ visits: [{ on: '2024-03-15' }] }).errors.map((error) => `${error.path} ${error.code}`)).toEqual(['visits.0.by required']);
  });
});

describe('issues are reported where the variant says what is wrong', () => {
  it('removed-field-referenced: at the remove entry, naming where the base still refers to the field', () => {
    const issues = issuesOf(intakeVariant({ remove: ['urgency', 'feedbackType', 'expectedDate'] }));
    expect(brief(issues)).toEqual([
      'removed-field-referenced at remove.1', 'removed-field-referenced at remove.1', 'removed-field-referenced at remove.1',
      'removed-field-referenced at remove.2', 'removed-field-referenced at remove.0', 'removed-field-referenced at remove.1',
      'removed-field-referenced at remove.2',
    ]);
    expect(issues[0]).toMatchObject({
      params: { name: 'feedbackType', base: 'customer-intake v1', basePath: 'sections.2.fields.1.visibleIf.!!.var' },
      message: "'feedbackType' is removed, but is still referenced (in customer-intake v1 at sections.2.fields.1.visibleIf.!!.var)",
    });
    expect(issues.map((issue) => issue.params.basePath)).toContain('rules.0.path');
    expect(issues.map((issue) => issue.params.basePath)).toContain('tags.1.when.and.0.==.0.var');
    for (const locale of ['en', 'zh-CN', 'zh-TW']) for (const issue of issues) expect(formatIssue(issue, locale)).not.toMatch(/\{\w+\}/);
    expect(formatIssue(issues[0] as DefinitionIssue, 'zh-CN')).toBe('“feedbackType”已被移除，但仍被引用（位于 customer-intake v1 的 sections.2.fields.1.visibleIf.!!.var）');
    // Masking, dedup and workflows refer to fields too; removing a section removes its fields.
    expect(brief(issuesOf(intakeVariant({ remove: [{ section: 'internal' }] })))).toEqual(['removed-field-referenced at remove.0', 'removed-field-referenced at remove.0', 'removed-field-referenced at remove.0']);
    expect(issuesOf(intakeVariant({ remove: ['email'] }))).toMatchObject([{ code: 'removed-field-referenced', path: 'remove.0', params: { basePath: 'masking.policies.export.email' } }]);
  });

  it('an option set still used is reported at its removal; an option still compared with at the option change', () => {
    expect(issuesOf(intakeVariant({ remove: [{ optionSet: 'industry' }] }))).toMatchObject([{ code: 'unknown-option-set', path: 'remove.0', params: { name: 'industry', basePath: 'sections.0.fields.6.optionsRef' } }]);
    expect(brief(issuesOf(intakeVariant({ options: { feedbackType: { remove: ['complaint'] } } })))).toEqual(['unknown-option at options.feedbackType.remove.0', 'unknown-option at options.feedbackType.remove.0']);
    expect(brief(issuesOf(intakeVariant({ options: { 'optionSets.industry': { remove: ['retail'] } }, rules: [{ id: 'r', path: 'industry', assert: { '!=': [{ var: 'industry' }, 'retail'] } }] })))).toEqual(['unknown-option at rules.0.assert']);
  });

  it('unknown ids in remove, fields, options, sectionOverrides and add, with the id most likely meant', () => {
    const issues = issuesOf(intakeVariant({
      remove: ['phnoe', { section: 'basik' }, { rule: 'expected-date-not-pst' }, { optionSet: 'industri' }, { key: 'retension' }],
      fields: { emial: { label: 'E' } },
      options: { budgett: { remove: ['x'] }, budget: { remove: ['lt10K'] }, 'optionSets.industy': { add: [{ value: 'x', label: 'X' }] } },
      sectionOverrides: { demnd: { title: 'D' } },
      add: [{ section: 'basic', after: 'nmae', fields: [{ id: 'x', type: 'text', label: 'X' }] }, { group: 'phone', fields: [{ id: 'y', type: 'text', label: 'Y' }] }],
    }));
    expect(issues.map((issue) => [issue.code, issue.path, issue.params.suggestion])).toEqual([
      ['unknown-field', 'remove.0', 'phone'],
      ['unknown-field', 'remove.1.section', 'basic'],
      ['unknown-field', 'remove.2.rule', 'expected-date-not-past'],
      ['unknown-option-set', 'remove.3.optionSet', 'industry'],
      ['unknown-field', 'remove.4.key', 'retention'],
      ['unknown-field', 'fields.emial', 'email'],
      ['unknown-field', 'sectionOverrides.demnd', 'demand'],
      ['unknown-option-set', 'options.optionSets.industy', 'industry'],
      ['unknown-field', 'options.budgett', 'budget'],
      ['unknown-option', 'options.budget.remove.0', 'lt10k'],
      ['unknown-field', 'add.0.after', 'name'],
      ['unknown-field', 'add.1.group', undefined],
    ]);
    expect(issues[1]?.message).toBe("the base has no section 'basik' — did you mean 'basic'?");
    for (const locale of ['en', 'zh-CN', 'zh-TW']) for (const issue of issues) expect(formatIssue(issue, locale)).not.toMatch(/\{\w+\}/);
    expect(issuesOf(intakeVariant({ remove: ['email'], fields: { email: { label: 'E' } } }))[0]).toMatchObject({ code: 'unknown-field', reason: 'removed', path: 'fields.email', params: { index: 0 } });
  });

  it('problems in what the variant wrote keep their path in the variant; in what it kept, the change that broke it', () => {
    const added = issuesOf(intakeVariant({ add: [{ section: 'basic', fields: [{ id: 'phone', type: 'text', label: 'P' }, { id: 'y', type: 'text', label: 'Y', lable: 'x', visibleIf: { var: 'customerTyp' } }] }] }));
    expect(added.map((issue) => [issue.code, issue.path, issue.params.suggestion ?? issue.params.first])).toEqual([
      ['schema', 'add.0.fields.1.lable', 'label'],
      ['duplicate-id', 'add.0.fields.0.id', 'customer-intake v1 sections.0.fields.3.id'],
      ['unknown-field', 'add.0.fields.1.visibleIf.var', 'customerType'],
    ]);
    expect(brief(issuesOf(intakeVariant({ fields: { phone: { label: null } } })))).toEqual(['schema at fields.phone.label']);
    const retyped = issuesOf(intakeVariant({ fields: { budget: { type: 'number' } } }));
    expect(retyped.map((issue) => [issue.code, issue.path, issue.params.basePath])).toEqual([
      ['schema', 'fields.budget', 'sections.1.fields.3.options'],
      ['type-mismatch', 'fields.budget', 'tags.0.when'],
    ]);
    const emptied = issuesOf(intakeVariant({ remove: ['feedbackContent', 'satisfaction', 'feedbackType'], tags: [] , sectionOverrides: {} }));
    expect(brief(emptied)).toContain('schema at remove.2');
    expect(emptied.every((issue) => issue.path === 'remove.2' || issue.path.startsWith('remove.'))).toBe(true);
  });

  it('a definition without extends may not use the variant keys; a variant may not list sections or derivedFrom', () => {
    const flat = { id: 'x', version: 1, title: 'T', sections: [{ id: 's', fields: [{ id: 'a', type: 'text', label: 'A' }] }] };
    expect(issuesOf({ ...flat, remove: ['a'], options: {} }, {}).map((issue) => [issue.code, issue.reason, issue.path])).toEqual([
      ['schema', 'variant-only', 'remove'], ['schema', 'variant-only', 'options'],
    ]);
    const shapes = issuesOf(intakeVariant({
      sections: [], derivedFrom: [], remove: [{ section: 'basic', rule: 'x' }], fields: { phone: { id: 'mobile' } },
      add: [{ section: 'basic', sections: [] }, { section: 'basic', fields: [{ id: 'x', type: 'text', label: 'X' }], after: 'name', before: 'phone' }],
    }));
    expect(shapes.filter((issue) => issue.code === 'schema').map((issue) => [issue.reason, issue.path])).toEqual(expect.arrayContaining([
      ['variant-sections', 'sections'], ['derived-from', 'derivedFrom'], ['one-key', 'remove.0'], ['not-overridable', 'fields.phone.id'],
      ['add-target', 'add.0'], ['after-before', 'add.1'],
    ]));
  });
});

describe('resolving the base', () => {
  it('no-resolver, unknown-base, extends-cycle, a base that is not the one asked for', () => {
    expect(issuesOf(intakeVariant(), {})).toMatchObject([{ code: 'no-resolver', path: 'extends', params: { id: 'customer-intake', version: 1 } }]);
    expect(issuesOf(intakeVariant({ extends: { id: 'customer-intake', version: 2 } }))).toMatchObject([{ code: 'unknown-base', path: 'extends', params: { version: 2 } }]);
    expect(issuesOf({ ...intake, id: 'customer-intake', version: 1, extends: { id: 'customer-intake', version: 1 }, sections: undefined, title: undefined })).toMatchObject([
      { code: 'extends-cycle', path: 'extends', params: { chain: 'customer-intake v1 → customer-intake v1' } },
    ]);
    const a = { id: 'a', version: 1, extends: { id: 'b', version: 1 } };
    const b = { id: 'b', version: 1, extends: { id: 'a', version: 1 } };
    expect(issuesOf(a, { resolve: (ref: { id: string }) => (ref.id === 'a' ? a : b) })).toMatchObject([
      { code: 'extends-cycle', path: 'extends', params: { chain: 'a v1 → b v1 → a v1', base: 'b v1', basePath: 'extends' } },
    ]);
    expect(issuesOf(intakeVariant(), { resolve: () => ({ ...intake, version: 2 }) })).toMatchObject([{ code: 'unknown-base', reason: 'mismatch' }]);
    expect(() => compileForm(intakeVariant(), { resolve: 'customer-intake' } as never)).toThrow(FormUsageError);
  });

  it('hostile resolvers and bases give coded issues, never a TypeError, and never echo what they hold', () => {
    const answers: [unknown, string | undefined][] = [
      [undefined, undefined], [null, undefined], [42, 'not-definition'], ['{"id":"customer-intake"}', 'not-definition'], [[intake], 'not-definition'],
      [new Date(0), 'not-definition'], [new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); } }), 'threw'],
    ];
    for (const [answer, reason] of answers) {
      const issues = issuesOf(intakeVariant(), { resolve: () => answer });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'unknown-base', path: 'extends' });
      expect(issues[0]?.reason).toBe(reason);
    }
    const secret = 'sk-secret-13812345678';
    const threw = issuesOf(intakeVariant(), { resolve: () => { throw new Error(secret); } });
    expect(threw).toMatchObject([{ code: 'unknown-base', reason: 'threw' }]);
    expect(JSON.stringify(threw)).not.toContain(secret);
    expect(issuesOf(intakeVariant(), { resolve: async () => intake })).toMatchObject([{ code: 'unknown-base', reason: 'promise' }]);

    let called = false;
    const withGetter = Object.defineProperty({ ...intake }, 'title', { enumerable: true, get: () => { called = true; return 'T'; } });
    expect(issuesOf(intakeVariant(), { resolve: () => withGetter })).toMatchObject([{ code: 'schema', reason: 'bad-value', path: 'extends', params: { basePath: 'title' } }]);
    expect(called).toBe(false);
    const polluted = JSON.parse(JSON.stringify(intake).replace('"roles":', '"__proto__": { "admin": true }, "roles":')) as Definition;
    expect(issuesOf(intakeVariant(), { resolve: () => polluted })).toMatchObject([{ code: 'reserved-id', path: 'extends', params: { basePath: '__proto__' } }]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(issuesOf(intakeVariant(), { resolve: () => ({ ...intake, sections: 'none' }) })).toMatchObject([{ code: 'schema', path: 'extends', params: { basePath: 'sections' } }]);

    let made = 0;
    const endless = issuesOf({ id: 'c0', version: 1, extends: { id: 'c1', version: 1 } }, {
      resolve: (ref: { id: string }) => ({ id: ref.id, version: 1, extends: { id: `c${++made + 1}`, version: 1 } }),
    });
    expect(endless).toMatchObject([{ code: 'extends-cycle', reason: 'too-long', path: 'extends', params: { limit: MAX_BASES } }]);
    expect(made).toBe(MAX_BASES);
  });

  it('messages of the new codes read well in every built-in language', () => {
    const issues = [
      ...issuesOf(intakeVariant(), {}), ...issuesOf(intakeVariant(), { resolve: () => undefined }),
      ...issuesOf(intakeVariant({ extends: { id: 'intake-variant', version: 1 } })),
    ];
    expect(issues.map((issue) => issue.code)).toEqual(['no-resolver', 'unknown-base', 'extends-cycle']);
    for (const issue of issues) {
      expect(formatIssue(issue, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(formatIssue(issue, 'zh-TW')).toMatch(/[\u4e00-\u9fff]/);
      for (const locale of ['en', 'zh-CN', 'zh-TW']) expect(formatIssue(issue, locale)).not.toMatch(/\{\w+\}/);
    }
    expect(issuesOf(intakeVariant(), { locale: 'zh-CN' })[0]?.message).toBe('本表单继承“customer-intake”第 1 版，但 compileForm 没有提供加载它的 resolve 选项');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever a variant removes or overrides, compileForm answers with a form or with issues
// that point into the variant (or at `extends`), never with a crash.

const FIELD_IDS = ['customerNo', 'customerType', 'name', 'phone', 'email', 'companyName', 'industry', 'demandType', 'demandDescription',
  'expectedDate', 'budget', 'urgency', 'feedbackType', 'feedbackContent', 'satisfaction', 'status', 'owner', 'followUpAt', 'notes',
  'solution', 'completedAt', 'updatedAt', 'recorder'];
const name = fc.oneof(fc.constantFrom(...FIELD_IDS), fc.constantFrom('phnoe', 'x', 'toString', ''), fc.string({ maxLength: 6 }));
const patch = fc.oneof(
  fc.constantFrom<unknown>(
    { label: 'X' }, { required: true }, { required: { var: 'customerType' } }, { type: 'number' }, { type: 'select' }, { label: null },
    { format: 'intl-phone' }, { format: null }, { visibleIf: { var: 'phone' } }, { options: [{ value: 'a', label: 'A' }] }, { optionsRef: 'industry' },
    { pii: 'bogus' }, { id: 'other' }, { fields: [] }, { maxLength: -1 }, { default: 'x' }, {}, null, 'text', [],
  ),
  fc.dictionary(fc.constantFrom('label', 'type', 'required', 'format', 'x-ui', 'lable'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);
const removal = fc.oneof(
  { weight: 4, arbitrary: name },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ section: 'basic' }, { section: 'internal' }, { rule: 'expected-date-not-past' }, { tag: 'complaint' },
    { optionSet: 'industry' }, { workflow: 'processing' }, { key: 'masking' }, { key: 'id' }, { section: 'x', rule: 'y' }, {}, 7) },
);
const optionChange = fc.record({ remove: fc.array(fc.constantFrom<unknown>('lt10k', 'gt100k', 'complaint', 'retail', 'zz', 1), { maxLength: 2 }), add: fc.constantFrom<unknown>(undefined, [{ value: 'new', label: 'New' }], [{ value: 'lt10k', label: 'Dup' }]) }, { requiredKeys: [] });
const variantArbitrary = fc.record({
  remove: fc.array(removal, { maxLength: 4 }),
  fields: fc.dictionary(name, patch, { maxKeys: 3 }),
  options: fc.dictionary(fc.oneof(name, fc.constantFrom('optionSets.industry', 'optionSets.nope', 'budget', 'feedbackType')), optionChange, { maxKeys: 2 }),
  add: fc.array(fc.oneof(
    fc.record({ section: fc.constantFrom('basic', 'demand', 'nope'), after: name, fields: fc.constant([{ id: 'added', type: 'text', label: 'Added', visibleIf: { var: 'phone' } }]) }),
    fc.record({ sections: fc.constant([{ id: 'more', fields: [{ id: 'more1', type: 'rating', label: 'More' }] }]) }),
  ), { maxLength: 2 }),
}, { requiredKeys: [] });

/** Whether `path` names a node of `root` (keys may hold dots: `fields.visits.on`), or a missing key of one that exists. */
const reaches = (root: unknown, path: string): boolean => {
  if (path === '') return true;
  if (typeof root !== 'object' || root === null) return false;
  for (const key of Object.keys(root)) {
    if (path === key) return true;
    if (path.startsWith(`${key}.`) && reaches((root as Record<string, unknown>)[key], path.slice(key.length + 1))) return true;
  }
  return !path.includes('.');
};

describe('property: random removals and overrides of the intake form', () => {
  it('compile, or fail with issues whose paths lie in the variant, at remove.N or at extends', () => {
    fc.assert(fc.property(variantArbitrary, (changes) => {
      const definition = intakeVariant(changes);
      try {
        const form = compileForm(definition, { resolve });
        expect(compileForm(form.definition).definition).toEqual(form.definition);
      } catch (error) {
        if (!(error instanceof FormDefinitionError)) throw error;
        for (const issue of error.issues) {
          const ok = issue.path === 'extends' || /^remove\.\d+$/.test(issue.path) || reaches(definition, issue.path);
          if (!ok) throw new Error(`${issue.code} at ${issue.path}: not a path of the variant`);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }
    }), { numRuns: 300 });
  }, 60_000);
});
