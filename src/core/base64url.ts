const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX: ReadonlyMap<number, number> = /* @__PURE__ */ new Map([...ALPHABET].map((char, index) => [char.charCodeAt(0), index]));

/** Base64url without padding. Written out because `Buffer` is Node-only and `btoa` wants a binary string. */
export const toBase64url = (bytes: Uint8Array): string => {
  let text = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      text += ALPHABET[(value >> bits) & 63];
    }
  }
  if (bits > 0) text += ALPHABET[(value << (6 - bits)) & 63];
  return text;
};

/**
 * The bytes of base64url without padding, or undefined for anything else. Strict: one spelling per
 * byte string (no padding, no white space, unused trailing bits zero), so a sealed value cannot be
 * altered without changing what it decodes to.
 */
export const fromBase64url = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = INDEX.get(text.charCodeAt(i));
    if (digit === undefined) return undefined;
    value = ((value << 6) | digit) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return (value & ((1 << bits) - 1)) === 0 ? bytes : undefined;
};
