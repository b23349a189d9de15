import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { closest } from '../core/suggest';
import { definitionSchema } from '../definition/definitionSchema';
import type { IssueCollector } from './issueCollector';
import { isReservedName } from '../core/reserved';
import { ID_PATTERN } from '../definition/fieldTypes';

let validator: ValidateFunction | undefined;

// Compiled on first use, not at import, so that importing formloom costs nothing. It runs once per
// compileForm, so its compile time matters more than its speed: no code optimisation, shared
// definitions compiled once instead of inlined (together about a third less first-compile time).
const definitionValidator = (): ValidateFunction => {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false, inlineRefs: false, code: { optimize: false } }).compile(definitionSchema);
  return validator;
};

/** JSON pointer (`/sections/0/fields/2`) to formloom's dotted path (`sections.0.fields.2`). */
const pointerToPath = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

/** Checks the definition against the JSON Schema and reports each mismatch once, at its property. */
export const checkShape = (definition: unknown, issues: IssueCollector): void => {
  const validate = definitionValidator();
  if (validate(definition)) return;
  for (const error of validate.errors ?? []) report(error, issues);
};

const report = (error: ErrorObject, issues: IssueCollector): void => {
  const base = pointerToPath(error.instancePath);
  // Errors about a property's name (propertyNames) point at the object; the name itself is the place.
  const path = error.propertyName === undefined ? base : join(base, error.propertyName);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return; // the failing `then` keyword is reported at the property itself
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      if (isReservedName(name)) return; // reported as reserved-id
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      issues.issue('schema', join(path, name), 'schema.additional', { name, suggestion: closest(name, allowed) });
      return;
    }
    case 'required':
      issues.issue('schema', join(path, String(params.missingProperty)), 'schema.required', { name: String(params.missingProperty) });
      return;
    case 'type':
      issues.issue('schema', path, 'schema.type', { expected: String(params.type).replace(/,/g, ' or ') });
      return;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const given = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      issues.issue('schema', path, 'schema.enum', { allowed: allowed.join(', '), suggestion: given });
      return;
    }
    case 'pattern':
      if (typeof error.data === 'string' && isReservedName(error.data)) return;
      issues.issue('schema', path, String(params.pattern) === ID_PATTERN ? 'schema.id' : 'schema.name');
      return;
    case 'propertyNames':
      return; // its nested error (pattern or enum on the name) says what is wrong
    default:
      issues.issue('schema', path, 'schema.other', { detail: error.message ?? error.keyword });
  }
};
