import { toHalfWidth } from './halfWidth';

// GB 32100-2015 code set: digits and capital letters without I, O, Z, S, V.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A unified social credit code (GB 32100-2015) in its standard form (upper case, no surrounding
 * spaces, half-width); undefined unless its 18 characters carry the right MOD 31 check character.
 */
export const normalizeCnUscc = (value: string): string | undefined => {
  if (value.length > 40) return undefined;
  const code = toHalfWidth(value).trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i] as string) * (WEIGHTS[i] as number);
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17] ? code : undefined;
};

/** True when validate accepts `value` as a unified social credit code (check character verified). */
export const isCnUscc = (value: string): boolean => typeof value === 'string' && normalizeCnUscc(value) !== undefined;
