// `npm run demo`, part 3: variants of the intake form, written as differences from it.
import { compileForm, FormDefinitionError } from '../src/index';
import { loadVariantDefinitions, resolveExample } from './loadExamples';

const fieldIds = (definition: { readonly sections: readonly { readonly fields: readonly { readonly id: string }[] }[] }): string[] =>
  definition.sections.flatMap((section) => section.fields.map((field) => field.id));

export const showVariants = (heading: (text: string) => void): void => {
  heading('17. Variants: enterprise, individual and overseas intake forms, each written as its differences from the base');
  const base = compileForm(resolveExample({ id: 'customer-intake', version: 1 }));
  const baseIds = new Set(fieldIds(base.definition));
  for (const { file, definition } of loadVariantDefinitions()) {
    const form = compileForm(definition, { resolve: resolveExample });
    const ids = fieldIds(form.definition);
    const added = ids.filter((id) => !baseIds.has(id));
    const removed = [...baseIds].filter((id) => !ids.includes(id));
    console.log(`  ${file.padEnd(36)} ${String(ids.length).padStart(2)} fields; added: ${added.join(', ') || '-'}; removed: ${removed.join(', ') || '-'}`);
  }
  const overseas = compileForm(loadVariantDefinitions().find(({ file }) => file.includes('overseas'))?.definition, { resolve: resolveExample });
  for (const phone of ['+44 20 7946 0958', '0086 138 1234 5678', '020 7946 0958']) {
    const result = overseas.validate({ phone }, { mode: 'draft', locale: 'en' });
    const error = result.errors.find((issue) => issue.path === 'phone');
    console.log(`  overseas phone ${JSON.stringify(phone).padEnd(20)} -> ${error === undefined ? `kept as ${String(result.values.phone)}` : error.message}`);
  }
  try {
    compileForm({ id: 'broken-variant', version: 1, extends: { id: 'customer-intake', version: 1 }, remove: ['feedbackType'] }, { resolve: resolveExample, locale: 'en' });
  } catch (error) {
    if (error instanceof FormDefinitionError) {
      const issue = error.issues[0];
      console.log(`  removing a field the base still uses: ${issue?.path} [${issue?.code}] ${issue?.message}`);
    }
  }
};
