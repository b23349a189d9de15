// `npm run demo`: compiles every example form and shows, readably, what formloom does with them.
import { compileForm, FormDefinitionError, type CompiledForm } from '../src/index';
import { loadExampleDefinitions } from './loadExamples';
import { NOW, SAMPLE_RECORDS, intakeRecord, invalidIntakeRecord } from './records';

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const heading = (text: string): void => console.log(`\n${bold(`== ${text} ==`)}`);

heading('1. Compile the example forms');
const forms = new Map<string, CompiledForm>();
for (const { file, definition } of loadExampleDefinitions()) {
  const started = performance.now();
  const form = compileForm(definition);
  forms.set(form.id, form);
  const fields = form.definition.sections.reduce((total, section) => total + section.fields.length, 0);
  console.log(`  ✓ ${file.padEnd(30)} ${String(fields).padStart(2)} fields  ${(performance.now() - started).toFixed(1)} ms  warnings: ${form.warnings.length}`);
}

const intake = forms.get('customer-intake') as CompiledForm;

heading('2. A valid intake record');
const valid = intake.validate(intakeRecord, { role: 'customer', now: NOW });
console.log(`  valid: ${valid.valid}, errors: ${valid.errors.length}, tags: ${intake.evaluate(intakeRecord).tags.join(', ')}`);
for (const [id, record] of Object.entries(SAMPLE_RECORDS)) {
  const result = (forms.get(id) as CompiledForm).validate(record, { role: 'clerk', now: NOW });
  console.log(`  ${id.padEnd(24)} valid: ${result.valid}`);
}

heading('3. An invalid record: 10-digit phone, no company name for an enterprise, 6 stars');
for (const locale of ['zh-CN', 'en'] as const) {
  console.log(`  [${locale}]`);
  for (const error of intake.validate(invalidIntakeRecord, { role: 'customer', locale, now: NOW }).errors) {
    console.log(`    ${error.path.padEnd(14)} ${error.code.padEnd(9)} ${error.message}`);
  }
}
console.log('  A customer trying to set an internal field:');
for (const error of intake.validate({ ...intakeRecord, status: 'closed' }, { role: 'customer', now: NOW }).errors) {
  console.log(`    ${error.path.padEnd(14)} ${error.code.padEnd(9)} ${error.message}`);
}

heading('4. evaluate(): what the form shows as the feedback type changes');
for (const feedbackType of [undefined, 'satisfaction', 'complaint']) {
  const { fields, tags } = intake.evaluate({ ...intakeRecord, feedbackType }, { role: 'customer' });
  const show = (id: string): string => {
    const state = fields[id];
    return state?.visible ? (state.required ? 'shown, required' : 'shown') : 'hidden';
  };
  console.log(`  feedbackType=${String(feedbackType).padEnd(12)} feedbackContent: ${show('feedbackContent').padEnd(15)} satisfaction: ${show('satisfaction').padEnd(8)} tags: [${tags.join(', ')}]`);
}

heading('5. A repeating group: service records with row-scoped rules');
const log = forms.get('service-feedback-log') as CompiledForm;
const rows = structuredClone(SAMPLE_RECORDS['service-feedback-log']) as { services: Record<string, unknown>[] };
delete rows.services[0]?.solution;
for (const error of log.validate(rows, { role: 'clerk', now: NOW }).errors) console.log(`  ${error.path.padEnd(22)} ${error.code.padEnd(9)} ${error.message}`);

heading('6. Mistakes in a definition are caught when it is compiled');
try {
  compileForm({
    id: 'broken', version: 1, title: 'Broken', roles: ['customer', 'admin'],
    sections: [{ id: 'main', fields: [
      { id: 'feedbackType', type: 'radio', label: 'Type', options: [{ value: 'satisfaction', label: '满意度评价' }, { value: 'complaint', label: '问题投诉' }] },
      { id: 'rating', type: 'rating', label: 'Stars', visibleIf: { '==': [{ var: 'feedbackKind' }, 'satisfication'] } },
      { id: 'code', type: 'text', label: 'Code', pattern: '^(a+)+$', access: { write: ['admn'] } },
    ] }],
  });
} catch (error) {
  if (!(error instanceof FormDefinitionError)) throw error;
  for (const issue of error.issues) console.log(`  ${issue.path.padEnd(38)} ${issue.code.padEnd(15)} ${issue.message}`);
}
console.log('\nWorkflows, drafts and masked export come with the next issues; see README.md.');
