import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ErrorCode, IssueParams } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import { parseTemplate, templateMatcher } from '../core/template';
import { compileLogic } from '../logic/compileLogic';
import { truthy } from '../logic/truthy';
import { fieldValidator } from '../validate/fieldValidators';
import type { Failure, Scope, ValueCheck } from '../validate/runtimeTypes';
import { fieldSchema, leafValues } from './fieldSchema';
import type { FieldNode, FieldOptions, OptionList } from './formModel';

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  'fl-date': 'date', 'fl-month': 'month', 'fl-datetime': 'datetime', 'fl-url': 'url',
};

/** Turns ajv's first error into a formloom code; params carry limits, never the value. */
const fromAjv = (error: ErrorObject, field: FieldNode): Failure => {
  const params = error.params as Record<string, unknown>;
  const limit = typeof params.limit === 'number' ? params.limit : undefined;
  const codes: Readonly<Record<string, ErrorCode>> = {
    type: 'type', format: 'format', pattern: 'pattern', minLength: 'minLength', maxLength: 'maxLength',
    minimum: 'min', maximum: 'max', enum: 'option', uniqueItems: 'option', minItems: 'minItems', maxItems: 'maxItems',
  };
  const code = codes[error.keyword] ?? 'type';
  switch (code) {
    case 'format': {
      const format = String(params.format);
      return { code, params: { format: FORMAT_NAMES[format] ?? (typeof field.def.format === 'string' ? field.def.format : format) } };
    }
    case 'minLength': case 'min': case 'minItems':
      return { code, params: { min: limit ?? 0 } };
    case 'maxLength': case 'max': case 'maxItems':
      return { code, params: { max: limit ?? 0 } };
    case 'type':
      return { code, params: { expected: field.type } };
    default:
      return { code };
  }
};

const ajvCheck = (validate: ValidateFunction, field: FieldNode): ValueCheck => (value) =>
  validate(value) ? undefined : fromAjv((validate.errors as ErrorObject[])[0] as ErrorObject, field);

const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${+(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;

/** `accept` entries: MIME types (with `type/*`) or extensions; a file passes if either matches. */
const acceptsFile = (accept: readonly string[], name: string, type: string): boolean => {
  const lowerName = name.toLowerCase();
  const lowerType = type.toLowerCase();
  return accept.some((rule) => {
    const lower = rule.toLowerCase();
    if (lower.startsWith('.')) return lowerName.endsWith(lower);
    if (lower.endsWith('/*')) return lowerType.startsWith(lower.slice(0, -1));
    return lowerType === lower;
  });
};

const fileCheck = (field: FieldNode): ValueCheck | undefined => {
  const accept = Array.isArray(field.def.accept) ? (field.def.accept as string[]) : undefined;
  const maxSize = typeof field.def.maxSize === 'number' ? field.def.maxSize : undefined;
  if (accept === undefined && maxSize === undefined) return undefined;
  const params: IssueParams = {
    ...(accept ? { accept: accept.join(', ') } : {}),
    ...(maxSize !== undefined ? { maxSize, maxSizeText: formatSize(maxSize) } : {}),
  };
  return (value) => {
    for (const file of value as readonly { name: string; size: number; type: string }[]) {
      if (accept !== undefined && !acceptsFile(accept, file.name, file.type)) return { code: 'fileType', params };
      if (maxSize !== undefined && file.size > maxSize) return { code: 'fileSize', params };
    }
    return undefined;
  };
};

const cascaderCheck = (field: FieldNode, list: OptionList | undefined): ValueCheck => {
  const levels = typeof field.def.levels === 'number' ? field.def.levels : undefined;
  return (value) => {
    const path = value as readonly (string | number)[];
    let nodes: readonly unknown[] = list?.tree ?? [];
    for (let depth = 0; depth < path.length; depth++) {
      const node = nodes.find((candidate) => isPlainObject(candidate) && candidate.value === path[depth]);
      if (node === undefined || (levels !== undefined && depth >= levels)) return { code: 'option' };
      nodes = Array.isArray((node as { children?: unknown }).children) ? ((node as { children: unknown[] }).children) : [];
    }
    const complete = nodes.length === 0 || (levels !== undefined && path.length >= levels);
    return complete ? undefined : { code: 'minItems', params: { min: levels ?? path.length + 1 } };
  };
};

/** Choices whose list depends on other answers: the first `optionsIf` case that holds decides. */
const dependentChoiceCheck = (field: FieldNode, options: FieldOptions): ValueCheck => {
  const cases = options.cases.map((entry) => ({ when: compileLogic(entry.when), allowed: new Set(leafValues(entry.list)) }));
  const fallback = new Set(options.base ? leafValues(options.base) : []);
  const multiple = field.type === 'multiselect';
  return (value, scope: Scope) => {
    let allowed = fallback;
    for (const entry of cases) {
      if (truthy(entry.when(scope))) {
        allowed = entry.allowed;
        break;
      }
    }
    const chosen = multiple ? (value as readonly unknown[]) : [value];
    return chosen.every((item) => allowed.has(item as string)) ? undefined : { code: 'option' };
  };
};

const autoIdCheck = (field: FieldNode): ValueCheck | undefined => {
  const parsed = typeof field.def.pattern === 'string' ? parseTemplate(field.def.pattern, { seq: true, field: false }) : undefined;
  if (parsed === undefined || !parsed.ok) return undefined;
  const matcher = templateMatcher(parsed.parts);
  return (value) => (matcher.test(value as string) ? undefined : { code: 'format', params: { format: 'autoId' } });
};

const chain = (checks: readonly (ValueCheck | undefined)[]): ValueCheck | undefined => {
  const present = checks.filter((check): check is ValueCheck => check !== undefined);
  if (present.length <= 1) return present[0];
  return (value, scope) => {
    for (const check of present) {
      const failure = check(value, scope);
      if (failure !== undefined) return failure;
    }
    return undefined;
  };
};

/** Everything that decides whether one answer is acceptable, compiled once for the field. */
export const buildFieldCheck = (
  field: FieldNode,
  options: FieldOptions | undefined,
  customFormats: Readonly<Record<string, (value: string) => boolean>>,
): ValueCheck | undefined => {
  const dependent = options !== undefined && options.cases.length > 0;
  const schema = fieldSchema(field, dependent ? undefined : options?.base);
  const base = schema === undefined ? undefined : ajvCheck(fieldValidator(schema), field);
  const format = typeof field.def.format === 'string' ? field.def.format : undefined;
  const custom = format !== undefined && Object.prototype.hasOwnProperty.call(customFormats, format) ? customFormats[format] : undefined;
  return chain([
    base,
    custom && ((value) => (custom(value as string) ? undefined : { code: 'format', params: { format: format as string } })),
    dependent ? dependentChoiceCheck(field, options) : undefined,
    field.type === 'cascader' ? cascaderCheck(field, options?.base) : undefined,
    field.type === 'file' ? fileCheck(field) : undefined,
    field.type === 'autoId' ? autoIdCheck(field) : undefined,
  ]);
};
