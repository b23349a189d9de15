import { wallClockOf } from '../core/zonedTime';
import { DistinctCounter } from './auditDistinct';
import { readAuditEntry } from './auditEntryRead';
import { recordReasons } from './auditFlags';
import { readAuditSpec, type AuditSpecRead } from './auditSpec';
import type { AuditFieldCount, AuditFlag, AuditPeriod, AuditReason, AuditSummary, AuditSummarySpec, AuditUser } from './auditSummaryTypes';
import { onePass } from './onePass';
import { periodBounds, periodOfDay } from './periods';

/** One user under one role in one period, while the pass runs. */
interface UserTally {
  readonly by: string;
  readonly role: string | null;
  readonly records: DistinctCounter;
  reveals: number;
  offHours: number;
  readonly fields: Map<string, number>;
}

// Code-unit order: localeCompare would sort differently from one runtime (and ICU version) to the next.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareUsers = (a: UserTally, b: UserTally): number =>
  compareText(a.by, b.by) || (a.role === b.role ? 0 : a.role === null ? -1 : b.role === null ? 1 : compareText(a.role, b.role));

const fieldCounts = (fields: ReadonlyMap<string, number>): AuditFieldCount[] =>
  [...fields].map(([field, reveals]) => ({ field, reveals })).sort((a, b) => b.reveals - a.reveals || compareText(a.field, b.field));

const startSummary = (spec: AuditSpecRead) => {
  const periods = new Map<string, Map<string, UserTally>>();
  let total = 0;
  let skipped = 0;

  const feed = (raw: unknown): void => {
    total++;
    const entry = readAuditEntry(raw);
    const wall = entry === undefined ? undefined : wallClockOf(new Date(entry.at), spec.timeZone);
    const period = wall === undefined ? undefined : periodOfDay(wall, spec.period);
    if (entry === undefined || wall === undefined || period === undefined) {
      skipped++;
      return;
    }
    let users = periods.get(period);
    if (users === undefined) periods.set(period, (users = new Map()));
    const key = JSON.stringify([entry.by, entry.role]);
    let tally = users.get(key);
    if (tally === undefined) {
      tally = { by: entry.by, role: entry.role, records: new DistinctCounter(), reveals: 0, offHours: 0, fields: new Map() };
      users.set(key, tally);
    }
    tally.reveals++;
    if (entry.record !== undefined) tally.records.add(entry.record);
    for (const field of new Set(entry.fields)) tally.fields.set(field, (tally.fields.get(field) ?? 0) + 1);
    const hours = spec.hours;
    if (hours !== undefined) {
      const minute = wall.hour * 60 + wall.minute;
      const day = periodOfDay(wall, 'day') as string;
      if (minute < hours.from || minute >= hours.to || !hours.calendar.isWorkingDay(day)) tally.offHours++;
    }
  };

  const finish = (): AuditSummary => {
    const flagged: AuditFlag[] = [];
    const result: AuditPeriod[] = [];
    for (const period of [...periods.keys()].sort(compareText)) {
      const tallies = [...(periods.get(period) as Map<string, UserTally>).values()].sort(compareUsers);
      const counts = tallies.map((tally) => ({ role: tally.role, records: tally.records.count() }));
      const many = recordReasons(counts, spec.factor, spec.minRecords);
      const users = tallies.map((tally, index): AuditUser => {
        const reasons: AuditReason[] = [];
        const manyRecords = many[index];
        if (manyRecords !== undefined) reasons.push(manyRecords);
        if (tally.offHours > 0) reasons.push({ code: 'off-hours', reveals: tally.offHours });
        if (reasons.length > 0) flagged.push({ period, by: tally.by, role: tally.role, reasons });
        return {
          by: tally.by, role: tally.role,
          records: (counts[index] as { records: number }).records, approximate: tally.records.approximate,
          reveals: tally.reveals, offHours: spec.hours === undefined ? null : tally.offHours,
          fields: fieldCounts(tally.fields), flagged: reasons.length > 0, reasons,
        };
      });
      const bounds = periodBounds(period, spec.timeZone);
      result.push({ period, from: bounds?.from.toISOString() ?? '', to: bounds?.to.toISOString() ?? '', users });
    }
    return { period: spec.period, timeZone: spec.timeZone, total, skipped, periods: result, flagged };
  };
  return { feed, finish };
};

/**
 * The quarterly (or daily, weekly, monthly) review of reveal logs: per period in `spec.timeZone`
 * and per user (by role), the distinct records revealed, the reveals, which fields, and who stands
 * out — far more distinct records than the peers of the same role (`factor` × their median, and at
 * least `minRecords`), or reveals outside working `hours`. One pass, in memory that follows users ×
 * periods, never the length of the log (distinct records past 1024 per user and period are
 * estimated, and marked `approximate`). Output is sorted and the same for the same entries in any
 * order. Malformed entries (see `readAuditEntry`: no readable ISO time with an offset, no `by`,
 * `formId` or `purpose`, `fields` not a list of names, a year outside 0001-9999) are counted in
 * `skipped` and otherwise ignored. Synchronous for an iterable, a Promise for an async iterable;
 * a wrong spec is a FormUsageError before any entry is read.
 */
export function summarizeAudit(entries: Iterable<unknown>, spec: AuditSummarySpec): AuditSummary;
export function summarizeAudit(entries: AsyncIterable<unknown>, spec: AuditSummarySpec): Promise<AuditSummary>;
export function summarizeAudit(entries: Iterable<unknown> | AsyncIterable<unknown>, spec: AuditSummarySpec): AuditSummary | Promise<AuditSummary>;
export function summarizeAudit(entries: unknown, spec: AuditSummarySpec): AuditSummary | Promise<AuditSummary> {
  return onePass(entries, 'summarizeAudit', () => startSummary(readAuditSpec(spec)));
}
