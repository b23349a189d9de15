/*
 * HMAC-SHA-256 (FIPS 180-4, RFC 2104), synchronous and in plain TypeScript. Web Crypto has it, but
 * only behind a Promise (which would make drawing from an array async) and on Node 18 only behind a
 * flag. It is cryptographic on purpose: staff who learnt which files were drawn must not be able to
 * work out the seed, and so the next draws, as they could from a plain hash like FNV.
 */

const K = /* @__PURE__ */ new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = /* @__PURE__ */ new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const BLOCK = 64;

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** Folds the 64-byte block of `data` at `offset` into `state`. `w` is scratch space of 64 words. */
const compress = (state: Uint32Array, data: Uint8Array, offset: number, w: Uint32Array): void => {
  for (let i = 0; i < 16; i++) {
    const at = offset + i * 4;
    w[i] = ((data[at] as number) << 24) | ((data[at + 1] as number) << 16) | ((data[at + 2] as number) << 8) | (data[at + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let [a, b, c, d, e, f, g, h] = state as unknown as [number, number, number, number, number, number, number, number];
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] as number) + a;
  state[1] = (state[1] as number) + b;
  state[2] = (state[2] as number) + c;
  state[3] = (state[3] as number) + d;
  state[4] = (state[4] as number) + e;
  state[5] = (state[5] as number) + f;
  state[6] = (state[6] as number) + g;
  state[7] = (state[7] as number) + h;
};

/** Scratch space of one key's hashing, allocated once: a draw hashes every record. */
interface Scratch {
  readonly w: Uint32Array;
  readonly tail: Uint8Array;
  readonly tailView: DataView;
}

const newScratch = (): Scratch => {
  const tail = new Uint8Array(2 * BLOCK);
  return { w: new Uint32Array(64), tail, tailView: new DataView(tail.buffer) };
};

/**
 * SHA-256 of the first `length` bytes of `data`, continued from `start` (which has already
 * absorbed `prefix` bytes, whole blocks), into `state`.
 */
const digestFrom = (start: Uint32Array, prefix: number, data: Uint8Array, length: number, state: Uint32Array, scratch: Scratch): void => {
  state.set(start);
  const whole = length - (length % BLOCK);
  for (let offset = 0; offset < whole; offset += BLOCK) compress(state, data, offset, scratch.w);
  // The rest, the 0x80 marker and the length in bits, big-endian, in one or two final blocks.
  const rest = length - whole;
  const size = rest + 9 <= BLOCK ? BLOCK : 2 * BLOCK;
  const { tail, tailView } = scratch;
  tail.fill(0, 0, size);
  tail.set(data.subarray(whole, length));
  tail[rest] = 0x80;
  const bytes = prefix + length;
  tailView.setUint32(size - 8, Math.floor(bytes / 0x20000000));
  tailView.setUint32(size - 4, (bytes * 8) >>> 0);
  for (let offset = 0; offset < size; offset += BLOCK) compress(state, tail, offset, scratch.w);
};

const writeWords = (words: Uint32Array, into: Uint8Array): void => {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as number;
    into[i * 4] = word >>> 24;
    into[i * 4 + 1] = word >>> 16;
    into[i * 4 + 2] = word >>> 8;
    into[i * 4 + 3] = word;
  }
};

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * HMAC-SHA-256 under a fixed key, with the key's inner and outer blocks folded once: each message
 * then costs two or three compressions. Text is UTF-8 (a lone surrogate becomes U+FFFD, as in
 * every standard encoder). Returns the 32-byte MAC as eight big-endian words, in a new array.
 */
export const hmacSha256 = (key: string): ((message: string) => Uint32Array) => {
  const scratch = newScratch();
  let keyBytes: Uint8Array = encoder.encode(key);
  if (keyBytes.length > BLOCK) {
    const digest = new Uint32Array(8);
    digestFrom(INITIAL, 0, keyBytes, keyBytes.length, digest, scratch);
    keyBytes = new Uint8Array(32);
    writeWords(digest, keyBytes);
  }
  const pad = (byte: number): Uint32Array => {
    const block = new Uint8Array(BLOCK).fill(byte);
    keyBytes.forEach((value, index) => (block[index] = value ^ byte));
    const state = INITIAL.slice();
    compress(state, block, 0, scratch.w);
    return state;
  };
  const inner = pad(0x36);
  const outer = pad(0x5c);
  const innerDigest = new Uint32Array(8);
  const innerBytes = new Uint8Array(32);
  // UTF-8 takes at most three bytes per UTF-16 code unit.
  let text = new Uint8Array(256);
  return (message) => {
    if (text.length < message.length * 3) text = new Uint8Array(message.length * 3);
    const { written } = encoder.encodeInto(message, text);
    digestFrom(inner, BLOCK, text, written, innerDigest, scratch);
    writeWords(innerDigest, innerBytes);
    const mac = new Uint32Array(8);
    digestFrom(outer, BLOCK, innerBytes, 32, mac, scratch);
    return mac;
  };
};

/** Lowercase hex of big-endian words. */
export const hexOf = (words: Uint32Array): string => Array.from(words, (word) => word.toString(16).padStart(8, '0')).join('');
