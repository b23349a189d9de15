/**
 * JSON Forms (@jsonforms/core 3.8) behind the peer interface: the intake form written the way a JSON
 * Forms user writes it — a JSON Schema for the data (with if/then for the conditional requirements)
 * and a UI schema whose SHOW rules carry the visibility — and run through the core the way a JSON
 * Forms renderer does (coreReducer for changes, isVisible for a control's visibility).
 */
import { Actions, RuleEffect, coreReducer, createAjv, getControlPath, isVisible } from '@jsonforms/core';
import type { ControlElement, GroupLayout, JsonFormsCore, JsonSchema7, Rule, UISchemaElement, VerticalLayout } from '@jsonforms/core';
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import type { Peer } from './types';

// ---------------------------------------------------------------------------------------------------
// The form, by hand. `s` is the copy suffix: '' for the intake form, `_k` for copy k of the big form.
// ---------------------------------------------------------------------------------------------------

/** cn-mobile as JSON Schema can say it: 11 digits (formloom also strips +86 and spaces first). */
const CN_MOBILE = '^1[3-9]\\d{9}$';
const strings = (...values: string[]): JsonSchema7 => ({ type: 'string', enum: values });

const flatProperties = (s: string): Record<string, JsonSchema7> => ({
  [`customerType${s}`]: strings('enterprise', 'individual'),
  [`name${s}`]: { type: 'string', maxLength: 50 },
  [`phone${s}`]: { type: 'string', pattern: CN_MOBILE },
  [`email${s}`]: { type: 'string', format: 'email', maxLength: 254 },
  [`companyName${s}`]: { type: 'string', maxLength: 100 },
  [`industry${s}`]: strings('manufacturing', 'retail', 'it-services', 'other'),
  [`demandType${s}`]: strings('product-consulting', 'custom-service', 'cooperation', 'other'),
  [`demandDescription${s}`]: { type: 'string', minLength: 5, maxLength: 2000 },
  [`expectedDate${s}`]: { type: 'string', format: 'date' },
  [`budget${s}`]: strings('lt10k', '10k-50k', '50k-100k', 'gt100k'),
  [`urgency${s}`]: strings('high', 'medium', 'low'),
  [`feedbackType${s}`]: strings('satisfaction', 'suggestion', 'complaint'),
  [`feedbackContent${s}`]: { type: 'string', maxLength: 2000 },
  [`satisfaction${s}`]: { type: 'integer', minimum: 1, maximum: 5 },
  [`isDecisionMaker${s}`]: { type: 'boolean' },
  [`decisionScope${s}`]: strings('purchase', 'budget', 'technical'),
  [`sources${s}`]: { type: 'array', items: strings('expo', 'referral', 'online', 'cold-call'), uniqueItems: true, maxItems: 3 },
});

const flatRequired = (s: string): string[] => [`customerType${s}`, `name${s}`, `phone${s}`, `demandType${s}`, `demandDescription${s}`];

/** `then` applies when `property` holds `value` (required inside `if`, or an absent property would match). */
const requiredWhen = (property: string, value: string | boolean, required: string): JsonSchema7 => ({
  if: { properties: { [property]: { const: value } }, required: [property] },
  then: { required: [required] },
});

/** The conditional requirements (JSON Schema cannot read the UI rules, so they are stated again here). */
const flatConditions = (s: string): JsonSchema7[] => [
  requiredWhen(`customerType${s}`, 'enterprise', `companyName${s}`),
  requiredWhen(`feedbackType${s}`, 'complaint', `feedbackContent${s}`),
  requiredWhen(`isDecisionMaker${s}`, true, `decisionScope${s}`),
];

const serviceRow: JsonSchema7 = {
  type: 'object',
  properties: {
    date: { type: 'string', format: 'date' },
    channel: strings('phone', 'onsite', 'online'),
    progress: strings('pending', 'done'),
    solution: { type: 'string', maxLength: 500 },
  },
  required: ['date', 'channel', 'progress'],
  ...requiredWhen('progress', 'done', 'solution'),
};

const showWhen = (scope: string, schema: JsonSchema7): Rule => ({ effect: RuleEffect.SHOW, condition: { scope: `#/properties/${scope}`, schema } });
const control = (id: string, rule?: Rule): ControlElement =>
  rule === undefined ? { type: 'Control', scope: `#/properties/${id}` } : { type: 'Control', scope: `#/properties/${id}`, rule };
