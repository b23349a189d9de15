// Writes docs/definition-format.md: the prose of docs/definition-format.template.md, with every
// `<!-- generated: name -->` line replaced by a section generated from the definition schema, the
// field units and the other tables in src/. Run: npx tsx scripts/write-docs.ts
// test/docs.test.ts checks that the committed document is what this produces.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTEXT_VARS } from '../src/compile/checkConditions';
import type { OptionDefinition, OptionValue } from '../src/core/definitionTypes';
import { DEFINITION_ISSUE_CODES, ERROR_CODES, WARNING_CODES } from '../src/core/issues';
import type { JsonSchema } from '../src/core/jsonSchema';
import { RESERVED_NAMES } from '../src/core/reserved';
import { TEMPLATE_TOKENS } from '../src/core/template';
import { COMMON_FIELD_PROPERTIES, definitionSchema, FIELD_KEY_PATTERN, NAME_PATTERN } from '../src/definition/definitionSchema';
import type { FieldDefinition, FieldOfType, FieldType } from '../src/fields/fieldDefinition';
import type { FieldOptions, OptionEntry, OptionList, OptionNode } from '../src/fields/fieldKind';
import { FIELD_KINDS, FIELD_TYPES, kindOf } from '../src/fields/registry';
import { OPERATOR_ALIASES, OPERATORS } from '../src/logic/operators';

const TEMPLATE = new URL('../docs/definition-format.template.md', import.meta.url);
const OUTPUT = new URL('../docs/definition-format.md', import.meta.url);

/** One field definition per type, shown in the document; test/docs.test.ts checks each accepts its unit's example. */
export interface FieldSample<T extends FieldType> {
  readonly field: FieldOfType<T>;
  /** Other fields the sample needs to compile (what a computed field reads). */
  readonly companions?: readonly FieldDefinition[];
  /** The input that produces the unit's example, when it is not `{ [id]: example }`. */
  readonly input?: Readonly<Record<string, unknown>>;
}

export const FIELD_SAMPLES: { readonly [T in FieldType]: FieldSample<T> } = {
  text: { field: { id: 'name', type: 'text', label: '客户姓名', maxLength: 50, pii: 'name' } },
  textarea: { field: { id: 'suggestion', type: 'textarea', label: '意见建议', maxLength: 2000 } },
  number: { field: { id: 'budget', type: 'number', label: '预算', min: 0, unit: '万元' } },
  boolean: { field: { id: 'isDecisionMaker', type: 'boolean', label: '是否决策人' } },
  select: {
    field: { id: 'customerType', type: 'select', label: '客户类型', options: [{ value: 'enterprise', label: '企业' }, { value: 'individual', label: '个人' }] },
  },
  radio: {
    field: { id: 'customerType', type: 'radio', label: '客户类型', options: [{ value: 'enterprise', label: '企业' }, { value: 'individual', label: '个人' }] },
  },
  multiselect: {
    field: {
      id: 'channels', type: 'multiselect', label: '了解渠道', maxItems: 3,
      options: [{ value: 'expo', label: '展会' }, { value: 'online', label: '线上' }, { value: 'referral', label: '转介绍' }],
    },
  },
  date: { field: { id: 'expectedDate', type: 'date', label: '期望交付时间' } },
  month: { field: { id: 'foundedIn', type: 'month', label: '成立时间' } },
  datetime: { field: { id: 'followUpAt', type: 'datetime', label: '跟进时间' } },
  rating: { field: { id: 'satisfaction', type: 'rating', label: '满意度', max: 5 } },
  cascader: {
    field: {
      id: 'region', type: 'cascader', label: '所在地区', levels: 3,
      options: [{ value: 'gd', label: '广东省', children: [{ value: 'sz', label: '深圳市', children: [{ value: 'ns', label: '南山区' }] }] }],
    },
  },
  file: { field: { id: 'license', type: 'file', label: '营业执照', accept: ['application/pdf', 'image/*'], maxSize: 10485760, maxFiles: 1 } },
  group: {
    field: {
      id: 'services', type: 'group', label: '服务记录', minItems: 1,
      fields: [{ id: 'feedbackTime', type: 'datetime', label: '反馈时间', required: true }, { id: 'solution', type: 'textarea', label: '解决方案' }],
    },
  },
  computed: {
    field: { id: 'totalScore', type: 'computed', label: '总分', expression: { '+': [{ var: 'serviceScore' }, { var: 'productScore' }] } },
    companions: [{ id: 'serviceScore', type: 'rating', label: '服务评分' }, { id: 'productScore', type: 'rating', label: '产品评分' }],
    input: { serviceScore: 2, productScore: 4 },
  },
  autoId: { field: { id: 'customerNo', type: 'autoId', label: '客户编号', pattern: 'YQ{yyyyMMdd}{seq:3}', access: { write: ['admin'] } } },
};

