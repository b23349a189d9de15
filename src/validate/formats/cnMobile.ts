/** Mainland China mobile number: 11 digits, starting 1 then 3-9 (no +86, spaces or dashes). */
export const isCnMobile = (value: string): boolean => /^1[3-9]\d{9}$/.test(value);
