import type { WorkflowIR } from '../../compile/internalForm';
import { hasOwn, isPlainObject } from '../../core/reserved';
import type { FormRecord } from '../../records/recordTypes';
import { statePath } from '../../records/statePaths';

/** Whether a migration brought the workflow to the record (so its creation did not start it). */
const addedByMigration = (record: FormRecord, path: string): boolean =>
  record.history.some((entry) => isPlainObject(entry) && entry.action === 'migrate' && Array.isArray(entry.changes)
    && entry.changes.some((change) => isPlainObject(change) && change.path === path && change.from === undefined));

/**
 * Calls `visit(state, time)` each time the record entered a state of `workflow`, in history order:
 * the initial state at creation, every transition, and every state a migration reset. Stops when
 * `visit` returns true. Entries without a readable time are passed over.
 */
export const forEachStateEntry = (record: FormRecord, workflow: WorkflowIR, visit: (state: string, time: number) => boolean | void): void => {
  const path = statePath(workflow.name);
  let startedAtCreation: boolean | undefined;
  for (const entry of record.history) {
    if (!isPlainObject(entry)) continue;
    let state: unknown;
    if (entry.action === 'create') {
      startedAtCreation ??= !addedByMigration(record, path);
      if (startedAtCreation) state = workflow.initial;
    } else if (entry.action === 'transition') {
      if (entry.workflow === workflow.name) state = entry.to;
    } else if (entry.action === 'migrate' && Array.isArray(entry.changes)) {
      for (const change of entry.changes) if (isPlainObject(change) && change.path === path) state = change.to;
    }
    if (typeof state !== 'string') continue;
    const time = typeof entry.at === 'string' ? Date.parse(entry.at) : Number.NaN;
    if (!Number.isNaN(time) && visit(state, time) === true) return;
  }
};

/** The record's current state in `workflow`. */
export const currentState = (record: FormRecord, workflow: WorkflowIR): string => {
  const states: unknown = record.states;
  if (!isPlainObject(states) || !hasOwn(states, workflow.name)) return workflow.initial;
  const state = states[workflow.name];
  return typeof state === 'string' ? state : workflow.initial;
};

/** Whether the record is in `state` now or was at any time (history). */
export const hasReached = (record: FormRecord, workflow: WorkflowIR, state: string): boolean => {
  if (currentState(record, workflow) === state) return true;
  let reached = false;
  forEachStateEntry(record, workflow, (entered) => (reached = entered === state));
  return reached;
};
