import type { FieldIR } from '../compile/internalForm';
import type { ExcelDates } from './xlsx/excelDate';
import type { XlsxCell } from './xlsx';
import type { ExportPlan } from './exportPlan';
import type { ExportRow } from './exportRows';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date or datetime answer as the wall clock Excel shows, carried in a Date read as UTC (the sheet
 * is written with timeZone 'UTC', so nothing is shifted again). A wall-clock answer is that clock
 * already, without a zone lookup; an instant (`…Z`, `…+08:00`) becomes its clock in the form's zone,
 * through `dates`, which reads each day's offset once.
 */
const wallDate = (text: string, dates: ExcelDates, withTime: boolean): Date | undefined => {
  if (withTime && WITH_OFFSET.test(text)) {
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? undefined : new Date(dates.wallTimeOf(parsed));
  }
  const match = (withTime ? DATETIME : DATE).exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((index) => Number(match[index] ?? 0)) as [number, number, number, number, number, number];
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // A stored text that is no real time (2024-13-45, 25:61) would roll over into another date: it stays text.
  const real = wall.getUTCFullYear() === year && wall.getUTCMonth() === month - 1 && wall.getUTCDate() === day
    && wall.getUTCHours() === hour && wall.getUTCMinutes() === minute && wall.getUTCSeconds() === second;
  return real ? wall : undefined;
};

/** A cell as XLSX types it: numbers as numbers, dates as dates, everything else as its text. */
const cell = (dates: ExcelDates, field: FieldIR, value: unknown, text: string): XlsxCell => {
  if (value === undefined || value === null) return null;
  if ((field.type === 'number' || field.type === 'rating' || field.type === 'computed') && typeof value === 'number' && Number.isFinite(value)) return value;
  if ((field.type === 'date' || field.type === 'datetime') && typeof value === 'string') return wallDate(value, dates, field.type === 'datetime') ?? text;
  return text;
};

export const xlsxRow = (plan: ExportPlan, dates: ExcelDates, row: ExportRow): XlsxCell[] =>
  plan.columns.map((column, index) => cell(dates, column.field, row.values[index], row.texts[index] ?? ''));
