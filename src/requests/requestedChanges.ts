import type { InternalForm } from '../compile/internalForm';
import type { FormValues } from '../core/values';
import type { HistoryChange } from '../records/recordTypes';
import { replayableChanges } from '../records/replayableChanges';

/**
 * What a request asks to change: the answers that differ, path by path, computed fields left out.
 * A computed answer follows from the others and is computed again when the request is applied;
 * kept in, two requests on different inputs of one total would conflict on the total.
 */
export const requestedChanges = (form: InternalForm, before: FormValues, after: FormValues): HistoryChange[] =>
  replayableChanges(before, after, form.fields.map((field) => field.id)).filter((change) => {
    const parts = change.path.split('.');
    const key = parts.length === 3 ? `${parts[0] ?? ''}.${parts[2] ?? ''}` : change.path;
    return form.fieldsByKey.get(key)?.compute === undefined;
  });
