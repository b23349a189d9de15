// `npm run demo`, part 4: who may change a customer file — owners, handovers, and change requests
// reviewed before they reach an archived file.
import { ChangeRequestError, compileForm, WorkflowError, RecordValidationError } from '../src/index';

const NOW = '2026-11-23T10:00:00+08:00';
const locked = { '==': [{ var: 'archived' }, true] };

// A customer file of the CRM: entry clerks change only the files they own; once archived, a change
// goes through a request a reviewer approves.
const archive = compileForm({
  id: 'customer-file', version: 1, title: { 'zh-CN': '客户档案', en: 'Customer file' }, roles: ['clerk', 'reviewer', 'admin'],
  ownership: { ownOnly: ['clerk'], assign: ['admin'] },
  changeRequests: { workflow: 'changeReview', apply: 'approved' },
  sections: [{ id: 'main', fields: [
    { id: 'archived', type: 'boolean', label: { 'zh-CN': '已建档', en: 'Archived' }, access: { write: ['reviewer'] } },
    { id: 'company', type: 'text', label: { 'zh-CN': '公司名称', en: 'Company' }, required: true, readonlyIf: locked },
    { id: 'phone', type: 'text', label: { 'zh-CN': '联系电话', en: 'Mobile' }, format: 'cn-mobile', pii: 'phone', readonlyIf: locked },
    { id: 'followUp', type: 'textarea', label: { 'zh-CN': '跟进记录', en: 'Follow-up' }, access: { write: ['$owner', 'admin'] } },
  ] }],
  masking: { policies: { export: { phone: 'phone' } } },
  workflows: {
    changeReview: {
      initial: 'pending',
      states: { pending: {}, approved: { final: true }, rejected: { final: true } },
      transitions: [
        { event: 'approve', from: 'pending', to: 'approved', roles: ['reviewer'] },
        { event: 'reject', from: 'pending', to: 'rejected', roles: ['reviewer'], reason: 'required' },
      ],
    },
  },
});

const refusal = (run: () => unknown): string => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    if (error instanceof RecordValidationError) return `RecordValidationError ${error.errors.map((issue) => `${issue.path} ${issue.code}`).join(', ')}`;
    if (error instanceof WorkflowError || error instanceof ChangeRequestError) return `${error.name} ${error.code}`;
    throw error;
  }
};

export const showOwnership = (heading: (text: string) => void): void => {
  heading('18. Ownership and change requests: clerks change their own files; an archived file changes only through review');
  let file = archive.createRecord({ company: '杭州云栖科技', phone: '13812345678' }, { by: 'clerk:张伟', role: 'clerk', now: NOW });
  console.log(`  created by 张伟, owner: ${String(file.owner)}`);
  console.log(`  another clerk (刘洋) writes a follow-up: ${refusal(() => archive.updateRecord(file, { followUp: '已电话回访' }, { by: 'clerk:刘洋', role: 'clerk', now: NOW }))}`);
  file = archive.assignOwner(file, 'clerk:刘洋', { by: 'admin:李总', role: 'admin', now: NOW, reason: '张伟离职交接' });
  file = archive.updateRecord(file, { followUp: '已电话回访' }, { by: 'clerk:刘洋', role: 'clerk', now: NOW });
  console.log(`  after 李总 hands the file over (history: ${file.history.map((entry) => entry.action).join(' → ')}), 刘洋 writes it`);
  file = archive.updateRecord(file, { archived: true }, { by: 'reviewer:王芳', role: 'reviewer', now: NOW });
  console.log(`  archived; the owner changing the phone directly: ${refusal(() => archive.updateRecord(file, { phone: '13900001111' }, { by: 'clerk:刘洋', role: 'clerk', now: NOW }))}`);
  const first = archive.requestChange(file, { phone: '13900001111' }, { by: 'clerk:刘洋', role: 'clerk', now: NOW });
  const second = archive.requestChange(file, { phone: '13700002222' }, { by: 'clerk:刘洋', role: 'clerk', now: NOW });
  console.log(`  two requests on the phone: ${first.state}, ${second.state}; the file still has ${String(file.values.phone)}`);
  const approved = archive.reviewChange(file, first, 'approve', { by: 'reviewer:王芳', role: 'reviewer', now: NOW });
  file = approved.record;
  console.log(`  the first approved: the file now has ${String(file.values.phone)} (history entry '${file.history.at(-1)?.action}' for request ${String(file.history.at(-1)?.request).slice(0, 8)}…)`);
  console.log(`  the second approved after it: ${refusal(() => archive.reviewChange(file, second, 'approve', { by: 'reviewer:王芳', role: 'reviewer', now: NOW }))} — never a silent overwrite`);
};
