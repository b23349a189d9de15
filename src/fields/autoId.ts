import type { FieldBase } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { parseTemplate, templatePattern, AUTO_ID_TOKENS } from '../core/template';
import { compilePattern } from '../pattern';
import { isEmptyText } from './emptiness';
import { defineKind } from './fieldKind';
import { maskForPii } from './piiMask';
import { typeFailure } from './valueHelpers';

export interface AutoIdField extends FieldBase<'autoId'> {
  /** e.g. `YQ{yyyyMMdd}{seq:3}` */
  readonly pattern: string;
}

const matcherOf = (pattern: unknown): { test(value: string): boolean } | undefined => {
  const parsed = typeof pattern === 'string' ? parseTemplate(pattern, { seq: true, field: false }) : undefined;
  if (parsed === undefined || !parsed.ok) return undefined;
  const compiled = compilePattern(templatePattern(parsed.parts));
  return compiled.ok ? compiled.matcher : undefined;
};

export const autoIdFieldKind = defineKind<AutoIdField>(() => ({
  summary: 'An id the system assigns from a template (YQ20240501001): only a role allowed by `access.write` may send one, and it must fit the template.',
  properties: {
    pattern: {
      type: 'string', minLength: 1, examples: ['YQ{yyyyMMdd}{seq:3}', 'CRM{yyyy}{seq:3}'],
      description: `Template: literal text and tokens ${AUTO_ID_TOKENS} (date tokens in date-fns notation; {seq:N} is a counter of at least N digits). No default: the system assigns it.`,
    },
  },
  requiredProperties: ['pattern'],
  example: 'YQ20240501001',
  valueKind: 'text',
  takesInput: true,
  hasOptions: false,
  checkDefinition: ({ def }, report) => {
    if (typeof def.pattern !== 'string') return;
    const parsed = parseTemplate(def.pattern, { seq: true, field: false });
    if (!parsed.ok) report('pattern', 'bad-pattern', 'token', { name: parsed.token, tokens: AUTO_ID_TOKENS });
  },
  values: ({ def }) => {
    // Compiled on first use: ids are sent by staff only, and a first compileForm should not pay for it.
    let matcher: { test(value: string): boolean } | undefined | null = null;
    const wrongType = typeFailure('autoId');
    const badFormat: Failure = { code: 'format', params: { format: 'autoId' } };
    return {
      isEmpty: isEmptyText,
      accept: (raw, _scope, slot) => {
        if (typeof raw !== 'string') return wrongType;
        if (matcher === null) matcher = matcherOf(def.pattern);
        if (raw.length > 64 || (matcher !== undefined && !matcher.test(raw))) return badFormat;
        slot.value = raw;
        return undefined;
      },
    };
  },
  cellText: (value) => (typeof value === 'string' ? value : ''),
  tsType: () => 'string',
  defaultMask: (def) => maskForPii(def.pii, 'none'),
}));
