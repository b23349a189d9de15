/**
 * A string as a JavaScript string literal: JSON's escaping, plus U+2028 and U+2029, which JSON leaves
 * bare and which end a line (and so a comment) in JavaScript source. Every definition string that
 * enters generated code goes through here.
 */
export const jsString = (value: string): string => JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
