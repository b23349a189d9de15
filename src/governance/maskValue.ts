import type { MaskKind } from '../core/definitionTypes';
import { normalizeCnMobile } from '../formats/cnMobile';

const STAR = '*';

/** Code points, so that a character outside the BMP is masked whole, never split into half a surrogate pair. */
const points = (text: string): string[] => Array.from(text);
const stars = (count: number): string => STAR.repeat(Math.max(0, count));

/** Keeps `head` code points and `tail` code points, masking what lies between (all of it when too short). */
const keepEnds = (text: string, head: number, tail: number): string => {
  const chars = points(text);
  if (chars.length <= head + tail) return stars(chars.length);
  return chars.slice(0, head).join('') + stars(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
};

// The end of the part of an address that is not personal: down to the district (区, 县, 旗), else the
// city (市), else the province (省, 自治区).
const DISTRICT = /^.{0,20}?(区|县|旗)/u;
const CITY = /^.{0,14}?市/u;
const PROVINCE = /^.{0,10}?(省|自治区)/u;

const maskAddress = (text: string): string => {
  const prefix = DISTRICT.exec(text)?.[0] ?? CITY.exec(text)?.[0] ?? PROVINCE.exec(text)?.[0];
  if (prefix === undefined || prefix === text) return keepEnds(text, 1, 0);
  return prefix + stars(points(text).length - points(prefix).length);
};

const maskEmail = (text: string): string => {
  const at = text.lastIndexOf('@');
  if (at <= 0) return keepEnds(text, 1, 0);
  return `${points(text.slice(0, at))[0] ?? ''}***${text.slice(at)}`;
};

const maskPhone = (text: string): string => {
  const mobile = normalizeCnMobile(text);
  const digits = mobile ?? text.replace(/[\s\-()+.]/g, '');
  return points(digits).length >= 8 ? keepEnds(digits, 3, 4) : stars(points(digits).length);
};

const maskBankCard = (text: string): string => {
  const digits = text.replace(/[\s-]/g, '');
  return keepEnds(digits, 0, 4);
};

const maskName = (text: string): string => {
  const chars = points(text.trim());
  if (chars.length === 0) return '';
  // A one-character name would be shown whole by "keep the first": hide it.
  if (chars.length === 1) return STAR;
  // Latin names keep their spaces, so the shape of the name (given name, family name) stays readable.
  return (chars[0] as string) + chars.slice(1).map((char) => (/\s/u.test(char) ? char : STAR)).join('');
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
  if (kind === 'none' || value === null || value === undefined) return value;
  if (typeof value === 'string') return value === '' ? value : maskText(value, kind);
  if (typeof value === 'number' || typeof value === 'bigint') return maskText(String(value), kind);
  if (typeof value === 'boolean') return kind === 'full' ? stars(1) : value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' || typeof item === 'number' ? maskValue(item, kind) : null));
  return null;
};
