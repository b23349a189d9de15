import { forEachAnswer, readField, readLevel, readObject, shareOf, type Accumulator, type SummaryContext } from './context';
import { classifierFor, GROUPED_TYPES } from './groups';
import type { CountSummary } from './types';

/**
 * `{ "count": "feedbackType" }`: answers per option, every option of the level in definition order
 * (zero counts included), and the records — rows, for a row field — without an answer.
 */
export const countBy = (context: SummaryContext, name: string, entry: unknown): Accumulator<CountSummary> => {
  const spec = readObject(name, entry, ['count', 'level'], 'count');
  const field = readField(context, name, 'count', spec.count, GROUPED_TYPES, true);
  const classifier = classifierFor(context, name, field, readLevel(name, spec.level));
  const counts: number[] = [];
  let answered = 0;
  let unanswered = 0;
  const visit = (raw: unknown): void => {
    const groups = classifier.classify(raw);
    if (groups.length === 0) {
      unanswered++;
      return;
    }
    answered++;
    for (const group of groups) counts[group] = (counts[group] ?? 0) + 1;
  };
  return {
    add: (item) => forEachAnswer(item.values, field, visit),
    result: () => ({
      kind: 'count',
      field: field.key,
      label: context.text(field.label),
      level: classifier.level,
      answered,
      unanswered,
      groups: classifier.groups.map((group, index) => {
        const count = counts[index] ?? 0;
        return { ...group, count, share: shareOf(count, answered) };
      }),
    }),
  };
};
