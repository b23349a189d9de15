/**
 * A 200-field form: the intake example's sections repeated ten times (field ids suffixed, every
 * condition rewritten to read its own copy), the shape of a large CRM form.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const rename = (logic: Json, ids: ReadonlySet<string>, suffix: string): Json => {
  if (Array.isArray(logic)) return logic.map((item) => rename(item, ids, suffix));
  if (logic === null || typeof logic !== 'object') return logic;
  const result: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(logic)) {
    result[key] = key === 'var' && typeof value === 'string' && ids.has(value) ? `${value}${suffix}` : rename(value, ids, suffix);
  }
  return result;
};

export const bigDefinition = (intake: Record<string, unknown>, copies = 10): Record<string, unknown> => {
  const sections = intake.sections as { id: string; fields: { id: string }[] }[];
  const ids = new Set(sections.flatMap((section) => section.fields.map((field) => field.id)));
  const copied = Array.from({ length: copies }, (_, copy) => sections.map((section) => ({
    ...section,
    id: `${section.id}-${copy}`,
    fields: section.fields.map((field) => ({ ...(rename(field as unknown as Json, ids, `_${copy}`) as object), id: `${field.id}_${copy}` })),
  }))).flat();
  const fieldCount = copied.reduce((total, section) => total + section.fields.length, 0);
  return {
    ...intake, id: 'intake-x10', title: `Intake ×${copies} (${fieldCount} fields)`, sections: copied,
    rules: [], tags: [], dedup: [], masking: undefined, workflows: undefined, export: undefined,
  };
};
