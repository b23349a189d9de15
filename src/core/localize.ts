import type { LocalizedText } from './definitionTypes';
import { hasOwn } from './reserved';

/** Locales formloom ships message catalogues for. */
export const BUILT_IN_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

/**
 * The catalogue a locale tag reads: exact, then by script and region (zh-HK, zh-MO and zh-Hant read
 * zh-TW; other Chinese tags zh-CN; every en-* tag en); undefined for a language formloom has no
 * catalogue for ('fr'). Case-insensitive, as BCP 47 tags are.
 */
export const catalogueLocale = (locale: string): BuiltInLocale | undefined => {
  if (locale === 'zh-CN' || locale === 'zh-TW' || locale === 'en') return locale;
  const lower = locale.toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) {
    return lower === 'zh-tw' || lower === 'zh-hk' || lower === 'zh-mo' || lower.startsWith('zh-hant') ? 'zh-TW' : 'zh-CN';
  }
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
};

/**
 * The text of `text` written in `locale`, or undefined when it has none. A plain string is written in
 * the form's default locale; a locale key matches exactly or by catalogue ('zh-Hans' is zh-CN text).
 */
export const textIn = (text: LocalizedText, locale: string, defaultLocale: string): string | undefined => {
  if (typeof text === 'string') {
    if (locale === defaultLocale) return text;
    const written = catalogueLocale(defaultLocale);
    return written !== undefined && written === catalogueLocale(locale) ? text : undefined;
  }
  if (hasOwn(text, locale)) return text[locale];
  const wanted = catalogueLocale(locale);
  if (wanted === undefined) return undefined;
  for (const key in text) {
    if (hasOwn(text, key) && catalogueLocale(key) === wanted) return text[key];
  }
  return undefined;
};

/**
 * Text to show on its own (a label, a title): the requested locale, then the form's default, then
 * the other Chinese script for a Chinese reader (better served by it than by English), then any.
 */
export const localize = (text: LocalizedText | undefined, locale: string, defaultLocale: string): string => {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const found = textIn(text, locale, defaultLocale) ?? textIn(text, defaultLocale, defaultLocale);
  if (found !== undefined) return found;
  const wanted = catalogueLocale(locale);
  if (wanted === 'zh-CN' || wanted === 'zh-TW') {
    const other = textIn(text, wanted === 'zh-CN' ? 'zh-TW' : 'zh-CN', defaultLocale);
    if (other !== undefined) return other;
  }
  for (const key in text) if (hasOwn(text, key) && typeof text[key] === 'string') return text[key] as string;
  return '';
};

/**
 * The languages a message may be written in, in order: the requested locale's catalogue, the form's
 * default locale, then en, zh-CN, zh-TW. A message takes the first in which its template and every
 * text it names exist, so that it never mixes languages.
 */
export const messageLocales = (requested: string, defaultLocale: string): readonly BuiltInLocale[] => {
  const order: BuiltInLocale[] = [];
  for (const locale of [catalogueLocale(requested), catalogueLocale(defaultLocale), 'en', 'zh-CN', 'zh-TW'] as const) {
    if (locale !== undefined && !order.includes(locale)) order.push(locale);
  }
  return order;
};

/** Fills `{name}` placeholders from params; unknown placeholders stay as written. */
export const interpolate = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    hasOwn(params, name) && params[name] !== undefined ? String(params[name]) : whole,
  );
