import type { InternalForm } from '../compile/internalForm';
import type { TemplatePart } from '../core/template';
import type { FormValues } from '../core/values';
import { formatDateToken } from '../records/autoIds';

// Characters no file system takes, control characters (a file name is not a log line), and
// invisible format characters: a bidi override would show "\u202Eslx.exe" as "exe.xls".
const ILLEGAL = /[\\/:*?"<>|\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;
// File systems count bytes: ext4 and APFS take 255 of UTF-8, where a Chinese character is 3.
const MAX_BYTES = 240;
const utf8Length = (char: string): number => { const code = char.codePointAt(0) as number; return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4; };
// Windows device names, with or without an extension after them (con.backup is still CON).
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
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
  // Cut by code point (never half a surrogate pair) to what file systems take in bytes, the extension
  // included; a Windows device name (CON, NUL…) gets a '_'.
  let bytes = extension.length + 2;
  let clean = '';
  // A pattern part with nothing in it (no record for `{field:…}`) leaves no stray '-' at either end.
  for (const char of name.replace(ILLEGAL, '').replace(/^[\s._-]+|[\s._-]+$/g, '')) {
    bytes += utf8Length(char);
    if (bytes > MAX_BYTES) break;
    clean += char;
  }
  clean = clean.replace(/[\s._-]+$/, '');
  const safe = RESERVED.test(clean) ? `_${clean}` : clean;
  return `${safe === '' ? form.id : safe}.${extension}`;
};
