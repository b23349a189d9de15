import type { InternalForm } from '../compile/internalForm';
import { runPass, type PassResult } from '../validate/runPass';

/** A pass over a record's values as the system sees them: every field readable and writable. */
export const systemPass = (form: InternalForm, values: unknown, context: { readonly role: string | undefined; readonly now: Date; readonly locale: string }): PassResult =>
  runPass(form, values, {
    mode: 'submit', role: context.role, locale: context.locale, now: context.now, timeZone: form.timeZone,
    previous: undefined, states: true, tags: true, access: 'all',
  });

/** A pass as the acting role sees the values: what it may read and write. */
export const rolePass = (form: InternalForm, values: unknown, context: { readonly role: string | undefined; readonly now: Date; readonly locale: string }): PassResult =>
  runPass(form, values, {
    mode: 'submit', role: context.role, locale: context.locale, now: context.now, timeZone: form.timeZone,
    previous: undefined, states: true, tags: true,
  });
