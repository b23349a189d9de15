import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { InternalForm } from '../compile/internalForm';
import { parseTemplate } from '../core/template';
import type { FormValues } from '../core/values';

/**
 * Hands out sequence numbers for auto ids: called with a key naming the form, the field and the
 * id's date part (`customer-intake:customerNo:YQ20240501`), returns the next number (1, 2, …). A
 * server with several processes passes one backed by its database.
 */
export type SequenceCounter = (key: string) => number;

const memory = /* @__PURE__ */ new WeakMap<InternalForm, Map<string, number>>();

/** The default counter: in memory, per form, restarting for each new date part. */
export const memoryCounter = (form: InternalForm): SequenceCounter => (key) => {
  let counts = memory.get(form);
  if (counts === undefined) memory.set(form, (counts = new Map()));
  const next = (counts.get(key) ?? 0) + 1;
  counts.set(key, next);
  return next;
};

/** Formats a date token (`yyyyMMdd`) at `now` in the form's time zone. */
export const formatDateToken = (token: string, now: Date, timeZone: string | undefined): string =>
  format(timeZone === undefined ? now : new TZDate(now.getTime(), timeZone), token);

/** Fills every empty auto id field from its template (`YQ{yyyyMMdd}{seq:3}` -> YQ20240501001). */
export const fillAutoIds = (form: InternalForm, values: FormValues, now: Date, counter: SequenceCounter): FormValues => {
  let filled = values;
  for (const field of form.fields) {
    if (field.type !== 'autoId' || !field.value.isEmpty(values[field.id])) continue;
    const template = (field.def as { pattern?: unknown }).pattern;
    const parsed = typeof template === 'string' ? parseTemplate(template, { seq: true, field: false }) : undefined;
    if (parsed === undefined || !parsed.ok) continue;
    let prefix = '';
    let id = '';
    for (const part of parsed.parts) {
      if (part.kind === 'text') id += part.text;
      else if (part.kind === 'date') id += formatDateToken(part.format, now, form.timeZone);
      else if (part.kind === 'seq') {
        prefix = id;
        const next = counter(`${form.id}:${field.key}:${prefix}`);
        id += String(Math.max(1, Math.floor(next))).padStart(part.width, '0');
      }
    }
    filled = { ...filled, [field.id]: id };
  }
  return filled;
};
