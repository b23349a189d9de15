import type { InternalForm } from '../compile/internalForm';
import { isTimeZone, readNow } from '../core/clock';
import { FormUsageError } from '../core/issues';
import { containerKind, isPlainObject } from '../core/reserved';
import { closest } from '../core/suggest';
import type { PassOptions } from '../validate/runPass';

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$/;

/** Reads a call's options, refusing what is not an option or not of its type: misuse throws, values never do. */
export const readOptionBag = (given: unknown, allowed: readonly string[], call: string): Readonly<Record<string, unknown>> => {
  if (given === undefined || given === null) return {};
  if (!isPlainObject(given)) throw new FormUsageError('bad-option', `${call} options must be an object`);
  let keys: string[];
  try {
    keys = Object.keys(given);
  } catch {
    throw new FormUsageError('bad-option', `${call} options could not be read`);
  }
  for (const key of keys) {
    if (!allowed.includes(key)) {
      const suggestion = closest(key, allowed);
      throw new FormUsageError('bad-option', `unknown ${call} option '${key}'${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`} (options: ${allowed.join(', ')})`, key);
    }
  }
  return given;
};

export const readRole = (form: InternalForm, role: unknown): string | undefined => {
  if (role === undefined) return undefined;
  if (typeof role !== 'string') throw new FormUsageError('bad-option', '`role` must be a role name (string)', 'role');
  if (form.roleSet.size === 0) return undefined;
  if (!form.roleSet.has(role)) {
    throw new FormUsageError('unknown-role', `role '${role}' is not declared by form '${form.id}' (roles: ${form.roles.join(', ')})`, 'role');
  }
  return role;
};

/** True for a string shaped like a BCP 47 language tag (zh-CN, en, zh-Hant-TW). */
export const isLocaleTag = (value: unknown): value is string => typeof value === 'string' && LOCALE.test(value);

export const readLocale = (form: InternalForm, locale: unknown): string => {
  if (locale === undefined) return form.defaultLocale;
  if (typeof locale !== 'string' || !LOCALE.test(locale)) throw new FormUsageError('bad-option', '`locale` must be a language tag such as zh-CN, zh-TW or en', 'locale');
  return locale;
};

export const readClock = (now: unknown): Date => {
  const date = readNow(now);
  if (date === undefined) throw new FormUsageError('bad-option', '`now` must be a Date, an ISO 8601 string or epoch milliseconds', 'now');
  return date;
};

export const readTimeZone = (form: InternalForm, timeZone: unknown): string | undefined => {
  if (timeZone === undefined) return form.timeZone;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw new FormUsageError('bad-option', '`timeZone` must be an IANA time zone such as Asia/Shanghai', 'timeZone');
  return timeZone;
};

const PASS_OPTIONS = ['mode', 'role', 'locale', 'now', 'timeZone', 'previous'] as const;

/** The options of validate and evaluate, checked, as the pass takes them. */
export const readPassOptions = (form: InternalForm, given: unknown, call: string, wants: { states: boolean; tags: boolean }): PassOptions => {
  const options = readOptionBag(given, PASS_OPTIONS, call);
  const mode = options.mode ?? 'submit';
  if (mode !== 'submit' && mode !== 'draft') throw new FormUsageError('bad-option', "`mode` must be 'submit' or 'draft'", 'mode');
  const previous = options.previous;
  if (previous !== undefined && previous !== null && containerKind(previous) !== 'object') {
    throw new FormUsageError('bad-option', '`previous` must be the values object stored before this change', 'previous');
  }
  return {
    mode,
    role: readRole(form, options.role),
    locale: readLocale(form, options.locale),
    now: readClock(options.now),
    timeZone: readTimeZone(form, options.timeZone),
    previous: previous ?? undefined,
    states: wants.states,
    tags: wants.tags,
  };
};
