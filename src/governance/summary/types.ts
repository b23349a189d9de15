import type { OptionValue } from '../../core/definitionTypes';

/*
 * The spec and result types of `summarize`. A spec is an object, result name -> one aggregate; the
 * result holds one summary per name, its type decided by the aggregate's kind (`SummaryFor`).
 */

/** Counts and shares per option of a choice field (rows for a field inside a group). */
export interface CountSpec {
  /** A select, radio, multiselect, cascader, boolean or text field: `feedbackType`, `services.department`. */
  readonly count: string;
  /** For a tree of options or a cascader: 1 counts the top level (制造业, 广东), 2 the next … Default: the leaf. */
  readonly level?: number;
}

/** Count, sum, average, min and max of a number or rating field; with `by: 'month'` the monthly trend. */
export interface AverageSpec {
  /** A number or rating field: `satisfaction`, `services.satisfaction` (over rows). */
  readonly average: string;
  readonly by?: 'month';
  /**
   * What dates each answer for `by`: a date, month or datetime field (a row field of the same group
   * for a row field), or the record's own `createdAt` / `updatedAt`. Default: `createdAt`.
   */
  readonly date?: string;
}

/** Per option of `field`: how many records, how many reached `state` of `workflow` (now or ever), the share. */
export interface ConversionSpec {
  readonly conversion: {
    readonly field: string;
    readonly workflow: string;
    readonly state: string;
    /** As in `count`, for a tree of options. */
    readonly level?: number;
  };
}

/** Time from first entering `from` to first entering `to` afterwards, optionally grouped by a field. */
export interface DurationSpec {
  readonly duration: {
    readonly workflow: string;
    readonly from: string;
    readonly to: string;
    /** A top-level select, radio, multiselect, cascader, boolean or text field. */
    readonly by?: string;
    /** As in `count`, for `by` over a tree of options. */
    readonly level?: number;
  };
}

/** How many records are overdue in a workflow now, by current state. */
export interface OverdueSpec {
  readonly overdue: string;
}

export type AggregateSpec = CountSpec | AverageSpec | ConversionSpec | DurationSpec | OverdueSpec;

/** Result name -> aggregate. */
export type SummarySpec = { readonly [name: string]: AggregateSpec };

/** What a group of answers is: an option's value, `true` / `false`, or a text answer. */
export type SummaryValue = string | number | boolean;

/** What every group carries: the value it stands for and its label in the requested locale. */
export interface GroupKey {
  readonly value: SummaryValue;
  readonly label: string;
  /** For options: the values from the top of the tree down to this one (one value for a flat list). */
  readonly path?: readonly OptionValue[];
  /** For options: the labels along `path`, localised (制造业, 汽车零部件). */
  readonly trail?: readonly string[];
}

/** The records (or rows) without an answer, where a summary lists them beside its groups. */
export interface UnansweredKey {
  readonly value: null;
  readonly label: string;
}

export interface CountGroup extends GroupKey {
  readonly count: number;
  /** count / answered (0 when nothing was answered). For a multiselect the shares add up to more than 1. */
  readonly share: number;
}

export interface CountSummary {
  readonly kind: 'count';
  readonly field: string;
  readonly label: string;
  /** The level counted, or null for the leaf. */
  readonly level: number | null;
  /** Records (rows, for a row field) with an answer. */
  readonly answered: number;
  /** Records (rows) without one: missing, empty, or not an answer the field accepts. */
  readonly unanswered: number;
  /** Every option of the level in definition order, zero counts included; text answers in order of first appearance. */
  readonly groups: readonly CountGroup[];
}

/** One star count of a rating. */
export interface RatingBucket {
  readonly value: number;
  readonly label: string;
  readonly count: number;
  readonly share: number;
}

export interface NumberStats {
  readonly count: number;
  readonly sum: number;
  /** sum / count, or null without answers. */
  readonly average: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Ratings only: every star count 1..max. */
  readonly distribution?: readonly RatingBucket[];
}

