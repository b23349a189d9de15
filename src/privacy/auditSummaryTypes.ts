import type { WorkingCalendar } from '../workflow/workingCalendar';
import type { PeriodUnit } from './periods';

/** Working hours: reveals outside them are flagged. Times 'HH:mm' on the wall clock of the spec's zone. */
export interface AuditHours {
  /** Start of the working day, inclusive: '09:00'. */
  readonly from: string;
  /** End, exclusive: '18:00'. Must be after `from`. */
  readonly to: string;
  /** Which days are worked (public holidays, 调休). Default: Monday to Friday. */
  readonly calendar?: WorkingCalendar;
}

export interface AuditSummarySpec {
  readonly period: PeriodUnit;
  /** IANA zone the periods and hours are read in. Default: UTC. */
  readonly timeZone?: string;
  /** A user is flagged above `factor` × the median of their peers' distinct records. Default: 3. */
  readonly factor?: number;
  /** …and only from this many distinct records: ten records against a median of two is no finding. Default: 20. */
  readonly minRecords?: number;
  /** With working hours, every reveal outside them is flagged. */
  readonly hours?: AuditHours;
}

/** Why a user was flagged in a period. */
export type AuditReason =
  | {
    readonly code: 'many-records';
    /** The user's distinct records. */
    readonly records: number;
    /** The median distinct records of the other users with the same role in the period. */
    readonly peerMedian: number;
    readonly peers: number;
    /** What `records` had to exceed: max(factor × peerMedian, minRecords − 1). */
    readonly threshold: number;
  }
  | {
    readonly code: 'off-hours';
    /** Reveals outside working hours. */
    readonly reveals: number;
  };

/** How often one field was revealed. */
export interface AuditFieldCount {
  readonly field: string;
  readonly reveals: number;
}

/** One user (under one role) in one period. */
export interface AuditUser {
  readonly by: string;
  /** null: entries without a role, compared with each other. */
  readonly role: string | null;
  /** Distinct records revealed (record ids per form). */
  readonly records: number;
  /** True when `records` comes from the bounded sketch (more than 1024): within a few percent. */
  readonly approximate: boolean;
  /** Entries: each reveal of a record (or of values without one). */
  readonly reveals: number;
  /** With `hours`: reveals outside them; else null. */
  readonly offHours: number | null;
  /** Per field revealed, most revealed first (then by key). */
  readonly fields: readonly AuditFieldCount[];
  readonly flagged: boolean;
  readonly reasons: readonly AuditReason[];
}

export interface AuditPeriod {
  /** `2026-11-03`, `2026-W45`, `2026-11` or `2026-Q4`. */
  readonly period: string;
  /** Its first instant and the first after it, ISO 8601 in UTC. */
  readonly from: string;
  readonly to: string;
  /** Sorted by `by`, then role (code-unit order: the same on every machine). */
  readonly users: readonly AuditUser[];
}

/** A flagged user of a period, for the review's to-do list. */
export interface AuditFlag {
  readonly period: string;
  readonly by: string;
  readonly role: string | null;
  readonly reasons: readonly AuditReason[];
}

export interface AuditSummary {
  readonly period: PeriodUnit;
  readonly timeZone: string;
  /** Entries read. */
  readonly total: number;
  /** Of which malformed, and in no period (see `summarizeAudit`). */
  readonly skipped: number;
  /** Periods with entries, in time order (periods without any are not listed). */
  readonly periods: readonly AuditPeriod[];
  /** Every flagged user, in period order then user order. */
  readonly flagged: readonly AuditFlag[];
}
