/** JSON Logic truthiness: like JavaScript, except that an empty array is false. */
export const truthy = (value: unknown): boolean => (Array.isArray(value) && value.length === 0 ? false : !!value);
