import type { ErrorCode, IssueParams, ValidationIssue } from '../core/issues';
import { builtInLocale, interpolate, localize } from '../core/localize';
import { VALIDATION_MESSAGES } from '../messages/validationMessages';
import type { RuntimeField } from './runtimeTypes';

const ROW_LABEL: Readonly<Record<string, string>> = {
  'zh-CN': '{group}第{n}条的{label}',
  'zh-TW': '{group}第{n}筆的{label}',
  en: '{label} in {group} #{n}',
};

/**
 * Makes a validation issue: the field's own message for the code if the definition gives one, else
 * the catalogue's. The label names the field (and the row, inside a group) so the person knows
 * exactly what to fix; the submitted value is never interpolated.
 */
// Outside groups a field's message depends only on locale, code and format (its limits are fixed at
// compile time), so it is built once and reused: a form full of mistakes stays cheap to validate.
const memo = new WeakMap<RuntimeField, Map<string, string>>();

export const makeIssue = (
  path: string,
  code: ErrorCode,
  params: IssueParams | undefined,
  field: RuntimeField | undefined,
  locale: string,
  fallbackLocale: string,
  rowIndex?: number,
): ValidationIssue => {
  if (field !== undefined && field.group === undefined) {
    let messages = memo.get(field);
    if (messages === undefined) memo.set(field, (messages = new Map()));
    const key = `${locale}\u0000${code}\u0000${params?.format ?? ''}`;
    let message = messages.get(key);
    if (message === undefined) messages.set(key, (message = buildMessage(code, params, field, locale, fallbackLocale, undefined)));
    return params === undefined ? { path, code, message } : { path, code, message, params };
  }
  const message = buildMessage(code, params, field, locale, fallbackLocale, rowIndex);
  return params === undefined ? { path, code, message } : { path, code, message, params };
};

const buildMessage = (
  code: ErrorCode,
  params: IssueParams | undefined,
  field: RuntimeField | undefined,
  locale: string,
  fallbackLocale: string,
  rowIndex: number | undefined,
): string => {
  const catalogue = VALIDATION_MESSAGES[builtInLocale(locale)];
  const override = field?.messages?.[code];
  const format = code === 'format' && params !== undefined ? String(params.format) : undefined;
  const template = override !== undefined
    ? localize(override, locale, fallbackLocale)
    : (format !== undefined ? catalogue.formats[format] : undefined) ?? catalogue[code];
  let label = field === undefined ? '' : localize(field.label, locale, fallbackLocale);
  if (field?.group !== undefined && rowIndex !== undefined) {
    label = interpolate(ROW_LABEL[builtInLocale(locale)] as string, {
      group: localize(field.group.label, locale, fallbackLocale), n: rowIndex + 1, label,
    });
  }
  return interpolate(template, { ...params, label });
};
