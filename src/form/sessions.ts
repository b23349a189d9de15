import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import type { FormValues } from '../core/values';
import { createSession, type Session } from '../session/createSession';
import { loadDraft } from '../session/drafts';
import type { DraftStore } from '../session/draftStore';
import type { EnteredValues } from '../session/sessionTypes';
import type { PassOptions } from '../validate/pass';
import { isLocaleTag, readClock, readLocale, readOptionBag, readRole, readTimeZone } from './readOptions';

export interface SessionOptions<V extends FormValues = FormValues> {
  /** Answers to start from (defaults fill the rest); taken as entered, checked as the session goes. */
  readonly values?: EnteredValues<V>;
  readonly role?: string;
  readonly locale?: string;
  /** The clock of `$now` / `$today` and of draft expiry. Default: the time the session starts. */
  readonly now?: Date | string | number;
  readonly timeZone?: string;
  /** Where `saveDraft` keeps drafts. */
  readonly drafts?: DraftStore;
  /** Called with what a listener threw; the session and the other listeners go on either way. */
  readonly onListenerError?: (error: unknown) => void;
}

export interface ResumeOptions {
  readonly drafts: DraftStore;
  readonly now?: Date | string | number;
  /** The role resuming; default the role the draft was saved under. */
  readonly role?: string;
  readonly locale?: string;
  readonly timeZone?: string;
  readonly onListenerError?: (error: unknown) => void;
}

const SESSION_OPTIONS = ['values', 'role', 'locale', 'now', 'timeZone', 'drafts', 'onListenerError'] as const;
const RESUME_OPTIONS = ['drafts', 'now', 'role', 'locale', 'timeZone', 'onListenerError'] as const;

const passOptions = (form: InternalForm, options: Readonly<Record<string, unknown>>, now: Date): PassOptions => ({
  mode: 'submit', role: readRole(form, options.role), locale: readLocale(form, options.locale), now,
  timeZone: readTimeZone(form, options.timeZone), previous: undefined, states: true, tags: true,
});

const listenerErrors = (value: unknown): ((error: unknown) => void) | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new FormUsageError('bad-option', '`onListenerError` must be a function', 'onListenerError');
  return value as (error: unknown) => void;
};

/** `form.createSession(options)`: options checked, then a session over the internal form. */
export const startSession = (form: InternalForm, given: unknown): Session => {
  const options = readOptionBag(given, SESSION_OPTIONS, 'createSession');
  const now = readClock(options.now);
  return createSession({
    form,
    values: options.values,
    options: passOptions(form, options, now),
    clock: { now, fixed: options.now !== undefined },
    drafts: options.drafts as DraftStore | undefined,
    onListenerError: listenerErrors(options.onListenerError),
  });
};

/**
 * `form.resumeDraft(token, options)`: rejects with DraftError `not-found` (also when the store returns
 * something that is no draft) or `expired`; a store whose own promise rejects fails with its error.
 */
export const resumeSession = async (form: InternalForm, token: unknown, given: unknown): Promise<Session> => {
  const options = readOptionBag(given, RESUME_OPTIONS, 'resumeDraft');
  const now = readClock(options.now);
  const drafts = options.drafts as DraftStore | undefined;
  const { draft, values, dropped } = await loadDraft(form, token, drafts, now);
  const role = options.role ?? (draft.role !== undefined && form.roleSet.has(draft.role) ? draft.role : undefined);
  // The draft comes from a store: what it says is data, used only when well-formed.
  const locale = options.locale ?? (isLocaleTag(draft.locale) ? draft.locale : undefined);
  return createSession({
    form,
    values,
    options: passOptions(form, { ...options, role, locale }, now),
    clock: { now, fixed: options.now !== undefined },
    drafts,
    onListenerError: listenerErrors(options.onListenerError),
    resumed: { token: token as string, formVersion: draft.formVersion, dropped },
    touched: draft.touched,
  });
};
