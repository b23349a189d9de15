// `npm run demo`: compiles every example form and shows, readably, what formloom does with them.
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForm, diffForms, FormDefinitionError, MemoryDraftStore, migrateRecord, recordAt, WorkflowError, type CompiledForm, type FormRecord } from '../src/index';
import { chinaCalendar2025 } from './chinaCalendar2025';
import { showPrivacy } from './demoPrivacy';
import { showVariants } from './demoVariants';
import { showOwnership } from './demoOwnership';
import { loadExampleDefinitions } from './loadExamples';
import { NOW, SAMPLE_RECORDS, customerInfoRecord, generatedIntakeValues, intakeRecord, invalidIntakeRecord } from './records';

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const heading = (text: string): void => console.log(`\n${bold(`== ${text} ==`)}`);
// Times as the people in these stories read them: Beijing time.
const wallClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
const shanghai = (at: Date | string | undefined): string => (at === undefined ? '-' : wallClock.format(new Date(at)));

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
      { id: 'rating', type: 'rating', label: 'Stars', visibleIf: { '==': [{ var: 'feedbackType' }, 'satisfication'] } },
      { id: 'comment', type: 'text', label: 'Comment', visibleIf: { '!!': { var: 'ratnig' } } },
      { id: 'code', type: 'text', label: 'Code', pattern: '^(a+)+$', access: { write: ['admn'] } },
      { id: 'idNo', type: 'text', label: '身份证号', format: 'cn-id-card' },
    ] }],
    forbid: ['id-card'],
  });
} catch (error) {
  if (!(error instanceof FormDefinitionError)) throw error;
  for (const issue of error.issues) console.log(`  ${issue.path.padEnd(38)} ${issue.code.padEnd(15)} ${issue.message}`);
}
console.log("  (the pattern '^(a+)+$' is accepted: formloom's pattern engine runs in linear time, so it cannot backtrack)");

heading('7. A session: a customer fills the customer-info form, saves a draft, resumes and submits');
const info = forms.get('customer-info') as CompiledForm;
const drafts = new MemoryDraftStore();
const filling = info.createSession({ role: 'customer', locale: 'zh-TW', now: NOW, drafts });
filling.subscribe((snapshot) => {
  if (snapshot.eventError !== undefined) console.log(`  refused: ${snapshot.eventError.code} (${snapshot.eventError.path ?? ''})`);
});
for (const [path, value] of Object.entries(customerInfoRecord).slice(0, 6)) filling.send({ type: 'change', path, value });
filling.send({ type: 'change', path: 'contactPhone', value: '1379876543' });
filling.send({ type: 'change', path: 'important', value: true }); // a customer may not set this
const { token, expiresAt } = await filling.saveDraft();
console.log(`  draft saved: token ${token.slice(0, 6)}… (${token.length} chars), resumable until ${expiresAt}`);
const resumed = await info.resumeDraft(token, { drafts, now: '2026-11-25T09:00:00+08:00' });
console.log(`  resumed: ${Object.keys(resumed.getSnapshot().values).length} answers back; shown errors: ${resumed.getSnapshot().errors.map((error) => error.message).join('; ')}`);
for (const [path, value] of Object.entries(customerInfoRecord).slice(6)) resumed.send({ type: 'change', path, value });
resumed.send({ type: 'change', path: 'contactPhone', value: '+86 137-9876-5432' });
const submitted = resumed.send({ type: 'submit' });
console.log(`  submit -> ${submitted.status}; phone kept as ${String(submitted.submitted?.contactPhone)}; tags: ${submitted.tags.join(', ')}`);

heading('8. The record and its review: rejected with a reason, resubmitted, second approval for an important customer');
const review = info.workflow('review');
let record = info.createRecord(submitted.submitted, { by: 'customer:陳志明', role: 'customer', now: NOW });
const step = (event: string, by: string, role: string, at: string, reason?: string): void => {
  record = review.send(record, event, { by, role, now: at, ...(reason === undefined ? {} : { reason }) });
  console.log(`  ${event.padEnd(9)} by ${by.padEnd(16)} -> ${record.states.review}`);
};
step('submit', 'customer:陳志明', 'customer', NOW);
try {
  review.send(record, 'reject', { by: 'reviewer:王芳', role: 'reviewer', now: NOW });
} catch (error) {
  if (error instanceof WorkflowError) console.log(`  reject without a reason: WorkflowError ${error.code}`);
}
step('reject', 'reviewer:王芳', 'reviewer', '2026-11-23T14:00:00+08:00', '营业执照扫描件不清晰，请重新上传');
step('resubmit', 'customer:陳志明', 'customer', '2026-11-24T09:00:00+08:00');
record = info.updateRecord(record, { important: true }, { by: 'reviewer:王芳', role: 'reviewer', now: '2026-11-24T10:00:00+08:00' });
step('approve', 'reviewer:王芳', 'reviewer', '2026-11-24T10:05:00+08:00');
step('approve', 'admin:李总', 'admin', '2026-11-24T16:00:00+08:00');
const seen = info.mask(record.values, { policy: 'view', role: 'clerk' });
console.log(`  archived: ${record.states.review === 'archived'}; what a clerk's screen shows: ${String(seen.contactName)}, ${String(seen.contactPhone)}, ${String(seen.contactEmail)}`);

