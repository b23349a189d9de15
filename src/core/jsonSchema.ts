/**
 * A JSON Schema (draft-07) object, as the definition schema is assembled from its parts. The helpers
 * are function declarations marked free of side effects (a bundle keeps the annotation on functions,
 * not on arrow functions turned into `var`), so that a bundle which never uses the schema drops it.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A reference to one of the definition schema's shared `definitions`. */
/* @__NO_SIDE_EFFECTS__ */
export function ref(name: string, description?: string): JsonSchema {
  return description === undefined ? { $ref: `#/definitions/${name}` } : { $ref: `#/definitions/${name}`, description };
}

/** A non-negative integer: lengths and counts. */
/* @__NO_SIDE_EFFECTS__ */
export function count(description: string): JsonSchema {
  return { type: 'integer', minimum: 0, description };
}
