import type { LocalizedText } from './definitionTypes';

/** Locales formloom ships messages for; any other locale falls back to the form's default. */
export const BUILT_IN_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

/**
 * Picks the text for `locale`, then for `fallback`, then zh-TW <-> zh-CN (a Chinese reader is better
 * served by the other script than by English), then the first text given.
 */
export const localize = (text: LocalizedText | undefined, locale: string, fallback: string): string => {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const direct = pick(text, locale) ?? pick(text, fallback);
  if (direct !== undefined) return direct;
  if (locale.startsWith('zh')) {
    const chinese = pick(text, 'zh-CN') ?? pick(text, 'zh-TW') ?? pick(text, 'zh');
    if (chinese !== undefined) return chinese;
  }
  for (const key of Object.keys(text)) {
    const value = text[key];
    if (typeof value === 'string') return value;
  }
  return '';
};

const pick = (text: { readonly [locale: string]: string }, locale: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(text, locale) ? text[locale] : undefined;

/** Resolves a built-in locale for message catalogues: exact, then language, then `en`. */
export const builtInLocale = (locale: string): BuiltInLocale => {
  if ((BUILT_IN_LOCALES as readonly string[]).includes(locale)) return locale as BuiltInLocale;
  const lower = locale.toLowerCase();
  if (lower === 'zh-hk' || lower === 'zh-mo' || lower.startsWith('zh-hant')) return 'zh-TW';
  if (lower.startsWith('zh')) return 'zh-CN';
  return 'en';
};

/** Fills `{name}` placeholders from params; unknown placeholders stay as written. */
export const interpolate = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
