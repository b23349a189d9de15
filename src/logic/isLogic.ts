/** JSON Logic's test for an operation: an object (not an array) with exactly one key. */
export const isOperation = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;

/** The operator and its arguments; a single non-array argument is wrapped, as json-logic-js does. */
export const splitOperation = (operation: Record<string, unknown>): [string, readonly unknown[]] => {
  const operator = Object.keys(operation)[0] as string;
  const raw = operation[operator];
  return [operator, Array.isArray(raw) ? raw : [raw]];
};
