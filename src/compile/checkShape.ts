import { isReservedName } from '../core/reserved';
import { checkSchema, type SchemaError } from '../definition/checkSchema';
import { definitionSchema, ID_PATTERN } from '../definition/definitionSchema';
import type { IssueCollector } from './issueCollector';

const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);
const limitOf = (schema: Readonly<Record<string, unknown>>, keyword: string): number =>
  typeof schema[keyword] === 'number' ? (schema[keyword] as number) : 0;

/** Checks the definition against its JSON Schema and reports each mismatch once, at its property. */
export const checkShape = (definition: unknown, issues: IssueCollector): void => {
  for (const error of checkSchema(definitionSchema, definition)) report(error, issues);
};

const report = (error: SchemaError, issues: IssueCollector): void => {
  const { path, schema } = error;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = error.property ?? '';
      if (isReservedName(name)) return; // reported as reserved-id
      // Inside a field this is its type's `then` schema: the keys that type allows.
      const allowed = Object.keys((schema.properties as Readonly<Record<string, unknown>> | undefined) ?? {});
      issues.issue('schema', join(path, name), 'additional', { name, suggestion: issues.suggest(name, allowed) });
      return;
    }
    case 'required':
      issues.issue('schema', join(path, error.property ?? ''), 'required', { name: error.property ?? '' });
      return;
    case 'type': {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type)];
      issues.issue('schema', path, 'type', { expected: types.join(' or ') });
      return;
    }
    case 'enum': {
      const allowed = (schema.enum as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? aliasFor(error.data, allowed) ?? issues.suggest(error.data, allowed) : undefined;
      issues.issue('schema', path, 'enum', { allowed: allowed.join(', '), suggestion });
      return;
    }
    case 'pattern':
      if (typeof error.data === 'string' && isReservedName(error.data)) return; // reported as reserved-id
      issues.issue('schema', path, schema.pattern === ID_PATTERN ? 'id' : 'name');
      return;
    case 'minLength':
      issues.issue('schema', path, 'too-short', { limit: limitOf(schema, 'minLength'), unit: 'characters' });
      return;
    case 'maxLength':
      issues.issue('schema', path, 'too-long', { limit: limitOf(schema, 'maxLength'), unit: 'characters' });
      return;
    case 'minItems':
      issues.issue('schema', path, 'too-short', { limit: limitOf(schema, 'minItems'), unit: 'items' });
      return;
    case 'maxItems':
      issues.issue('schema', path, 'too-long', { limit: limitOf(schema, 'maxItems'), unit: 'items' });
      return;
    case 'minProperties':
      issues.issue('schema', path, 'too-short', { limit: limitOf(schema, 'minProperties'), unit: 'keys' });
      return;
    case 'minimum':
      issues.issue('schema', path, 'too-small', { limit: limitOf(schema, 'minimum') });
      return;
    case 'maximum':
      issues.issue('schema', path, 'too-large', { limit: limitOf(schema, 'maximum') });
      return;
    case 'uniqueItems':
      issues.issue('schema', path, 'unique');
      return;
    default:
      issues.issue('schema', path, 'other', { detail: error.keyword });
  }
};

// Field type names authors bring from other form builders, mapped to formloom's.
const TYPE_ALIASES: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ['star', 'rating'], ['stars', 'rating'], ['score', 'rating'], ['dropdown', 'select'], ['checkbox', 'multiselect'],
  ['checkboxes', 'multiselect'], ['tagbox', 'multiselect'], ['string', 'text'], ['input', 'text'], ['comment', 'textarea'],
  ['paragraph', 'textarea'], ['integer', 'number'], ['decimal', 'number'], ['toggle', 'boolean'], ['switch', 'boolean'],
  ['yesno', 'boolean'], ['upload', 'file'], ['attachment', 'file'], ['repeater', 'group'], ['paneldynamic', 'group'],
  ['array', 'group'], ['region', 'cascader'], ['address', 'cascader'], ['calculated', 'computed'], ['expression', 'computed'],
  ['formula', 'computed'], ['serial', 'autoId'], ['sequence', 'autoId'], ['datepicker', 'date'], ['time', 'datetime'],
]);

const aliasFor = (given: string, allowed: readonly string[]): string | undefined => {
  const alias = TYPE_ALIASES.get(given.toLowerCase());
  return alias !== undefined && allowed.includes(alias) ? alias : undefined;
};
