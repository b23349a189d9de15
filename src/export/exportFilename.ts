import type { InternalForm } from '../compile/internalForm';
import type { TemplatePart } from '../core/template';
import type { FormValues } from '../core/values';
import { formatDateToken } from '../records/autoIds';

// Characters no file system takes, and control characters (a file name is not a log line).
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const DEFAULT_PATTERN: readonly TemplatePart[] = [{ kind: 'field', id: '' }];

/**
 * The export's file name from the definition's `export.filename` pattern (`{yyyyMM}客户反馈记录表`,
 * `{field:customerName}-{yyyyMMdd}`): dates at `now` in the form's time zone, a field from `values`
 * (the record being exported, when there is one, masked as the export masks it), characters illegal in file names removed, and the
 * extension added. Without a pattern: `<form id>-<yyyyMMdd>`.
 */
export const exportFilename = (form: InternalForm, now: Date, values: FormValues | undefined, extension: string): string => {
  const parts = form.exportFilename ?? DEFAULT_PATTERN;
  const name = form.exportFilename === undefined
    ? `${form.id}-${formatDateToken('yyyyMMdd', now, form.timeZone)}`
    : parts.map((part) => {
      switch (part.kind) {
        case 'text': return part.text;
        case 'date': return formatDateToken(part.format, now, form.timeZone);
        case 'field': {
          const value = values?.[part.id];
          return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        }
        case 'seq': return '';
      }
    }).join('');
  // Cut by code point (never half a surrogate pair); a Windows device name (CON, NUL…) gets a '_'.
  const clean = Array.from(name.replace(ILLEGAL, '').replace(/^[\s.]+|[\s.]+$/g, '')).slice(0, 200).join('');
  const safe = RESERVED.test(clean) ? `_${clean}` : clean;
  return `${safe === '' ? form.id : safe}.${extension}`;
};
