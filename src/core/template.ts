/**
 * `{token}` templates shared by auto ids (`YQ{yyyyMMdd}{seq:3}`) and export file names
 * (`{yyyyMM}客户反馈记录表`): literal text, date tokens in date-fns notation, a sequence, a field.
 */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly format: string }
  | { readonly kind: 'seq'; readonly width: number }
  | { readonly kind: 'field'; readonly id: string };

export type TemplateResult =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  | { readonly ok: false; readonly token: string };

const DATE_TOKEN = /^(?:yyyy|yy|MM|M|dd|d|HH|H|mm|m|ss|s|[-_.])+$/;
const SEQ_TOKEN = /^seq:([1-9]\d?)$/;
const FIELD_TOKEN = /^field:([A-Za-z][A-Za-z0-9_]*)$/;

export const TEMPLATE_TOKENS = '{yyyy} {MM} {dd} {yyyyMMdd} {HHmmss} {seq:N} {field:id}';
/** Tokens an auto id template may use: dates and a counter. */
export const AUTO_ID_TOKENS = '{yyyy} {MM} {dd} {yyyyMMdd} {HHmmss} {seq:N}';
/** Tokens an export file name may use: dates and a field of the first record. */
export const FILENAME_TOKENS = '{yyyy} {MM} {dd} {yyyyMM} {yyyyMMdd} {HHmmss} {field:id}';

export const parseTemplate = (template: string, allow: { readonly seq: boolean; readonly field: boolean }): TemplateResult => {
  const parts: TemplatePart[] = [];
  const pattern = /\{([^{}]*)\}/g;
  let last = 0;
  for (let match = pattern.exec(template); match !== null; match = pattern.exec(template)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const token = match[1] as string;
    const seq = SEQ_TOKEN.exec(token);
    const field = FIELD_TOKEN.exec(token);
    if (DATE_TOKEN.test(token)) parts.push({ kind: 'date', format: token });
    else if (seq !== null && allow.seq) parts.push({ kind: 'seq', width: Number(seq[1]) });
    else if (field !== null && allow.field) parts.push({ kind: 'field', id: field[1] as string });
    else return { ok: false, token };
  }
  if (last < template.length) {
    const rest = template.slice(last);
    if (/[{}]/.test(rest)) return { ok: false, token: rest };
    parts.push({ kind: 'text', text: rest });
  }
  return { ok: true, parts };
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The pattern source of ids made from an auto id template: date digits, then at least `width` digits.
 * It is matched by the linear-time engine like any definition pattern: adjacent `\d{3,}` groups
 * would backtrack polynomially in a native engine.
 */
export const templatePattern = (parts: readonly TemplatePart[]): string =>
  `^${parts.map((part) => {
    switch (part.kind) {
      case 'text': return escapeRegExp(part.text);
      case 'date': return part.format.replace(/[A-Za-z]+|[-_.]/g, (token) => (/[-_.]/.test(token) ? escapeRegExp(token) : `\\d{${token.length === 1 ? '1,2' : token.length}}`));
      case 'seq': return `\\d{${part.width},}`;
      case 'field': return '.+';
    }
  }).join('')}$`;
