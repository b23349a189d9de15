import { ERROR_CODES } from '../core/issues';
import { FIELD_TYPES, ID_PATTERN, NAME_PATTERN, MASK_KINDS, PII_KINDS, TEXT_FORMATS } from './fieldTypes';

/**
 * The JSON Schema (draft-07) of a form definition. The committed `schemas/form-definition.schema.json`
 * is written from this object by `npm run schema`; a test keeps the two equal.
 * Per-type field properties use if/then rather than oneOf so that a mistake is reported once, at the
 * property that is wrong, instead of once per field type.
 */
type Schema = { readonly [keyword: string]: unknown };

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const EXTENSIONS = { '^x-': {} };

const id: Schema = { type: 'string', pattern: ID_PATTERN, maxLength: 64 };
// Names of things that are never JSON Logic variables (states, events, rules, roles…) may use '-'.
const name: Schema = { type: 'string', pattern: NAME_PATTERN, maxLength: 64 };
const idList: Schema = { type: 'array', items: ref('id'), uniqueItems: true };
const nameList: Schema = { type: 'array', items: ref('name'), uniqueItems: true };
const count: Schema = { type: 'integer', minimum: 0 };

const commonFieldProperties = {
  id: ref('id'),
  type: { enum: FIELD_TYPES, description: 'Field type.' },
  label: ref('localizedText'),
  help: ref('localizedText'),
  placeholder: ref('localizedText'),
  required: { ...ref('logic'), description: 'true, false, or a condition (JSON Logic).' },
  visibleIf: ref('logic'),
  readonlyIf: ref('logic'),
  default: {},
  access: {
    type: 'object',
    properties: { read: ref('roleList'), write: ref('roleList') },
    additionalProperties: false,
  },
  pii: { enum: PII_KINDS },
  messages: {
    type: 'object',
    propertyNames: { enum: ERROR_CODES },
    additionalProperties: ref('localizedText'),
  },
};

const choiceProperties = {
  options: ref('options'),
  optionsRef: ref('name'),
  optionsIf: {
    type: 'array',
    items: {
      type: 'object',
      required: ['when'],
      properties: { when: ref('logic'), options: ref('options'), optionsRef: ref('name') },
      additionalProperties: false,
    },
  },
};

const perType: Record<string, { properties: Record<string, unknown>; required?: string[] }> = {
  text: { properties: { format: { type: 'string', examples: TEXT_FORMATS }, pattern: { type: 'string' }, minLength: count, maxLength: count } },
  number: { properties: { min: { type: 'number' }, max: { type: 'number' }, integer: { type: 'boolean' }, unit: ref('localizedText') } },
  boolean: { properties: {} },
  select: { properties: { ...choiceProperties, minItems: count, maxItems: count } },
  date: { properties: {} },
  rating: { properties: { max: { type: 'integer', minimum: 2, maximum: 10 } } },
  cascader: { properties: { options: ref('options'), optionsRef: ref('name'), levels: { type: 'integer', minimum: 1, maximum: 6 } } },
  file: {
    properties: {
      accept: { type: 'array', items: { type: 'string', pattern: '^(\\.[A-Za-z0-9]+|[a-z]+/([a-z0-9.+-]+|\\*))$' } },
      maxSize: { type: 'integer', minimum: 1, description: 'Bytes per file.' },
      maxFiles: { type: 'integer', minimum: 1 },
    },
  },
  group: { properties: { fields: { type: 'array', minItems: 1, items: ref('field') }, minItems: count, maxItems: count }, required: ['fields'] },
  computed: { properties: { expression: ref('logic') }, required: ['expression'] },
  autoId: { properties: { pattern: { type: 'string', minLength: 1, examples: ['YQ{yyyyMMdd}{seq:3}'] } }, required: ['pattern'] },
};
const sameAs: Record<string, string> = { textarea: 'text', radio: 'select', multiselect: 'select', month: 'date', datetime: 'date' };

const typeRule = (type: string): Schema => {
  const spec = perType[sameAs[type] ?? type] ?? { properties: {} };
  return {
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: {
      properties: { ...commonFieldProperties, ...spec.properties },
      ...(spec.required ? { required: spec.required } : {}),
      patternProperties: EXTENSIONS,
      additionalProperties: false,
    },
  };
};

