// `npm run demo`, part 2: privacy and control — notifications as effects, field-level encryption,
// the audit of who saw what, and the monthly verification draw.
import { keyProviderFromRaw, maskValue, sampleForVerification, summarizeAudit, type AuditEntry, type CompiledForm, type FormRecord } from '../src/index';

interface Show {
  readonly heading: (text: string) => void;
  readonly info: CompiledForm;
  /** Submitted customer-info values. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Records of a quarter, for the verification draw. */
  readonly quarter: readonly FormRecord[];
}

const NOW = '2026-11-23T10:00:00+08:00';

export const showPrivacy = async ({ heading, info, values, quarter }: Show): Promise<void> => {
  heading('14. Notifications as effects: the confirmation SMS after submission and after review (formloom sends nothing)');
  const review = info.workflow('review');
  let record = info.createRecord(values, { by: 'customer:陳志明', role: 'customer', now: NOW, id: 'CI-0001' });
  for (const [event, by, role, reason] of [['submit', 'customer:陳志明', 'customer'], ['reject', 'reviewer:王芳', 'reviewer', '营业执照扫描件不清晰']] as const) {
    const fired = review.fire(record, event, { by, role, now: NOW, ...(reason === undefined ? {} : { reason }) });
    record = fired.record;
    for (const effect of fired.effects) console.log(`  ${event}: ${effect.channel} to ${String(maskValue(effect.to, 'phone'))}: ${effect.text}`);
  }

  heading('15. Field-level encryption: phone and e-mail sealed with AES-GCM under keys the app holds');
  const random = (): Uint8Array => crypto.getRandomValues(new Uint8Array(32));
  const keys = keyProviderFromRaw({ current: 'k2026', keys: { k2026: random() }, index: random() });
  const sealed = await info.seal(record.values, { keys, recordId: record.id });
  const phone = sealed.contactPhone as { kid: string; ct: string };
  console.log(`  stored contactPhone: { $sealed: 1, kid: '${phone.kid}', ct: '${phone.ct.slice(0, 16)}…' }; no digit of it in the stored JSON: ${!JSON.stringify(sealed).includes(String(record.values.contactPhone))}`);
  const audit: AuditEntry[] = [];
  const asClerk = await info.unseal(sealed, { keys, role: 'clerk', recordId: record.id });
  const asReviewer = await info.unseal(sealed, { keys, role: 'reviewer', recordId: record.id, audit: (entry) => { audit.push(entry); }, by: 'reviewer:王芳' });
  console.log(`  a clerk reads ${String(asClerk.contactPhone)}; a reviewer reads the plain number (${String(asReviewer.contactPhone).length} digits), and the audit log gets:`);
  console.log(`    ${JSON.stringify(audit[0])}`);
  const again = await info.seal({ ...record.values, contactPhone: '+86 138-1234-5678' }, { keys });
  const same = info.dedupKeys(again).find((key) => key.id === 'phone')?.key === info.dedupKeys(await info.seal({ ...record.values, contactPhone: '13812345678' }, { keys })).find((key) => key.id === 'phone')?.key;
  console.log(`  dedup still works on sealed values (a keyed blind index): '+86 138-1234-5678' and '13812345678' share a key: ${same}`);
  try {
    await info.unseal({ ...sealed, contactEmail: sealed.contactPhone }, { keys, role: 'reviewer', recordId: record.id });
  } catch (error) {
    console.log(`  a ciphertext moved to another field: ${(error as Error).name} ${(error as { code?: string }).code}`);
  }

  heading('16. The quarterly access review and the monthly verification draw');
  const log: AuditEntry[] = [];
  const reviewer = (by: string, records: number): void => {
    for (let i = 0; i < records; i++) log.push({ at: `2026-${String(10 + (i % 3)).padStart(2, '0')}-0${1 + (i % 9)}T0${2 + (i % 7)}:00:00Z`, by, role: 'reviewer', formId: info.id, recordId: `${by}-${i}`, fields: ['contactPhone'], purpose: 'unseal' });
  };
  reviewer('王芳', 30);
  reviewer('李强', 26);
  reviewer('赵敏', 34);
  reviewer('钱多', 140);
  const summary = summarizeAudit(log, { period: 'quarter', timeZone: 'Asia/Shanghai' });
  for (const user of summary.periods[0]?.users ?? []) console.log(`  ${summary.periods[0]?.period} ${user.by}: ${user.records} records revealed${user.flagged ? `  ⚑ ${user.reasons.map((reason) => reason.code).join(', ')}` : ''}`);
  const draw = sampleForVerification(quarter, { share: 0.1, seed: 'audit-2025-09', period: '2025-09', timeZone: 'Asia/Shanghai', now: new Date('2025-10-01T00:00:00+08:00') });
  const redraw = sampleForVerification([...quarter].reverse(), { share: 0.1, seed: 'audit-2025-09', period: '2025-09', timeZone: 'Asia/Shanghai', now: new Date('2025-10-01T00:00:00+08:00') });
  console.log(`  September's verification calls: ${draw.records.length} of ${draw.population} files (${draw.draw.method}); an auditor's re-draw gives the same: ${JSON.stringify(draw.records.map((r) => r.id)) === JSON.stringify(redraw.records.map((r) => r.id))}`);
};
