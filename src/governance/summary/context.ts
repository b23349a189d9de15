import { personalMask } from '../maskValues';
import type { FieldIR, InternalForm, WorkflowIR, WorkflowStateIR } from '../../compile/internalForm';
import type { LocalizedText } from '../../core/definitionTypes';
import { FormUsageError } from '../../core/issues';
import type { BuiltInLocale } from '../../core/localize';
import { hasOwn, isPlainObject } from '../../core/reserved';
import { closest } from '../../core/suggest';
import type { FormValues } from '../../core/values';
import type { FieldType } from '../../fields/fieldDefinition';
import type { FormRecord } from '../../records/recordTypes';

/**
 * Whether a record stayed in its current state of `workflow` past the deadline at `now`. The
 * workflow stage answers it (src/workflow/overdue.ts, with the form's working-day calendar); it is
 * passed in because governance sits beside the workflow stage, not above it.
 */
export type OverdueCheck = (workflow: WorkflowIR, record: FormRecord, now: Date) => boolean;

/** What every aggregate reads its spec entry with and writes its labels in. */
export interface SummaryContext {
  readonly form: InternalForm;
  readonly locale: string;
  /** The catalogue generic words (unanswered, yes / no, stars, months) are written in. */
  readonly words: BuiltInLocale;
  readonly now: Date;
  readonly overdue: OverdueCheck | undefined;
  /** A definition text in the requested locale (localize). */
  readonly text: (text: LocalizedText | undefined) => string;
}

/** One item read: its values, and the record they came from (undefined for a plain values object). */
export interface SummaryItem {
  readonly values: FormValues;
  readonly record: FormRecord | undefined;
}

/** One aggregate in the single pass: fed every item, asked for its summary at the end. */
export interface Accumulator<S> {
  add(item: SummaryItem): void;
  result(): S;
}

/** A spec entry's problem, naming the entry. */
export const specError = (name: string, problem: string): FormUsageError =>
  new FormUsageError('bad-argument', `summarize: spec entry '${name}': ${problem}`);

/** ` — did you mean 'x'?`, or nothing when no candidate is close. */
export const didYouMean = (given: string, candidates: Iterable<string>): string => {
  const suggestion = closest(given, candidates);
  return suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`;
};

/** The entry's object, refusing keys the aggregate does not take. */
export const readObject = (name: string, given: unknown, allowed: readonly string[], what: string): Readonly<Record<string, unknown>> => {
  if (!isPlainObject(given)) throw specError(name, `${what} must be an object { ${allowed.join(', ')} }`);
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key)) throw specError(name, `unknown key '${key}'${didYouMean(key, allowed)} (${what} takes: ${allowed.join(', ')})`);
  }
  return given;
};

const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'a');
const listTypes = (types: readonly string[]): string =>
  types.length === 1 ? (types[0] as string) : `${types.slice(0, -1).join(', ')} or ${types[types.length - 1] as string}`;

/**
 * The field `given` names, of one of `types`. A row field (`services.department`) only where the
 * aggregate reads rows. Unknown names suggest the closest field of a fitting type.
 */
export const readField = (
  context: SummaryContext,
  name: string,
  key: string,
  given: unknown,
  types: readonly FieldType[],
  rows: boolean,
): FieldIR => {
  if (typeof given !== 'string' || given === '') throw specError(name, `'${key}' must name a field (${listTypes(types)})`);
  const field = context.form.fieldsByKey.get(given);
  if (field === undefined) {
    const fitting = [...context.form.fieldsByKey.values()].filter((candidate) => types.includes(candidate.type) && (rows || candidate.group === undefined)).map((candidate) => candidate.key);
    throw specError(name, `form '${context.form.id}' has no field '${given}'${didYouMean(given, fitting.length > 0 ? fitting : context.form.fieldsByKey.keys())}`);
  }
  if (!types.includes(field.type)) {
    throw specError(name, `'${key}': field '${given}' is ${article(field.type)} ${field.type} field; ${key} needs ${article(types[0] as string)} ${listTypes(types)} field`);
  }
  if (!rows && field.group !== undefined) {
    throw specError(name, `'${key}': '${given}' is a row field of the group '${field.group.key}'; ${key} reads one answer per record, so it needs a top-level field`);
  }
  // A group per answer of a personal field would list the data itself (every name, every phone) as labels.
  if (personalMask(field) !== undefined) {
    throw specError(name, `'${key}': '${given}' holds personal data; summaries group by choices and numbers, never by a person's data`);
  }
  return field;
};

export const readWorkflow = (context: SummaryContext, name: string, given: unknown): WorkflowIR => {
  const names = [...context.form.workflows.keys()];
  if (typeof given !== 'string') throw specError(name, `'workflow' must name a workflow (workflows: ${names.join(', ') || 'none'})`);
  const workflow = context.form.workflows.get(given);
  if (workflow === undefined) {
    throw specError(name, `form '${context.form.id}' has no workflow '${given}'${didYouMean(given, names)} (workflows: ${names.join(', ') || 'none'})`);
  }
  return workflow;
};

export const readState = (name: string, key: string, workflow: WorkflowIR, given: unknown): WorkflowStateIR => {
  const names = [...workflow.states.keys()];
  if (typeof given !== 'string') throw specError(name, `'${key}' must name a state of workflow '${workflow.name}' (states: ${names.join(', ')})`);
  const state = workflow.states.get(given);
  if (state === undefined) {
    throw specError(name, `'${key}': workflow '${workflow.name}' has no state '${given}'${didYouMean(given, names)} (states: ${names.join(', ')})`);
  }
  return state;
};

/** `level`: a whole number from 1; undefined when not given. */
export const readLevel = (name: string, given: unknown): number | undefined => {
  if (given === undefined) return undefined;
  if (typeof given !== 'number' || !Number.isInteger(given) || given < 1) throw specError(name, "'level' must be a whole number from 1 (1: the top level of the options)");
  return given;
};

/** An own property of untrusted data, or undefined. */
export const own = (object: Readonly<Record<string, unknown>>, key: string): unknown => (hasOwn(object, key) ? object[key] : undefined);

/**
 * Calls `visit` with each answer of `field` in the values: one for a top-level field, one per row
 * (with the row) for a row field. A row that is not an object has no answers.
 */
export const forEachAnswer = (values: FormValues, field: FieldIR, visit: (raw: unknown, row: Readonly<Record<string, unknown>> | undefined) => void): void => {
  if (field.group === undefined) {
    visit(own(values, field.id), undefined);
    return;
  }
  const rows = own(values, field.group.id);
  if (!Array.isArray(rows)) return;
  for (const row of rows as readonly unknown[]) {
    if (isPlainObject(row)) visit(own(row, field.id), row);
    else visit(undefined, undefined);
  }
};

/** part / whole, or 0 when there is no whole. */
export const shareOf = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
