import type { ChangeRequestsIR, InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';

/** The form's `changeRequests`, or a FormUsageError: a form without them takes no requests. */
export const changeRequestsOf = (form: InternalForm, call: string): ChangeRequestsIR => {
  if (form.changeRequests === undefined) throw new FormUsageError('bad-argument', `${call}: form '${form.id}' defines no changeRequests`);
  return form.changeRequests;
};
