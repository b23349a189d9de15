import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import { closest } from '../core/suggest';
import { workingCalendar, type WorkingCalendar } from '../workflow/workingCalendar';
import { PERIOD_UNITS, readTimeZone, type PeriodUnit } from './periods';

/** A spec, checked and with its defaults. */
export interface AuditSpecRead {
  readonly period: PeriodUnit;
  readonly timeZone: string;
  readonly factor: number;
  readonly minRecords: number;
  readonly hours: { readonly from: number; readonly to: number; readonly calendar: WorkingCalendar } | undefined;
}

const KEYS = ['period', 'timeZone', 'factor', 'minRecords', 'hours'];
const HOURS_KEYS = ['from', 'to', 'calendar'];

const bad = (option: string, problem: string): FormUsageError => new FormUsageError('bad-option', `summarizeAudit: ${problem}`, option);

const refuseUnknown = (given: Readonly<Record<string, unknown>>, allowed: readonly string[], where: string): void => {
  for (const key of Object.keys(given)) {
    if (allowed.includes(key)) continue;
    const suggestion = closest(key, allowed);
    throw bad(key, `unknown ${where} key '${key}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (keys: ${allowed.join(', ')})`);
  }
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:mm' as minutes of the day; '24:00' only as an end. */
const readTime = (value: unknown, key: 'from' | 'to'): number => {
  if (key === 'to' && value === '24:00') return 24 * 60;
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (match === null) throw bad('hours', `\`hours.${key}\` must be a time 'HH:mm' such as '${key === 'from' ? '09:00' : '18:00'}'`);
  return Number(match[1]) * 60 + Number(match[2]);
};

const readHours = (value: unknown): AuditSpecRead['hours'] => {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw bad('hours', "`hours` must be { from: 'HH:mm', to: 'HH:mm', calendar? }");
  refuseUnknown(value, HOURS_KEYS, 'hours');
  const from = readTime(value.from, 'from');
  const to = readTime(value.to, 'to');
  // A night shift across midnight would need two ranges; one range keeps "outside" unambiguous.
  if (to <= from) throw bad('hours', '`hours.to` must be after `hours.from` (one range within a day)');
  const calendar = value.calendar;
  if (calendar !== undefined && !(typeof calendar === 'object' && calendar !== null && typeof (calendar as { isWorkingDay?: unknown }).isWorkingDay === 'function')) {
    throw bad('hours', '`hours.calendar` must be a working calendar (workingCalendar({ holidays, workdays }))');
  }
  return { from, to, calendar: (calendar as WorkingCalendar | undefined) ?? workingCalendar() };
};

/** The spec checked before a single entry is read: a wrong spec costs no pass over the log. */
export const readAuditSpec = (spec: unknown): AuditSpecRead => {
  if (!isPlainObject(spec)) throw new FormUsageError('bad-argument', "summarizeAudit: the spec must be an object such as { period: 'quarter', timeZone: 'Asia/Shanghai' }");
  refuseUnknown(spec, KEYS, 'spec');
  const { period, factor, minRecords } = spec;
  if (typeof period !== 'string' || !PERIOD_UNITS.includes(period as PeriodUnit)) throw bad('period', `\`period\` must be one of ${PERIOD_UNITS.join(', ')}`);
  if (factor !== undefined && !(typeof factor === 'number' && Number.isFinite(factor) && factor >= 1)) throw bad('factor', '`factor` must be a number from 1 (default 3)');
  if (minRecords !== undefined && !(Number.isSafeInteger(minRecords) && (minRecords as number) >= 1)) throw bad('minRecords', '`minRecords` must be a whole number from 1 (default 20)');
  return {
    period: period as PeriodUnit,
    timeZone: readTimeZone(spec.timeZone, 'summarizeAudit'),
    factor: (factor as number | undefined) ?? 3,
    minRecords: (minRecords as number | undefined) ?? 20,
    hours: readHours(spec.hours),
  };
};