// Descriptions the schema does not carry (yet); used only where the schema has none.
const FALLBACK_DESCRIPTIONS: { readonly [place: string]: string } = {
  'optionsIf[].when': 'The condition under which this case applies.',
  'optionsIf[].options': 'The options offered while `when` holds.',
  'optionsIf[].optionsRef': 'Or: the name of a list in `optionSets`.',
  roleList: 'A list of distinct role names, each declared in the top-level `roles`.',
};

const ISSUE_MEANINGS: { readonly [code: string]: string } = {
  schema: 'The shape is wrong: an unknown key (with "did you mean"), a missing key, a wrong type or value; also contradictory limits (`min` > `max`), nested groups, a cascader `levels` deeper than its tree.',
  'duplicate-id': 'A section, field or option id used twice.',
  'reserved-id': 'A reserved name (see [Reserved names](#reserved-names)).',
  'unknown-field': 'A condition, rule path, dedup key, masking policy, transition or file name names no field; `$row` outside a group; a misspelt row field.',
  'unknown-operator': 'An operator that is not allowed, or an object in a condition that is not one operation.',
  cycle: 'Conditions (visibility, required, read-only, computed, options) that depend on each other in a circle.',
  'unknown-option': 'A condition compares a choice field with a value it does not offer (typing the label suggests the value).',
  'bad-pattern': 'A `pattern` that does not compile, uses a backreference or lookaround, is over 1,000 instructions once counted repetitions are expanded, or whose size times the field\'s longest text is over 10,000,000 steps (anchor it with `^` and bound its repetitions, or lower `maxLength`); an unknown template token.',
  'unknown-role': 'A role that `roles` does not declare; `$owner` where no record is asked (only `access.write` and transition `roles` take it).',
  'unknown-state': 'A state the workflow does not have.',
  'unknown-option-set': 'An `optionsRef` that names no list in `optionSets`.',
  'type-mismatch': 'A field compared with a literal of the wrong kind (a number with `"50"`, a list with `==`).',
  'unknown-format': 'A text `format` that is neither built in nor given to `compileForm`.',
  'bad-duration': 'A duration that is not ISO 8601 (`P7D`, `PT24H`, `P2Y`), or one longer than 1000 years.',
  'bad-arity': 'An operator with the wrong number of arguments.',
  'dynamic-var': 'A variable whose name is computed instead of written out.',
  'bad-default': 'A `default` that is not a valid answer, or a default for a `computed` or `autoId` field.',
  'forbidden-data': 'A field that would collect a kind of personal data the form lists in `forbid` (by its `pii` or its `format`).',
  'no-resolver': 'A variant (`extends`) compiled without a `resolve` option to load its base.',
  'unknown-base': 'The resolver has no such base, returned something that is not a definition (or a Promise, or another form), or threw.',
  'extends-cycle': 'A form that extends itself through its bases, or a chain of more than 16 bases.',
  'removed-field-referenced': 'A field a variant removes is still referenced by what it keeps of the base (a condition, rule, tag, dedup key, masking policy, transition); reported at the `remove` entry, with the place in the base.',
  'unknown-template': 'A transition\'s `effects` names a template `notifications.templates` does not have.',
  'unknown-policy': '`notifications.policy` names a masking policy `masking.policies` does not have.',
  'unknown-workflow': '`changeRequests.workflow` names a workflow `workflows` does not have.',
  'bad-placeholder': 'A notification template uses a placeholder other than `{field:<id>}` (a top-level field), `{recordId}`, `{event}`, `{state}`, `{form}` and `{reason}`.',
};

