/**
 * The practical limit: what a hand-tuned app could do with the fastest general parts at hand. ONE ajv 8
 * validator for the whole form (conditional requirements as if/then), and the form's JSON Logic
 * visibility compiled once to closures by json-logic-engine. Both are generated from the formloom
 * definition itself (bench/forms/intake.json and its 200-field version), so this peer judges exactly
 * the rules formloom judges; it is a measuring stick, not a product (no messages, no cleaned values).
 */
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { LogicEngine } from 'json-logic-engine';
import { bigIntakeDefinition, intakeDefinition } from '../forms/bigIntake';
import type { Peer } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Schema = Record<string, unknown>;
type Condition = (data: unknown) => unknown;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** cn-mobile as JSON Schema can say it: 11 digits (formloom also strips +86 and spaces first). */
const CN_MOBILE = '^1[3-9]\\d{9}$';
const ROW = '$row.';

// ---------------------------------------------------------------------------------------------------
// Reading the definition.
// ---------------------------------------------------------------------------------------------------

interface FieldDef {
  id: string;
  type: string;
  json: JsonObject;
}

const fieldsOf = (value: Json | undefined, where: string): FieldDef[] => {
  if (!Array.isArray(value)) throw new Error(`limit peer: ${where} has no fields`);
  return value.map((field) => {
    if (!isObject(field) || typeof field.id !== 'string' || typeof field.type !== 'string') throw new Error(`limit peer: a field of ${where} has no id or type`);
    return { id: field.id, type: field.type, json: field };
  });
};

const definitionFields = (definition: Record<string, unknown>): { fields: FieldDef[]; optionSets: JsonObject } => {
  const { sections, optionSets } = definition;
  if (!Array.isArray(sections)) throw new Error('limit peer: a definition without sections');
  const fields = sections.flatMap((section: unknown) => (isObject(section) ? fieldsOf(section.fields, `section ${String(section.id)}`) : []));
  return { fields, optionSets: isObject(optionSets) ? optionSets : {} };
};

const numberOf = (field: FieldDef, key: string): number | undefined => {
  const value = field.json[key];
  return typeof value === 'number' ? value : undefined;
};

const optionValues = (field: FieldDef, optionSets: JsonObject): Json[] => {
  const ref = field.json.optionsRef;
  const options = typeof ref === 'string' ? optionSets[ref] : field.json.options;
  if (!Array.isArray(options)) throw new Error(`limit peer: ${field.id} has no options`);
  return options.map((option) => (isObject(option) && option.value !== undefined ? option.value : null));
};

// ---------------------------------------------------------------------------------------------------
// The JSON Schema.
// ---------------------------------------------------------------------------------------------------

/** The name a `var` reads, relative to the object the schema checks (a row reads `$row.x` as `x`). */
const varName = (logic: Json, inRow: boolean): string => {
  const operand = Array.isArray(logic) ? logic[0] : logic;
  if (!isObject(operand) || typeof operand.var !== 'string') throw new Error(`limit peer: not a var: ${JSON.stringify(logic)}`);
  const name = operand.var;
  if (inRow !== name.startsWith(ROW)) throw new Error(`limit peer: ${name} read outside its scope`);
  return inRow ? name.slice(ROW.length) : name;
};

const FALSY: Json[] = [false, 0, '', null, []];

/**
 * The JSON Schema that holds exactly when a condition is true, for the shapes a form's requirement
 * conditions take (`==` a constant, `!!`, `and`). Read against the data ajv sees, where hidden and
 * empty answers are absent, as formloom's conditions read them.
 */
const conditionSchema = (logic: Json, inRow: boolean): Schema => {
  if (!isObject(logic)) throw new Error(`limit peer: unsupported condition ${JSON.stringify(logic)}`);
  const [operator, args] = Object.entries(logic)[0] ?? [];
  if ((operator === '==' || operator === '===') && Array.isArray(args) && args.length === 2) {
    const [left, right] = args;
    const [reference, constant] = isObject(left) && 'var' in left ? [left, right] : [right, left];
    if (reference === undefined || constant === undefined || (isObject(constant) || Array.isArray(constant))) throw new Error(`limit peer: unsupported ${JSON.stringify(logic)}`);
    const name = varName(reference, inRow);
    return { required: [name], properties: { [name]: { const: constant } } };
  }
  if (operator === '!!' && args !== undefined) {
    const name = varName(args, inRow);
    return { required: [name], properties: { [name]: { not: { enum: FALSY } } } };
  }
  if (operator === 'and' && Array.isArray(args)) return { allOf: args.map((item) => conditionSchema(item, inRow)) };
  throw new Error(`limit peer: unsupported condition ${JSON.stringify(logic)}`);
};

