import { DEDUP_NORMALIZERS } from '../core/definitionTypes';
import { ERROR_CODES } from '../core/issues';
import { ref, type JsonSchema } from '../core/jsonSchema';
import { FIELD_KINDS, FIELD_TYPES } from '../fields/registry';
import { variantProperties } from './variantSchema';

/**
 * The JSON Schema (draft-07) of a form definition, assembled from the field units. The committed
 * `schema.json` is written from this object by `npm run schema`; a test
 * keeps the two equal, and docs/definition-format.md is generated from the same descriptions.
 * Per-type field properties use if/then rather than oneOf so that a mistake is reported once, at the
 * property that is wrong, instead of once per field type.
 */
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$';
export const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';
/** A role, or `$owner` (the record's owner), which compileForm accepts only where a key says so. */
export const ROLE_PATTERN = '^([A-Za-z][A-Za-z0-9_-]*|\\$owner)$';
export const FIELD_KEY_PATTERN = '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?$';
export const PII_KINDS = ['phone', 'email', 'name', 'id-card', 'uscc', 'address', 'bank-card', 'other'] as const;
export const MASK_KINDS = ['phone', 'email', 'name', 'id-card', 'uscc', 'address', 'bank-card', 'other', 'full', 'none'] as const;
const EXTENSIONS = { '^x-': { description: 'Extension keys (x-…) are kept and ignored by formloom.' } };

const idList: JsonSchema = { type: 'array', items: ref('id'), uniqueItems: true };
const nameList: JsonSchema = { type: 'array', items: ref('name'), uniqueItems: true };

/** Keys every field has, whatever its type. */
export const COMMON_FIELD_PROPERTIES: { readonly [key: string]: JsonSchema } = {
  id: ref('id', 'Field id: a letter, then letters, digits and _. It is the key in values and the variable name in conditions; row field ids are scoped to their group.'),
  type: { enum: FIELD_TYPES, description: 'Field type.' },
  label: ref('localizedText', 'What the person filling the form reads; errors name the field by it.'),
  help: ref('localizedText', 'A hint shown with the field.'),
  placeholder: ref('localizedText', 'Example text shown in an empty input.'),
  required: ref('logic', 'true, false, or a condition (JSON Logic): conditionally required.'),
  visibleIf: ref('logic', 'A condition: the field exists only while it holds. Hidden fields are neither validated nor kept.'),
  readonlyIf: ref('logic', 'A condition: while it holds, the answer may not change.'),
  default: { description: 'The initial answer of a new session or record; must be a valid answer. Not allowed on computed and autoId fields.' },
  access: {
    type: 'object',
    description: 'Roles that may read and write the field; without it, everyone may. A role that may write may also read.',
    properties: { read: ref('roleList', 'Roles that may see the field.'), write: ref('roleList', 'Roles that may send a value for it; `$owner` for the record\'s owner (on a record they do not own, only the listed roles).') },
    additionalProperties: false,
  },
  pii: { enum: PII_KINDS, description: 'The kind of personal data the field holds: decides its default mask.' },
  auto: {
    enum: ['createdAt', 'updatedAt', 'createdBy', 'updatedBy'],
    description: 'Filled by the system on each record: the time it was created or last updated (a datetime field, YYYY-MM-DD HH:mm:ss in the form\'s time zone) or who did it (a text field). No role writes it.',
  },
  messages: {
    type: 'object',
    description: 'The field\'s own message per error code: { "required": { "zh-CN": "请留下手机号" } }.',
    propertyNames: { enum: ERROR_CODES },
    additionalProperties: ref('localizedText'),
  },
};

/**
 * The longest text a field may admit. Checking a text (its length, format and pattern) costs time in
 * proportion to it, so a definition cannot ask for texts of a trillion characters; a million is a
 * long document.
 */
export const MAX_TEXT_LENGTH = 1_000_000;
const MAX_TEXT_LENGTH_TEXT = /* @__PURE__ */ String(MAX_TEXT_LENGTH).replace(/\B(?=(\d{3})+$)/g, ',');

/** A kind's properties with its text lengths (`minLength`, `maxLength`) bounded by MAX_TEXT_LENGTH. */
const boundLengths = /* @__NO_SIDE_EFFECTS__ */ (properties: { readonly [key: string]: JsonSchema }): { readonly [key: string]: JsonSchema } => {
  const bounded = { ...properties };
  for (const key of ['minLength', 'maxLength']) {
    const property = bounded[key];
    if (property === undefined) continue;
    const { description, ...rest } = property;
    bounded[key] = { ...rest, maximum: MAX_TEXT_LENGTH, description: `${String(description)} At most ${MAX_TEXT_LENGTH_TEXT}.` };
  }
  return bounded;
};

