import type { InternalForm } from '../compile/internalForm';
import { applyChanges } from '../records/applyChanges';
import { diffValues } from '../records/diffValues';
import { keepHiddenAnswers } from '../records/keepHidden';
import { actorOn } from '../records/ownership';
import { planUpdate } from '../records/planUpdate';
import type { ActContext } from '../records/recordContext';
import { systemPass } from '../records/recordPass';
import { RecordValidationError, type FormRecord } from '../records/recordTypes';
import { writeRevision } from '../records/writeRevision';
import { ChangeRequestError, type ChangeRequest } from './changeRequestTypes';
import { conflictingPaths } from './conflicts';

/**
 * The record with an approved request's changes in, as the reviewer with the system's access, once
 * the changes pass the requester's access again (a forged request is a RecordValidationError). Refused, changing nothing,
 * when an answer it would overwrite changed since (ChangeRequestError `conflict`, by path) or when
 * the values it gives are not valid now (RecordValidationError). History gets a `change-request`
 * entry naming the request. Answers hidden now are kept as stored, as an update keeps them.
 */
export const applyRequest = (form: InternalForm, record: FormRecord, request: ChangeRequest, act: ActContext): FormRecord => {
  const conflicts = conflictingPaths(record, request.changes, request.baseRevision);
  if (conflicts.length > 0) {
    throw new ChangeRequestError('conflict', `request '${request.id}' expects answers that changed since it was made: ${conflicts.join(', ')}`, conflicts);
  }
  // Every path was just found holding what the change expects, so applying it cannot miss a row.
  const target = applyChanges(record.values, request.changes, 'forward');
  // A stored request is data anyone with the store can edit: what it would write is checked again, as
  // the requester's own update of those fields (locks aside, as when it was made), before it is applied.
  const requester: ActContext = { ...act, by: request.by, role: request.role };
  const touched: Record<string, unknown> = {};
  for (const change of request.changes) {
    const key = change.path.split('.')[0] as string;
    Object.defineProperty(touched, key, { value: target[key] ?? null, enumerable: true, writable: true, configurable: true });
  }
  planUpdate(form, record, touched, requester, actorOn(form, record, requester), false);
  const result = systemPass(form, target, act);
  if (result.errors.length > 0) throw new RecordValidationError(result.errors);
  // A group replaced whole has new rows: none of them is a stored row to keep hidden answers of.
  const relaid = new Set(request.changes.filter((change) => form.fieldsByKey.get(change.path)?.type === 'group').map((change) => change.path));
  const values = keepHiddenAnswers(form, record.values, result, relaid);
  if (diffValues(record.values, values, []).length === 0) return record;
  return writeRevision(form, record, values, result.tags ?? [], act, { action: 'change-request', request: request.id });
};
