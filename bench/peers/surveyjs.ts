/**
 * SurveyJS through survey-core 3, the framework-independent model its UI packages render. The intake
 * form is written by hand as survey JSON, the way a SurveyJS user (or Survey Creator) writes it: one
 * page per section, radiogroup/dropdown with static choices, text questions with `inputType` (email,
 * date), comment for long text, rating with `rateMax`, boolean, checkbox with `maxSelectedChoices`, and
 * a `paneldynamic` for the service records whose solution reads its row through `{panel.progress}`.
 * Conditions are SurveyJS expressions (`visibleIf`, `requiredIf`); checks are SurveyJS validators
 * (regex, email, text min/max length, numeric range for the rating).
 */
import { Model, PanelModel, QuestionPanelDynamicModel } from 'survey-core';
import type { Question } from 'survey-core';
import type { Peer, PeerForm, PeerSession } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Choice = { value: string; text: string };
const choices = (...pairs: [string, string][]): Choice[] => pairs.map(([value, text]) => ({ value, text }));

const CUSTOMER_TYPES = choices(['enterprise', 'Enterprise'], ['individual', 'Individual']);
const INDUSTRIES = choices(['manufacturing', 'Manufacturing'], ['retail', 'Retail'], ['it-services', 'IT services'], ['other', 'Other']);
const DEMAND_TYPES = choices(['product-consulting', 'Product consulting'], ['custom-service', 'Custom service'], ['cooperation', 'Cooperation'], ['other', 'Other']);
const BUDGETS = choices(['lt10k', 'Under 10k'], ['10k-50k', '10k-50k'], ['50k-100k', '50k-100k'], ['gt100k', 'Over 100k']);
const URGENCIES = choices(['high', 'High'], ['medium', 'Medium'], ['low', 'Low']);
const FEEDBACK_TYPES = choices(['satisfaction', 'Satisfaction'], ['suggestion', 'Suggestion'], ['complaint', 'Complaint']);
const DECISION_SCOPES = choices(['purchase', 'Purchase'], ['budget', 'Budget'], ['technical', 'Technical']);
const SOURCES = choices(['expo', 'Expo'], ['referral', 'Referral'], ['online', 'Online'], ['cold-call', 'Cold call']);
const CHANNELS = choices(['phone', 'Phone'], ['onsite', 'On site'], ['online', 'Online']);
const PROGRESS = choices(['pending', 'Pending'], ['done', 'Done']);

/** `maxLength` limits the input box (and shows a counter); the text validator is what checks an answer's length. */
const textLength = (maxLength: number, minLength = 0): { maxLength: number; validators: Json[] } => ({
  maxLength,
  validators: [minLength > 0 ? { type: 'text', minLength, maxLength } : { type: 'text', maxLength }],
});

/** The four sections of bench/forms/intake.json as survey pages, every name (and every name an expression reads) suffixed. */
const flatPages = (suffix: string): { name: string; title: string; elements: Json[] }[] => {
  const key = (id: string): string => `${id}${suffix}`;
  return [
    {
      name: `basic${suffix}`, title: 'Customer',
      elements: [
        { type: 'radiogroup', name: key('customerType'), title: 'Customer type', isRequired: true, choices: CUSTOMER_TYPES },
        { type: 'text', name: key('name'), title: 'Name', isRequired: true, ...textLength(50) },
        {
          type: 'text', name: key('phone'), title: 'Mobile', inputType: 'tel', isRequired: true,
          validators: [{ type: 'regex', regex: '^1[3-9]\\d{9}$', text: 'Enter an 11-digit mobile number' }],
        },
        { type: 'text', name: key('email'), title: 'Email', inputType: 'email', maxLength: 254, validators: [{ type: 'email' }, { type: 'text', maxLength: 254 }] },
        { type: 'text', name: key('companyName'), title: 'Company', requiredIf: `{${key('customerType')}} = 'enterprise'`, ...textLength(100) },
        { type: 'dropdown', name: key('industry'), title: 'Industry', choices: INDUSTRIES },
      ],
    },
    {
      name: `demand${suffix}`, title: 'Demand',
      elements: [
        { type: 'radiogroup', name: key('demandType'), title: 'Demand type', isRequired: true, choices: DEMAND_TYPES },
        { type: 'comment', name: key('demandDescription'), title: 'Description', isRequired: true, ...textLength(2000, 5) },
        { type: 'text', name: key('expectedDate'), title: 'Expected delivery', inputType: 'date' },
        { type: 'dropdown', name: key('budget'), title: 'Budget', choices: BUDGETS },
        { type: 'radiogroup', name: key('urgency'), title: 'Urgency', choices: URGENCIES },
      ],
    },
    {
      name: `feedback${suffix}`, title: 'Feedback',
      elements: [
        { type: 'radiogroup', name: key('feedbackType'), title: 'Feedback type', choices: FEEDBACK_TYPES },
        {
          type: 'comment', name: key('feedbackContent'), title: 'Feedback', ...textLength(2000),
          visibleIf: `{${key('feedbackType')}} notempty`, requiredIf: `{${key('feedbackType')}} = 'complaint'`,
        },
        {
          // rateMax only draws five stars; the numeric validator is what rejects a 6 in the data.
          type: 'rating', name: key('satisfaction'), title: 'Satisfaction', rateMin: 1, rateMax: 5,
          visibleIf: `{${key('feedbackType')}} = 'satisfaction'`, validators: [{ type: 'numeric', minValue: 1, maxValue: 5 }],
        },
      ],
    },
    {
      name: `contact${suffix}`, title: 'Contact and sources',
      elements: [
        { type: 'boolean', name: key('isDecisionMaker'), title: 'Decision maker' },
        { type: 'dropdown', name: key('decisionScope'), title: 'Decision scope', isRequired: true, choices: DECISION_SCOPES, visibleIf: `{${key('isDecisionMaker')}} = true` },
        {
          // maxSelectedChoices disables the other boxes in the UI; the answercount validator checks the data.
          type: 'checkbox', name: key('sources'), title: 'Sources', choices: SOURCES, maxSelectedChoices: 3,
          validators: [{ type: 'answercount', maxCount: 3 }],
        },
      ],
    },
  ];
};

