import { own, readField, readLevel, readObject, readState, readWorkflow, shareOf, type Accumulator, type SummaryContext } from './context';
import { classifierFor, GROUPED_TYPES } from './groups';
import { hasReached } from './history';
import type { ConversionCounts, ConversionSummary } from './types';
import { unansweredLabel } from './words';

const counts = (records: number, reached: number): ConversionCounts => ({ records, reached, share: shareOf(reached, records) });

/**
 * `{ "conversion": { "field": "source", "workflow": "stage", "state": "deal" } }`: per option of the
 * field, how many records there are and how many reached the state, now or at any time before.
 * Plain values have no workflow: they are skipped.
 */
export const conversionOf = (context: SummaryContext, name: string, entry: unknown): Accumulator<ConversionSummary> => {
  readObject(name, entry, ['conversion'], 'conversion');
  const spec = readObject(name, own(entry as Record<string, unknown>, 'conversion'), ['field', 'workflow', 'state', 'level'], 'conversion');
  const field = readField(context, name, 'field', spec.field, GROUPED_TYPES, false);
  const workflow = readWorkflow(context, name, spec.workflow);
  const state = readState(name, 'state', workflow, spec.state);
  const classifier = classifierFor(context, name, field, readLevel(name, spec.level));
  const records: number[] = [];
  const reached: number[] = [];
  let total = 0;
  let totalReached = 0;
  let unanswered = 0;
  let unansweredReached = 0;
  let skipped = 0;
  return {
    add: (item) => {
      if (item.record === undefined) {
        skipped++;
        return;
      }
      const hit = hasReached(item.record, workflow, state.name) ? 1 : 0;
      total++;
      totalReached += hit;
      const groups = classifier.classify(own(item.values, field.id));
      if (groups.length === 0) {
        unanswered++;
        unansweredReached += hit;
      }
      for (const group of groups) {
        records[group] = (records[group] ?? 0) + 1;
        reached[group] = (reached[group] ?? 0) + hit;
      }
    },
    result: () => ({
      kind: 'conversion',
      field: field.key,
      label: context.text(field.label),
      workflow: workflow.name,
      state: { value: state.name, label: context.text(state.label ?? state.name) },
      ...counts(total, totalReached),
      groups: classifier.groups.map((group, index) => ({ ...group, ...counts(records[index] ?? 0, reached[index] ?? 0) })),
      unanswered: { value: null, label: unansweredLabel(context.words), ...counts(unanswered, unansweredReached) },
      skipped,
    }),
  };
};
