import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { recordValues } from '../governance/recordValues';
import { maskValues } from '../governance/maskValues';
import { readJson } from '../validate/readJson';
import type { ExportPlan } from './exportPlan';

/**
 * JSON of a line. A record read from storage may hold what JSON cannot (a bigint id, a cycle in its
 * states): then the line is copied as JSON first, dropping those parts, rather than failing the export.
 */
const serialise = (line: unknown): string => {
  try {
    return JSON.stringify(line);
  } catch {
    return JSON.stringify(readJson(line).value ?? null);
  }
};

/**
 * One JSON Lines line: the masked values a role may read (by field id), and for a FormRecord its id,
 * version, revision, workflow states, tags and times around them.
 */
export const jsonlLine = (plan: ExportPlan, item: unknown): string | undefined => {
  const values = recordValues(plan.form, item);
  if (values === undefined) return undefined;
  const masked: FormValues = plan.mask === undefined ? values : maskValues(plan.form, values, plan.mask);
  const readable: FormValues = {};
  for (const column of plan.columns) if (!column.inRow && column.field.id in masked) readable[column.field.id] = masked[column.field.id];
  if (plan.rowsOf !== undefined && plan.rowsOf.id in masked) readable[plan.rowsOf.id] = masked[plan.rowsOf.id];
  const record = isPlainObject(item) && item.values === values ? item : undefined;
  const line = record === undefined
    ? readable
    : {
      id: record.id, formId: record.formId, formVersion: record.formVersion, revision: record.revision,
      states: record.states, tags: record.tags, createdAt: record.createdAt, updatedAt: record.updatedAt, values: readable,
    };
  return `${serialise(line)}\n`;
};
