import type { InternalForm } from '../compile/internalForm';
import type { FormValues } from '../core/values';
import type { PassOptions } from '../validate/pass';
import type { Engine } from './engine';
import type { SessionSnapshot } from './sessionTypes';

/** What a snapshot carries for the next transition, beside what renderers read. */
export interface SessionInternal {
  readonly form: InternalForm;
  /** The pass options of this snapshot (role, locale, clock): what the engine is rebuilt with. */
  readonly options: PassOptions;
  readonly engine: Engine;
  /** Touched paths, by their stable key (see touchKey). */
  readonly touched: ReadonlySet<string>;
  /** Group id -> a key per row, in row order. */
  readonly rowKeys: ReadonlyMap<string, readonly string[]>;
  readonly nextRowKey: number;
  /** What `reset` returns to: the session's first values. */
  readonly initial: FormValues;
  /** The clock conditions and drafts use; given at creation or taken then. */
  readonly now: Date;
  /** Whether `now` was given (drafts then expire by it, not by the wall clock). */
  readonly fixedClock: boolean;
}

// A WeakMap rather than a property: nothing outside this module can attach (or forge) the state a
// transition trusts, and renderers, JSON and equality never see it.
const internals = /* @__PURE__ */ new WeakMap<object, SessionInternal>();

/** Attaches the internal state to a snapshot. */
export const withInternal = (snapshot: SessionSnapshot, internal: SessionInternal): SessionSnapshot => {
  internals.set(snapshot, internal);
  return snapshot;
};

/** The internal state of a snapshot this module made; undefined for anything else (a revived copy, junk). */
export const internalOf = (snapshot: unknown): SessionInternal | undefined =>
  typeof snapshot === 'object' && snapshot !== null ? internals.get(snapshot) : undefined;
