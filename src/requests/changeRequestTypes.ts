import type { HistoryChange } from '../records/recordTypes';

/** One step of a request's life: made (`request`), then each review event fired on it (`transition`). */
export interface ChangeRequestEntry {
  /** ISO 8601. */
  readonly at: string;
  readonly by: string;
  readonly role?: string;
  readonly action: 'request' | 'transition';
  readonly event?: string;
  readonly from?: string;
  /** The state the request entered. */
  readonly to: string;
  readonly reason?: string;
}

/**
 * A change to a record that waits for review: the record does not change until the review
 * workflow takes the request into its `apply` state. Plain data, to be stored beside the record.
 */
export interface ChangeRequest {
  readonly id: string;
  readonly formId: string;
  readonly recordId: string;
  /** The record's revision when the request was made. */
  readonly baseRevision: number;
  /** Who asked, as what, when (ISO 8601). */
  readonly by: string;
  readonly role?: string;
  readonly at: string;
  /** Each answer it changes: `from` is the record's answer when it was made, what approval expects to find. */
  readonly changes: readonly HistoryChange[];
  /** Where the request is in the review workflow. */
  readonly state: string;
  /** The record revision its approval made, once applied. */
  readonly appliedRevision?: number;
  readonly history: readonly ChangeRequestEntry[];
}

/** What `reviewChange` returns: the record (changed only by an approval) and the request, moved on. */
export interface ChangeReview<R> {
  readonly record: R;
  readonly request: ChangeRequest;
}

/** Codes of ChangeRequestError. */
export type ChangeRequestErrorCode = 'conflict' | 'no-change';

/**
 * Thrown by `requestChange` for a request that would change nothing (`no-change`), and by
 * `reviewChange` when an approval finds answers changed since the request was made (`conflict`,
 * naming those paths, never their values): the record and the request are then unchanged.
 */
export class ChangeRequestError extends Error {
  override readonly name = 'ChangeRequestError';
  constructor(
    readonly code: ChangeRequestErrorCode,
    message: string,
    /** The paths in conflict (`phone`, `services.0.solution`). */
    readonly paths: readonly string[] = [],
  ) {
    super(message);
  }
}