const WARNING_MEANINGS: { readonly [code: string]: string } = {
  'pii-unmasked': 'A field with `pii` that no masking policy names.',
  'never-visible-required': 'A required field whose condition (or its section\'s) is always false.',
  'unused-option-set': 'A list in `optionSets` that no field uses.',
  'rule-never-fires': 'A rule whose `when` is always false or whose `assert` is always true.',
  'unused-encryption-kind': 'A kind in `encryption.pii` that no field holds (by its `pii`, its format or its group\'s `pii`).',
};

const TOKEN_MEANINGS: { readonly [token: string]: string } = {
  '{yyyy}': 'Year, four digits (date-fns notation, like every date token).',
  '{MM}': 'Month, two digits.',
  '{dd}': 'Day of the month, two digits.',
  '{yyyyMMdd}': 'Date letters combine in one token: `20240315`.',
  '{HHmmss}': 'Hours, minutes and seconds: `093000`.',
  '{seq:N}': 'A counter of at least N digits (`{seq:3}`: `001`). Auto ids only.',
  '{field:id}': 'The answer of a top-level field. File names only.',
};

// ---------------------------------------------------------------------------------------------
// Reading the schema

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
const definitions = definitionSchema.definitions as { readonly [name: string]: JsonSchema };
const topProperties = definitionSchema.properties as { readonly [key: string]: JsonSchema };
const propertiesOf = (schema: JsonSchema): { readonly [key: string]: JsonSchema } | undefined =>
  isSchema(schema.properties) ? (schema.properties as { readonly [key: string]: JsonSchema }) : undefined;
const requiredOf = (schema: JsonSchema): readonly string[] => (Array.isArray(schema.required) ? (schema.required as string[]) : []);
const refName = (schema: JsonSchema): string | undefined =>
  typeof schema.$ref === 'string' ? schema.$ref.replace('#/definitions/', '') : undefined;

const definitionNamed = (name: string): JsonSchema => {
  const found = definitions[name];
  if (found === undefined) throw new Error(`the schema has no definition '${name}'`);
  return found;
};

/** The object schema (one with `properties`) a key holds, through references, items and maps. */
const objectSchemaOf = (schema: JsonSchema): JsonSchema | undefined => {
  const name = refName(schema);
  if (name !== undefined) return objectSchemaOf(definitionNamed(name));
  if (propertiesOf(schema) !== undefined) return schema;
  if (isSchema(schema.items)) return objectSchemaOf(schema.items);
  if (isSchema(schema.additionalProperties)) return objectSchemaOf(schema.additionalProperties);
  return undefined;
};

/** `workflows.transitions` -> the transition schema. */
const objectSchemaAt = (path: string): JsonSchema => {
  const [head = '', ...rest] = path.split('.');
  const top = topProperties[head];
  let current = top === undefined ? undefined : objectSchemaOf(top);
  for (const key of rest) {
    const next = current === undefined ? undefined : propertiesOf(current)?.[key];
    current = next === undefined ? undefined : objectSchemaOf(next);
  }
  if (current === undefined) throw new Error(`no object with keys at '${path}' in the definition schema`);
  return current;
};

// ---------------------------------------------------------------------------------------------
// Markdown helpers

const cell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const code = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string => heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');

