import { canGenerateCode } from './codeGeneration';
import { hasOwn } from './reserved';
import { jsString } from './jsString';

/** Copies the own properties of `source` named by the shape's keys, in the shape's order. */
export type ShapeCopy = (source: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * A copier for objects whose keys are known in advance (a form's field ids, a snapshot's paths).
 * Copying a large object key by key, or by spread, leaves V8 a dictionary-mode object: about 100 ns
 * a key, 20 µs for a 200-field form on each keystroke. A constructor written for the keys (generated
 * once per shape) makes fast-mode objects instead, copied in about 1 µs. Where code generation is
 * refused the plain loop is used: same result, slower. Sources are objects formloom made (plain, their
 * prototype Object.prototype, whose members no id may be named): a value found is an own one, and
 * `undefined` is checked for ownership.
 */
/**
 * The body of a factory `(has) => Shape` for the keys: compiled at run time here, or written into a
 * module by `formloom build` so that a page without eval gets the same constructor.
 */
export const shapeSource = (keys: readonly string[]): string => {
  const body = keys.map((key) => { const k = jsString(key); return `v = p[${k}]; if (v !== undefined || has(p, ${k})) this[${k}] = v;`; }).join('\n');
  return `"use strict"; return function Shape(p) {\nlet v;\n${body}\n};`;
};

type ShapeConstructor = { new (source: Readonly<Record<string, unknown>>): Record<string, unknown>; prototype: object };

/** `prebuilt`: the factory of shapeSource(keys) as code (from a built module); else compiled here if allowed. */
export const fixedShape = (keys: readonly string[], prebuilt?: (has: unknown) => unknown): ShapeCopy => {
  const factory = prebuilt ?? (canGenerateCode() ? safely(() => new Function('has', shapeSource(keys)) as (has: unknown) => unknown) : undefined);
  const Shape = factory === undefined ? undefined : safely(() => factory(hasOwn) as ShapeConstructor);
  if (typeof Shape === 'function') {
    // Plain objects, as a spread would make: Object.prototype, not Shape.prototype.
    Shape.prototype = Object.prototype;
    return (source) => new Shape(source);
  }
  return (source) => {
    const copy: Record<string, unknown> = {};
    for (const key of keys) if (hasOwn(source, key)) copy[key] = source[key];
    return copy;
  };
};

const safely = <T>(make: () => T): T | undefined => {
  try {
    return make();
  } catch {
    return undefined;
  }
};
