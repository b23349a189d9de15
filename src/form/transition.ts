import type { SessionEvent, SessionSnapshot } from '../session/sessionTypes';
import { transitionSnapshot } from '../session/transition';
import { internalFormOf } from './internal';
import type { CompiledForm } from './types';

/**
 * The pure step under every session: the snapshot after `event`, computed from the form, the
 * snapshot and the event alone (as xstate's `transition`). `session.send` is this plus listeners.
 * Never throws for a bad event: the snapshot carries `eventError` instead. A snapshot revived from
 * JSON is data and is checked as createSession's options are: a role the form does not declare
 * throws FormUsageError `unknown-role`, anything else that is no snapshot (no values, a locale that
 * is no language tag …) `bad-argument`.
 */
export const transition = (form: CompiledForm, snapshot: SessionSnapshot, event: SessionEvent): SessionSnapshot =>
  transitionSnapshot(internalFormOf(form), snapshot, event);
