import { readObject, readWorkflow, shareOf, specError, type Accumulator, type SummaryContext } from './context';
import { currentState } from './history';
import type { OverdueSummary } from './types';

/**
 * `{ "overdue": "processing" }`: how many records stayed in their current state past its deadline at
 * `now` (never in a final state), in total and per state in definition order. Plain values are skipped.
 */
export const overdueOf = (context: SummaryContext, name: string, entry: unknown): Accumulator<OverdueSummary> => {
  const spec = readObject(name, entry, ['overdue'], 'overdue');
  const workflow = readWorkflow(context, name, spec.overdue);
  const check = context.overdue;
  if (check === undefined) throw specError(name, 'overdue needs the workflow stage: call it as form.summarize');
  const states = [...workflow.states.values()];
  const index = new Map(states.map((state, position) => [state.name, position]));
  const records = states.map(() => 0);
  const overdue = states.map(() => 0);
  let skipped = 0;
  return {
    add: (item) => {
      const record = item.record;
      const position = record === undefined ? undefined : index.get(currentState(record, workflow));
      if (record === undefined || position === undefined) {
        skipped++;
        return;
      }
      records[position] = (records[position] ?? 0) + 1;
      if (check(workflow, record, context.now)) overdue[position] = (overdue[position] ?? 0) + 1;
    },
    result: () => {
      const total = records.reduce((sum, count) => sum + count, 0);
      const late = overdue.reduce((sum, count) => sum + count, 0);
      return {
        kind: 'overdue',
        workflow: workflow.name,
        label: context.text(workflow.label ?? workflow.name),
        now: context.now.toISOString(),
        records: total,
        overdue: late,
        share: shareOf(late, total),
        states: states.map((state, position) => ({
          value: state.name,
          label: context.text(state.label ?? state.name),
          final: state.final,
          records: records[position] ?? 0,
          overdue: overdue[position] ?? 0,
          share: shareOf(overdue[position] ?? 0, records[position] ?? 0),
        })),
        skipped,
      };
    },
  };
};
