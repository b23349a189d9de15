import type { FieldBase, MaskKind } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { count } from '../core/jsonSchema';
import { closest } from '../core/suggest';
import { findPersonalData } from '../formats/personalData';
import { FORMAT_ALIASES, type TextFormat } from '../formats/textFormats';
import { compilePattern, type PatternMatcher } from '../pattern';
import { isEmptyText } from './emptiness';
import type { FieldKind, FieldSpec } from './fieldKind';
import { maskForPii } from './piiMask';
import { codePointLength, numberOrUndefined, typeFailure } from './valueHelpers';

interface TextProps {
  /** `cn-mobile`, `email`, `cn-id-card`, `cn-uscc`, `url`, or a format given to `compileForm`. */
  readonly format?: TextFormat | (string & {});
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}
export interface TextField extends FieldBase<'text'>, TextProps {}
export interface TextareaField extends FieldBase<'textarea'>, TextProps {}
type AnyText = TextField | TextareaField;

/** Without a `maxLength`, texts are bounded anyway: even linear work must stay small on hostile input. */
export const DEFAULT_MAX_LENGTH = { text: 1000, textarea: 10000 } as const;

const formatMask = (format: unknown): MaskKind => {
  switch (format) {
    case 'cn-mobile':
    case 'intl-phone': return 'phone';
    case 'email': return 'email';
    case 'cn-id-card': return 'id-card';
    case 'cn-uscc': return 'uscc';
    default: return 'full';
  }
};

const matchers = /* @__PURE__ */ new Map<string, PatternMatcher | undefined>();
// Forms in one process share compiled patterns; the bound keeps hostile definitions from growing it.
const patternMatcher = (source: string): PatternMatcher | undefined => {
  if (matchers.has(source)) return matchers.get(source);
  const result = compilePattern(source);
  const matcher = result.ok ? result.matcher : undefined;
  if (matchers.size >= 500) matchers.delete(matchers.keys().next().value as string);
  matchers.set(source, matcher);
  return matcher;
};

const checkDefinition = (spec: FieldSpec<AnyText>, report: Parameters<NonNullable<FieldKind<AnyText>['checkDefinition']>>[1]): void => {
  const { def } = spec;
  if (typeof def.pattern === 'string') {
    const result = compilePattern(def.pattern);
    if (!result.ok) report('pattern', 'bad-pattern', result.reason, { detail: result.detail });
  }
  if (typeof def.format === 'string' && !spec.formats.has(def.format)) {
    const suggestion = FORMAT_ALIASES.get(def.format.toLowerCase()) ?? closest(def.format, spec.formats.keys());
    report('format', 'unknown-format', undefined, { name: def.format, suggestion });
  }
  if (typeof def.minLength === 'number' && typeof def.maxLength === 'number' && def.minLength > def.maxLength) {
    report('minLength', 'schema', 'limits', { low: 'minLength', high: 'maxLength' });
  }
};

const textKind = (type: 'text' | 'textarea', summary: string): FieldKind<AnyText> => ({
  summary,
  properties: {
    format: { type: 'string', examples: ['cn-mobile', 'intl-phone', 'email', 'cn-id-card', 'cn-uscc', 'url'], description: 'A format the text must have: cn-mobile (11-digit mainland mobile; +86, spaces and dashes accepted and removed), intl-phone (an international number with its country code, kept as +442079460958), email, cn-id-card (GB 11643 check character), cn-uscc (GB 32100 check character), url (http/https), or a format given to compileForm.' },
    pattern: { type: 'string', description: 'A JavaScript regular expression the text must match somewhere (anchor it with ^…$). Matched in linear time; backreferences and lookaround are refused.' },
    minLength: count('Fewest characters (code points).'),
    maxLength: count(`Most characters (code points). Default ${DEFAULT_MAX_LENGTH[type]}.`),
  },
  requiredProperties: [],
  example: type === 'text' ? '张伟' : '产品操作复杂，建议简化流程',
  valueKind: 'text',
  takesInput: true,
  hasOptions: false,
  checkDefinition,
  values: ({ def, formats, forbid }) => {
    const wrongType = typeFailure(type);
    const max = numberOrUndefined(def.maxLength) ?? DEFAULT_MAX_LENGTH[type];
    const min = numberOrUndefined(def.minLength);
    const pattern = typeof def.pattern === 'string' ? patternMatcher(def.pattern) : undefined;
    const format = typeof def.format === 'string' ? formats.get(def.format) : undefined;
    const tooLong: Failure = { code: 'maxLength', params: { max } };
    const tooShort: Failure | undefined = min === undefined ? undefined : { code: 'minLength', params: { min } };
    const badPattern: Failure = { code: 'pattern' };
    const badFormat: Failure = { code: 'format', params: { format: String(def.format) } };
    return {
      isEmpty: isEmptyText,
      accept: (raw, _scope, slot) => {
        if (typeof raw !== 'string') return wrongType;
        // Cheap bound first (UTF-16 length >= code points), so that nothing below sees a huge text.
        if (raw.length > max && codePointLength(raw) > max) return tooLong;
        let value = raw;
        if (format !== undefined) {
          const normalised = format(value);
          if (normalised === undefined) return badFormat;
          value = normalised;
        }
        if (tooShort !== undefined && min !== undefined && value.length < 2 * min && codePointLength(value) < min) return tooShort;
        if (pattern !== undefined && !pattern.test(value)) return badPattern;
        // A formatted field too: a URL can carry a phone (wa.me/8613812345678).
        if (forbid.length > 0) {
          const found = findPersonalData(value, forbid);
          if (found !== undefined) return { code: 'forbiddenData', params: { kind: found } };
        }
        slot.value = value;
        return undefined;
      },
    };
  },
  cellText: (value) => (typeof value === 'string' ? value : ''),
  tsType: () => 'string',
  defaultMask: (def) => maskForPii(def.pii, formatMask(def.format)),
});

export const textFieldKind = /* @__PURE__ */ textKind('text', 'One line of text.');
export const textareaFieldKind = /* @__PURE__ */ textKind('textarea', 'Several lines of text.');
