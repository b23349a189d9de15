import { ERROR_CODES, FormUsageError, type DefinitionIssue, type DefinitionParams, type DefinitionWarning, type ErrorCode, type IssueSubject, type ValidationIssue } from '../core/issues';
import { catalogueLocale, interpolate, messageLocales, textIn, type BuiltInLocale } from '../core/localize';
import type { LocalizedText } from '../core/definitionTypes';
import { hasOwn } from '../core/reserved';
import { DEFINITION_MESSAGES, definitionMessageKey } from './definitionMessages';
import { VALIDATION_MESSAGES } from './validationMessages';

const ERROR_CODE_SET: ReadonlySet<string> = /* @__PURE__ */ new Set<string>(ERROR_CODES);

const textOf = (text: LocalizedText | undefined, locale: BuiltInLocale, defaultLocale: string): string => {
  if (text === undefined) return '';
  return textIn(text, locale, defaultLocale) ?? textIn(text, defaultLocale, defaultLocale) ??
    (typeof text === 'string' ? text : Object.values(text)[0] ?? '');
};

/**
 * A validation message in one language: the template and every text it names (label, group label,
 * the definition's own message) come from the same locale, the first of `messageLocales` in which
 * all of them exist. Placeholders are filled from params and labels only, never from the value.
 */
export const validationMessage = (
  path: string,
  code: ErrorCode,
  params: Readonly<Record<string, unknown>> | undefined,
  subject: IssueSubject | undefined,
  requested: string,
): string => {
  const defaultLocale = subject?.defaultLocale ?? requested;
  const locales = messageLocales(requested, defaultLocale);
  const format = code === 'format' && params !== undefined ? String(params.format) : undefined;
  const templateIn = (locale: BuiltInLocale): string | undefined => {
    if (subject?.text !== undefined) return textIn(subject.text, locale, defaultLocale);
    const catalogue = VALIDATION_MESSAGES[locale];
    if (path === '' && code === 'type') return catalogue.root;
    return (format !== undefined && hasOwn(catalogue.formats, format) ? catalogue.formats[format] : undefined) ?? catalogue[code];
  };
  const fits = (locale: BuiltInLocale, template: string): boolean =>
    !template.includes('{label}') || subject?.label === undefined ||
    (textIn(subject.label, locale, defaultLocale) !== undefined && (subject.group === undefined || textIn(subject.group, locale, defaultLocale) !== undefined));
  let locale = locales[0] ?? 'en';
  let template: string | undefined;
  for (const candidate of locales) {
    const found = templateIn(candidate);
    if (found !== undefined && fits(candidate, found)) {
      locale = candidate;
      template = found;
      break;
    }
  }
  // Nothing fits whole (a label written only in Japanese): the first language, each text at its best.
  template ??= templateIn(locale) ?? (subject?.text !== undefined ? textOf(subject.text, locale, defaultLocale) : VALIDATION_MESSAGES[locale][code]);
  let label = textOf(subject?.label, locale, defaultLocale);
  if (subject?.group !== undefined && subject.row !== undefined) {
    label = interpolate(VALIDATION_MESSAGES[locale].row, { group: textOf(subject.group, locale, defaultLocale), n: subject.row + 1, label });
  }
  const what = code === 'forbiddenData' && params !== undefined && hasOwn(VALIDATION_MESSAGES[locale].data, String(params.kind))
    ? VALIDATION_MESSAGES[locale].data[String(params.kind)]
    : undefined;
  return interpolate(template, { ...params, label, ...(what === undefined ? {} : { what }) });
};

/** A definition issue or warning message in a built-in locale, with "did you mean" when there is a suggestion. */
export const definitionMessage = (code: string, reason: string | undefined, params: DefinitionParams, requested: string): string => {
  const catalogue = DEFINITION_MESSAGES[catalogueLocale(requested) ?? 'en'];
  const key = definitionMessageKey(code, reason) ?? definitionMessageKey(code, undefined);
  if (key === undefined) return code;
  const unit = typeof params.unit === 'string' ? definitionMessageKey('unit', params.unit) : undefined;
  const hint = params.suggestion === undefined ? '' : interpolate(catalogue.hint, params);
  // A variant's issue found in what it took from a base says where in that base it is.
  const inBase = typeof params.basePath === 'string' ? interpolate(catalogue['in-base'], params) : '';
  return interpolate(catalogue[key], { ...params, ...(unit === undefined ? {} : { unit: catalogue[unit] }), hint }) + inBase;
};

/**
 * Writes an issue's message in `locale` — at display time, without validating again: a session that
 * switches language re-formats the issues it holds. Validation issues use the labels they carry
 * (`subject`); definition issues and warnings their code, reason and params. The locale fallback
 * chain is documented in README ("Messages and languages").
 */
export const formatIssue = (issue: ValidationIssue | DefinitionIssue | DefinitionWarning, locale: string): string => {
  if (typeof locale !== 'string') throw new FormUsageError('bad-argument', 'formatIssue: `locale` must be a language tag such as zh-CN or en');
  if (typeof issue !== 'object' || issue === null || typeof issue.code !== 'string') throw new FormUsageError('bad-argument', 'formatIssue: `issue` must be an issue ({ code, path, … }) from validate or compileForm');
  if (ERROR_CODE_SET.has(issue.code)) {
    const validation = issue as ValidationIssue;
    return validationMessage(validation.path, validation.code, validation.params, validation.subject, locale);
  }
  const definition = issue as DefinitionIssue<string>;
  return definitionMessage(definition.code, definition.reason, definition.params ?? {}, locale);
};
