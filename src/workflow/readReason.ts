import { FormUsageError } from '../core/issues';

/** The `reason` option of an event: a text of at most 2000 characters; undefined when none or empty. */
export const readReason = (reason: unknown): string | undefined => {
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > 2000)) {
    throw new FormUsageError('bad-option', '`reason` must be a text (at most 2000 characters)', 'reason');
  }
  return reason === '' ? undefined : reason;
};
