import type { ValidationIssue } from '../core/issues';
import type { FormValues } from '../core/values';

/** What a renderer needs to draw one field (every field, group rows included). */
export interface FieldSnapshot {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readonly: boolean;
  /** Blurred, changed, or touched by `submit`: errors show only for touched fields. */
  readonly touched: boolean;
  /** This field's errors, when it is touched; otherwise empty. */
  readonly errors: readonly ValidationIssue[];
}

/** Codes of an event the session refused; the state is unchanged. */
export type SessionErrorCode =
  | 'bad-event' | 'unknown-path' | 'not-a-group' | 'out-of-range' | 'type' | 'forbidden' | 'readonly' | 'too-many-rows' | 'bad-locale';

/** Why the last event was refused. Never contains the value that was sent. */
export interface SessionEventError {
  readonly code: SessionErrorCode;
  /** The event's type (`change`, `addRow` …). */
  readonly event: string;
  readonly path?: string;
  readonly message: string;
}

/**
 * Answers as a person enters them, before they are valid: any key may be missing or `null` (cleared),
 * a choice may be a value not (or no longer) offered, a date half typed. So each answer has its
 * field's kind of value (text, number, yes/no, a list, rows of such) but none of its refinements.
 * A mapped type (no conditional on V), so that a typed snapshot is still a `SessionSnapshot`; an
 * untyped form's entered values are `{ readonly [key: string]: unknown }`.
 */
export type EnteredValues<V extends FormValues = FormValues> = { readonly [K in keyof V]?: Entered<Exclude<V[K], undefined>> | null };

type Entered<T> = T extends string ? string
  : T extends number ? number
    : T extends boolean ? boolean
      : T extends readonly (infer E)[] ? ReadonlyArray<EnteredItem<E>>
        : unknown;
// Items of a list: an option value, a path step, a file, or a group's row (itself entered answers).
type EnteredItem<E> = E extends string ? string
  : E extends number ? number
    : E extends object ? { readonly [K in keyof E]?: Entered<Exclude<E[K], undefined>> | null }
      : unknown;

/**
 * One immutable state of a filling session: deep-frozen, and structurally shared with the state
 * before it (a field's object keeps its identity while nothing about it changes). `V` is the form's
 * values type: what is entered is typed loosely (EnteredValues), what is submitted exactly.
 */
export interface SessionSnapshot<V extends FormValues = FormValues> {
  readonly status: 'editing' | 'submitted';
  /** The answers as entered (not normalised): what inputs show. */
  readonly values: EnteredValues<V>;
  /** Every field by path (`phone`, `services.0.solution`). */
  readonly fields: Readonly<Record<string, FieldSnapshot>>;
  /** The errors to show: those of touched fields, and rule errors at touched fields, in form order. */
  readonly errors: readonly ValidationIssue[];
  /** Whether the answers would pass `validate` now, touched or not. */
  readonly valid: boolean;
  readonly tags: readonly string[];
  readonly locale: string;
  readonly role: string | undefined;
  /** Group path -> a stable key per row, for renderers' `key` props (`services` -> ['r1', 'r2']). */
  readonly rows: Readonly<Record<string, readonly string[]>>;
  /** The cleaned values `validate` returns, once the session is submitted. */
  readonly submitted: V | undefined;
  /** Why the last event was refused, if it was. */
  readonly eventError: SessionEventError | undefined;
  /** Where the session started; what a snapshot revived from JSON needs to go on exactly as the live one. */
  readonly origin: SessionOrigin<V>;
}

/**
 * The part of a session's state that no other part of a snapshot shows, kept as plain data so that a
 * snapshot revived from JSON resets (and evaluates `$now` / `$today`) exactly as the live one would.
 */
export interface SessionOrigin<V extends FormValues = FormValues> {
  /** What `reset` returns to: the session's first values. */
  readonly values: EnteredValues<V>;
  /** The session's clock, ISO 8601: what `$now` and `$today` read. */
  readonly now: string;
  /** The IANA zone of `$today`, when the session has one. */
  readonly timeZone?: string;
  /** The number in the next new row's key (`r7`). */
  readonly nextRowKey: number;
}

/** What a session accepts. */
export type SessionEvent =
  | { readonly type: 'change'; readonly path: string; readonly value: unknown }
  | { readonly type: 'blur'; readonly path: string }
  | { readonly type: 'addRow'; readonly path: string }
  | { readonly type: 'removeRow'; readonly path: string; readonly index: number }
  | { readonly type: 'reset' }
  | { readonly type: 'submit' }
  | { readonly type: 'setLocale'; readonly locale: string };

export type SessionListener<V extends FormValues = FormValues> = (snapshot: SessionSnapshot<V>) => void;
