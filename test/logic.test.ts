import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileForm } from '../src/index';
import { compileLogic } from '../src/logic/compileLogic';
import { choice, defineForm } from './helpers';

type Logic = unknown;
const ORDERING = new Set(['<', '<=', '>', '>=']);

/**
 * formloom's documented semantics, written in json-logic-js itself: an ordering comparison is false
 * when any operand is null (an unanswered field). Everything else is json-logic-js unchanged.
 */
const reference = (logic: Logic): Logic => {
  if (Array.isArray(logic)) return logic.map(reference);
  if (typeof logic !== 'object' || logic === null || Object.keys(logic).length !== 1) return logic;
  const [operator, raw] = Object.entries(logic)[0] as [string, unknown];
  const args = (Array.isArray(raw) ? raw : [raw]).map(reference);
  if (!ORDERING.has(operator)) return { [operator]: args };
  return { if: [{ or: args.map((arg) => ({ '===': [arg, null] })) }, false, { [operator]: args }] };
};

const primitive = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('', 'a', 'b', '1', 'x'), fc.boolean(), fc.constant(null));
const varName = fc.constantFrom('a', 'b', 'c', 'c.b', 'd.0', 'missing', '');

const { logic } = fc.letrec<{ logic: Logic }>((tie) => {
  const sub = tie('logic');
  const op = (name: string, min: number, max: number) => fc.array(sub, { minLength: min, maxLength: max }).map((args) => ({ [name]: args }));
  return {
    logic: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      primitive,
      varName.map((name) => ({ var: name })),
      fc.tuple(varName, primitive).map(([name, fallback]) => ({ var: [name, fallback] })),
      fc.array(primitive, { maxLength: 3 }),
      ...['==', '===', '!=', '!==', '>', '>=', '/', '%', 'in'].map((name) => op(name, 2, 2)),
      op('<', 2, 3), op('<=', 2, 3), op('!', 1, 1), op('!!', 1, 1), op('and', 1, 3), op('or', 1, 3),
      op('if', 0, 5), op('?:', 3, 3), op('max', 1, 3), op('min', 1, 3), op('+', 0, 3), op('-', 1, 2),
      op('*', 1, 3), op('cat', 0, 3), op('substr', 2, 3), op('merge', 0, 3),
      op('all', 2, 2), op('some', 2, 2), op('none', 2, 2), op('filter', 2, 2), op('map', 2, 2), op('reduce', 2, 3),
      fc.array(fc.constantFrom('a', 'b', 'c', 'missing'), { maxLength: 3 }).map((keys) => ({ missing: keys })),
      fc.tuple(fc.nat({ max: 3 }), fc.array(fc.constantFrom('a', 'b', 'missing'), { maxLength: 3 })).map(([need, keys]) => ({ missing_some: [need, keys] })),
    ),
  };
});

const value = fc.oneof(primitive, fc.array(primitive, { maxLength: 3 }), fc.record({ b: primitive }, { noNullPrototype: true }));
const data = fc.record({ a: value, b: value, c: value, d: fc.array(primitive, { maxLength: 2 }) }, { requiredKeys: [], noNullPrototype: true });

describe('compiled conditions agree with json-logic-js', () => {
  it('for any condition over the allowed operators and any data (differential)', () => {
    fc.assert(
      fc.property(logic, data, (condition, input) => {
        expect(compileLogic(condition)(input)).toEqual(jsonLogic.apply(reference(condition) as never, input));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('unanswered and hidden fields in conditions (documented in README)', () => {
  const form = compileForm(defineForm([
    choice('kind', ['a', 'b']),
    { id: 'budget', type: 'number', label: 'Budget' },
    choice('tags', ['x', 'y'], { type: 'multiselect' }),
    { id: 'eqA', type: 'text', label: 'eq', visibleIf: { '==': [{ var: 'kind' }, 'a'] } },
    { id: 'neA', type: 'text', label: 'ne', visibleIf: { '!=': [{ var: 'kind' }, 'a'] } },
    { id: 'inAB', type: 'text', label: 'in', visibleIf: { in: [{ var: 'kind' }, ['a', 'b']] } },
    { id: 'hasX', type: 'text', label: 'has', visibleIf: { in: ['x', { var: 'tags' }] } },
    { id: 'small', type: 'text', label: 'lt', visibleIf: { '<': [{ var: 'budget' }, 100] } },
    { id: 'notLarge', type: 'text', label: 'not ge', visibleIf: { '!': { '>=': [{ var: 'budget' }, 100] } } },
  ]));
  const visible = (values: object): Record<string, boolean> =>
    Object.fromEntries(Object.entries(form.evaluate(values).fields).map(([path, state]) => [path, state.visible]));

  it('== is false, != is true, in is false for an unanswered field', () => {
    expect(visible({})).toMatchObject({ eqA: false, neA: true, inAB: false, hasX: false });
  });

  it('< <= > >= are false for an unanswered field: it is not 0', () => {
    expect(visible({})).toMatchObject({ small: false, notLarge: true });
    expect(visible({ budget: 0 })).toMatchObject({ small: true, notLarge: true });
  });

  it('blank strings and empty lists count as unanswered', () => {
    expect(visible({ kind: '', tags: [] })).toMatchObject({ eqA: false, neA: true, hasX: false });
  });

  it('a hidden field is unanswered in every condition that reads it, so hiding cascades', () => {
    const cascade = compileForm(defineForm([
      choice('hasFeedback', ['yes', 'no']),
      choice('feedbackType', ['satisfaction', 'complaint'], { visibleIf: { '==': [{ var: 'hasFeedback' }, 'yes'] } }),
      { id: 'stars', type: 'rating', label: 'Stars', visibleIf: { '==': [{ var: 'feedbackType' }, 'satisfaction'] } },
    ]));
    const shown = { hasFeedback: 'yes', feedbackType: 'satisfaction', stars: 5 };
    expect(cascade.evaluate(shown).fields.stars?.visible).toBe(true);
    const hidden = { ...shown, hasFeedback: 'no' };
    expect(cascade.evaluate(hidden).fields.stars?.visible).toBe(false);
    expect(cascade.validate(hidden).values).toEqual({ hasFeedback: 'no' });
  });

  it('an invalid answer is unanswered in conditions', () => {
    expect(visible({ budget: 'lots' })).toMatchObject({ small: false });
  });
});
