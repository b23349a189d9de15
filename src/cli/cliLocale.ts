import { catalogueLocale, type BuiltInLocale } from '../core/localize';
import { isLocaleTag } from '../form/readOptions';
import { UsageError } from './io';

/**
 * The language of a command's messages: `--locale`, else FORMLOOM_LOCALE, else English (a CI log
 * read by anyone). A tag reading a built-in catalogue is accepted (zh-HK reads zh-TW, en-GB en);
 * anything else is a usage error rather than a silent fall back to English. The error does not
 * repeat the value.
 */
export const cliLocale = (given: string | undefined, env: Readonly<Record<string, string | undefined>>): BuiltInLocale => {
  const fromEnv = env.FORMLOOM_LOCALE;
  const [value, source] = given !== undefined ? [given, '--locale'] : fromEnv !== undefined && fromEnv !== '' ? [fromEnv, 'FORMLOOM_LOCALE'] : ['en', ''];
  const locale = isLocaleTag(value) ? catalogueLocale(value) : undefined;
  if (locale === undefined) throw new UsageError(`${source} must be zh-CN, zh-TW or en (or a tag that reads one of them, such as zh-HK or en-GB)`);
  return locale;
};
