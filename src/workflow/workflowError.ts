/** Codes of a refused transition, in the order `send` checks them. */
export type WorkflowErrorCode = 'not-allowed' | 'forbidden' | 'guard' | 'missing-fields' | 'reason-required' | 'limit';

/** Thrown by `send` when a transition may not happen; the record is unchanged. */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly workflow: string,
    readonly event: string,
    /** For `missing-fields`: the fields that must be answered first. */
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}
