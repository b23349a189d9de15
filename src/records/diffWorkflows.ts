import type { InternalForm } from '../compile/internalForm';
import type { FormChange } from './formChange';

/**
 * Workflows and their states, `from`'s order first, then what `to` adds. A removed state or
 * workflow breaks records: a record in that state goes back to the initial state (a removed
 * workflow's state is dropped), so where it stood is lost from its current view.
 */
export const workflowChanges = (from: InternalForm, to: InternalForm): FormChange[] => {
  const changes: FormChange[] = [];
  for (const [name, workflow] of from.workflows) {
    const path = `workflows.${name}`;
    const next = to.workflows.get(name);
    if (next === undefined) {
      changes.push({ path, kind: 'workflow-removed', breaking: true, detail: `workflow removed (states ${[...workflow.states.keys()].join(', ')})` });
      continue;
    }
    for (const state of workflow.states.keys()) {
      if (!next.states.has(state)) {
        changes.push({ path: `${path}.states.${state}`, kind: 'state-removed', breaking: true, detail: `state '${state}' removed; records in it go back to '${next.initial}'` });
      }
    }
    for (const state of next.states.keys()) {
      if (!workflow.states.has(state)) changes.push({ path: `${path}.states.${state}`, kind: 'state-added', breaking: false, detail: `state '${state}' added` });
    }
  }
  for (const [name, workflow] of to.workflows) {
    if (!from.workflows.has(name)) {
      changes.push({ path: `workflows.${name}`, kind: 'workflow-added', breaking: false, detail: `new workflow; records start at '${workflow.initial}'` });
    }
  }
  return changes;
};
