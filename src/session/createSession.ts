import type { InternalForm } from '../compile/internalForm';
import type { FormValues } from '../core/values';
import type { PassOptions } from '../validate/pass';
import { saveDraft } from './drafts';
import type { DraftStore } from './draftStore';
import { initialSnapshot } from './initialSnapshot';
import { initialValues } from './initialValues';
import { internalOf } from './sessionState';
import type { SessionEvent, SessionListener, SessionSnapshot } from './sessionTypes';
import { transitionSnapshot } from './transition';

/** A filling session: a subscribable shell around the pure `transition`, for any UI framework. */
export interface Session<V extends FormValues = FormValues> {
  /** The current snapshot; the same object until an event changes something (for useSyncExternalStore). */
  getSnapshot(): SessionSnapshot<V>;
  /** Calls `listener` after each change; returns the function that stops it. */
  subscribe(listener: SessionListener<V>): () => void;
  /** Applies an event and returns the snapshot after it. Never throws for a bad event. */
  send(event: SessionEvent): SessionSnapshot<V>;
  /**
   * Saves the current answers under a new random token, resumable until `expiresAt`. Rejects with
   * FormUsageError `bad-option` (`now`) when the session's clock plus the TTL is past what a Date holds.
   */
  saveDraft(): Promise<{ readonly token: string; readonly expiresAt: string }>;
  /** When the session was resumed from a draft: its token, its form version, and answers dropped on the way. */
  readonly resumed: { readonly token: string; readonly formVersion: number; readonly dropped: readonly string[] } | undefined;
}

export interface SessionSetup {
  readonly form: InternalForm;
  readonly values: unknown;
  readonly options: PassOptions;
  readonly clock: { readonly now: Date; readonly fixed: boolean };
  readonly drafts: DraftStore | undefined;
  readonly onListenerError: ((error: unknown) => void) | undefined;
  readonly resumed?: Session['resumed'];
  /** Dotted paths touched from the start (a resumed draft's). */
  readonly touched?: readonly string[];
}

/**
 * Creates a session. The shell holds the current snapshot and the listeners, nothing else: every
 * state change is `transition`, so a dropped session with live subscribers is garbage like any
 * object (there is no dispose to forget).
 */
export const createSession = (setup: SessionSetup): Session => {
  const { form, options } = setup;
  const values: FormValues = initialValues(form, setup.values, options.role);
  let snapshot = initialSnapshot({ form, values, options, clock: setup.clock, touched: setup.touched });
  const listeners = new Set<SessionListener>();
  const notify = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        // One broken listener must not break the session or the others.
        setup.onListenerError?.(error);
      }
    }
  };
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    send(event) {
      const next = transitionSnapshot(form, snapshot, event);
      if (next !== snapshot) {
        snapshot = next;
        notify();
      }
      return snapshot;
    },
    saveDraft: () => {
      const internal = internalOf(snapshot);
      const fixed = internal?.fixedClock === true;
      return saveDraft(form, snapshot, setup.drafts, { now: fixed ? internal.now : new Date(), given: fixed });
    },
    resumed: setup.resumed,
  };
};