heading('9. Processing in working days (2025 holidays with 调休), then the history');
const intakeDefinition = loadExampleDefinitions().find((example) => example.definition.id === 'customer-intake')?.definition;
const intakeCal = compileForm(intakeDefinition, { calendar: chinaCalendar2025 });
const processing = intakeCal.workflow('processing');
let ticket = intakeCal.createRecord(intakeRecord, { by: 'customer:张伟', role: 'customer', now: '2025-09-26T15:00:00+08:00' });
console.log(`  ${String(ticket.values.customerNo)} created Friday 2025-09-26 15:00; record within 1 working day -> due ${shanghai(processing.deadline(ticket))} (Sunday 28 Sep is a 调休 working day)`);
console.log(`  overdue on Sunday 16:00? ${processing.overdue(ticket, '2025-09-28T16:00:00+08:00')}`);
ticket = intakeCal.updateRecord(ticket, { owner: '王强' }, { by: 'clerk:王强', role: 'clerk', now: '2025-09-28T09:00:00+08:00' });
ticket = processing.send(ticket, 'start', { by: 'clerk:王强', role: 'clerk', now: '2025-09-28T09:05:00+08:00' });
ticket = intakeCal.updateRecord(ticket, { solution: '已安排上门演示' }, { by: 'clerk:王强', role: 'clerk', now: '2025-09-28T11:00:00+08:00' });
ticket = processing.send(ticket, 'finish', { by: 'clerk:王强', role: 'clerk', now: '2025-09-28T11:30:00+08:00' });
ticket = processing.send(ticket, 'close', { by: 'admin:李总', role: 'admin', now: '2025-09-28T17:00:00+08:00', reason: '客户确认满意' });
for (const entry of ticket.history) {
  const what = entry.action === 'transition' ? `${entry.event} ${entry.from} -> ${entry.to}${entry.reason === undefined ? '' : ` (${entry.reason})`}` : entry.action;
  const fields = entry.changes.map((change) => change.path).join(', ');
  console.log(`  r${entry.revision} ${shanghai(entry.at)} ${entry.by.padEnd(12)} ${what}${fields === '' ? '' : `: ${fields}`}`);
}
console.log(`  revision 2 rebuilt from history: owner = ${String(recordAt(ticket, 2).owner)}, solution = ${String(recordAt(ticket, 2).solution)}`);

heading('10. Next quarter the form changes: what breaks, and the record carried forward');
const nextQuarter = structuredClone(intakeDefinition) as { version: number; sections: { id: string; fields: Record<string, unknown>[] }[]; masking: { policies: { export: Record<string, string> } } };
nextQuarter.version = 2;
delete nextQuarter.masking.policies.export.email; // compileForm would refuse a policy naming a removed field
const basic = nextQuarter.sections[0] as { fields: Record<string, unknown>[] };
basic.fields = basic.fields.filter((field) => field.id !== 'email');
basic.fields.push({ id: 'source', type: 'select', label: { 'zh-CN': '客户来源', en: 'Source' }, required: true, options: [{ value: 'expo', label: '展会' }, { value: 'online', label: '线上' }] });
const v2 = compileForm(nextQuarter, { calendar: chinaCalendar2025 });
for (const change of diffForms(intakeCal, v2)) console.log(`  ${change.breaking ? 'BREAKING' : 'ok      '} ${change.kind.padEnd(15)} ${change.path}: ${change.detail}`);
const migrated = migrateRecord(ticket, v2, { by: 'admin:李总', now: '2025-12-31T18:00:00+08:00' });
const entry = migrated.history.at(-1);
console.log(`  migrated to version ${migrated.formVersion} (revision ${migrated.revision}); dropped: ${entry?.changes.filter((change) => change.to === undefined).map((change) => change.path).join(', ')}; ${entry?.note ?? ''}`);

heading('11. Duplicates: the same phone typed two ways, merged into one customer');
const second = intakeCal.createRecord({ ...intakeRecord, phone: '+86 138-1234-5678', budget: '50k-100k' }, { by: 'clerk:王强', role: 'clerk', now: '2025-10-09T10:00:00+08:00' });
for (const group of intakeCal.findDuplicates([ticket, second])) console.log(`  ${group.key}: ${group.records.map((found) => String(found.values.customerNo)).join(', ')}`);
const mergedTicket = intakeCal.mergeRecords(ticket, second, { by: 'admin:李总', role: 'admin', prefer: 'newer', now: '2025-10-09T11:00:00+08:00' });
const mergeEntry = mergedTicket.history.at(-1);
console.log(`  merged: ${String(mergedTicket.values.customerNo)} keeps its history (${ticket.history.length} entries) and ${second.id.slice(0, 6)}…'s; budget now ${String(mergedTicket.values.budget)}; changes: ${mergeEntry?.changes.map((change) => change.path).join(', ')}`);

