import type { FieldIR } from '../../compile/internalForm';
import type { Slot } from '../../fields/fieldKind';
import { didYouMean, forEachAnswer, own, readField, readObject, specError, type Accumulator, type SummaryContext, type SummaryItem } from './context';
import { monthIndex, monthOf, monthOfIndex, type DateKind } from './months';
import { NumberAccumulator } from './numberStats';
import type { AverageSummary, TrendPoint } from './types';
import { monthLabel, starsLabel } from './words';

/** Dates an answer for the trend: a date-like field's answer, or the record's own time. */
type DateSource =
  | { readonly kind: 'field'; readonly field: FieldIR; readonly dateKind: DateKind }
  | { readonly kind: 'record'; readonly key: 'createdAt' | 'updatedAt' };

const DATE_TYPES: readonly string[] = ['date', 'month', 'datetime'];
const RECORD_TIMES = ['createdAt', 'updatedAt'] as const;
const BY = ['month'];
/** Empty months are filled in between the first and the last up to this span; beyond, only months with answers are listed. */
const MAX_FILLED_MONTHS = 600;

const readDateSource = (context: SummaryContext, name: string, field: FieldIR, given: unknown): DateSource => {
  const key = given ?? 'createdAt';
  if (typeof key !== 'string') throw specError(name, "'date' must name a date, month or datetime field, or 'createdAt'");
  const dateField = context.form.fieldsByKey.get(key);
  if (dateField !== undefined) {
    if (!DATE_TYPES.includes(dateField.type)) throw specError(name, `'date': field '${key}' is a ${dateField.type} field; the trend needs a date, month or datetime field, or 'createdAt'`);
    if (dateField.group !== undefined && dateField.group !== field.group) {
      throw specError(name, `'date': '${key}' is a row field of '${dateField.group.key}', so it can only date a row field of the same group ('${field.key}' is not one)`);
    }
    return { kind: 'field', field: dateField, dateKind: dateField.type as DateKind };
  }
  if (key === 'createdAt' || key === 'updatedAt') return { kind: 'record', key };
  const candidates = [
    ...[...context.form.fieldsByKey.values()].filter((candidate) => DATE_TYPES.includes(candidate.type) && (candidate.group === undefined || candidate.group === field.group)).map((candidate) => candidate.key),
    ...RECORD_TIMES,
  ];
  throw specError(name, `'date': form '${context.form.id}' has no date field '${key}'${didYouMean(key, candidates)} (dates: ${candidates.join(', ')})`);
};

/**
 * `{ "average": "satisfaction" }`: count, sum, average, min and max of a number or rating field
 * (over rows for a row field), a rating's stars 1..max, and with `"by": "month"` the same per month.
 */
export const averageOf = (context: SummaryContext, name: string, entry: unknown): Accumulator<AverageSummary> => {
  const spec = readObject(name, entry, ['average', 'by', 'date'], 'average');
  const field = readField(context, name, 'average', spec.average, ['number', 'rating'], true);
  if (spec.by !== undefined && spec.by !== 'month') {
    throw specError(name, `'by' must be 'month'${typeof spec.by === 'string' ? didYouMean(spec.by, BY) : ''}`);
  }
  if (spec.by === undefined && spec.date !== undefined) throw specError(name, "'date' dates the answers of a trend: add \"by\": \"month\"");
  const dates = spec.by === 'month' ? readDateSource(context, name, field, spec.date) : undefined;
  const stars = field.type === 'rating' ? Number((field.def as { max?: number }).max ?? 5) : undefined;
  const timeZone = context.form.timeZone;
  const overall = new NumberAccumulator(stars);
  const months = new Map<string, NumberAccumulator>();
  const slot: Slot = { value: undefined };
  let unanswered = 0;
  let undated = 0;
  let item: SummaryItem | undefined;

  const monthFor = (row: Readonly<Record<string, unknown>> | undefined): string | undefined => {
    if (dates === undefined || item === undefined) return undefined;
    if (dates.kind === 'record') return item.record === undefined ? undefined : monthOf(item.record[dates.key], 'instant', timeZone);
    const source = dates.field.group === undefined ? item.values : row;
    return source === undefined ? undefined : monthOf(own(source, dates.field.id), dates.dateKind, timeZone);
  };
  const visit = (raw: unknown, row: Readonly<Record<string, unknown>> | undefined): void => {
    // Not an answer the field accepts (a text, 6 stars) is unanswered, as in conditions.
    if (field.value.isEmpty(raw) || field.value.accept(raw, {}, slot) !== undefined) {
      unanswered++;
      return;
    }
    const value = slot.value as number;
    overall.add(value);
    if (dates === undefined) return;
    const month = monthFor(row);
    if (month === undefined) {
      undated++;
      return;
    }
    let stats = months.get(month);
    if (stats === undefined) months.set(month, (stats = new NumberAccumulator(stars)));
    stats.add(value);
  };

  const trend = (): TrendPoint[] => {
    const keys = [...months.keys()].sort();
    const first = keys[0];
    const last = keys[keys.length - 1];
    if (first !== undefined && last !== undefined && monthIndex(last) - monthIndex(first) < MAX_FILLED_MONTHS) {
      keys.length = 0;
      for (let index = monthIndex(first); index <= monthIndex(last); index++) keys.push(monthOfIndex(index));
    }
    return keys.map((month) => ({ value: month, label: monthLabel(month, context.words), ...(months.get(month) ?? new NumberAccumulator(stars)).stats(starLabel) }));
  };
  const starLabel = (count: number): string => starsLabel(count, context.words);

  return {
    add: (next) => {
      item = next;
      forEachAnswer(next.values, field, visit);
      item = undefined;
    },
    result: () => ({
      kind: 'average',
      field: field.key,
      label: context.text(field.label),
      unanswered,
      by: dates === undefined ? null : 'month',
      date: dates === undefined ? null : dates.kind === 'record' ? dates.key : dates.field.key,
      ...overall.stats(starLabel),
      ...(dates === undefined ? {} : { trend: trend(), undated }),
    }),
  };
};
