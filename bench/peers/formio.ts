/**
 * Form.io through @formio/core, the renderer-free core that Form.io's server validates submissions
 * with. The intake form is written by hand as Form.io component JSON, the way the Form.io builder
 * saves it: panels for the sections, radio/select with static values, an email component, a number
 * for the rating, a select with `multiple` for the sources, a checkbox and a data grid for the service
 * records. Every condition is JSON Logic (`conditional.json`, `validate.json`): no JavaScript strings,
 * so the core never reaches its `new Function` evaluator.
 */
import { conditionProcessInfo, Processors, processSync, rules } from '@formio/core';
import type { Component, ConditionsScope, DataObject, ProcessContext, ValidationScope } from '@formio/core';
import type { Peer, PeerForm, PeerSession } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Option = { label: string; value: string };

const options = (...pairs: [string, string][]): Option[] => pairs.map(([value, label]) => ({ label, value }));

const CUSTOMER_TYPES = options(['enterprise', 'Enterprise'], ['individual', 'Individual']);
const INDUSTRIES = options(['manufacturing', 'Manufacturing'], ['retail', 'Retail'], ['it-services', 'IT services'], ['other', 'Other']);
const DEMAND_TYPES = options(['product-consulting', 'Product consulting'], ['custom-service', 'Custom service'], ['cooperation', 'Cooperation'], ['other', 'Other']);
const BUDGETS = options(['lt10k', 'Under 10k'], ['10k-50k', '10k-50k'], ['50k-100k', '50k-100k'], ['gt100k', 'Over 100k']);
const URGENCIES = options(['high', 'High'], ['medium', 'Medium'], ['low', 'Low']);
const FEEDBACK_TYPES = options(['satisfaction', 'Satisfaction'], ['suggestion', 'Suggestion'], ['complaint', 'Complaint']);
const DECISION_SCOPES = options(['purchase', 'Purchase'], ['budget', 'Budget'], ['technical', 'Technical']);
const SOURCES = options(['expo', 'Expo'], ['referral', 'Referral'], ['online', 'Online'], ['cold-call', 'Cold call']);
const CHANNELS = options(['phone', 'Phone'], ['onsite', 'On site'], ['online', 'Online']);
const PROGRESS = options(['pending', 'Pending'], ['done', 'Done']);

const radio = (key: string, label: string, values: Option[], required = false): Component => ({
  type: 'radio', key, label, input: true, values, validate: { required, onlyAvailableItems: true },
});
const select = (key: string, label: string, values: Option[], required = false, extra: Record<string, Json> = {}): Component => ({
  type: 'select', key, label, input: true, widget: 'choicesjs', dataSrc: 'values', data: { values }, validate: { required, onlyAvailableItems: true }, ...extra,
});
const datetime = (key: string, label: string, required = false): Component => ({
  type: 'datetime', key, label, input: true, format: 'yyyy-MM-dd', enableTime: false, validate: { required },
});

/** `validate.json` that fails with `message` when `when` holds and the field is empty: Form.io's declarative conditional required. */
const requiredWhen = (when: Json, message: string): Json => ({ if: [{ and: [when, { '!': [{ var: 'input' }] }] }, message, true] });

/** `validate.json` that fails when the array at `variable` holds more than `max` items. */
const atMost = (variable: string, max: number, message: string): Json => ({ if: [{ '>': [{ var: `${variable}.length` }, max] }, message, true] });

/** The flat fields of bench/forms/intake.json as Form.io components, every key (and every key a condition reads) suffixed. */
const flatSections = (suffix: string): Component[][] => {
  const key = (id: string): string => `${id}${suffix}`;
  const data = (id: string): Json => ({ var: `data.${key(id)}` });
  return [
    [
      radio(key('customerType'), 'Customer type', CUSTOMER_TYPES, true),
      { type: 'textfield', key: key('name'), label: 'Name', input: true, validate: { required: true, maxLength: 50 } },
      { type: 'textfield', key: key('phone'), label: 'Mobile', input: true, validate: { required: true, pattern: '1[3-9]\\d{9}' } },
      { type: 'email', key: key('email'), label: 'Email', input: true, validate: { maxLength: 254 } },
      {
        type: 'textfield', key: key('companyName'), label: 'Company', input: true,
        validate: { maxLength: 100, json: requiredWhen({ '==': [data('customerType'), 'enterprise'] }, 'Company is required for an enterprise') },
      },
      select(key('industry'), 'Industry', INDUSTRIES),
    ],
    [
      radio(key('demandType'), 'Demand type', DEMAND_TYPES, true),
      { type: 'textarea', key: key('demandDescription'), label: 'Description', input: true, validate: { required: true, minLength: 5, maxLength: 2000 } },
      datetime(key('expectedDate'), 'Expected delivery'),
      select(key('budget'), 'Budget', BUDGETS),
      radio(key('urgency'), 'Urgency', URGENCIES),
    ],
    [
      radio(key('feedbackType'), 'Feedback type', FEEDBACK_TYPES),
      {
        type: 'textarea', key: key('feedbackContent'), label: 'Feedback', input: true,
        conditional: { json: { '!!': [data('feedbackType')] } },
        validate: { maxLength: 2000, json: requiredWhen({ '==': [data('feedbackType'), 'complaint'] }, 'Feedback is required for a complaint') },
      },
      {
        type: 'number', key: key('satisfaction'), label: 'Satisfaction', input: true,
        conditional: { json: { '==': [data('feedbackType'), 'satisfaction'] } },
        validate: { min: 1, max: 5 },
      },
    ],
    [
      { type: 'checkbox', key: key('isDecisionMaker'), label: 'Decision maker', input: true },
      select(key('decisionScope'), 'Decision scope', DECISION_SCOPES, true, { conditional: { json: { '==': [data('isDecisionMaker'), true] } } }),
      // A select with `multiple` has no maximum-count rule in the core (maxSelectedCount is for selectboxes, whose value is an object).
      select(key('sources'), 'Sources', SOURCES, false, { multiple: true, validate: { onlyAvailableItems: true, json: atMost(`data.${key('sources')}`, 3, 'Choose at most 3 sources') } }),
    ],
  ];
};

