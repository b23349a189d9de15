import { describe, expect, it } from 'vitest';
import { compileForm } from '../src/index';
import { loadExampleDefinitions } from '../examples/loadExamples';
import { NOW, SAMPLE_RECORDS, invalidIntakeRecord } from '../examples/records';

const examples = loadExampleDefinitions();

describe('the example definitions', () => {
  it('has at least the five example forms, each pointing editors at the schema', () => {
    expect(examples.map((example) => example.definition.id)).toEqual(
      expect.arrayContaining(['customer-intake', 'service-feedback-log', 'customer-info', 'crm-profile', 'requirement-collection']),
    );
    for (const { definition } of examples) expect(definition.$schema).toBe('../schema.json');
  });

  it.each(examples.map((example) => [example.file, example.definition] as const))('%s compiles without warnings and accepts its realistic record', (_file, definition) => {
    const form = compileForm(definition);
    expect(form.warnings).toEqual([]);
    const record = SAMPLE_RECORDS[form.id];
    expect(record).toBeDefined();
    const result = form.validate(record, { role: 'clerk', now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('reports the three mistakes of the invalid intake record, each on its field', () => {
    const form = compileForm(examples.find((example) => example.definition.id === 'customer-intake')?.definition);
    const { errors } = form.validate(invalidIntakeRecord, { role: 'customer', now: NOW, locale: 'zh-CN' });
    expect(errors.map((error) => [error.path, error.code])).toEqual([
      ['phone', 'format'], ['companyName', 'required'], ['satisfaction', 'max'],
    ]);
    expect(errors[0]?.message).toBe('联系方式应为11位手机号码（以1开头）');
  });

  it('shows the customer-info form in traditional Chinese by default', () => {
    const form = compileForm(examples.find((example) => example.definition.id === 'customer-info')?.definition);
    const { errors } = form.validate({ ...SAMPLE_RECORDS['customer-info'], contactPhone: '123' }, { role: 'clerk', now: NOW });
    expect(errors[0]?.message).toBe('聯繫人手機號應為11位手機號碼（以1開頭）');
  });

  it('tags the CRM profile as high value: budget >= 100k and decision maker', () => {
    const form = compileForm(examples.find((example) => example.definition.id === 'crm-profile')?.definition);
    expect(form.evaluate(SAMPLE_RECORDS['crm-profile'], { role: 'clerk' }).tags).toEqual(['high-value']);
    expect(form.evaluate({ ...SAMPLE_RECORDS['crm-profile'], isDecisionMaker: false }, { role: 'clerk' }).tags).toEqual([]);
  });
});
