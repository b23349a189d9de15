import type { ValidationIssue } from '../core/issues';
import type { FormValues } from '../core/values';

/** One field that changed: `services.0.solution` from `undefined` (absent) to '上门更换'. */
export interface HistoryChange {
  readonly path: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** What happened to a record, kept forever: nothing in history is overwritten (R15). */
export interface HistoryEntry {
  /** The record's revision after this entry. */
  readonly revision: number;
  /** ISO 8601. */
  readonly at: string;
  /** Who: the operator's id or name, as the caller gave it. */
  readonly by: string;
  readonly role?: string;
  readonly action: 'create' | 'update' | 'transition' | 'migrate' | 'merge' | 'assign' | 'assign-owner' | 'change-request';
  readonly changes: readonly HistoryChange[];
  /** For transitions: which workflow, event and states, and the reason given; for `assign-owner`, the owners. */
  readonly workflow?: string;
  readonly event?: string;
  readonly from?: string;
  readonly to?: string;
  readonly reason?: string;
  /** For migrations: the form versions; for merges: the other record's id. */
  readonly fromVersion?: number;
  readonly toVersion?: number;
  readonly mergedFrom?: string;
  /** For `change-request`: the id of the request whose approval made this revision. */
  readonly request?: string;
  readonly note?: string;
}

/**
 * A collected record: its values, where it is in each workflow, its tags and its whole history.
 * `V` is the form's values type (CompiledForm's); a record's values passed validation, so they have it.
 */
export interface FormRecord<V extends FormValues = FormValues> {
  readonly id: string;
  readonly formId: string;
  /** The definition version the values follow (R17). */
  readonly formVersion: number;
  /** 1 when created, + 1 per update, transition or migration. */
  readonly revision: number;
  readonly values: V;
  /** Workflow name -> current state. */
  readonly states: Readonly<Record<string, string>>;
  /** Workflow name -> when the record entered its current state (ISO 8601): deadlines count from it. */
  readonly stateSince: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
  readonly history: readonly HistoryEntry[];
  readonly createdAt: string;
  readonly createdBy: string;
  /**
   * Who follows the record up: its creator until assigned to another (`assignOwner`). Absent on
   * records made before ownership existed, whose owner is `createdBy`.
   */
  readonly owner?: string;
  /** Last-updated time and recorder (R9). */
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Records merged into this one (duplicates of the same customer), each with its whole history. */
  readonly merged?: readonly MergedRecord[];
}

/** A record merged into another: kept whole, so that its history is never lost. */
export interface MergedRecord {
  readonly id: string;
  readonly formVersion: number;
  readonly values: FormValues;
  readonly states: Readonly<Record<string, string>>;
  readonly history: readonly HistoryEntry[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly owner?: string;
  readonly merged?: readonly MergedRecord[];
}

/** Thrown by createRecord, updateRecord and workflow transitions when the resulting values are not valid. */
export class RecordValidationError extends Error {
  override readonly name = 'RecordValidationError';
  readonly errors: readonly ValidationIssue[];
  constructor(errors: readonly ValidationIssue[]) {
    super(`The record is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}): ${errors.slice(0, 3).map((error) => `${error.path || '(root)'} [${error.code}]`).join(', ')}`);
    this.errors = Object.freeze(errors.slice());
  }
}