const SECTION_TITLES = ['Customer', 'Demand', 'Feedback', 'Contact and sources'];
const panel = (key: string, label: string, components: Component[]): Component => ({ type: 'panel', key, label, input: false, components });

const servicesGrid = (): Component => ({
  // The builder's validate.maxLength on a data grid only hides the renderer's Add button; the core checks strings only.
  type: 'datagrid', key: 'services', label: 'Service records', input: true, validate: { json: atMost('input', 20, 'At most 20 service records') },
  components: [
    datetime('date', 'Date', true),
    radio('channel', 'Channel', CHANNELS, true),
    select('progress', 'Progress', PROGRESS, true),
    {
      type: 'textarea', key: 'solution', label: 'Solution', input: true,
      conditional: { json: { '==': [{ var: 'row.progress' }, 'done'] } },
      validate: { required: true, maxLength: 500 },
    },
  ],
});

/** The form as a Form.io user saves it: the intake form (copies = 0) or one panel per copy of its flat fields. */
const formComponents = (copies: number): Component[] => {
  if (copies === 0) {
    const sections = flatSections('');
    sections[3]?.push(servicesGrid());
    return sections.map((components, index) => panel(`section${index}`, SECTION_TITLES[index] ?? '', components));
  }
  return Array.from({ length: copies }, (_, copy) => panel(`copy${copy}`, `Copy ${copy}`, flatSections(`_${copy}`).flat()));
};

/** `services[1].solution` (Form.io's data path) ↔ `services.1.solution` (the bench's). */
const benchPath = (dataPath: string): string => dataPath.replace(/\[(\d+)\]/g, '.$1');
const formioPath = (path: string): string => path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Writes `value` at a dotted path (`services.1.progress`), as a renderer's change handler writes into its submission data. */
const setPath = (data: DataObject, path: string, value: unknown): void => {
  const parts = path.split('.');
  let target: unknown = data;
  for (let i = 0; i < parts.length - 1; i++) {
    const next: unknown = isRecord(target) ? target[parts[i] as string] : undefined;
    if (!isRecord(next)) throw new Error(`formio peer: no ${parts.slice(0, i + 1).join('.')} to set ${path} in`);
    target = next;
  }
  if (isRecord(target)) target[parts[parts.length - 1] as string] = value;
};

/** The context Form.io's server hands the core (formio/formio src/resources/Validator.js): ProcessContext plus the rule list and config it reads untyped. */
type SubmitContext = ProcessContext<ValidationScope> & { rules: typeof rules; config: { server: boolean } };

const validateWith = (components: Component[], form: { components: Component[] }, values: Record<string, unknown>): string[] => {
  // The server serialises the submission before processing; the processors write into the data they are
  // given (clearHidden unsets hidden answers, normalize rewrites values, filter rebuilds it).
  const data = JSON.parse(JSON.stringify(values)) as DataObject;
  const context: SubmitContext = {
    form, submission: { data }, components, data, processors: Processors, rules, scope: { errors: [] }, config: { server: true },
  };
  const scope = processSync(context);
  const paths = new Set<string>();
  for (const error of scope.errors) paths.add(benchPath(error.context.path ?? ''));
  return [...paths].sort();
};

export const formioPeer: Peer = {
  name: '@formio/core 2.8.3',
  notes:
    'validate: processSync with the core\'s one-pass Processors list, as the Form.io server runs it on a submission (filter, defaults, calculate, conditions, logic, normalize, clearHidden, then the client rules: required, pattern, min/max length, min/max, email, date, onlyAvailableItems, validate.json), on a JSON copy of the record as the server makes one (the processors write into the data); ' +
    'conditionally hidden fields are skipped by the validator itself (validateWhenHidden off) and clearOnHide drops their values; conditional required and the 3-source and 20-row limits are validate.json (JSON Logic), the row condition reads row.progress; no JavaScript strings are evaluated; no server-only rules (unique, resource selects); a non-numeric rating is normalised away instead of reported, and decimals pass. ' +
    'compile: Form.io has no compile step: compile only builds the component JSON, which every processSync walks and interprets again (paths, contexts, JSON Logic); each form owns its JSON because processSync writes into component objects. ' +
    'change: @formio/core has no session and no dependency tracking: set writes the answer into the data and re-runs processSync with the conditions processor alone over the whole form; visible reads the conditionallyHidden result recorded per data path in scope.conditionals.',
  compile: (copies): PeerForm => {
    const components = formComponents(copies);
    const form = { components };
    return { validate: (values) => validateWith(components, form, values) };
  },
  session: (copies, values): PeerSession => {
    const components = formComponents(copies);
    const form = { components };
    const data = JSON.parse(JSON.stringify(values)) as DataObject;
    let conditionals: ConditionsScope['conditionals'] = [];
    const check = (): void => {
      const scope = processSync<ConditionsScope>({ form, components, data, processors: [conditionProcessInfo], scope: {} });
      conditionals = scope.conditionals ?? [];
    };
    check();
    return {
      set: (path, value) => {
        setPath(data, path, value);
        check();
      },
      visible: (path) => {
        const target = formioPath(path);
        return conditionals?.find((conditional) => conditional.path === target)?.conditionallyHidden !== true;
      },
    };
  },
};
