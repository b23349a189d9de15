import type { InternalForm } from '../compile/internalForm';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { HistoryChange } from './recordTypes';
import { isStatePath, statePath } from './statePaths';

export interface CarriedStates {
  readonly states: Record<string, string>;
  readonly stateSince: Record<string, string>;
  /** `states.<workflow>` from the old state to the new one (undefined when the workflow is gone or new). */
  readonly changes: HistoryChange[];
}

const stringAt = (object: unknown, key: string): string | undefined =>
  isPlainObject(object) && hasOwn(object, key) && typeof object[key] === 'string' ? object[key] : undefined;

/**
 * Where a record stands in each workflow of the target form. A state the workflow still has is
 * kept with its time (deadlines keep counting); a state it lost, or a workflow new to the record,
 * starts at the initial state now; a workflow the target dropped is left behind.
 */
export const carryStates = (form: InternalForm, stored: { readonly states: unknown; readonly stateSince: unknown }, at: string): CarriedStates => {
  const states: Record<string, string> = {};
  const stateSince: Record<string, string> = {};
  const changes: HistoryChange[] = [];
  for (const workflow of form.workflows.values()) {
    const current = stringAt(stored.states, workflow.name);
    if (current !== undefined && workflow.states.has(current)) {
      states[workflow.name] = current;
      stateSince[workflow.name] = stringAt(stored.stateSince, workflow.name) ?? at;
      continue;
    }
    states[workflow.name] = workflow.initial;
    stateSince[workflow.name] = at;
    changes.push({ path: statePath(workflow.name), from: current, to: workflow.initial });
  }
  if (isPlainObject(stored.states)) {
    for (const name of Object.keys(stored.states)) {
      const current = stringAt(stored.states, name);
      // A name no definition could give (a hand-made record) is no workflow to report.
      if (!form.workflows.has(name) && current !== undefined && isStatePath(statePath(name))) changes.push({ path: statePath(name), from: current, to: undefined });
    }
  }
  return { states, stateSince, changes };
};
