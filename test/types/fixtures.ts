// Definitions for the type tests, as JSON-shaped data: every field type, every rule that makes a key
// required or optional, and option values and labels that try to leave a string or a comment.

const options = (...values: (string | number)[]): { value: string | number; label: string }[] =>
  values.map((value) => ({ value, label: `label of ${String(value)}` }));

export const FEATURES = {
  id: 'feature-tour', version: 3, title: { 'zh-CN': '功能一览', en: 'Feature tour' }, defaultLocale: 'zh-CN', roles: ['customer', 'clerk'],
  optionSets: {
    industry: [
      { value: 'mfg', label: '制造业', children: [{ value: 'auto', label: '汽车' }, { value: 'chem', label: '化工' }] },
      { value: 'retail', label: '零售' },
    ],
    regions: [
      { value: 'gd', label: '广东', children: [
        { value: 'sz', label: '深圳', children: [{ value: 'ns', label: '南山' }, { value: 'ft', label: '福田' }] },
        { value: 'gz', label: '广州' },
      ] },
      { value: 'bj', label: '北京' },
    ],
  },
  sections: [
    { id: 'basic', fields: [
      { id: 'name', type: 'text', label: '姓名', required: true },
      { id: 'bio', type: 'textarea', label: 'Bio' },
      { id: 'age', type: 'number', label: 'Age', required: true, integer: true },
      { id: 'agree', type: 'boolean', label: 'Agree', required: true },
      { id: 'kind', type: 'radio', label: 'Kind', required: true, options: options('company', 'person') },
      { id: 'industry', type: 'select', label: 'Industry', optionsRef: 'industry' },
      {
        id: 'size', type: 'select', label: 'Size', options: options(1, -2, 2.5),
        optionsIf: [
          { when: { '==': [{ var: 'kind' }, 'person'] }, options: options('solo') },
          { when: { '==': [{ var: 'kind' }, 'company'] }, optionsRef: 'industry' },
        ],
      },
      { id: 'channels', type: 'multiselect', label: 'Channels', minItems: 1, options: options('web', 'phone', 7) },
      { id: 'extras', type: 'multiselect', label: 'Extras', minItems: 0, options: options('a', 'b') },
      { id: 'founded', type: 'month', label: 'Founded' },
      { id: 'visit', type: 'date', label: 'Visit', required: true },
      { id: 'callAt', type: 'datetime', label: 'Call at' },
      { id: 'stars', type: 'rating', label: 'Stars', max: 7 },
      { id: 'fiveStars', type: 'rating', label: 'Five stars' },
      { id: 'region', type: 'cascader', label: 'Region', optionsRef: 'regions' },
      { id: 'city', type: 'cascader', label: 'City', optionsRef: 'regions', levels: 2 },
      { id: 'docs', type: 'file', label: 'Documents', accept: ['.pdf'] },
      { id: 'total', type: 'computed', label: 'Total', expression: { '+': [{ var: 'age' }, 1] } },
      { id: 'greeting', type: 'computed', label: 'Greeting', expression: { cat: ['Hello ', { var: 'name' }] } },
      { id: 'adult', type: 'computed', label: 'Adult', expression: { '>=': [{ var: 'age' }, 18] } },
      { id: 'picked', type: 'computed', label: 'Picked', expression: { merge: [{ var: 'channels' }] } },
      { id: 'echo', type: 'computed', label: 'Echo', expression: { var: 'name' } },
      { id: 'fixed', type: 'computed', label: 'Fixed', expression: 'always' },
      { id: 'number', type: 'autoId', label: 'Number', pattern: 'F{yyyy}{seq:3}' },
      { id: 'requiredWhen', type: 'text', label: 'Required when', required: { '==': [{ var: 'kind' }, 'company'] } },
      { id: 'shownWhen', type: 'text', label: 'Shown when', required: true, visibleIf: { '==': [{ var: 'kind' }, 'company'] } },
      { id: 'staffOnly', type: 'text', label: 'Staff only', required: true, access: { read: ['clerk'], write: ['clerk'] } },
      { id: 'stamp', type: 'datetime', label: 'Stamp', auto: 'updatedAt', access: { read: ['clerk'] } },
      { id: 'notRequired', type: 'text', label: 'Not required', required: false },
      { id: 'visits', type: 'group', label: 'Visits', minItems: 1, fields: [
        { id: 'day', type: 'date', label: 'Day', required: true },
        { id: 'outcome', type: 'radio', label: 'Outcome', required: true, options: options('fixed', 'pending'), visibleIf: { '!!': { var: '$row.day' } } },
        { id: 'note', type: 'text', label: 'Note' },
        { id: 'score', type: 'rating', label: 'Score', max: 3, required: true },
      ] },
      { id: 'optionalRows', type: 'group', label: 'Optional rows', fields: [{ id: 'x', type: 'number', label: 'X', required: true }] },
      { id: 'explicitlyOptional', type: 'group', label: 'Explicitly optional', required: false, minItems: 1, fields: [{ id: 'y', type: 'boolean', label: 'Y' }] },
    ] },
    { id: 'company', visibleIf: { '==': [{ var: 'kind' }, 'company'] }, fields: [
      { id: 'companyName', type: 'text', label: 'Company', required: true },
    ] },
  ],
};

/** Texts that try to end a string, a comment, a template or a line, or to reorder what a reader sees. */
export const HOSTILE_TEXTS = [
  '"', "'", '*/', '/*', '`${globalThis.pwned = 1}`', '\\', '\\"', 'a\nb', 'c\r\nd', '\u2028', '\u2029', '\u202e evil \u202c', '\u2066x\u2069',
  '@deprecated', '{@link pwned}', '*/ export const pwned = 1; /*', '"; export const pwned = 1; "', '</script>', '\ud800', '\u0000\u001b[31m', '\u0085',
];

export const HOSTILE = {
  id: 'hostile', version: 1, title: `${HOSTILE_TEXTS.join(' ')}`, roles: ['customer'],
  sections: [{ id: 's', title: '*/', fields: [
    { id: 'pick', type: 'select', label: HOSTILE_TEXTS.join(''), required: true, options: HOSTILE_TEXTS.map((value, index) => ({ value, label: HOSTILE_TEXTS[(index + 3) % HOSTILE_TEXTS.length] as string })) },
    { id: 'many', type: 'multiselect', label: '*/', options: HOSTILE_TEXTS.map((value) => ({ value, label: value })) },
    { id: 'path', type: 'cascader', label: '\u2028*/\u2029', options: [{ value: '*/', label: '"', children: HOSTILE_TEXTS.map((value) => ({ value, label: value })) }] },
    { id: 'note', type: 'text', label: '*/ @deprecated \n */', help: '*/' },
    { id: 'rows', type: 'group', label: '`', fields: [{ id: 'choice', type: 'radio', label: '*/', required: true, options: HOSTILE_TEXTS.map((value) => ({ value, label: value })) }] },
  ] }],
};
