import type { InternalForm } from '../compile/internalForm';
import { createRecord } from '../records/createRecord';
import { updateRecord } from '../records/updateRecord';
import { runPass } from '../validate/runPass';
import type { WorkingCalendar } from '../workflow/workingCalendar';
import { attachInternal } from './internal';
import { readPassOptions } from './readOptions';
import { resumeSession, startSession } from './sessions';
import type { CompiledForm, EvaluateResult, ValidationResult } from './types';
import { workflowOf } from './workflows';
import { dedupKeysFor, duplicatesFor, exporterFor, maskFor, mergeFor, retentionFor } from './governance';
import { summarizeForm, type SummarizeOptions, type SummarySpec } from './summaries';
import { assignOwner } from '../workflow/assignOwner';
import { requestChange } from '../requests/requestChange';
import { reviewChange } from '../requests/reviewChange';
import { unsealFor } from './privacy';
import { resealValues } from '../privacy/resealValues';
import { sealValues } from '../privacy/sealValues';

/**
 * The public form: a thin, frozen facade whose methods check their options and delegate to the
 * stage functions over the internal form, as zod classic sits over zod core.
 */
export const createForm = (internal: InternalForm, calendar?: WorkingCalendar): CompiledForm => {
  const form: CompiledForm = {
    id: internal.id,
    version: internal.version,
    defaultLocale: internal.defaultLocale,
    roles: internal.roles,
    definition: internal.definition,
    warnings: internal.warnings,
    validate(values, options): ValidationResult {
      const result = runPass(internal, values, readPassOptions(internal, options, 'validate', { states: false, tags: false }));
      return { valid: result.errors.length === 0, errors: result.errors, values: result.values };
    },
    evaluate(values, context): EvaluateResult {
      const result = runPass(internal, values, readPassOptions(internal, context, 'evaluate', { states: true, tags: true }));
      return { fields: result.states ?? {}, tags: result.tags ?? [] };
    },
    createSession: (options) => startSession(internal, options),
    resumeDraft: (token, options) => resumeSession(internal, token, options),
    createRecord: (values, options) => createRecord(internal, values, options),
    updateRecord: (record, changes, options) => updateRecord(internal, record, changes, options),
    workflow: (name) => workflowOf(internal, name, calendar),
    dedupKeys: (values) => dedupKeysFor(internal, values),
    findDuplicates: ((records: Iterable<unknown> | AsyncIterable<unknown>) => duplicatesFor(internal, records as Iterable<unknown>)) as CompiledForm['findDuplicates'],
    mergeRecords: (a, b, options) => mergeFor(internal, a, b, options),
    mask: (values, options) => maskFor(internal, values, options),
    exporter: (options) => exporterFor(internal, options),
    summarize: ((records: Iterable<unknown>, spec: SummarySpec, options?: SummarizeOptions) => summarizeForm(facade, records, spec, options, calendar)) as CompiledForm['summarize'],
    retention: (record, now) => retentionFor(internal, record, now),
    assignOwner: (record, owner, options) => assignOwner(internal, record, owner, options),
    requestChange: (record, changes, options) => requestChange(internal, record, changes, options),
    reviewChange: (record, request, event, options) => reviewChange(internal, record, request, event, options),
    seal: (values, options) => sealValues(internal, values, options),
    unseal: (values, options) => unsealFor(internal, values, options),
    reseal: (values, options) => resealValues(internal, values, options),
  };
  const facade = Object.freeze(attachInternal(form, internal));
  return facade;
};