/** JSON on one line with spaces, as the examples are written. */
const inlineJson = (value: unknown): string => {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(inlineJson).join(', ')}]`;
  if (isSchema(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
};

/** JSON on one line when it fits in `width`, else one entry per line. */
const prettyJson = (value: unknown, indent = '', width = 110): string => {
  const one = inlineJson(value);
  if (indent.length + one.length <= width || (!Array.isArray(value) && !isSchema(value))) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => inner + prettyJson(item, inner, width)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as JsonSchema);
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${prettyJson(item, inner, width)}`).join(',\n')}\n${indent}}`;
};

// ---------------------------------------------------------------------------------------------
// Keys tables

const REF_DISPLAY: { readonly [name: string]: string } = {
  roleList: 'role[]', localizedText: 'LocalizedText', logic: 'Logic', options: 'option[]',
};

const sameList = (value: unknown, list: readonly string[]): boolean => Array.isArray(value) && value.join('\n') === list.join('\n');

const keyName = (names: unknown): string => {
  if (!isSchema(names)) return 'string';
  const name = refName(names);
  if (name !== undefined) return REF_DISPLAY[name] ?? name;
  if (sameList(names.enum, ERROR_CODES)) return 'errorCode';
  if (names.pattern === FIELD_KEY_PATTERN) return 'field';
  return 'string';
};

const typeOf = (schema: JsonSchema): string => {
  const name = refName(schema);
  if (name !== undefined) return REF_DISPLAY[name] ?? name;
  const inline = inlineName(schema);
  if (inline !== undefined) return inline;
  if (sameList(schema.enum, FIELD_TYPES)) return 'field type';
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type)];
  if (types.length === 0) return 'any';
  return types.map((type) => {
    if (type === 'array') {
      if (!isSchema(schema.items)) return 'array';
      const item = typeOf(schema.items);
      return item.includes(' ') ? `(${item})[]` : `${item}[]`;
    }
    if (type === 'object' && isSchema(schema.additionalProperties)) return `{ [${keyName(schema.propertyNames)}]: ${typeOf(schema.additionalProperties)} }`;
    if (type === 'string' && schema.pattern === NAME_PATTERN) return 'name';
    return type;
  }).join(' | ');
};

const limitsOf = (schema: JsonSchema): string => {
  const parts: string[] = [];
  const { minimum, maximum, minItems, minProperties, uniqueItems } = schema;
  if (typeof minimum === 'number' && typeof maximum === 'number') parts.push(`${minimum}–${maximum}`);
  else if (typeof minimum === 'number') parts.push(`≥ ${minimum}`);
  else if (typeof maximum === 'number') parts.push(`≤ ${maximum}`);
  if ((typeof minItems === 'number' && minItems > 0) || (typeof minProperties === 'number' && minProperties > 0)) parts.push('non-empty');
  if (uniqueItems === true) parts.push('distinct');
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
};

/**
 * Schema texts cite the numbered requirements they implement (`(R3)`, `(R12-R14)`); that list is not
 * part of this repository, so the document leaves the numbers out.
 */
const withoutRequirementNumbers = (text: string): string =>
  text.replace(/ \(R\d+(?:-R\d+)?\)/g, '').replace(/\(R\d+(?:-R\d+)?, /g, '(');

const describe = (schema: JsonSchema, place: string): string => {
  const given = typeof schema.description === 'string' ? withoutRequirementNumbers(schema.description) : undefined;
  const own = given ?? FALLBACK_DESCRIPTIONS[place];
  if (own === undefined) throw new Error(`no description for '${place}': add one to the schema (src/) or to FALLBACK_DESCRIPTIONS`);
  const examples = Array.isArray(schema.examples) ? schema.examples.map(String).filter((example) => !own.includes(example)) : [];
  return examples.length === 0 ? own : `${own} Examples: ${examples.map(code).join(', ')}.`;
};

/** Names for the object schemas written inline in the definition schema (a rule, a transition …). */
let inlineNames: Map<unknown, string> | undefined;
const inlineName = (schema: JsonSchema): string | undefined => {
  inlineNames ??= new Map<unknown, string>([
    [objectSchemaAt('rules'), 'rule'], [objectSchemaAt('tags'), 'tag'], [objectSchemaAt('dedup'), 'dedupKey'],
    [objectSchemaAt('workflows'), 'workflow'], [objectSchemaAt('workflows.states'), 'state'], [objectSchemaAt('workflows.transitions'), 'transition'],
  ]);
  return inlineNames.get(schema);
};

interface KeysTableOptions {
  /** Extra required keys (a field's `id`, `type`, `label` are required by the field schema, not by COMMON_FIELD_PROPERTIES). */
  readonly required?: readonly string[];
  /** Links appended to descriptions: key -> heading. */
  readonly see?: ReadonlyMap<string, string>;
  /** List the keys of small nested objects (a field's `access`, the cases of `optionsIf`) in the same table. */
  readonly expand?: boolean;
}

const keyRows = (properties: { readonly [key: string]: JsonSchema }, required: readonly string[], prefix: string, options: KeysTableOptions): string[][] => {
  const rows: string[][] = [];
  for (const [key, schema] of Object.entries(properties)) {
    const place = `${prefix}${key}`;
    const see = options.see?.get(place);
    const description = describe(schema, place) + (see === undefined ? '' : ` See [${see}](#${slug(see)}).`);
    rows.push([code(place), code(typeOf(schema)) + limitsOf(schema), required.includes(key) ? 'yes' : '', description]);
    const nested = options.expand === true && refName(schema) === undefined
      ? (propertiesOf(schema) ?? (isSchema(schema.items) ? propertiesOf(schema.items) : undefined))
      : undefined;
    if (nested !== undefined) {
      const holder = propertiesOf(schema) !== undefined ? schema : (schema.items as JsonSchema);
      rows.push(...keyRows(nested, requiredOf(holder), propertiesOf(schema) !== undefined ? `${place}.` : `${place}[].`, options));
    }
  }
  return rows;
};

