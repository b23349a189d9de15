import type { MaskKind } from '../core/definitionTypes';
import { FormUsageError } from '../core/issues';
import { normalizeCnMobile } from '../formats/cnMobile';

const STAR = '*';
const MASK_KINDS: readonly MaskKind[] = ['phone', 'email', 'name', 'id-card', 'uscc', 'address', 'bank-card', 'other', 'full', 'none'];

/** Code points, so that a character outside the BMP is masked whole, never split into half a surrogate pair. */
const points = (text: string): string[] => Array.from(text);
const stars = (count: number): string => STAR.repeat(Math.max(0, count));

// Most texts have no character outside the BMP: their code units are their code points, and slicing
// them needs no array (exports mask millions of cells).
const SURROGATE = /[\uD800-\uDFFF]/;

/** Keeps `head` code points and `tail` code points, masking what lies between (all of it when too short). */
const keepEnds = (text: string, head: number, tail: number): string => {
  if (!SURROGATE.test(text)) {
    if (text.length <= head + tail) return stars(text.length);
    return text.slice(0, head) + stars(text.length - head - tail) + (tail === 0 ? '' : text.slice(text.length - tail));
  }
  const chars = points(text);
  if (chars.length <= head + tail) return stars(chars.length);
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
};

// An address keeps its administrative divisions (广东省 深圳市 南山区) and hides the rest. A division is
// a few Han characters ending in one of these; a street, a number or a building is never one, so
// 菜市场 in "张江路100号菜市场" or 市民 in "人民路12号市民中心" cannot pass for a city.
const DIVISION_ENDS = ['特别行政区', '自治区', '自治州', '自治县', '省', '市', '区', '县', '旗', '州', '盟'];
const NOT_A_DIVISION = /[路街道巷弄里号村组栋幢楼室门院座层\d]/u;
const HAN = /^\p{Script=Han}+$/u;
const MAX_DIVISION = 9;

/** Code points of the divisions an address starts with (at most four: province, city, district, county). */
const divisionsLength = (chars: readonly string[]): number => {
  let kept = 0;
  for (let count = 0; count < 4; count++) {
    let end = 0;
    for (let length = 2; length <= MAX_DIVISION && kept + length <= chars.length && end === 0; length++) {
      const part = chars.slice(kept, kept + length).join('');
      if (!HAN.test(part) || NOT_A_DIVISION.test(part)) break;
      if (DIVISION_ENDS.some((suffix) => part.endsWith(suffix))) end = length;
    }
    if (end === 0) break;
    kept += end;
  }
  return kept;
};

const maskAddress = (text: string): string => {
  const chars = points(text);
  const kept = divisionsLength(chars);
  if (kept === 0 || kept === chars.length) return keepEnds(text, 1, 0);
  return chars.slice(0, kept).join('') + stars(chars.length - kept);
};

const maskEmail = (text: string): string => {
  const at = text.lastIndexOf('@');
  if (at <= 0) return keepEnds(text, 1, 0);
  return `${String.fromCodePoint(text.codePointAt(0) as number)}***${text.slice(at)}`;
};

const PLAIN_MOBILE = /^1[3-9]\d{9}$/;
const maskPhone = (text: string): string => {
  // A stored mobile is already its 11 digits: no need to normalise it again.
  const mobile = PLAIN_MOBILE.test(text) ? text : normalizeCnMobile(text);
  if (mobile !== undefined) return keepEnds(mobile, 3, 4);
  // A landline or a foreign number: at most the last four, never more than half of it.
  const digits = points(text.replace(/[\s\-()+.]/g, ''));
  return keepEnds(digits.join(''), 0, Math.min(4, Math.floor(digits.length / 2)));
};

const maskBankCard = (text: string): string => {
  const digits = text.replace(/[\s-]/g, '');
  return keepEnds(digits, 0, 4);
};

const WHITE = /\s/u;
const maskName = (text: string): string => {
  const name = text.trim();
  if (!SURROGATE.test(name) && !WHITE.test(name)) return name.length === 0 ? '' : name.length === 1 ? STAR : name[0] + stars(name.length - 1);
  const chars = points(name);
  if (chars.length === 0) return '';
  // A one-character name would be shown whole by "keep the first": hide it.
  if (chars.length === 1) return STAR;
  // Latin names keep their spaces, so the shape of the name (given name, family name) stays readable.
  return (chars[0] as string) + chars.slice(1).map((char) => (WHITE.test(char) ? char : STAR)).join('');
};

/** Masks one text the way `kind` says: see maskValue. */
const maskText = (text: string, kind: MaskKind): string => {
  switch (kind) {
    case 'none': return text;
    case 'phone': return maskPhone(text);
    case 'email': return maskEmail(text);
    case 'name': return maskName(text);
    // Region code (6) and the last 4 kept, the birth date and sequence hidden: 110105********002X.
    case 'id-card': return keepEnds(text.trim(), 6, 4);
    case 'uscc': return keepEnds(text.trim(), 2, 4);
    case 'bank-card': return maskBankCard(text);
    case 'address': return maskAddress(text);
    case 'other': return keepEnds(text, 1, 0);
    case 'full': return stars(Math.min(8, Math.max(1, points(text).length)));
  }
};

/**
 * Masks a value for showing to someone who may not see it (R19):
 * - phone `13812345678` -> `138****5678` (+86, spaces and dashes removed first);
 * - email `zhang.wei@example.com` -> `z***@example.com`;
 * - name `张伟` -> `张*`, `欧阳修` -> `欧**`;
 * - id-card `11010519491231002X` -> `110105********002X` (same length; region code and last 4 kept, birth date hidden);
 * - uscc: first 2 and last 4 kept; bank-card: last 4 kept;
 * - address: kept down to the district (`上海市浦东新区******`); other: all but the first character;
 * - full: stars only; none: unchanged.
 * Works by code point (a rare character outside the BMP is masked whole). Lists are masked item by
 * item, numbers as their text; anything else (an object, a file list) becomes `null` unless `none`.
 */
export const maskValue = (value: unknown, kind: MaskKind): unknown => {
  if (!(MASK_KINDS as readonly unknown[]).includes(kind)) {
    throw new FormUsageError('bad-argument', `maskValue: unknown mask kind (kinds: ${MASK_KINDS.join(', ')})`);
  }
  return maskChecked(value, kind);
};

/** maskValue for a kind the compiled form has checked already (the export's hot path). */
export const maskChecked = (value: unknown, kind: MaskKind): unknown => {
  if (kind === 'none' || value === null || value === undefined) return value;
  if (typeof value === 'string') return value === '' ? value : maskText(value, kind);
  if (typeof value === 'number' || typeof value === 'bigint') return maskText(String(value), kind);
  // A yes/no about a person (has a criminal record, is pregnant) is as personal as a name.
  if (typeof value === 'boolean') return STAR;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' || typeof item === 'number' ? maskChecked(item, kind) : null));
  return null;
};
