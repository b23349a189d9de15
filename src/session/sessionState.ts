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

const INTERNAL = '~session';

/** Attaches the internal state to a snapshot: non-enumerable, so renderers, JSON and equality ignore it. */
export const withInternal = (snapshot: SessionSnapshot, internal: SessionInternal): SessionSnapshot =>
  Object.defineProperty(snapshot, INTERNAL, { value: internal, enumerable: false, writable: false, configurable: false });

export const internalOf = (snapshot: SessionSnapshot): SessionInternal | undefined =>
  (snapshot as unknown as { readonly [INTERNAL]?: SessionInternal })[INTERNAL];
