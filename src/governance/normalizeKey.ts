import { FormUsageError } from '../core/issues';
import { normalizeCnMobile } from '../formats/cnMobile';
import { toHalfWidth } from '../formats/halfWidth';

import { DEDUP_NORMALIZERS as NORMALIZERS, type DedupNormalizer as Normalizer } from '../core/definitionTypes';

export type { Normalizer };

// Legal-form suffixes that do not tell two companies apart ("某某科技有限公司" = "某某科技"). Chinese ones
// end the name wherever they are; Latin ones only as whole words ("Cost Co." is Cost, "Costco" stays
// Costco).
const CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '集团公司', '集团', '公司'];
const LATIN_SUFFIXES = new Set(['corporation', 'company', 'limited', 'corp', 'inc', 'ltd', 'llc', 'co', 'plc', 'gmbh']);
// White space and punctuation, Chinese and ASCII: "某某科技（深圳）有限公司" and "某某科技 深圳 有限公司" are one.
const SEPARATORS = /[\s\p{P}\p{S}]+/u;

const companyName = (text: string): string => {
  const words = toHalfWidth(text).toLowerCase().split(SEPARATORS).filter((word) => word !== '');
  while (words.length > 1 && LATIN_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  let name = words.join('');
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of CJK_SUFFIXES) {
      if (name.length > suffix.length && name.endsWith(suffix)) {
        name = name.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return name;
};

const NORMALIZE: { readonly [N in Normalizer]: (text: string) => string } = {
  // A mobile as customers type it (+86, spaces, dashes, full width) becomes its 11 digits; any other
  // number keeps its digits, so that two spellings of the same landline still meet.
  'cn-mobile': (text) => {
    const digits = toHalfWidth(text).replace(/\D/g, '');
    // Tried on the digits as well, so that normalising a key twice changes nothing.
    return normalizeCnMobile(text) ?? normalizeCnMobile(digits) ?? digits;
  },
  trim: (text) => text.trim(),
  lowercase: (text) => text.toLowerCase(),
  width: toHalfWidth,
  'company-name': companyName,
  email: (text) => toHalfWidth(text).trim().toLowerCase(),
  digits: (text) => toHalfWidth(text).replace(/\D/g, ''),
};

/**
 * A value as a dedup key compares it: text (numbers as their digits) run through `normalizers` in
 * order. Returns '' for nothing, an empty text, or anything that is not text or a number.
 */
export const normalizeKey = (value: unknown, normalizers: readonly string[] = []): string => {
  if (!Array.isArray(normalizers)) throw new FormUsageError('bad-argument', `normalizeKey: \`normalizers\` is a list of normaliser names (${NORMALIZERS.join(', ')})`);
  let text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  for (const name of normalizers) {
    if (!(NORMALIZERS as readonly unknown[]).includes(name)) {
      throw new FormUsageError('bad-argument', `unknown normalizer${typeof name === 'string' ? ` '${name}'` : ''} (normalizers: ${NORMALIZERS.join(', ')})`);
    }
    text = NORMALIZE[name as Normalizer](text);
  }
  return text;
};
