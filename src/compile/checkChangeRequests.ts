import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';

const objectAt = (value: unknown): Readonly<Record<string, unknown>> => (isPlainObject(value) ? value : {});

/**
 * `changeRequests` names a workflow of `workflows` and one of its states. That workflow runs on
 * requests, never on a record, so a transition of it has no record to `set` fields on, and its
 * effects would have no record to send from: both are refused rather than silently ignored.
 */
export const checkChangeRequests = (model: FormModel, issues: IssueCollector): void => {
  const def = model.def;
  if (!isPlainObject(def.changeRequests)) return;
  const { workflow: name, apply } = def.changeRequests;
  if (typeof name !== 'string') return;
  const workflows = objectAt(def.workflows);
  if (!hasOwn(workflows, name)) {
    issues.issue('unknown-workflow', 'changeRequests.workflow', undefined, { name, suggestion: issues.suggest(name, Object.keys(workflows)) });
    return;
  }
  const workflow = objectAt(workflows[name]);
  const states = objectAt(workflow.states);
  if (typeof apply === 'string' && !hasOwn(states, apply)) {
    issues.issue('unknown-state', 'changeRequests.apply', undefined, { name: apply, suggestion: issues.suggest(apply, Object.keys(states)) });
  }
  const transitions = Array.isArray(workflow.transitions) ? workflow.transitions : [];
  transitions.forEach((transition: unknown, index: number) => {
    for (const key of ['set', 'effects']) {
      if (hasOwn(objectAt(transition), key)) issues.issue('schema', `workflows.${name}.transitions.${index}.${key}`, 'request-workflow', { name: key });
    }
  });
};
