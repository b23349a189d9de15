/**
 * The 200-field form of the peer bench: the flat fields of bench/forms/intake.json (every field but
 * the service-record group) repeated twelve times, ids suffixed `_0` … `_11`, every condition
 * rewritten to read its own copy. Peers build the same form from the same list.
 */
import { readFileSync } from 'node:fs';
import { rename, type Json } from '../bigForm';
import { benchInvalidRecord, benchValidRecord } from './records';

interface FieldJson { id: string; type: string; [key: string]: Json }
interface SectionJson { id: string; fields: FieldJson[]; [key: string]: Json }

export const BIG_COPIES = 12;
export const intakeDefinition = (): { sections: SectionJson[]; [key: string]: unknown } =>
  JSON.parse(readFileSync(new URL('./intake.json', import.meta.url), 'utf8')) as { sections: SectionJson[] };

/** The flat fields, in definition order (what each copy repeats). */
export const flatFields = (): FieldJson[] => intakeDefinition().sections.flatMap((section) => section.fields).filter((field) => field.type !== 'group');

export const bigIntakeDefinition = (copies = BIG_COPIES): Record<string, unknown> => {
  const intake = intakeDefinition();
  const fields = flatFields();
  const ids = new Set(fields.map((field) => field.id));
  const sections = Array.from({ length: copies }, (_, copy) => ({
    id: `copy-${copy}`,
    fields: fields.map((field) => ({ ...(rename(field, ids, `_${copy}`) as object), id: `${field.id}_${copy}` })),
  }));
  return { ...intake, id: 'bench-intake-big', title: { en: `Intake flat fields ×${copies}` }, sections };
};

const suffixed = (record: Record<string, unknown>, copies: number): Record<string, unknown> => {
  const ids = new Set(flatFields().map((field) => field.id));
  const result: Record<string, unknown> = {};
  for (let copy = 0; copy < copies; copy++) {
    for (const [key, value] of Object.entries(record)) if (ids.has(key)) result[`${key}_${copy}`] = value;
  }
  return result;
};

/** Every copy filled as the valid record. */
export const bigValidRecord = (copies = BIG_COPIES): Record<string, unknown> => suffixed(benchValidRecord(), copies);
/** Copy 0 holds the three mistakes (paths `phone_0`, `companyName_0`, `satisfaction_0`); the rest are valid. */
export const bigInvalidRecord = (copies = BIG_COPIES): Record<string, unknown> => {
  const record = suffixed(benchValidRecord(), copies);
  const wrong = benchInvalidRecord();
  for (const key of ['phone', 'companyName', 'satisfaction']) record[`${key}_0`] = wrong[key];
  return record;
};
export const BIG_INVALID_PATHS = ['companyName_0', 'phone_0', 'satisfaction_0'] as const;
