import { ref, type JsonSchema } from '../core/jsonSchema';

/** Patterns the definition schema owns, passed in so that this file does not import it back. */
export interface VariantSchemaParts {
  /** A form id, as the top-level `id` is written. */
  readonly formId: JsonSchema;
  /** A field id, or `group.field` for a row field. */
  readonly fieldKey: string;
}

/** `optionSets.<name>` or a field key: which list an `options` change applies to. */
export const OPTIONS_TARGET_PATTERN = '^(optionSets\\.[A-Za-z][A-Za-z0-9_-]*|[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?)$';

/**
 * The top-level keys of a variant (a definition with `extends`) and `derivedFrom`, which compileForm
 * writes into the definition it resolves a variant to. A function, not a constant, so that the
 * definition schema can hand over its own patterns and a bundle without the schema drops this.
 */
/* @__NO_SIDE_EFFECTS__ */
export function variantProperties({ formId, fieldKey }: VariantSchemaParts): { readonly [key: string]: JsonSchema } {
  const formRef = (what: string): JsonSchema => ({
    type: 'object',
    required: ['id', 'version'],
    properties: {
      id: { ...formId, description: `The ${what} form's id.` },
      version: { type: 'integer', minimum: 1, description: `The ${what} form's version.` },
    },
    additionalProperties: false,
  });
  return {
    extends: {
      ...formRef('base'),
      description: 'Makes this definition a variant: a copy of the base form, changed by `remove`, `add`, `fields`, `sectionOverrides`, `options` and the other top-level keys it gives. compileForm asks its `resolve` option for the base. A variant has its own `id` and `version`, may leave out `title` (the base\'s is kept) and lists no `sections`.',
    },
    remove: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      description: 'What the variant leaves out of its base: a field by id (`group.field` for a row field), or one named thing, as `{ "section": id }` (with its fields), `{ "rule": id }`, `{ "tag": id }`, `{ "dedup": id }`, `{ "optionSet": name }`, `{ "workflow": name }` or `{ "key": name }` (a top-level key). Whatever in the base still refers to a removed field is a `removed-field-referenced` issue at the entry that removed it.',
      items: {
        type: ['string', 'object'],
        pattern: fieldKey,
        minProperties: 1,
        properties: {
          section: ref('name', 'A section of the base, with all of its fields.'),
          rule: ref('name', 'A rule of the base, by id.'),
          tag: ref('name', 'A tag of the base, by id.'),
          dedup: ref('name', 'A duplicate key of the base, by id.'),
          optionSet: ref('name', 'A list of the base\'s `optionSets`; no field may still use it.'),
          workflow: ref('name', 'A workflow of the base, by name.'),
          key: { type: 'string', description: 'A top-level key of the base, such as `encryption` or `retention`; not `id`, `version`, `title` or `sections`.' },
        },
        additionalProperties: false,
      },
    },
    fields: {
      type: 'object',
      description: 'Changes to fields of the base, by id (`group.field` for a row field): each key given replaces the base field\'s, and `null` deletes it (`{ "format": null }`). A field\'s `id` and a group\'s `fields` are not changed this way: remove the field and add another, or change the rows one by one.',
      propertyNames: { type: 'string', pattern: fieldKey },
      additionalProperties: { type: 'object', minProperties: 1, description: 'The keys that change.' },
    },
    sectionOverrides: {
      type: 'object',
      description: 'Changes to sections of the base, by id: each key given replaces the section\'s, and `null` deletes it. The fields of a section change through `remove`, `add` and `fields`.',
      propertyNames: ref('name'),
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        properties: {
          title: { type: ['string', 'object', 'null'], description: 'The section\'s heading (text, or text per locale); `null` drops it.' },
          description: { type: ['string', 'object', 'null'], description: 'The text under the heading; `null` drops it.' },
          visibleIf: ref('logic', 'The section\'s condition; `null` drops it (always shown).'),
        },
        additionalProperties: false,
      },
    },
    add: {
      type: 'array',
      minItems: 1,
      description: 'What the variant adds, in order: fields into a section (`{ "section": id, "fields": [...] }`) or into a repeating group as row fields (`{ "group": id, "fields": [...] }`), or whole sections (`{ "sections": [...] }`); each placed `after` or `before` a field (a section, for sections) of the base, else last.',
      items: {
        type: 'object',
        properties: {
          section: ref('name', 'The section the new fields go into.'),
          group: ref('id', 'Or: the repeating group the new fields go into, as row fields.'),
          fields: { type: 'array', minItems: 1, items: ref('field'), description: 'The new fields.' },
          sections: { type: 'array', minItems: 1, items: ref('section'), description: 'Or: new sections.' },
          after: { type: 'string', description: 'The field (for `sections`, the section) the new ones follow.' },
          before: { type: 'string', description: 'Or: the field (section) the new ones precede.' },
        },
        additionalProperties: false,
      },
    },
    options: {
      type: 'object',
      description: 'Changes to option lists: options added and values removed, by field id (`group.field` for a row field) or `optionSets.<name>` for a shared list. A field whose list comes from `optionsRef` gets its own changed copy; the shared list changes for every field only as `optionSets.<name>`.',
      propertyNames: { type: 'string', pattern: OPTIONS_TARGET_PATTERN },
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        properties: {
          add: ref('options', 'Options to add.'),
          remove: { type: 'array', minItems: 1, uniqueItems: true, items: { type: ['string', 'number'] }, description: 'Values of the list\'s top-level options to remove.' },
          after: { type: ['string', 'number'], description: 'The option value the added options follow; without `after` or `before`, they go last.' },
          before: { type: ['string', 'number'], description: 'Or: the option value they precede.' },
        },
        additionalProperties: false,
      },
    },
    derivedFrom: {
      type: 'array',
      items: formRef('base'),
      description: 'Written by compileForm into the definition a variant resolves to (`form.definition`): the forms it was made from, nearest first. Only a record of where it came from: such a definition compiles again without a resolver. A variant does not give it.',
    },
  };
}