const typeRule = /* @__NO_SIDE_EFFECTS__ */ (type: (typeof FIELD_TYPES)[number]): JsonSchema => {
  const kind = FIELD_KINDS[type];
  return {
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: {
      description: kind.summary,
      properties: { ...COMMON_FIELD_PROPERTIES, ...boundLengths(kind.properties) },
      ...(kind.requiredProperties.length > 0 ? { required: kind.requiredProperties } : {}),
      patternProperties: EXTENSIONS,
      additionalProperties: false,
    },
  };
};

const transition: JsonSchema = /* @__PURE__ */ (() => ({
  type: 'object',
  description: 'A move from one state to another, fired by an event.',
  required: ['event', 'from', 'to'],
  properties: {
    event: ref('name', 'The event name that fires it (approve, reject, start …).'),
    from: { type: ['string', 'array'], pattern: NAME_PATTERN, items: ref('name'), minItems: 1, description: 'The state (or states) it leaves.' },
    to: ref('name', 'The state it enters.'),
    label: ref('localizedText', 'What a button for it says.'),
    roles: ref('roleList', 'Roles that may fire it, and `$owner` for the record\'s owner; without it, any role.'),
    when: ref('logic', 'A condition on the record\'s values that must hold.'),
    requires: { ...idList, description: 'Top-level fields that must be answered first (a done ticket needs a solution).' },
    reason: { enum: ['required', 'optional'], description: 'Whether the transition takes a reason (a rejection must say why).' },
    maxTimes: { type: 'integer', minimum: 1, description: 'How often it may fire on one record (at most 3 resubmissions).' },
    set: { type: 'object', propertyNames: ref('id'), additionalProperties: ref('logic'), description: 'Fields it sets, each from a JSON Logic expression ({"var": "$now"} for a completion time).' },
    effects: {
      type: 'array',
      description: 'Notifications the app should send once it fired (a confirmation SMS after submission): `workflow.fire` returns them as data, rendered and masked; formloom sends nothing.',
      items: {
        type: 'object',
        required: ['notify', 'to'],
        properties: {
          notify: ref('name', 'A template id of `notifications.templates`.'),
          to: ref('id', 'The top-level field whose answer is the recipient (a mobile, an e-mail).'),
          channel: ref('name', 'How the app sends it (sms, email …); default from the recipient field: email for an e-mail, else sms.'),
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
}))();

const workflow: JsonSchema = /* @__PURE__ */ (() => ({
  type: 'object',
  description: 'A state machine over records: review, processing, customer stage.',
  required: ['initial', 'states', 'transitions'],
  properties: {
    label: ref('localizedText', 'The workflow\'s name as people read it.'),
    initial: ref('name', 'The state a new record starts in.'),
    states: {
      type: 'object',
      description: 'State name -> state.',
      minProperties: 1,
      propertyNames: ref('name'),
      additionalProperties: {
        type: 'object',
        properties: {
          label: ref('localizedText', 'The state as people read it (已建档).'),
          deadline: {
            type: ['string', 'object'],
            description: 'How long a record may stay in this state before it is overdue: an ISO 8601 duration (PT24H, P3D) or { "workingDays": n }, counted on the working-day calendar given to compileForm.',
            properties: { workingDays: { type: 'integer', minimum: 1, maximum: 10000, description: 'Working days; weekends, holidays and make-up workdays come from the calendar.' } },
            required: ['workingDays'],
            additionalProperties: false,
          },
          final: { type: 'boolean', description: 'No transition leaves it.' },
        },
        additionalProperties: false,
      },
    },
    transitions: { type: 'array', items: transition, description: 'The allowed moves.' },
  },
  additionalProperties: false,
}))();

// Built inside a function so that a bundle which never uses the schema drops it whole.
export const definitionSchema: JsonSchema = /* @__PURE__ */ (() => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://formloom.dev/schema.json',
  title: 'formloom form definition',
  description: 'A form definition: sections of fields, with conditions, rules, tags, dedup keys, masking policies, encryption, workflows, drafts, export and retention settings.',
  type: 'object',
  required: ['id', 'version'],
  // A variant names its base in `extends` and takes the base's title and sections.
  if: { required: ['extends'] },
  else: { required: ['title', 'sections'] },
  properties: {
    $schema: { type: 'string', description: 'Path to this schema, for editor autocompletion.' },
    id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$', maxLength: 64, description: 'The form\'s id; records keep it.' },
    version: { type: 'integer', minimum: 1, description: 'The definition\'s version; records keep the version they were collected under.' },
    title: ref('localizedText', 'The form\'s title. A variant may leave it out: the base\'s is kept.'),
    description: ref('localizedText', 'What the form is for.'),
    timeZone: { type: 'string', description: 'IANA time zone of the form (Asia/Shanghai): `$today`, deadlines, auto ids and file names are counted in it. A compileForm option overrides it; default the runtime\'s zone.' },
    defaultLocale: ref('locale', 'The language plain-string texts are written in, and of messages when a call names none (default zh-CN).'),
    roles: { ...nameList, description: 'The roles of people who use the form, e.g. customer, clerk, reviewer, admin.' },
    forbid: {
      type: 'array', items: { enum: PII_KINDS }, uniqueItems: true,
      description: 'Kinds of personal data this form must never collect: no field may hold them (its `pii`, its format), and a bank card, ID card, mobile or e-mail typed into any free text is refused (`forbiddenData`).',
    },
    optionSets: { type: 'object', propertyNames: ref('name'), additionalProperties: ref('options'), description: 'Option lists shared by several fields, by name.' },
    sections: { type: 'array', minItems: 1, items: ref('section'), description: 'The form\'s modules, in order. A variant lists none: it changes its base\'s with `remove`, `add`, `fields` and `sectionOverrides`.' },
    rules: {
      type: 'array',
      description: 'Cross-field checks.',
      items: {
        type: 'object',
        required: ['id', 'assert'],
        properties: {
          id: ref('name', 'The rule\'s name; errors carry it as params.rule.'),
          when: ref('logic', 'When the rule applies; without it, once every field `assert` reads is answered.'),
          assert: ref('logic', 'What must hold.'),
          path: { type: 'string', description: 'The top-level field the error is reported at.' },
          message: ref('localizedText', 'The error message.'),
        },
        additionalProperties: false,
      },
    },
    tags: {
      type: 'array',
      description: 'Labels a record earns from its answers: high value, key follow-up.',
      items: {
        type: 'object',
        required: ['id', 'when'],
        properties: { id: ref('name', 'The tag.'), label: ref('localizedText', 'The tag as people read it.'), when: ref('logic', 'When the record has it.') },
        additionalProperties: false,
      },
    },
    dedup: {
      type: 'array',
      description: 'Duplicate keys: two records with the same key are the same customer.',
      items: {
        type: 'object',
        required: ['id', 'fields'],
        properties: {
          id: ref('name', 'The key\'s name (phone, company).'),
          fields: { ...idList, minItems: 1, description: 'The top-level fields the key is made of.' },
          normalize: { type: 'array', items: { enum: DEDUP_NORMALIZERS }, description: 'How values are normalised before comparing.' },
        },
        additionalProperties: false,
      },
    },
    masking: {
      type: 'object',
      description: 'Masking policies: which fields are masked how, and which roles see plain values.',
      required: ['policies'],
      properties: {
        policies: {
          type: 'object',
          description: 'Policy name (export, view) -> field id (or group.field) -> mask.',
          propertyNames: ref('name'),
          additionalProperties: {
            type: 'object',
            propertyNames: { type: 'string', pattern: FIELD_KEY_PATTERN },
            additionalProperties: { enum: MASK_KINDS },
          },
        },
        reveal: { type: 'object', propertyNames: ref('name'), additionalProperties: ref('roleList'), description: 'Policy name -> roles that see plain values.' },
      },
      additionalProperties: false,
    },
    encryption: {
      type: 'object',
      description: 'Field-level encryption: answers of these kinds of personal data are stored sealed (AES-256-GCM under keys the application holds, never the definition), with a keyed blind index so dedup keys still match.',
      required: ['pii'],
      properties: {
        pii: {
          type: 'array', items: { enum: PII_KINDS }, uniqueItems: true, minItems: 1,
          description: 'Kinds of personal data to seal: every field holding one (its `pii`, its format\'s kind, or its group\'s `pii`), group rows included.',
        },
        reveal: ref('roleList', 'Roles that read plain values once unsealed; every other role reads them masked by the field\'s kind. Without it, nobody does.'),
      },
      additionalProperties: false,
    },
    ownership: {
      type: 'object',
      description: 'Who owns records: the creator, until someone in `assign` gives a record to another (`form.assignOwner`, kept in history). `$owner` in a field\'s `access.write` or a transition\'s `roles` names the owner.',
      properties: {
        ownOnly: ref('roleList', 'Roles that may change only the records they own: their updates, workflow events and change requests on anyone else\'s are refused (`forbidden`).'),
        assign: ref('roleList', 'Roles that may assign or replace a record\'s owner; without it, nobody may.'),
      },
      additionalProperties: false,
    },
    changeRequests: {
      type: 'object',
      description: 'Changes that reach a record only once reviewed: `form.requestChange` makes a pending request, `form.reviewChange` fires the review workflow\'s events on it, and the record changes when the request enters `apply`.',
      required: ['workflow', 'apply'],
      properties: {
        workflow: ref('name', 'The workflow of `workflows` that reviews requests. It runs on requests, not on records (records hold no state of it); its transitions may not `set` fields or have `effects`.'),
        apply: ref('name', 'The state of that workflow in which a request\'s changes are applied to the record (approved).'),
      },
      additionalProperties: false,
    },
    workflows: { type: 'object', propertyNames: ref('name'), additionalProperties: workflow, description: 'Workflow name -> workflow; several may run on one record.' },
    notifications: {
      type: 'object',
      description: 'Message templates for workflow `effects`.',
      required: ['templates'],
      properties: {
        templates: {
          type: 'object', propertyNames: ref('name'), additionalProperties: ref('localizedText'),
          description: 'Template id -> text. Placeholders: {field:<id>} (an answer as an export shows it: option labels, masked under `policy`), {recordId}, {event}, {state} (the new state\'s label), {form} (the title), {reason}.',
        },
        policy: ref('name', 'The masking policy every {field:…} placeholder is shown under (a message is not a place for a full ID number).'),
      },
      additionalProperties: false,
    },
    drafts: {
      type: 'object',
      description: 'Saved drafts.',
      properties: { ttl: ref('duration', 'How long a draft can be resumed (default P7D).') },
      additionalProperties: false,
    },
    export: {
      type: 'object',
      description: 'Exports.',
      properties: { filename: { type: 'string', minLength: 1, description: 'File name pattern: {yyyyMM}客户反馈记录表, {field:customerName}-{yyyyMMdd}.' } },
      additionalProperties: false,
    },
    retention: {
      type: 'object',
      description: 'Retention.',
      properties: {
        keep: ref('duration', 'How long records are kept (P2Y), counted from `from`.'),
        from: { enum: ['created', 'updated', 'ended'], description: 'Where `keep` counts from: the record\'s creation (default), its last update, or the end of the relationship (the first time a workflow reached a final state: "3 years after the relationship ends").' },
        reconfirm: ref('duration', 'How often a record must be re-confirmed (updated) before it is stale (P6M).'),
      },
      additionalProperties: false,
    },
    ...variantProperties({ formId: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$', maxLength: 64 }, fieldKey: FIELD_KEY_PATTERN }),
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
  definitions: {
    id: { type: 'string', pattern: ID_PATTERN, maxLength: 64, description: 'A field id: a letter, then letters, digits and _.' },
    name: { type: 'string', pattern: NAME_PATTERN, maxLength: 64, description: 'A name: a letter, then letters, digits, _ and -.' },
    locale: { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'A BCP 47 language tag: zh-CN, zh-TW, en.' },
    role: { type: 'string', pattern: ROLE_PATTERN, maxLength: 64, description: 'A role declared in `roles`, or `$owner`: the record\'s owner, only in a field\'s `access.write` and a transition\'s `roles`.' },
    roleList: { type: 'array', items: ref('role'), uniqueItems: true, description: 'Role names, each declared in `roles`; `$owner` where a key says so.' },
    duration: { type: 'string', description: 'An ISO 8601 duration: P7D, PT24H, P2Y; at most 1000 years (P1000Y).' },
    localizedText: {
      description: 'Text, or text per locale: {"zh-CN": "…", "en": "…"}. Plain text is in the form\'s defaultLocale.',
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
      description: 'An option: the value stored, the label shown, and optional children.',
      required: ['value', 'label'],
      properties: {
        value: { type: ['string', 'number'], minLength: 1, description: 'What the values hold.' },
        label: ref('localizedText', 'What people read.'),
        children: ref('options', 'Sub-options: a hierarchy (manufacturing > auto parts) or a cascader tree.'),
      },
      additionalProperties: false,
    },
    options: { type: 'array', minItems: 1, items: ref('option'), description: 'A list of options.' },
    section: {
      type: 'object',
      description: 'A module of the form.',
      required: ['id', 'fields'],
      properties: {
        id: ref('name', 'The section\'s id.'),
        title: ref('localizedText', 'The section\'s heading.'),
        description: ref('localizedText', 'Text shown under the heading.'),
        visibleIf: ref('logic', 'A condition: the whole section exists only while it holds.'),
        fields: { type: 'array', minItems: 1, items: ref('field'), description: 'The section\'s fields, in order.' },
      },
      patternProperties: EXTENSIONS,
      additionalProperties: false,
    },
    field: {
      type: 'object',
      description: 'A field; the keys it may have depend on its type.',
      required: ['id', 'type', 'label'],
      properties: { id: COMMON_FIELD_PROPERTIES.id, type: COMMON_FIELD_PROPERTIES.type },
      allOf: /* @__PURE__ */ FIELD_TYPES.map(typeRule),
    },
  },
}))();
