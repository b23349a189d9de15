import type { InternalForm } from '../compile/internalForm';
import type { FormRecord } from './recordTypes';

/**
 * Who follows the record up: the assigned owner, else (a record made before owners existed) its
 * creator. A stored `owner` that is not a text names nobody: it must not fall back to the creator,
 * or damaged data would hand the record back to whoever entered it.
 */
export const ownerOf = (record: FormRecord): string | undefined => {
  const owner: unknown = record.owner;
  if (owner === undefined) return typeof record.createdBy === 'string' ? record.createdBy : undefined;
  return typeof owner === 'string' ? owner : undefined;
};

/** Who acts on a stored record, as access lists see them. */
export interface Actor {
  readonly role: string | undefined;
  /** They own the record: `$owner` in a list lets them in. */
  readonly owns: boolean;
  /** Their role is in `ownership.ownOnly` and the record is someone else's: they may change nothing on it. */
  readonly barred: boolean;
}

export const actorOn = (form: InternalForm, record: FormRecord, act: { readonly by: string; readonly role: string | undefined }): Actor => {
  const owner = ownerOf(record);
  // An empty name is nobody: asking without a `by` owns nothing, even a hand-made record with an empty owner.
  const owns = owner !== undefined && owner !== '' && owner === act.by;
  return { role: act.role, owns, barred: !owns && act.role !== undefined && form.ownership.ownOnly.has(act.role) };
};
