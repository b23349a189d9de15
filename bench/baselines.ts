import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import jsonLogic from 'json-logic-js';

/**
 * The intake form (examples/customer-intake.json) written by hand the way a team without formloom
 * would: one ajv JSON Schema (if/then for the conditional requirement), visibility and tags as JSON
 * Logic, the date rule in code. Both baselines do the same work as formloom's validate for a
 * customer: drop hidden and staff-only fields, validate, check the rule. (Tags are evaluate()'s job.)
 */
const option = (...values: string[]) => ({ enum: values });
export const intakeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['customerType', 'name', 'phone', 'demandType', 'demandDescription'],
  properties: {
    customerType: option('enterprise', 'individual'),
    name: { type: 'string', minLength: 1, maxLength: 50 },
    phone: { type: 'string', pattern: '^1[3-9]\\d{9}$' },
    email: { type: 'string', format: 'email', maxLength: 254 },
    companyName: { type: 'string', maxLength: 100 },
    industry: option('manufacturing', 'retail', 'it-services', 'other'),
    demandType: option('product-consulting', 'custom-service', 'cooperation', 'other'),
    demandDescription: { type: 'string', minLength: 5, maxLength: 2000 },
    expectedDate: { type: 'string', format: 'date' },
    budget: option('lt10k', '10k-50k', '50k-100k', 'gt100k'),
    urgency: option('high', 'medium', 'low'),
    feedbackType: option('satisfaction', 'suggestion', 'complaint'),
    feedbackContent: { type: 'string', maxLength: 2000 },
    satisfaction: { type: 'integer', minimum: 1, maximum: 5 },
  },
  allOf: [
    { if: { properties: { customerType: { const: 'enterprise' } }, required: ['customerType'] }, then: { required: ['companyName'] } },
    { if: { properties: { feedbackType: { const: 'complaint' } }, required: ['feedbackType'] }, then: { required: ['feedbackContent'] } },
  ],
};

const visibility: Record<string, unknown> = {
  feedbackContent: { '!!': { var: 'feedbackType' } },
  satisfaction: { '==': [{ var: 'feedbackType' }, 'satisfaction'] },
};
const STAFF_ONLY = new Set(['status', 'owner', 'followUpAt', 'notes', 'customerNo']);

export const compileBaselineSchema = () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv, ['email', 'date']);
  return ajv.compile(intakeSchema);
};

type Values = Record<string, unknown>;
const makeBaseline = (isVisible: (id: string, values: Values) => boolean) => {
  const validate = compileBaselineSchema();
  return (values: Values, today: string) => {
    const cleaned: Values = {};
    for (const key of Object.keys(values)) {
      if (STAFF_ONLY.has(key) || values[key] === '' || values[key] === null) continue;
      if (key in visibility && !isVisible(key, values)) continue;
      cleaned[key] = values[key];
    }
    const valid = validate(cleaned);
    // ajv adds an 'if' error beside each failing 'then'; a UI shows only the field's own.
    const errors = valid ? [] : (validate.errors ?? []).filter((error) => error.keyword !== 'if');
    if (typeof cleaned.expectedDate === 'string' && cleaned.expectedDate < today) errors.push({ keyword: 'rule' } as never);
    return { valid: errors.length === 0, errors, values: cleaned };
  };
};

/** Baseline 1: conditions interpreted by json-logic-js on every call. */
export const interpretedBaseline = () =>
  makeBaseline((id, values) => jsonLogic.truthy(jsonLogic.apply(visibility[id] as never, values)));

/** Baseline 2: the same conditions written once as closures: the fastest hand-written shape. */
export const closureBaseline = () => {
  const visible: Record<string, (values: Values) => boolean> = {
    feedbackContent: (values) => !!values.feedbackType,
    satisfaction: (values) => values.feedbackType === 'satisfaction',
  };
  return makeBaseline((id, values) => (visible[id] as (v: Values) => boolean)(values));
};
