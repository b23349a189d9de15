import { normalizeCnIdCard } from './cnIdCard';
import { normalizeCnMobile } from './cnMobile';
import { normalizeCnUscc } from './cnUscc';
import { isEmail } from './email';
import { normalizeIntlPhone } from './intlPhone';
import { isHttpUrl } from './url';

/**
 * A text format: the value as formloom keeps it (normalised: `+86 138-1234-5678` becomes
 * `13812345678`), or undefined when the text is not in the format.
 */
export type FormatCheck = (value: string) => string | undefined;

export type TextFormat = 'cn-mobile' | 'intl-phone' | 'email' | 'cn-id-card' | 'cn-uscc' | 'url';

const unchanged = (test: (value: string) => boolean): FormatCheck => (value) => (test(value) ? value : undefined);

/** The built-in text formats, by the name a definition's `format` gives. */
export const TEXT_FORMATS: { readonly [F in TextFormat]: FormatCheck } = {
  'cn-mobile': normalizeCnMobile,
  'intl-phone': normalizeIntlPhone,
  email: /* @__PURE__ */ unchanged(isEmail),
  'cn-id-card': normalizeCnIdCard,
  'cn-uscc': normalizeCnUscc,
  url: /* @__PURE__ */ unchanged(isHttpUrl),
};

export const TEXT_FORMAT_NAMES = /* @__PURE__ */ Object.keys(TEXT_FORMATS) as readonly TextFormat[];

/** Names authors reach for, mapped to the built-in format they meant. */
export const FORMAT_ALIASES: ReadonlyMap<string, TextFormat> = /* @__PURE__ */ new Map<string, TextFormat>([
  ['cn-phone', 'cn-mobile'], ['phone', 'cn-mobile'], ['mobile', 'cn-mobile'], ['china-mobile', 'cn-mobile'], ['cn-mobile-phone', 'cn-mobile'],
  ['id-card', 'cn-id-card'], ['idcard', 'cn-id-card'], ['cn-id', 'cn-id-card'], ['uscc', 'cn-uscc'], ['credit-code', 'cn-uscc'],
  ['intl-mobile', 'intl-phone'], ['international-phone', 'intl-phone'], ['e164', 'intl-phone'], ['phone-intl', 'intl-phone'],
  ['e-mail', 'email'], ['mail', 'email'], ['uri', 'url'], ['link', 'url'], ['website', 'url'],
]);