const keysTable = (schema: JsonSchema, options: KeysTableOptions = {}): string => {
  const properties = propertiesOf(schema) ?? {};
  const rows = keyRows(properties, [...requiredOf(schema), ...(options.required ?? [])], '', options);
  const extensions = isSchema(schema.patternProperties) ? (schema.patternProperties as { readonly [pattern: string]: JsonSchema }) : {};
  for (const [pattern, extension] of Object.entries(extensions)) {
    rows.push([code(`${pattern.replace(/^\^/, '')}*`), code('any'), '', describe(extension, pattern)]);
  }
  return table(['Key', 'Type', 'Required', 'Description'], rows);
};

// ---------------------------------------------------------------------------------------------
// Field types

const optionList = (options: readonly OptionDefinition[]): OptionList => {
  const entries = new Map<OptionValue, OptionEntry>();
  const choices = new Set<OptionValue>();
  let depth = 0;
  const walk = (list: readonly OptionDefinition[], trail: OptionEntry['trail'], level: number): OptionNode[] => {
    depth = Math.max(depth, level);
    return list.map((option) => {
      const children = option.children ?? [];
      const nextTrail = [...trail, option.label];
      entries.set(option.value, { value: option.value, label: option.label, trail: nextTrail, leaf: children.length === 0 });
      if (children.length === 0) choices.add(option.value);
      return { value: option.value, label: option.label, children: children.length === 0 ? [] : walk(children, nextTrail, level + 1) };
    });
  };
  const tree = walk(options, [], 1);
  return { entries, choices, tree, depth };
};

/** The TypeScript type of a field's value, as the unit writes it for a definition. */
const tsTypeOf = (field: FieldDefinition): string => {
  const list = 'options' in field && field.options !== undefined ? optionList(field.options) : undefined;
  const options: FieldOptions | undefined = list === undefined ? undefined : { base: list, cases: [], all: list.entries };
  // A row's fields are optional: an unanswered or hidden field is absent from the cleaned values.
  const rowType = (): string =>
    field.type === 'group' ? `{ ${field.fields.map((child) => `${child.id}?: ${tsTypeOf(child)}`).join('; ')} }` : 'never';
  return kindOf(field.type).tsType({ def: field, options, rowType });
};

const fieldTypeSection = (type: FieldType): string => {
  const kind = FIELD_KINDS[type];
  const sample = FIELD_SAMPLES[type] as FieldSample<FieldType>;
  const keys = Object.keys(kind.properties).length === 0
    ? 'No keys besides the common ones.'
    : keysTable({ properties: kind.properties, required: kind.requiredProperties }, { expand: true });
  const reads = sample.companions === undefined ? '' : ` (it reads ${sample.companions.map((field) => code(field.id)).join(' and ')}, two \`${sample.companions[0]?.type}\` fields)`;
  return [
    `### \`${type}\``,
    '',
    withoutRequirementNumbers(kind.summary),
    '',
    keys,
    '',
    `Example definition${reads}:`,
    '',
    '```json',
    prettyJson(sample.field),
    '```',
    '',
    `Example answer: ${code(inlineJson(kind.example))}`,
    '',
    `TypeScript type of the answer, for this definition: ${code(tsTypeOf(sample.field as FieldDefinition))}`,
  ].join('\n');
};

