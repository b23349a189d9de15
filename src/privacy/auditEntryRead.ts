import { hasOwn } from '../core/reserved';
import { parseInstant } from './parseInstant';

/** What a summary needs of an entry, once its shape is checked. */
export interface ReadEntry {
  readonly at: number;
  readonly by: string;
  readonly role: string | null;
  /** `formId` and `recordId` together (record ids are unique per form), or undefined. */
  readonly record: string | undefined;
  readonly fields: readonly string[];
}

const own = (object: object, key: string): unknown => (hasOwn(object, key) ? (object as Readonly<Record<string, unknown>>)[key] : undefined);
const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * An entry as read from a log (a database row, a parsed JSON line): undefined when it is not an
 * `AuditEntry` — no object, no readable time, no operator, form or purpose, a role or record id that
 * is not a string, fields that are not a list of names. Reading never throws: a log is data.
 */
export const readAuditEntry = (raw: unknown): ReadEntry | undefined => {
  // Any object, not only plain ones: an ORM's row is an instance of its entity class. Own properties only.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const at = parseInstant(own(raw, 'at'));
  const by = own(raw, 'by');
  // A log table stores an absent role or record as null.
  const role = own(raw, 'role') ?? undefined;
  const formId = own(raw, 'formId');
  const recordId = own(raw, 'recordId') ?? undefined;
  const fields = own(raw, 'fields');
  if (Number.isNaN(at) || !isName(by) || !isName(formId) || !isName(own(raw, 'purpose'))) return undefined;
  if ((role !== undefined && !isName(role)) || (recordId !== undefined && !isName(recordId))) return undefined;
  if (!Array.isArray(fields) || !(fields as readonly unknown[]).every(isName)) return undefined;
  return {
    at, by, role: role === undefined ? null : role,
    // Length-prefixed, so that no pair of form and record id spells another pair.
    record: recordId === undefined ? undefined : `${formId.length}:${formId}${recordId}`,
    fields: fields as readonly string[],
  };
};
