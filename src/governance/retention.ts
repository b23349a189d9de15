import { isPlainObject } from '../core/reserved';
import type { InternalForm } from '../compile/internalForm';
import { addDuration } from '../core/addDuration';
import type { FormRecord } from '../records/recordTypes';

export interface Retention {
  /** When the record may be purged: `keep` after its creation, last update or the end of the relationship. */
  readonly purgeAfter: Date | undefined;
  /** Whether that time has passed. */
  readonly purge: boolean;
  /** When the record must be re-confirmed: `reconfirm` after its last update. */
  readonly reconfirmBy: Date | undefined;
  /** Whether it was not re-confirmed in time: its data may be out of date. */
  readonly stale: boolean;
  /** When the relationship ended (a workflow first reached a final state), if it has. */
  readonly endedAt: Date | undefined;
}

/** The first time any workflow of the record entered a final state: the end of the relationship. */
const endedAt = (form: InternalForm, record: FormRecord): Date | undefined => {
  let ended: number | undefined;
  for (const entry of record.history) {
    if (!isPlainObject(entry)) continue; // a record read from storage: a broken entry ends nothing
    if (entry.action !== 'transition' || entry.workflow === undefined || entry.to === undefined) continue;
    if (form.workflows.get(entry.workflow)?.states.get(entry.to)?.final !== true) continue;
    const at = Date.parse(entry.at);
    if (!Number.isNaN(at) && (ended === undefined || at < ended)) ended = at;
  }
  return ended === undefined ? undefined : new Date(ended);
};

/**
 * What the definition's `retention` says of a record at `now` (R23): when it may be purged and when
 * it must be re-confirmed, counted calendar-aware in the form's time zone. Without a `retention`
 * block, nothing is due.
 */
export const retentionOf = (form: InternalForm, record: FormRecord, now: Date): Retention => {
  const { keep, from, reconfirm } = form.retention;
  const ended = endedAt(form, record);
  const base = from === 'ended' ? ended : new Date(from === 'updated' ? record.updatedAt : record.createdAt);
  const purgeAfter = keep === undefined || base === undefined || Number.isNaN(base.getTime()) ? undefined : addDuration(base, keep, form.timeZone);
  const updated = new Date(record.updatedAt);
  const reconfirmBy = reconfirm === undefined || Number.isNaN(updated.getTime()) ? undefined : addDuration(updated, reconfirm, form.timeZone);
  return {
    purgeAfter,
    purge: purgeAfter !== undefined && now.getTime() > purgeAfter.getTime(),
    reconfirmBy,
    stale: reconfirmBy !== undefined && now.getTime() > reconfirmBy.getTime(),
    endedAt: ended,
  };
};