// ---------------------------------------------------------------------------------------------
// Other generated sections

const arity = (min: number, max: number): string => {
  if (max === Number.POSITIVE_INFINITY) return min === 0 ? 'any number' : `${min} or more`;
  if (min === max) return String(min);
  return max === min + 1 ? `${min} or ${max}` : `${min} to ${max}`;
};

const operatorsSection = (): string => {
  const rows = [...OPERATORS].map(([operator, { min, max }]) => [code(operator), arity(min, max)]);
  const aliases = new Map<string, string[]>();
  for (const [alias, operator] of OPERATOR_ALIASES) aliases.set(operator, [...(aliases.get(operator) ?? []), alias]);
  const aliasText = [...aliases].map(([operator, names]) => `${names.map(code).join(', ')} → ${code(operator)}`).join('; ');
  return `${table(['Operator', 'Arguments'], rows)}\n\nSpellings from other languages and query languages are refused with the operator they meant as the suggestion: ${aliasText}.`;
};

const sameSet = (what: string, expected: Iterable<string>, documented: Iterable<string>): void => {
  const a = [...expected].sort().join(', ');
  const b = [...documented].sort().join(', ');
  if (a !== b) throw new Error(`${what}: src has [${a}], the generator documents [${b}]`);
};

const codesTable = (what: string, codes: readonly string[], meanings: { readonly [code: string]: string }): string => {
  sameSet(what, codes, Object.keys(meanings));
  return table(['Code', 'Meaning'], codes.map((name) => [code(name), meanings[name] as string]));
};

const templateTokens = (): string => {
  const tokens = TEMPLATE_TOKENS.split(' ');
  sameSet('template tokens', tokens, Object.keys(TOKEN_MEANINGS));
  return table(['Token', 'Meaning'], tokens.map((token) => [code(token), TOKEN_MEANINGS[token] as string]));
};

/** Where the schema allows `x-…` keys. */
const extensionPlaces = (): string => {
  const places: string[] = [];
  const typesWith: string[] = [];
  const walk = (schema: unknown, path: string): void => {
    if (Array.isArray(schema)) schema.forEach((item, index) => walk(item, `${path}.${index}`));
    if (!isSchema(schema)) return;
    if (isSchema(schema.patternProperties) && '^x-' in schema.patternProperties) {
      const fieldType = /^definitions\.field\.allOf\.(\d+)\.then$/.exec(path);
      if (fieldType !== null) typesWith.push(FIELD_TYPES[Number(fieldType[1])] as string);
      else places.push(path === '' ? 'the definition itself (top level)' : path.startsWith('definitions.') ? `every ${path.slice('definitions.'.length)}` : code(path));
    }
    for (const [key, value] of Object.entries(schema)) if (key !== 'patternProperties') walk(value, path === '' ? key : `${path}.${key}`);
  };
  walk(definitionSchema, '');
  if (typesWith.length === FIELD_TYPES.length) places.push('every field, of any type (also inside repeating groups)');
  else if (typesWith.length > 0) places.push(`fields of type ${typesWith.map(code).join(', ')}`);
  return places.map((place) => `- ${place}`).join('\n');
};

const valueTypes = (): string => {
  const shown = Object.keys(definitions).filter((name) => !['section', 'field', 'option', 'options'].includes(name));
  return table(['Type', 'What it is'], shown.map((name) => [code(REF_DISPLAY[name] ?? name), describe(definitionNamed(name), name)]));
};

// ---------------------------------------------------------------------------------------------
// Assembly

