import type { TransitionIR, WorkflowIR } from '../compile/internalForm';
import type { Scope } from '../fields/fieldKind';
import { truthy } from '../logic/truthy';
import { grants } from '../core/owner';
import type { WorkflowErrorCode } from './workflowError';

export interface TransitionCheck {
  /** The transition that may fire, or undefined with the first reason none may. */
  readonly transition: TransitionIR | undefined;
  readonly code: WorkflowErrorCode | undefined;
  readonly missing: readonly string[];
}

/** What a workflow runs on, as the checks read it: a record, or a change request seen as one. */
export interface TransitionSubject {
  readonly states: Readonly<Record<string, string>>;
  readonly history: readonly { readonly action: string; readonly workflow?: string; readonly event?: string; readonly from?: string; readonly to?: string }[];
}

/** Who fires: their role, whether they own the record, and whether `ownership.ownOnly` bars them from it. */
export interface TransitionContext {
  readonly role: string | undefined;
  readonly owns: boolean;
  readonly barred: boolean;
  readonly scope: Scope;
  readonly reason: string | undefined | null;
}

/** How often a transition already fired on this record: counted from history, which is never rewritten. */
export const timesFired = (record: TransitionSubject, workflow: WorkflowIR, transition: TransitionIR): number =>
  record.history.filter((entry) => entry.action === 'transition' && entry.workflow === workflow.name && entry.event === transition.event &&
    entry.from !== undefined && transition.from.has(entry.from) && entry.to === transition.to).length;

/**
 * Finds the transition `event` fires from the record's current state, checking in the documented
 * order: a transition for this event from this state (`not-allowed`), the role, `$owner` and
 * `ownership.ownOnly` (`forbidden`), its `when` (`guard`), the fields it requires (`missing-fields`),
 * a reason when one is required (`reason-required`, skipped when `reason` is undefined: `can` and
 * `available` do not know it yet), and `maxTimes` (`limit`). Several transitions may share an event (one per case): the first that
 * passes every check fires, else the furthest check any of them reached is reported.
 */
export const checkTransition = (
  workflow: WorkflowIR,
  record: TransitionSubject,
  event: string,
  context: TransitionContext,
): TransitionCheck => {
  const state = record.states[workflow.name] ?? workflow.initial;
  const candidates = workflow.transitions.filter((transition) => transition.event === event && transition.from.has(state));
  if (candidates.length === 0) return { transition: undefined, code: 'not-allowed', missing: [] };
  const ORDER: readonly WorkflowErrorCode[] = ['forbidden', 'guard', 'missing-fields', 'reason-required', 'limit'];
  let furthest: { code: WorkflowErrorCode; missing: readonly string[] } | undefined;
  const fail = (code: WorkflowErrorCode, missing: readonly string[] = []): void => {
    if (furthest === undefined || ORDER.indexOf(code) > ORDER.indexOf(furthest.code)) furthest = { code, missing };
  };
  for (const transition of candidates) {
    if (context.barred || (transition.roles !== undefined && !grants(transition.roles, context.role, context.owns))) {
      fail('forbidden');
      continue;
    }
    if (transition.when !== undefined && !truthy(transition.when(context.scope))) {
      fail('guard');
      continue;
    }
    const missing = transition.requires.filter((field) => context.scope[field.id] === null || context.scope[field.id] === undefined).map((field) => field.id);
    if (missing.length > 0) {
      fail('missing-fields', missing);
      continue;
    }
    if (transition.reason === 'required' && context.reason !== null && (context.reason === undefined || context.reason.trim() === '')) {
      fail('reason-required');
      continue;
    }
    if (transition.maxTimes !== undefined && timesFired(record, workflow, transition) >= transition.maxTimes) {
      fail('limit');
      continue;
    }
    return { transition, code: undefined, missing: [] };
  }
  return { transition: undefined, code: furthest?.code ?? 'not-allowed', missing: furthest?.missing ?? [] };
};
