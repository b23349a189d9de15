import type { InternalForm } from '../compile/internalForm';
import { isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';
import { diffValues } from './diffValues';
import { keepHiddenAnswers } from './keepHidden';
import { mergeChanges } from './mergeChanges';
import type { Actor } from './ownership';
import type { ActContext } from './recordContext';
import { recordIssue } from './recordIssue';
import { systemPass } from './recordPass';
import { RecordValidationError, type FormRecord } from './recordTypes';
import { storedView } from './storedView';

/** The values an update would give a record, before the system stamps them (`updatedAt` …). */
export interface UpdatePlan {
  readonly values: FormValues;
  readonly tags: readonly string[];
}

/**
 * `changes` merged into the record's values as `actor` may make them (mergeChanges), validated by the
 * system pass, with what is hidden kept (keepHiddenAnswers); the record is not touched. Shared by
 * updateRecord, which writes the plan, and requestChange, which only proposes it. Throws
 * RecordValidationError; undefined when the update would change nothing.
 */
export const planUpdate = (form: InternalForm, record: FormRecord, changesArg: unknown, act: ActContext, actor: Actor, locks: boolean): UpdatePlan | undefined => {
  const read = readJson(changesArg);
  if (!isPlainObject(read.value) || read.unreadable.length > 0) {
    throw new RecordValidationError([recordIssue(form, '', { code: 'type', params: { expected: 'object' } }, undefined, undefined, act.locale)]);
  }
  const merged = mergeChanges(storedView(form, record.values, act, actor, locks), read.value);
  if (merged.problems.length > 0) throw new RecordValidationError(merged.problems);
  const result = systemPass(form, merged.values, act);
  if (result.errors.length > 0) throw new RecordValidationError(result.errors);
  const values = keepHiddenAnswers(form, record.values, result, merged.relaid);
  return diffValues(record.values, values, []).length === 0 ? undefined : { values, tags: result.tags ?? [] };
};
