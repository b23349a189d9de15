import type { Failure } from '../core/issues';

/** Length in code points, as JSON Schema counts it: an emoji or a rare CJK character is one. */
export const codePointLength = (text: string): number => {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
};

/** The failure of an answer of the wrong type; one object per field, made once. */
export const typeFailure = (expected: string): Failure => ({ code: 'type', params: { expected } });

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Copies an array element by element (each read once), so that later reads see the same values. */
/** A copy of the first `length` items; `length` is read once by the caller, so a Proxy cannot show the check one size and the copy another. */
export const copyArray = (value: readonly unknown[], length = value.length): unknown[] => {
  const copy = new Array<unknown>(length);
  for (let i = 0; i < length; i++) copy[i] = value[i];
  return copy;
};

export const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);
export const numberOrUndefined = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
