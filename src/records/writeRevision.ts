import { produce, type Draft } from 'immer';
import type { InternalForm } from '../compile/internalForm';
import type { FormValues } from '../core/values';
import { fillAutoFields } from './autoFields';
import { diffValues } from './diffValues';
import type { ActContext } from './recordContext';
import type { FormRecord, HistoryEntry } from './recordTypes';

/** What a history entry says beside its revision, time, actor and changes. */
export type EntryKind = Omit<HistoryEntry, 'revision' | 'at' | 'by' | 'role' | 'changes'>;

/**
 * The record's next revision with new values: the system stamps them (`updatedAt`, `updatedBy`),
 * and history gets one entry of `kind` with every field that changed, from and to.
 */
export const writeRevision = (form: InternalForm, record: FormRecord, planned: FormValues, tags: readonly string[], act: ActContext, kind: EntryKind): FormRecord => {
  const values = fillAutoFields(form, planned, act, false);
  const at = act.now.toISOString();
  const entry: HistoryEntry = {
    revision: record.revision + 1, at, by: act.by, ...(act.role === undefined ? {} : { role: act.role }), ...kind,
    changes: diffValues(record.values, values, form.fields.map((field) => field.id)),
  };
  return produce(record, (draft) => {
    draft.values = values as Draft<FormValues>;
    draft.revision = entry.revision;
    draft.tags = [...tags];
    draft.history.push(entry as Draft<HistoryEntry>);
    draft.updatedAt = at;
    draft.updatedBy = act.by;
  });
};