/** The document, from the template and the sources; pure apart from reading the committed template. */
export const definitionFormatMarkdown = (): string => {
  const template = readFileSync(TEMPLATE, 'utf8').replace(/\r\n/g, '\n');
  const lines = template.split('\n');

  // Which heading each generated keys table sits under, for "See …" links from the top-level table.
  const see = new Map<string, string>();
  let heading = '';
  for (const line of lines) {
    const title = /^#{2,3} (.+)$/.exec(line);
    if (title !== null) heading = title[1] as string;
    const keys = /^<!-- generated: keys:([\w.]+) -->$/.exec(line.trim());
    if (keys !== null && !(keys[1] as string).includes('.')) see.set(keys[1] as string, heading);
  }
  for (const [key, schema] of Object.entries(topProperties)) {
    if (objectSchemaOf(schema) !== undefined && !see.has(key)) {
      throw new Error(`top-level key '${key}' has keys of its own but the template has no <!-- generated: keys:${key} --> section`);
    }
  }
  const missingVars = [...CONTEXT_VARS].filter((name) => !template.includes(`"${name}"`));
  if (missingVars.length > 0) throw new Error(`the template does not explain the variables ${missingVars.join(', ')}`);

  const generators: { readonly [name: string]: () => string } = {
    // A variant takes `title` and `sections` from its base: they are required of the others only.
    'top-level': () => keysTable(definitionSchema, { see, required: requiredOf(definitionSchema.else as JsonSchema) }),
    'value-types': valueTypes,
    'common-field-keys': () => keysTable({ properties: COMMON_FIELD_PROPERTIES }, { required: requiredOf(definitionNamed('field')), expand: true }),
    'error-codes': () => `${ERROR_CODES.map(code).join(', ')}.`,
    'field-types': () => [
      `Types: ${FIELD_TYPES.map((type) => `[\`${type}\`](#${slug(type)})`).join(', ')}.`,
      ...FIELD_TYPES.map(fieldTypeSection),
    ].join('\n\n'),
    operators: operatorsSection,
    'template-tokens': templateTokens,
    'extension-places': extensionPlaces,
    'reserved-names': () => `${[...RESERVED_NAMES].map(code).join(', ')}.`,
    'issue-codes': () => codesTable('definition issue codes', DEFINITION_ISSUE_CODES, ISSUE_MEANINGS),
    'warning-codes': () => codesTable('warning codes', WARNING_CODES, WARNING_MEANINGS),
  };
  const used = new Set<string>();
  const body = lines.map((line) => {
    const match = /^(\s*)<!-- generated: ([\w.:-]+) -->$/.exec(line);
    if (match === null) return line;
    const [, indent = '', name = ''] = match;
    if (name === 'contents') return line;
    if (used.has(name)) throw new Error(`<!-- generated: ${name} --> appears twice in the template`);
    used.add(name);
    const generate = name.startsWith('keys:') ? () => keysTable(objectSchemaAt(name.slice('keys:'.length))) : generators[name];
    if (generate === undefined) throw new Error(`unknown generated section '${name}' in the template`);
    return generate().split('\n').map((text) => (text === '' ? '' : indent + text)).join('\n');
  });
  const unused = Object.keys(generators).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`the template leaves out the generated sections ${unused.join(', ')}`);

  const headings = body.join('\n').split('\n').filter((line) => /^## /.test(line)).map((line) => line.slice(3));
  const contents = headings.map((title) => `- [${title}](#${slug(title)})`).join('\n');
  const document = body.map((line) => (line.trim() === '<!-- generated: contents -->' ? contents : line)).join('\n');
  const notice = '<!-- Generated by scripts/write-docs.ts from docs/definition-format.template.md and the sources in src/. Do not edit by hand: edit those and run `npx tsx scripts/write-docs.ts`. -->';
  const numbered = /\bR\d+\b/.exec(document);
  if (numbered !== null) throw new Error(`requirement number '${numbered[0]}' left in the document`);
  return `${notice}\n\n${document.replace(/\n+$/, '')}\n`;
};

// Writes only when run as a script (`npx tsx scripts/write-docs.ts`), not when a test imports it.
const runDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (runDirectly) {
  writeFileSync(OUTPUT, definitionFormatMarkdown());
  console.log('wrote docs/definition-format.md');
}
