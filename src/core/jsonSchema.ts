/** A JSON Schema (draft-07) object, as the definition schema is assembled from its parts. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A reference to one of the definition schema's shared `definitions`. */
export const ref = (name: string, description?: string): JsonSchema =>
  description === undefined ? { $ref: `#/definitions/${name}` } : { $ref: `#/definitions/${name}`, description };

/** A non-negative integer: lengths and counts. */
export const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
