import { compileForm, FormDefinitionError, type DefinitionIssue } from '../src/index';

/** A minimal valid definition with the given fields in one section, extended by `extra`. */
export const defineForm = (fields: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'test-form',
  version: 1,
  title: 'Test',
  roles: ['customer', 'clerk', 'admin'],
  sections: [{ id: 'main', fields }],
  ...extra,
});

/** The issues compileForm throws for a definition; fails the test if it compiles. */
export const issuesOf = (definition: unknown): DefinitionIssue[] => {
  try {
    compileForm(definition);
  } catch (error) {
    if (error instanceof FormDefinitionError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the definition to be rejected');
};

export const choice = (id: string, values: string[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id, type: 'radio', label: id, options: values.map((value) => ({ value, label: value.toUpperCase() })), ...extra,
});
