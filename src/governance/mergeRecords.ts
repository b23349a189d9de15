import { produce, type Draft } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import type { FormValues } from '../core/values';
import { fillAutoFields } from '../records/autoFields';
import { keepHiddenAnswers } from '../records/keepHidden';
import { diffValues } from '../records/diffValues';
import { readAct, readRecord } from '../records/recordContext';
import { readJson } from '../validate/readJson';
import { systemPass } from '../records/recordPass';
import { RecordValidationError, type FormRecord, type HistoryEntry, type MergedRecord } from '../records/recordTypes';

/**
 * One record for one customer from two duplicates (R18). `a` survives (its id, its workflow states);
 * its answers win where both records answered, or `b`'s with `prefer: 'b'`, or the more recently
 * updated record's with `prefer: 'newer'`; an answer only one of them has is kept either way. `b` is
 * kept whole in `merged` (values, states, history), and the merge is an entry in `a`'s history with
 * every change it made. Both must be records of this form and version.
 */
// structuredClone keeps history as it is (`from: undefined` included); what it cannot clone (a
// function smuggled into a stored record) is read as JSON instead.
const copyOf = (value: unknown): unknown => {
  try {
    return structuredClone(value);
  } catch {
    return readJson(value).value;
  }
};

export const mergeRecords = (form: InternalForm, aArg: unknown, bArg: unknown, given: unknown): FormRecord => {
  const a = readRecord(form, aArg, 'mergeRecords');
  const b = readRecord(form, bArg, 'mergeRecords');
  const act = readAct(form, given, 'mergeRecords', ['prefer']);
  const prefer = act.options.prefer ?? 'a';
  if (prefer !== 'a' && prefer !== 'b' && prefer !== 'newer') throw new FormUsageError('bad-option', "`prefer` is 'a', 'b' or 'newer'", 'prefer');
  if (a.id === b.id) throw new FormUsageError('bad-argument', 'mergeRecords: a record cannot be merged into itself');
  for (const record of [a, b]) {
    if (record.merged !== undefined && !Array.isArray(record.merged)) throw new FormUsageError('bad-argument', 'mergeRecords: `merged` of a record is a list of the records merged into it');
  }
  const winner = prefer === 'a' || (prefer === 'newer' && Date.parse(a.updatedAt) >= Date.parse(b.updatedAt)) ? a : b;
  const loser = winner === a ? b : a;
  const merged: FormValues = { ...loser.values, ...winner.values };
  // The surviving record keeps what identifies it and dates it, whichever side's answers win:
  // its numbered id (客户编号) and its creation stamp are not answers to prefer.
  for (const field of form.fields) {
    if (field.type !== 'autoId' && field.auto !== 'createdAt' && field.auto !== 'createdBy') continue;
    if (a.values[field.id] === undefined) delete merged[field.id];
    else merged[field.id] = a.values[field.id];
  }
  const result = systemPass(form, merged, act);
  if (result.errors.length > 0) throw new RecordValidationError(result.errors);
  // An answer hidden by the merged values is kept, as an update keeps it (keepHiddenAnswers).
  const values = fillAutoFields(form, keepHiddenAnswers(form, merged, result), act, false);
  const at = act.now.toISOString();
  const entry: HistoryEntry = {
    revision: a.revision + 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), action: 'merge',
    changes: diffValues(a.values, values, form.fields.map((field) => field.id)), mergedFrom: b.id,
    note: `merged ${b.id} into ${a.id}; ${winner === a ? a.id : b.id} wins where both answered`,
  };
  // A copy: the merged record is frozen, and freezing must not reach into the caller's `b`.
  const kept = copyOf({
    id: b.id, formVersion: b.formVersion, values: b.values, states: b.states, history: b.history, createdAt: b.createdAt, createdBy: b.createdBy,
    ...(b.owner === undefined ? {} : { owner: b.owner }),
    ...(b.merged === undefined ? {} : { merged: b.merged }),
  }) as MergedRecord;
  return produce(a, (draft) => {
    draft.values = values as Draft<FormValues>;
    draft.revision = entry.revision;
    draft.tags = [...(result.tags ?? [])];
    draft.history.push(entry as Draft<HistoryEntry>);
    draft.merged = [...(a.merged ?? []), kept] as Draft<MergedRecord>[];
    draft.updatedAt = at;
    draft.updatedBy = act.by;
  });
};