const servicesPanel = (): Json => ({
  type: 'paneldynamic', name: 'services', title: 'Service records', maxPanelCount: 20, panelCount: 0,
  templateElements: [
    { type: 'text', name: 'date', title: 'Date', inputType: 'date', isRequired: true },
    { type: 'radiogroup', name: 'channel', title: 'Channel', isRequired: true, choices: CHANNELS },
    { type: 'dropdown', name: 'progress', title: 'Progress', isRequired: true, choices: PROGRESS },
    { type: 'comment', name: 'solution', title: 'Solution', isRequired: true, visibleIf: "{panel.progress} = 'done'", ...textLength(500) },
  ],
});

/** The survey JSON: the intake form (copies = 0), or four pages per copy of its flat fields. */
const surveyJson = (copies: number): { [key: string]: Json } => {
  if (copies === 0) {
    const pages = flatPages('');
    pages[3]?.elements.push(servicesPanel());
    return { title: 'Customer intake (bench)', pages };
  }
  return { title: `Intake flat fields ×${copies}`, pages: Array.from({ length: copies }, (_, copy) => flatPages(`_${copy}`)).flat() };
};

/** A question's data path: `services.1.solution` for a question of the second panel, its name otherwise. */
const pathOf = (question: Question): string => {
  const panel: unknown = question.parent;
  if (panel instanceof PanelModel) {
    const owner: unknown = panel.parentQuestion;
    if (owner instanceof QuestionPanelDynamicModel) return `${owner.name}.${owner.panels.indexOf(panel)}.${question.name}`;
  }
  return question.name;
};

/** Every question holding an error after validate: top-level questions and, inside dynamic panels, each panel's questions. */
const errorPaths = (model: Model): string[] => {
  const paths: string[] = [];
  for (const question of model.getAllQuestions(false, false, true)) {
    if (question.errors.length > 0) paths.push(pathOf(question));
  }
  return [...new Set(paths)].sort();
};

/** The question at a dotted data path: `phone`, or `services.1.progress` (the second panel's progress). */
const questionAt = (model: Model, path: string): Question | null => {
  const [name, row, inner] = path.split('.');
  const question = model.getQuestionByName(name ?? '');
  if (row === undefined || inner === undefined) return question;
  if (!(question instanceof QuestionPanelDynamicModel)) return null;
  return question.panels[Number(row)]?.getQuestionByName(inner) ?? null;
};

export const surveyJsPeer: Peer = {
  name: 'survey-core 3.1.1',
  notes:
    'validate: one model built by compile is reused for every record: model.data = record (replaces all answers, rebuilds the dynamic panels, reruns every visibleIf/requiredIf), then model.validate(true) (fireCallback true: with false SurveyJS keeps no per-question errors, only pass/fail and the first error) over all visible pages, and the questions holding errors read back, dynamic panel questions as services.<index>.<name>; ' +
    'invisible questions are skipped by SurveyJS itself; checks are SurveyJS\'s: required/requiredIf, regex (mobile), email, text validator min/max length (a question\'s maxLength only limits the input box), numeric 1..5 on the rating (rateMax only draws the stars), answercount max 3 on the checkbox (maxSelectedChoices only disables boxes); SurveyJS has no check that an answer is one of the choices, so none is made. ' +
    'compile: new Model(json) (builds pages and question objects, parses every expression), then one read of the dynamic panel\'s panels, as rendering its page does: a never-rendered panel keeps the last record\'s row count as its panelCount and shows that many empty panels for a record without rows. ' +
    'change: model.setValue(name, value), or for a row the question of that panel (question.value), after which SurveyJS reruns every condition of the survey (runConditions over all pages, not only the dependents) and every question\'s triggers; visible reads question.isVisible.',
  compile: (copies): PeerForm => {
    const model = new Model(surveyJson(copies));
    const services = model.getQuestionByName('services');
    // A dynamic panel builds its panels lazily, when first rendered or read. Until then, assigning
    // data stores the row count in its panelCount property, which SurveyJS then keeps as the count
    // for a record with no rows (a reused model would show the previous record's panels, empty and
    // failing required). Reading the panels once, as rendering the page does, builds them now.
    if (services instanceof QuestionPanelDynamicModel) void services.panels;
    return {
      validate: (values) => {
        model.data = values;
        model.validate(true, false);
        return errorPaths(model);
      },
    };
  },
  session: (copies, values): PeerSession => {
    const model = new Model(surveyJson(copies));
    model.data = values;
    return {
      set: (path, value) => {
        if (path.includes('.')) {
          const question = questionAt(model, path);
          if (question === null) throw new Error(`surveyjs peer: no question at ${path}`);
          question.value = value;
        } else {
          model.setValue(path, value);
        }
      },
      visible: (path) => questionAt(model, path)?.isVisible === true,
    };
  },
};