heading('12. Retention: how long a service log is kept, when a CRM profile must be re-confirmed');
const serviceLog = log.createRecord(SAMPLE_RECORDS['service-feedback-log'], { by: 'clerk:王强', role: 'admin', now: '2024-03-15T10:00:00+08:00' });
const kept = log.retention(serviceLog, NOW);
console.log(`  service log of 2024-03-15: purge after ${shanghai(kept.purgeAfter)} (purge now: ${kept.purge})`);
const crm = forms.get('crm-profile') as CompiledForm;
const profile = crm.createRecord(SAMPLE_RECORDS['crm-profile'], { by: 'clerk:刘洋', role: 'clerk', now: '2026-03-01T09:00:00+08:00' });
const due = crm.retention(profile, NOW);
console.log(`  CRM profile of 2026-03-01: re-confirm by ${shanghai(due.reconfirmBy)}; stale now: ${due.stale}`);

heading('13. A quarter of intake records: processed, exported masked, summarised');
const quarter: FormRecord[] = [];
let serial = 0;
for (const values of generatedIntakeValues(60, 7)) {
  const created = new Date(Date.UTC(2025, 6, 1, 2) + serial * 36 * 3_600_000);
  let item = intakeCal.createRecord(values, { by: 'customer', role: 'customer', now: created });
  const at = (hours: number): Date => new Date(created.getTime() + hours * 3_600_000);
  if (serial % 5 !== 4) {
    item = intakeCal.updateRecord(item, { owner: ['王强', '刘洋', '赵敏'][serial % 3] as string }, { by: 'clerk', role: 'clerk', now: at(2) });
    item = processing.send(item, 'start', { by: 'clerk', role: 'clerk', now: at(3 + (serial % 4) * 10) });
    if (serial % 3 !== 2) {
      item = intakeCal.updateRecord(item, { solution: '已处理' }, { by: 'clerk', role: 'clerk', now: at(30) });
      item = processing.send(item, 'finish', { by: 'clerk', role: 'clerk', now: at(30 + (serial % 7) * 8) });
      if (serial % 4 !== 0) item = processing.send(item, 'close', { by: 'admin', role: 'admin', now: at(80) });
    }
  }
  quarter.push(item);
  serial += 1;
}
const csv = intakeCal.exporter({ format: 'csv', role: 'clerk' });
const csvText = csv.toString(quarter);
console.log(`  ${csv.filename('2025-10-01T09:00:00+08:00')}: ${quarter.length} records, masked for a clerk; first lines:`);
for (const line of csvText.split('\r\n').slice(0, 3)) console.log(`    ${line.replace(/^\uFEFF/, '').slice(0, 110)}…`);
// One folder, written again on every run, so that running the demo twice leaves nothing behind.
const folder = join(tmpdir(), 'formloom-demo');
mkdirSync(folder, { recursive: true });
const xlsx = intakeCal.exporter({ format: 'xlsx', role: 'clerk' });
const xlsxPath = join(folder, xlsx.filename('2025-10-01T09:00:00+08:00'));
await xlsx.pipe(quarter, createWriteStream(xlsxPath));
console.log(`  XLSX written: ${xlsxPath} (${statSync(xlsxPath).size} bytes; opens in Excel and LibreOffice)`);

const { summaries } = intakeCal.summarize(quarter, {
  feedback: { count: 'feedbackType' },
  industry: { count: 'industry' },
  trend: { average: 'satisfaction', by: 'month' },
  done: { conversion: { field: 'demandType', workflow: 'processing', state: 'done' } },
  time: { duration: { workflow: 'processing', from: 'pending', to: 'done', by: 'industry' } },
  late: { overdue: 'processing' },
}, { now: '2025-10-01T09:00:00+08:00' });
const bar = (share: number): string => '█'.repeat(Math.round(share * 20)).padEnd(20, '·');
console.log('  feedback type            records  share');
for (const group of summaries.feedback.groups) console.log(`    ${group.label.padEnd(18)} ${String(group.count).padStart(7)}  ${bar(group.share)} ${(group.share * 100).toFixed(0)}%`);
console.log(`  satisfaction by month: ${(summaries.trend.trend ?? []).map((point) => `${point.label} ${point.average === null ? '-' : point.average.toFixed(2)}`).join(' | ')}`);
console.log(`  reached 'done' by demand type: ${summaries.done.groups.map((group) => `${group.label} ${group.reached}/${group.records}`).join(', ')}`);
console.log(`  hours from pending to done, by industry: ${(summaries.time.groups ?? []).map((group) => `${group.label} ${group.averageHours === null ? '-' : group.averageHours.toFixed(1)}`).join(', ')}`);
console.log(`  overdue on 2025-10-01: ${summaries.late.overdue} of ${summaries.late.records}`);

await showPrivacy({ heading, info, values: submitted.submitted ?? {}, quarter });
showVariants(heading);
showOwnership(heading);
