import { stringLiteral, UNSAFE_TEXT, unicodeEscape } from '../fields/typeLiteral';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name: bare when it is an identifier (field ids are), quoted otherwise. */
export const propertyKey = (name: string): string => (IDENTIFIER.test(name) ? name : stringLiteral(name));

/**
 * Definition text for a comment (block or line): on one line, controls and bidi characters escaped
 * (see typeLiteral.ts), `*\/` broken so that the comment cannot end early, `@` written as an entity
 * so that a label cannot add a JSDoc tag (`@deprecated`, `{@link}`); editors render it as `@`.
 */
export const commentText = (text: string): string =>
  text
    .replace(/\r\n|[\t\n\r\u2028\u2029]/g, ' ')
    .replace(UNSAFE_TEXT, unicodeEscape)
    .replace(/\*\//g, '*\\/')
    .replace(/@/g, '&#64;');
