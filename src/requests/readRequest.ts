import type { InternalForm, WorkflowIR } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { FormRecord } from '../records/recordTypes';
import { readJson } from '../validate/readJson';
import type { ChangeRequest } from './changeRequestTypes';

const ROW_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.\d+\.[A-Za-z][A-Za-z0-9_]*)?$/;

const bad = (reason: string): FormUsageError => new FormUsageError('bad-argument', `reviewChange: ${reason}`);

/**
 * The request, read once as JSON data into a copy (a stored request is data: a getter is not called,
 * and freezing the result never reaches into the caller's object), and checked to be a request made
 * by requestChange for this record of this form, in a state of the review workflow.
 */
export const readRequest = (form: InternalForm, workflow: WorkflowIR, record: FormRecord, given: unknown): ChangeRequest => {
  const read = readJson(given);
  const request = read.value;
  if (!isPlainObject(request) || read.unreadable.length > 0 || typeof request.id !== 'string' || typeof request.state !== 'string'
    || typeof request.baseRevision !== 'number' || !Array.isArray(request.changes) || !Array.isArray(request.history)) {
    throw bad('expects a ChangeRequest made by requestChange');
  }
  if (request.formId !== form.id || request.recordId !== record.id) throw bad(`request '${request.id}' is not for this record`);
  if (!workflow.states.has(request.state)) throw bad(`request '${request.id}' is in a state the review workflow does not have`);
  const paths = request.changes.every((change) => isPlainObject(change) && typeof change.path === 'string' && ROW_PATH.test(change.path));
  const entries = request.history.every((entry) => isPlainObject(entry) && typeof entry.action === 'string');
  if (!paths || !entries) throw bad(`request '${request.id}' holds changes or history that requestChange does not write`);
  return request as unknown as ChangeRequest;
};
