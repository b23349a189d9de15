import type { SessionEvent, SessionSnapshot } from '../session/sessionTypes';
import { transitionSnapshot } from '../session/transition';
import { internalFormOf } from './internal';
import type { CompiledForm } from './types';

/**
 * The pure step under every session: the snapshot after `event`, computed from the form, the
 * snapshot and the event alone (as xstate's `transition`). `session.send` is this plus listeners.
 * Never throws for a bad event: the snapshot carries `eventError` instead.
 */
export const transition = (form: CompiledForm, snapshot: SessionSnapshot, event: SessionEvent): SessionSnapshot =>
  transitionSnapshot(internalFormOf(form), snapshot, event);
