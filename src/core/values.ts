/** Values of a form: field id -> answer. Group answers are arrays of row objects. */
export type FormValues = Record<string, unknown>;