const objectSchema = (fields: readonly FieldDef[], optionSets: JsonObject, inRow: boolean): Schema => {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const allOf: Schema[] = [];
  for (const field of fields) {
    properties[field.id] = fieldSchema(field, optionSets);
    const { required: requirement, visibleIf } = field.json;
    if (requirement === undefined || requirement === false) continue;
    // Required while shown: a hidden answer is dropped before ajv runs, so its requirement must be conditional too.
    const conditions = [...(visibleIf === undefined ? [] : [visibleIf]), ...(requirement === true ? [] : [requirement])];
    if (conditions.length === 0) required.push(field.id);
    else allOf.push({ if: conditionSchema(conditions.length === 1 ? conditions[0] ?? null : { and: conditions }, inRow), then: { required: [field.id] } });
  }
  const schema: Schema = { type: 'object', properties, required };
  if (allOf.length > 0) schema.allOf = allOf;
  return schema;
};

const fieldSchema = (field: FieldDef, optionSets: JsonObject): Schema => {
  const limits = (schema: Schema, keys: Record<string, string>): Schema => {
    for (const [from, to] of Object.entries(keys)) {
      const value = numberOf(field, from);
      if (value !== undefined) schema[to] = value;
    }
    return schema;
  };
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const schema = limits({ type: 'string' }, { minLength: 'minLength', maxLength: 'maxLength' });
      if (field.json.format === 'email') schema.format = 'email';
      else if (field.json.format === 'cn-mobile') schema.pattern = CN_MOBILE;
      else if (field.json.format !== undefined) throw new Error(`limit peer: format ${String(field.json.format)}`);
      return schema;
    }
    case 'radio':
    case 'select':
      return { enum: optionValues(field, optionSets) };
    case 'multiselect':
      return limits({ type: 'array', items: { enum: optionValues(field, optionSets) }, uniqueItems: true }, { maxItems: 'maxItems', minItems: 'minItems' });
    case 'date':
      return { type: 'string', format: 'date' };
    case 'rating':
      return { type: 'integer', minimum: 1, maximum: numberOf(field, 'max') ?? 5 };
    case 'boolean':
      return { type: 'boolean' };
    case 'group':
      return limits({ type: 'array', items: objectSchema(fieldsOf(field.json.fields, field.id), optionSets, true) }, { maxItems: 'maxItems', minItems: 'minItems' });
    default:
      throw new Error(`limit peer: field type ${field.type}`);
  }
};

// ---------------------------------------------------------------------------------------------------
// Visibility, compiled once.
// ---------------------------------------------------------------------------------------------------

interface LiveField {
  id: string;
  /** The compiled visibleIf: reads the values, or `{ $row: row }` for a row field. */
  visible: Condition | undefined;
  /** A group's row fields. */
  rows: LiveField[] | undefined;
  rowsById: Map<string, LiveField> | undefined;
}

/** json-logic-engine 5 throws NaN when `==` meets values it cannot compare ('yes' == true): a condition that cannot be decided is false. */
const safely = (condition: Condition): Condition => (data) => {
  try {
    return condition(data);
  } catch {
    return false;
  }
};

const liveFields = (fields: readonly FieldDef[], engine: LogicEngine): LiveField[] =>
  fields.map((field) => {
    const rows = field.type === 'group' ? liveFields(fieldsOf(field.json.fields, field.id), engine) : undefined;
    const { visibleIf } = field.json;
    return {
      id: field.id,
      visible: visibleIf === undefined ? undefined : safely(engine.build(visibleIf) as Condition),
      rows,
      rowsById: rows === undefined ? undefined : new Map(rows.map((row) => [row.id, row])),
    };
  });

