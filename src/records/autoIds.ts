import type { InternalForm } from '../compile/internalForm';
import { parseTemplate } from '../core/template';
import type { FormValues } from '../core/values';
import { wallClockOf } from '../core/zonedTime';

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

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Formats a date token (`yyyyMMdd`, `yyyy-MM-dd HH:mm:ss`) at `now` in the form's time zone. */
export const formatDateToken = (token: string, now: Date, timeZone: string | undefined): string => {
  const wall = wallClockOf(now, timeZone);
  return token.replace(/yyyy|yy|MM|M|dd|d|HH|H|mm|m|ss|s/g, (part) => {
    switch (part) {
      case 'yyyy': return pad(wall.year, 4);
      case 'yy': return pad(wall.year % 100, 2);
      case 'MM': return pad(wall.month, 2);
      case 'M': return String(wall.month);
      case 'dd': return pad(wall.day, 2);
      case 'd': return String(wall.day);
      case 'HH': return pad(wall.hour, 2);
      case 'H': return String(wall.hour);
      case 'mm': return pad(wall.minute, 2);
      case 'm': return String(wall.minute);
      case 'ss': return pad(wall.second, 2);
      default: return String(wall.second);
    }
  });
};

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
