import type { WorkflowIR } from '../compile/internalForm';
import type { TransitionCheck } from './checkTransition';
import { WorkflowError } from './workflowError';

const MESSAGES = {
  'not-allowed': (event: string, state: string) => `'${event}' is not possible from state '${state}'`,
  forbidden: (event: string) => `this role may not '${event}'`,
  guard: (event: string) => `the condition of '${event}' does not hold for this record`,
  'missing-fields': (event: string) => `'${event}' needs fields answered first`,
  'reason-required': (event: string) => `'${event}' needs a reason`,
  limit: (event: string) => `'${event}' has already happened as often as it may on this record`,
} as const;

/** The WorkflowError for a check that found no transition: names the event and state, never a value. */
export const refusal = (workflow: WorkflowIR, event: string, state: string, check: TransitionCheck): WorkflowError => {
  const code = check.code ?? 'not-allowed';
  const message = code === 'not-allowed' ? MESSAGES[code](event, state) : MESSAGES[code](event);
  return new WorkflowError(code, message, workflow.name, event, check.missing);
};