/** JSON Logic truthiness (an empty array is false). */
const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));
/** formloom's "no answer" for these field types: nothing, an empty text, an empty list. */
const unanswered = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The answers ajv judges: visible, answered, known fields only, in a fresh object. */
const answered = (fields: readonly LiveField[], values: Record<string, unknown>, context: unknown): Record<string, unknown> => {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.id];
    if (unanswered(value) || (field.visible !== undefined && !truthy(field.visible(context)))) continue;
    const { rows } = field;
    result[field.id] = rows === undefined || !Array.isArray(value)
      ? value
      : value.map((row: unknown) => (isRecord(row) ? answered(rows, row, { $row: row }) : row));
  }
  return result;
};

/** One path per field: an error inside a value (a multiselect's item) belongs to its field, `group.row.field` in a row. */
const errorPaths = (errors: readonly ErrorObject[], groups: ReadonlySet<string>): string[] => {
  const paths = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
    const missing: unknown = error.keyword === 'required' ? error.params.missingProperty : undefined;
    if (typeof missing === 'string') segments.push(missing);
    paths.add(segments.slice(0, groups.has(segments[0] ?? '') ? 3 : 1).join('.'));
  }
  return [...paths].sort();
};

const definitionFor = (copies: number): Record<string, unknown> => (copies === 0 ? intakeDefinition() : bigIntakeDefinition(copies));

export const limitPeer: Peer = {
  name: 'limit (ajv 8.20 + json-logic-engine 5.0)',
  notes: [
    'form: one JSON Schema generated from the formloom definition (cn-mobile as an 11-digit pattern without the +86/space stripping; requirements that depend on a condition or on visibility as if/then), visibility as the definition\'s JSON Logic compiled once to closures by json-logic-engine.',
    'validate: one pass over the fields evaluating the compiled visibility (rows with the row as $row) to build a fresh object without hidden, empty or unknown answers, then one ajv validator (allErrors), errors mapped to paths; no messages, no value cleaning, no normalisation.',
    'change: writes the value into a plain object; visible runs the field\'s compiled closure (no dependency tracking, no validation, no snapshot).',
    'compile: generates the schema, new Ajv with the two formats used, ajv.compile, and json-logic-engine build of every visibleIf.',
  ].join(' '),
  compile: (copies) => {
    const { fields, optionSets } = definitionFields(definitionFor(copies));
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv, ['date', 'email']);
    const validator = ajv.compile(objectSchema(fields, optionSets, false));
    const live = liveFields(fields, new LogicEngine());
    const groups = new Set(fields.filter((field) => field.type === 'group').map((field) => field.id));
    return {
      validate: (values) => (validator(answered(live, values, values)) ? [] : errorPaths(validator.errors ?? [], groups)),
    };
  },
  session: (copies, values) => {
    const live = liveFields(definitionFields(definitionFor(copies)).fields, new LogicEngine());
    const byId = new Map(live.map((field) => [field.id, field]));
    const data: Record<string, unknown> = structuredClone(values);
    return {
      set: (path, value) => {
        const segments = path.split('.');
        const last = segments.pop();
        let target: unknown = data;
        for (const segment of segments) target = isRecord(target) || Array.isArray(target) ? (target as Record<string, unknown>)[segment] : undefined;
        if (last === undefined || !(isRecord(target) || Array.isArray(target))) throw new Error(`limit peer: no place for ${path}`);
        (target as Record<string, unknown>)[last] = value;
      },
      visible: (path) => {
        const dot = path.indexOf('.');
        if (dot < 0) {
          const field = byId.get(path);
          if (field === undefined) throw new Error(`limit peer: no field ${path}`);
          return field.visible === undefined || truthy(field.visible(data));
        }
        const [groupId = '', index = '', rowId = ''] = path.split('.');
        const rowField = byId.get(groupId)?.rowsById?.get(rowId);
        if (rowField === undefined) throw new Error(`limit peer: no field ${path}`);
        const rows = data[groupId];
        const row: unknown = Array.isArray(rows) ? rows[Number(index)] : undefined;
        return rowField.visible === undefined || truthy(rowField.visible({ $row: row }));
      },
    };
  },
};