/** One month of a trend: `value` is `YYYY-MM` in the form's time zone. */
export interface TrendPoint extends NumberStats {
  readonly value: string;
  readonly label: string;
}

export interface AverageSummary extends NumberStats {
  readonly kind: 'average';
  readonly field: string;
  readonly label: string;
  /** Records (rows) without an answer. */
  readonly unanswered: number;
  readonly by: 'month' | null;
  /** What dated the answers, with `by`. */
  readonly date: string | null;
  /** With `by`: the months in order, from the first to the last, empty months included (up to 50 years apart). */
  readonly trend?: readonly TrendPoint[];
  /** With `by`: answers counted above but in no month (no date, or plain values without a record's `createdAt`). */
  readonly undated?: number;
}

export interface ConversionCounts {
  readonly records: number;
  /** Records in `state` now or at any time before (from history). */
  readonly reached: number;
  /** reached / records (0 without records). */
  readonly share: number;
}

export interface ConversionGroup extends GroupKey, ConversionCounts {}

/** A workflow state, named and labelled. */
export interface StateKey {
  readonly value: string;
  readonly label: string;
}

export interface ConversionSummary extends ConversionCounts {
  readonly kind: 'conversion';
  readonly field: string;
  readonly label: string;
  readonly workflow: string;
  readonly state: StateKey;
  /** Every option in definition order (a multiselect record counts in each option it chose). */
  readonly groups: readonly ConversionGroup[];
  readonly unanswered: UnansweredKey & ConversionCounts;
  /** Plain values objects: no workflow to read. */
  readonly skipped: number;
}

export interface DurationStats {
  /** Records that went from `from` to `to`. */
  readonly count: number;
  /** Records that entered `from` and have not reached `to` since. */
  readonly open: number;
  readonly averageMs: number | null;
  readonly medianMs: number | null;
  readonly minMs: number | null;
  readonly maxMs: number | null;
  readonly averageHours: number | null;
  readonly medianHours: number | null;
  /** True when the median comes from the bounded sketch (more than 1024 durations): within 1%. */
  readonly approximate: boolean;
}

export interface DurationGroup extends GroupKey, DurationStats {}

export interface DurationSummary extends DurationStats {
  readonly kind: 'duration';
  readonly workflow: string;
  readonly label: string;
  readonly from: StateKey;
  readonly to: StateKey;
  /** The field grouped by, or null. */
  readonly by: string | null;
  readonly groups?: readonly DurationGroup[];
  readonly unanswered?: UnansweredKey & DurationStats;
  /** Plain values objects: no history to read. */
  readonly skipped: number;
}

export interface OverdueGroup extends StateKey {
  readonly final: boolean;
  /** Records in this state now. */
  readonly records: number;
  readonly overdue: number;
  readonly share: number;
}

export interface OverdueSummary {
  readonly kind: 'overdue';
  readonly workflow: string;
  readonly label: string;
  /** The time judged at, ISO 8601. */
  readonly now: string;
  readonly records: number;
  readonly overdue: number;
  readonly share: number;
  /** Every state in definition order. */
  readonly states: readonly OverdueGroup[];
  /** Plain values objects, and records in a state the workflow does not have. */
  readonly skipped: number;
}

export type Summary = CountSummary | AverageSummary | ConversionSummary | DurationSummary | OverdueSummary;

/** The summary an aggregate spec gives. */
export type SummaryFor<A> =
  A extends { readonly count: string } ? CountSummary
    : A extends { readonly average: string } ? AverageSummary
      : A extends { readonly conversion: object } ? ConversionSummary
        : A extends { readonly duration: object } ? DurationSummary
          : A extends { readonly overdue: string } ? OverdueSummary
            : Summary;

export interface SummaryResult<S extends SummarySpec = SummarySpec> {
  /** Items read. */
  readonly total: number;
  /** Of which FormRecords (the rest: plain values objects, and `ignored`). */
  readonly records: number;
  /** Items that were neither a record nor a values object (null, a number …): in no summary. */
  readonly ignored: number;
  readonly summaries: { readonly [K in keyof S]: SummaryFor<S[K]> };
}
