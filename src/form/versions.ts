import { diffForms as diffInternalForms, type FormChange } from '../records/diffForms';
import { migrateRecord as migrateInternalRecord } from '../records/migrateRecord';
import type { FormRecord } from '../records/recordTypes';
import { internalFormOf } from './internal';
import type { ActOptions, CompiledForm } from './types';

export type { FormChange };

/**
 * What changed from one version of a form to the next, each change marked `breaking` when records
 * collected under `fromForm` may be invalid or lose data under `toForm`. Deterministic order:
 * `fromForm`'s definition order, then what `toForm` adds. Throws FormUsageError `bad-argument`
 * for anything that is not a compiled form, or two forms with different ids.
 */
export const diffForms = (fromForm: CompiledForm, toForm: CompiledForm): FormChange[] =>
  diffInternalForms(internalFormOf(fromForm), internalFormOf(toForm));

/**
 * `record` carried into `toForm`, a later version of its form: a new record (revision + 1,
 * `formVersion` the target's) keeping the answers the target can hold, with a `migrate` history
 * entry listing every dropped or changed answer and reset workflow state, and a note naming newly
 * required fields and other problems (never thrown). A record already at that version is returned
 * as it is. Throws FormUsageError `bad-argument` for a record of another form or a later version.
 */
export const migrateRecord = (record: FormRecord, toForm: CompiledForm, options: ActOptions): FormRecord =>
  migrateInternalRecord(internalFormOf(toForm), record, options);