const group = (label: string, elements: UISchemaElement[]): GroupLayout => ({ type: 'Group', label, elements });

const serviceDetail: VerticalLayout = {
  type: 'VerticalLayout',
  elements: [control('date'), control('channel'), control('progress'), control('solution', showWhen('progress', { const: 'done' }))],
};

const flatGroups = (s: string, withServices: boolean): GroupLayout[] => [
  group('Customer', [`customerType${s}`, `name${s}`, `phone${s}`, `email${s}`, `companyName${s}`, `industry${s}`].map((id) => control(id))),
  group('Demand', [`demandType${s}`, `demandDescription${s}`, `expectedDate${s}`, `budget${s}`, `urgency${s}`].map((id) => control(id))),
  group('Feedback', [
    control(`feedbackType${s}`),
    control(`feedbackContent${s}`, showWhen(`feedbackType${s}`, { type: 'string', minLength: 1 })),
    control(`satisfaction${s}`, showWhen(`feedbackType${s}`, { const: 'satisfaction' })),
  ]),
  group('Contact and sources', [
    control(`isDecisionMaker${s}`),
    control(`decisionScope${s}`, showWhen(`isDecisionMaker${s}`, { const: true })),
    control(`sources${s}`),
    ...(withServices ? [{ ...control('services'), options: { detail: serviceDetail } }] : []),
  ]),
];

interface FormParts {
  schema: JsonSchema7;
  uischema: VerticalLayout;
  ajv: Ajv;
  /** Every control of the root, by property. */
  controls: Map<string, ControlElement>;
  /** Every control of an array's detail layout, by array property and then row property. */
  rowControls: Map<string, Map<string, ControlElement>>;
}

const collect = (elements: readonly UISchemaElement[], into: Map<string, ControlElement>, rows: Map<string, Map<string, ControlElement>>): void => {
  for (const element of elements) {
    if ('elements' in element && Array.isArray(element.elements)) collect(element.elements as UISchemaElement[], into, rows);
    if (element.type !== 'Control' || !('scope' in element) || typeof element.scope !== 'string') continue;
    const id = element.scope.slice('#/properties/'.length);
    into.set(id, element as ControlElement);
    const detail: unknown = element.options?.detail;
    if (detail !== null && typeof detail === 'object' && 'elements' in detail && Array.isArray(detail.elements)) {
      const rowMap = new Map<string, ControlElement>();
      collect(detail.elements as UISchemaElement[], rowMap, rows);
      rows.set(id, rowMap);
    }
  }
};

/** Schema, UI schema and ajv: what an app hands to <JsonForms>. copies = 0: the intake form. */
const buildForm = (copies: number): FormParts => {
  const suffixes = copies === 0 ? [''] : Array.from({ length: copies }, (_, copy) => `_${copy}`);
  const properties: Record<string, JsonSchema7> = {};
  const required: string[] = [];
  const allOf: JsonSchema7[] = [];
  const elements: UISchemaElement[] = [];
  for (const s of suffixes) {
    Object.assign(properties, flatProperties(s));
    required.push(...flatRequired(s));
    allOf.push(...flatConditions(s));
    elements.push(...flatGroups(s, copies === 0));
  }
  if (copies === 0) properties.services = { type: 'array', maxItems: 20, items: serviceRow };
  const schema: JsonSchema7 = { type: 'object', properties, required, allOf };
  const uischema: VerticalLayout = { type: 'VerticalLayout', elements };
  const controls = new Map<string, ControlElement>();
  const rowControls = new Map<string, Map<string, ControlElement>>();
  collect(elements, controls, rowControls);
  return { schema, uischema, ajv: createAjv(), controls, rowControls };
};

// ---------------------------------------------------------------------------------------------------
// Submit: JSON Forms validates the whole data, hidden controls included, so the app drops hidden answers
// first, reading the same UI rules the renderers read.
// ---------------------------------------------------------------------------------------------------

/** Only the controls with a rule can be hidden. */
const ruled = (controls: Map<string, ControlElement>): Map<string, ControlElement> =>
  new Map([...controls].filter(([, element]) => element.rule !== undefined));

