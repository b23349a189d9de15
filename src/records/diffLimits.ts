import type { FieldIR } from '../compile/internalForm';
import { DEFAULT_MAX_LENGTH } from '../fields/text';
import { canonical, show } from './changeText';
import type { FormChange } from './formChange';

/**
 * How a limit constrains answers: `upper` limits tighten when they shrink, `lower` ones when they
 * grow, a `rule` (pattern, format) whenever it is added or changed, a `flag` when it is switched on,
 * a `list` (accepted file types) when it drops an entry or appears, a cascader's `levels` (`depth`)
 * whichever way it moves: fewer levels refuse longer paths, more or none refuse shorter ones.
 */
type Direction = 'upper' | 'lower' | 'rule' | 'flag' | 'list' | 'depth';

const LIMITS: readonly (readonly [key: string, direction: Direction])[] = [
  ['minLength', 'lower'], ['maxLength', 'upper'], ['min', 'lower'], ['max', 'upper'], ['integer', 'flag'],
  ['minItems', 'lower'], ['maxItems', 'upper'], ['maxSize', 'upper'], ['maxFiles', 'upper'], ['accept', 'list'],
  ['levels', 'depth'], ['pattern', 'rule'], ['format', 'rule'],
];

/** A limit as the field applies it: texts are bounded without a maxLength, ratings have 5 stars. */
const limitOf = (field: FieldIR, key: string): unknown => {
  const given = (field.def as unknown as Readonly<Record<string, unknown>>)[key];
  if (given !== undefined) return given;
  if (key === 'maxLength' && (field.type === 'text' || field.type === 'textarea')) return DEFAULT_MAX_LENGTH[field.type];
  // rating.ts reads `max` with the same default.
  if (key === 'max' && field.type === 'rating') return 5;
  return undefined;
};

const tighter = (direction: Direction, before: unknown, after: unknown): boolean => {
  if (direction === 'depth') return true;
  if (after === undefined) return false;
  switch (direction) {
    case 'upper': return typeof after === 'number' && (typeof before !== 'number' || after < before);
    case 'lower': return typeof after === 'number' && (typeof before !== 'number' || after > before);
    case 'flag': return after === true && before !== true;
    case 'list': return !Array.isArray(before) || (Array.isArray(after) && before.some((entry) => !after.includes(entry)));
    default: return true;
  }
};

/**
 * The limits of one field that changed between two versions of the same type, each a
 * `limits-changed` breaking when it tightens: an answer the old limit allowed may fail the new one.
 */
export const limitChanges = (before: FieldIR, after: FieldIR): FormChange[] => {
  const changes: FormChange[] = [];
  for (const [key, direction] of LIMITS) {
    const from = limitOf(before, key);
    const to = limitOf(after, key);
    if (canonical(from) === canonical(to)) continue;
    changes.push({ path: after.key, kind: 'limits-changed', breaking: tighter(direction, from, to), detail: `${key} ${show(from)} -> ${show(to)}` });
  }
  return changes;
};
