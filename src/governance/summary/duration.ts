import { own, readField, readLevel, readObject, readState, readWorkflow, specError, type Accumulator, type SummaryContext } from './context';
import { classifierFor, GROUPED_TYPES, type Classifier } from './groups';
import { forEachStateEntry } from './history';
import { MedianSketch } from './medianSketch';
import type { DurationStats, DurationSummary } from './types';
import { unansweredLabel } from './words';

const HOUR = 3_600_000;

/** Durations of one group: count, sum, min and max exactly, the median in bounded memory. */
class DurationAccumulator {
  count = 0;
  open = 0;
  private sum = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private readonly sketch = new MedianSketch();

  add(ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
    this.sketch.add(ms);
  }

  stats(): DurationStats {
    const empty = this.count === 0;
    const average = empty ? null : Math.min(this.max, Math.max(this.min, this.sum / this.count));
    const median = this.sketch.median();
    return {
      count: this.count,
      open: this.open,
      averageMs: average,
      medianMs: median,
      minMs: empty ? null : this.min,
      maxMs: empty ? null : this.max,
      averageHours: average === null ? null : average / HOUR,
      medianHours: median === null ? null : median / HOUR,
      approximate: this.sketch.approximate,
    };
  }
}

/**
 * `{ "duration": { "workflow": "processing", "from": "pending", "to": "closed", "by": "industry" } }`:
 * from the first time a record entered `from` to the first time it entered `to` after that, read
 * from history. Records that entered `from` and not yet `to` are `open`; plain values are skipped.
 */
export const durationOf = (context: SummaryContext, name: string, entry: unknown): Accumulator<DurationSummary> => {
  readObject(name, entry, ['duration'], 'duration');
  const spec = readObject(name, own(entry as Record<string, unknown>, 'duration'), ['workflow', 'from', 'to', 'by', 'level'], 'duration');
  const workflow = readWorkflow(context, name, spec.workflow);
  const from = readState(name, 'from', workflow, spec.from);
  const to = readState(name, 'to', workflow, spec.to);
  if (from === to) throw specError(name, `'from' and 'to' are both '${from.name}': a duration runs between two states`);
  const level = readLevel(name, spec.level);
  if (spec.by === undefined && level !== undefined) throw specError(name, "'level' applies to 'by': name the field to group by");
  const classifier: Classifier | undefined = spec.by === undefined
    ? undefined
    : classifierFor(context, name, readField(context, name, 'by', spec.by, GROUPED_TYPES, false), level);
  const overall = new DurationAccumulator();
  const groups: DurationAccumulator[] = [];
  const unanswered = new DurationAccumulator();
  let skipped = 0;

  return {
    add: (item) => {
      const record = item.record;
      if (record === undefined) {
        skipped++;
        return;
      }
      let start: number | undefined;
      let end: number | undefined;
      forEachStateEntry(record, workflow, (state, time) => {
        if (start === undefined) {
          if (state === from.name) start = time;
          return false;
        }
        if (state !== to.name) return false;
        end = time;
        return true;
      });
      if (start === undefined) return;
      const targets = [overall];
      if (classifier !== undefined) {
        const found = classifier.classify(own(item.values, classifier.field.id));
        if (found.length === 0) targets.push(unanswered);
        for (const group of found) targets.push((groups[group] ??= new DurationAccumulator()));
      }
      for (const target of targets) {
        if (end === undefined) target.open++;
        else target.add(end - start);
      }
    },
    result: () => ({
      kind: 'duration',
      workflow: workflow.name,
      label: context.text(workflow.label ?? workflow.name),
      from: { value: from.name, label: context.text(from.label ?? from.name) },
      to: { value: to.name, label: context.text(to.label ?? to.name) },
      by: classifier === undefined ? null : classifier.field.key,
      ...overall.stats(),
      ...(classifier === undefined ? {} : {
        groups: classifier.groups.map((group, index) => ({ ...group, ...(groups[index] ?? new DurationAccumulator()).stats() })),
        unanswered: { value: null, label: unansweredLabel(context.words), ...unanswered.stats() },
      }),
      skipped,
    }),
  };
};
