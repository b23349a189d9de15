import type { FieldIR, InternalForm } from '../compile/internalForm';
import type { Failure, IssueSubject, ValidationIssue } from '../core/issues';
import { validationMessage } from '../messages/formatIssue';

/**
 * An issue found by a record operation itself (not by a pass), shaped as validate shapes its own:
 * a row field's subject names the row. Frozen, as the pass freezes its issues: an error is handed
 * around and must not be rewritten by whoever holds it.
 */
export const recordIssue = (form: InternalForm, path: string, failure: Failure, field: FieldIR | undefined, row: number | undefined, locale: string): ValidationIssue => {
  const base: IssueSubject = field?.subject ?? { defaultLocale: form.defaultLocale };
  const subject: IssueSubject = Object.freeze(row === undefined ? { ...base } : { ...base, row });
  const message = validationMessage(path, failure.code, failure.params, subject, locale);
  return Object.freeze({ path, code: failure.code, message, subject }) as ValidationIssue;
};