const workflow: Schema = {
  type: 'object',
  required: ['initial', 'states', 'transitions'],
  properties: {
    label: ref('localizedText'),
    initial: ref('name'),
    states: {
      type: 'object',
      minProperties: 1,
      propertyNames: ref('name'),
      additionalProperties: {
        type: 'object',
        properties: { label: ref('localizedText'), deadline: ref('duration'), final: { type: 'boolean' } },
        additionalProperties: false,
      },
    },
    transitions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['event', 'from', 'to'],
        properties: {
          event: ref('name'),
          from: { type: ['string', 'array'], pattern: NAME_PATTERN, items: ref('name'), minItems: 1 },
          to: ref('name'),
          label: ref('localizedText'),
          roles: ref('roleList'),
          when: ref('logic'),
          requires: idList,
          reason: { enum: ['required', 'optional'] },
          maxTimes: { type: 'integer', minimum: 1 },
          set: { type: 'object', propertyNames: ref('id'), additionalProperties: ref('logic') },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

export const definitionSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://formloom.dev/schemas/form-definition.schema.json',
  title: 'formloom form definition',
  type: 'object',
  required: ['id', 'version', 'title', 'sections'],
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$', maxLength: 64 },
    version: { type: 'integer', minimum: 1 },
    title: ref('localizedText'),
    description: ref('localizedText'),
    defaultLocale: ref('locale'),
    roles: nameList,
    optionSets: { type: 'object', propertyNames: ref('name'), additionalProperties: ref('options') },
    sections: { type: 'array', minItems: 1, items: ref('section') },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'assert'],
        properties: { id: ref('name'), when: ref('logic'), assert: ref('logic'), path: { type: 'string' }, message: ref('localizedText') },
        additionalProperties: false,
      },
    },
    tags: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'when'],
        properties: { id: ref('name'), label: ref('localizedText'), when: ref('logic') },
        additionalProperties: false,
      },
    },
    dedup: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'fields'],
        properties: {
          id: ref('name'),
          fields: { ...idList, minItems: 1 },
          normalize: { type: 'array', items: { enum: ['cn-mobile', 'trim', 'lowercase', 'company-name', 'width'] } },
        },
        additionalProperties: false,
      },
    },
    masking: {
      type: 'object',
      required: ['policies'],
      properties: {
        policies: {
          type: 'object',
          propertyNames: ref('name'),
          additionalProperties: { type: 'object', propertyNames: ref('id'), additionalProperties: { enum: MASK_KINDS } },
        },
        reveal: { type: 'object', propertyNames: ref('name'), additionalProperties: ref('roleList') },
      },
      additionalProperties: false,
    },
    workflows: { type: 'object', propertyNames: ref('name'), additionalProperties: workflow },
    drafts: { type: 'object', properties: { ttl: ref('duration') }, additionalProperties: false },
    export: { type: 'object', properties: { filename: { type: 'string', minLength: 1 } }, additionalProperties: false },
    retention: {
      type: 'object',
      properties: { keep: ref('duration'), reconfirm: ref('duration') },
      additionalProperties: false,
    },
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
  definitions: {
    id,
    name,
    locale: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    roleList: nameList,
    duration: { type: 'string', description: 'ISO 8601 duration, e.g. P7D, PT24H, P2Y.' },
    localizedText: {
      description: 'Text, or text per locale: {"zh-CN": "…", "en": "…"}.',
      type: ['string', 'object'],
      minLength: 1,
      minProperties: 1,
      propertyNames: ref('locale'),
      additionalProperties: { type: 'string', minLength: 1 },
    },
    logic: {
      description: 'A JSON Logic expression; {"var": "fieldId"} reads a field, {"var": "$row.x"} a field of the current group row.',
      type: ['null', 'boolean', 'number', 'string', 'array', 'object'],
    },
    option: {
      type: 'object',
      required: ['value', 'label'],
      properties: {
        value: { type: ['string', 'number'], minLength: 1 },
        label: ref('localizedText'),
        children: ref('options'),
      },
      additionalProperties: false,
    },
    options: { type: 'array', minItems: 1, items: ref('option') },
    section: {
      type: 'object',
      required: ['id', 'fields'],
      properties: {
        id: ref('name'),
        title: ref('localizedText'),
        description: ref('localizedText'),
        visibleIf: ref('logic'),
        fields: { type: 'array', minItems: 1, items: ref('field') },
      },
      patternProperties: EXTENSIONS,
      additionalProperties: false,
    },
    field: {
      type: 'object',
      required: ['id', 'type', 'label'],
      properties: { id: ref('id'), type: commonFieldProperties.type },
      allOf: FIELD_TYPES.map(typeRule),
    },
  },
};
