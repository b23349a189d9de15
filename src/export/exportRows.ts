import type { FieldIR } from '../compile/internalForm';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { recordValues } from '../governance/recordValues';
import { maskValues } from '../governance/maskValues';
import type { ExportPlan } from './exportPlan';

/** A line of an export: per column, the (masked) value and its cell text. */
export interface ExportRow {
  readonly values: readonly unknown[];
  readonly texts: readonly string[];
}

/** The text a cell shows: the field kind decides (option labels, 广东省/深圳市/南山区, 是/否 …). */
export const cellText = (plan: ExportPlan, field: FieldIR, value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (field.newRowScope !== undefined) return groupText(plan, field, value);
  return field.kind.cellText(value, { def: field.def, options: field.options, text: plan.text, locale: plan.locale, timeZone: plan.form.timeZone });
};

/** A group in one cell, readable: a line per row, "label：value" pairs separated by commas. */
const groupText = (plan: ExportPlan, group: FieldIR, rows: unknown): string => {
  if (!Array.isArray(rows)) return '';
  const chinese = plan.locale.startsWith('zh');
  return rows.map((row) => (isPlainObject(row) ? group.children
    .filter((child) => row[child.id] !== undefined && row[child.id] !== null)
    .map((child) => `${plan.text(child.label)}${chinese ? '：' : ': '}${cellText(plan, child, row[child.id])}`)
    .join(chinese ? '，' : ', ') : '')).join('\n');
};

/** The lines one record gives: one, or one per row of the plan's group (one with empty row cells when it has none). */
export const exportRows = (plan: ExportPlan, item: unknown): ExportRow[] => {
  const values = recordValues(plan.form, item);
  if (values === undefined) return [];
  const masked: FormValues = plan.mask === undefined ? values : maskValues(plan.form, values, plan.mask);
  const line = (row: FormValues | undefined): ExportRow => {
    const cells = plan.columns.map((column) => (column.inRow ? row?.[column.field.id] : masked[column.field.id]));
    return { values: cells, texts: cells.map((value, index) => cellText(plan, (plan.columns[index] as { field: FieldIR }).field, value)) };
  };
  if (plan.rowsOf === undefined) return [line(undefined)];
  const rows = masked[plan.rowsOf.id];
  const list = Array.isArray(rows) ? rows.filter(isPlainObject) : [];
  return list.length === 0 ? [line(undefined)] : list.map((row) => line(row));
};
