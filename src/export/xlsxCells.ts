import type { FieldIR } from '../compile/internalForm';
import { instantOf } from '../core/zonedTime';
import type { XlsxCell } from './xlsx';
import type { ExportPlan } from './exportPlan';
import type { ExportRow } from './exportRows';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;

/** A date or datetime answer as the instant it names in the form's zone (an ISO time with an offset names its own). */
const instant = (text: string, timeZone: string | undefined, withTime: boolean): Date | undefined => {
  if (withTime && /(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? undefined : new Date(parsed);
  }
  const match = (withTime ? DATETIME : DATE).exec(text);
  if (match === null) return undefined;
  return instantOf({
    year: Number(match[1]), month: Number(match[2]), day: Number(match[3]),
    hour: Number(match[4] ?? 0), minute: Number(match[5] ?? 0), second: Number(match[6] ?? 0), millisecond: 0,
  }, timeZone);
};

/** A cell as XLSX types it: numbers as numbers, dates as dates, everything else as its text. */
const cell = (plan: ExportPlan, field: FieldIR, value: unknown, text: string): XlsxCell => {
  if (value === undefined || value === null) return null;
  if ((field.type === 'number' || field.type === 'rating' || field.type === 'computed') && typeof value === 'number' && Number.isFinite(value)) return value;
  if ((field.type === 'date' || field.type === 'datetime') && typeof value === 'string') return instant(value, plan.form.timeZone, field.type === 'datetime') ?? text;
  return text;
};

export const xlsxRow = (plan: ExportPlan, row: ExportRow): XlsxCell[] =>
  plan.columns.map((column, index) => cell(plan, column.field, row.values[index], row.texts[index] ?? ''));