interface Submitter {
  /** The data a submit sends: hidden answers dropped, a cleared text absent (as the renderers store it). */
  (data: Record<string, unknown>): Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const submitter = (parts: FormParts): Submitter => {
  const { ajv } = parts;
  const top = ruled(parts.controls);
  const rows = new Map([...parts.rowControls].map(([id, rowMap]) => [id, ruled(rowMap)] as const));
  const keep = (value: unknown): boolean => value !== undefined && value !== '';
  return (data) => {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(data)) {
      const value = data[key];
      if (!keep(value)) continue;
      const rule = top.get(key);
      if (rule !== undefined && !isVisible(rule, data, '', ajv, undefined)) continue;
      const rowRules = rows.get(key);
      if (rowRules === undefined || !Array.isArray(value)) {
        result[key] = value;
        continue;
      }
      result[key] = value.map((row: unknown, index) => {
        if (!isRecord(row)) return row;
        const rowPath = `${key}.${index}`;
        const kept: Record<string, unknown> = {};
        for (const field of Object.keys(row)) {
          const answer = row[field];
          if (!keep(answer)) continue;
          const rowRule = rowRules.get(field);
          if (rowRule !== undefined && !isVisible(rowRule, data, rowPath, ajv, undefined)) continue;
          kept[field] = answer;
        }
        return kept;
      });
    }
    return result;
  };
};

/**
 * The control path of each error, as JSON Forms assigns errors to controls (`if` errors belong to no
 * control); an error inside a value (a multiselect's item, `sources.0`) is reported at its control.
 */
const errorPaths = (errors: ErrorObject[] | null | undefined, arrays: ReadonlyMap<string, unknown>): string[] => {
  if (errors === null || errors === undefined) return [];
  const paths = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const segments = String(getControlPath(error)).split('.');
    paths.add(segments.slice(0, arrays.has(segments[0] ?? '') ? 3 : 1).join('.'));
  }
  return [...paths].sort();
};

/** Evaluates every rule once, as the first render does: ajv compiles each condition schema here. */
const warmRules = (parts: FormParts): void => {
  for (const element of parts.controls.values()) isVisible(element, {}, '', parts.ajv, undefined);
  for (const [id, rowMap] of parts.rowControls) for (const element of rowMap.values()) isVisible(element, {}, `${id}.0`, parts.ajv, undefined);
};

const parentAndControl = (parts: FormParts, path: string): [string, ControlElement] => {
  const dot = path.lastIndexOf('.');
  const element = dot < 0 ? parts.controls.get(path) : parts.rowControls.get(path.slice(0, path.indexOf('.')))?.get(path.slice(dot + 1));
  if (element === undefined) throw new Error(`jsonforms peer: no control for ${path}`);
  return [dot < 0 ? '' : path.slice(0, dot), element];
};

export const jsonFormsPeer: Peer = {
  name: '@jsonforms/core 3.8.0',
  notes: [
    'form: a hand-written JSON Schema (types, enums, email/date formats, cn-mobile as an 11-digit pattern without the +86/space stripping, lengths, 1..5 integer rating, unique enum array, array of row objects) and a UI schema whose SHOW rules carry the visibility; conditional requirements are if/then in the schema, stated a second time since JSON Schema cannot read the UI rules.',
    'validate: JSON Forms validates every property, hidden controls included, so the app first builds the submitted data without hidden answers (each control with a rule evaluated by isVisible, row rules with the row path) and without cleared texts (the renderers store a cleared input as undefined), then runs the compiled ajv validator and maps errors to control paths with getControlPath (if-keyword errors dropped); no messages, no value cleaning, only ajv\'s English errors.',
    'change: coreReducer with Actions.update (lodash fp set, then the whole-form ajv validation JSON Forms runs on every change), then isVisible on the one control (its rule condition validated by ajv against the value at the rule scope).',
    'compile: builds schema and UI schema, createAjv (allErrors, formats), ajv.compile of the form schema, and one evaluation of every rule, which compiles the rule condition schemas as the first render does.',
  ].join(' '),
  compile: (copies) => {
    const parts = buildForm(copies);
    const validator = parts.ajv.compile(parts.schema);
    warmRules(parts);
    const submit = submitter(parts);
    return { validate: (values) => (validator(submit(values)) ? [] : errorPaths(validator.errors, parts.rowControls)) };
  },
  session: (copies, values) => {
    const parts = buildForm(copies);
    let state: JsonFormsCore = coreReducer(undefined, Actions.init(values, parts.schema, parts.uischema, { ajv: parts.ajv }));
    return {
      set: (path, value) => {
        state = coreReducer(state, Actions.update(path, () => value));
      },
      visible: (path) => {
        const [parent, element] = parentAndControl(parts, path);
        return isVisible(element, state.data, parent, state.ajv ?? parts.ajv, undefined);
      },
    };
  },
};
