import type { InternalForm } from '../compile/internalForm';
import { readNow } from '../core/clock';
import { FormUsageError } from '../core/issues';
import { isPlainObject } from '../core/reserved';
import type { KeyProvider } from './keyProvider';

export interface SealOptions {
  readonly keys: KeyProvider;
  /** Given to `keys.current(now)`, for a provider that picks its key by date. Default: the current time. */
  readonly now?: Date | string | number;
  /**
   * Binds each ciphertext to this record as well as to the form and field: a value copied into another
   * record does not open. Unseal and reseal must then be given the same id.
   */
  readonly recordId?: string;
}

export interface ResealOptions extends SealOptions {
  /**
   * Also compute every blind index again (opening and resealing each value, whatever its key): after
   * the index key changed, or the normalisers of the dedup rule naming a sealed field.
   */
  readonly reindex?: boolean;
}

export interface UnsealOptions {
  readonly keys: KeyProvider;
  /** Roles in `encryption.reveal` read plain values, others masked; fields the role may not read are left out. */
  readonly role?: string;
  /** The record id the values were sealed with, if any. */
  readonly recordId?: string;
}

/** Checked options, as the stages use them. */
export interface ReadOptions {
  readonly keys: unknown;
  readonly now: Date;
  readonly recordId: string | undefined;
  readonly role: string | undefined;
  readonly reindex: boolean;
}

const ALLOWED = { sealValues: ['keys', 'now', 'recordId'], resealValues: ['keys', 'now', 'recordId', 'reindex'], unsealValues: ['keys', 'role', 'recordId'] } as const;

/** Reads the options of sealValues, resealValues or unsealValues; misuse is a FormUsageError (a typo in `recordId` would otherwise seal values bound to no record). */
export const readSealOptions = (form: InternalForm, options: unknown, call: keyof typeof ALLOWED): ReadOptions => {
  if (!isPlainObject(options)) throw new FormUsageError('bad-option', `${call} needs options with \`keys\` (a KeyProvider)`);
  const allowed: readonly string[] = ALLOWED[call];
  const unknown = Object.keys(options).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw new FormUsageError('bad-option', `${call} has no option '${unknown}' (options: ${allowed.join(', ')})`, unknown);
  if (options.keys === undefined) throw new FormUsageError('bad-option', `${call} needs \`keys\` (a KeyProvider)`, 'keys');
  const { recordId, role, reindex } = options;
  if (recordId !== undefined && (typeof recordId !== 'string' || recordId === '')) throw new FormUsageError('bad-option', '`recordId` must be a non-empty string', 'recordId');
  if (reindex !== undefined && typeof reindex !== 'boolean') throw new FormUsageError('bad-option', '`reindex` must be true or false', 'reindex');
  const now = readNow(options.now);
  if (now === undefined || Number.isNaN(now.getTime())) throw new FormUsageError('bad-option', '`now` must be a Date, an ISO 8601 string or epoch milliseconds', 'now');
  if (role !== undefined && typeof role !== 'string') throw new FormUsageError('bad-option', '`role` must be a role name (string)', 'role');
  if (typeof role === 'string' && form.roleSet.size > 0 && !form.roleSet.has(role)) {
    throw new FormUsageError('unknown-role', `role '${role}' is not declared by form '${form.id}' (roles: ${form.roles.join(', ')})`, 'role');
  }
  return { keys: options.keys, now, recordId, role: form.roleSet.size === 0 ? undefined : role, reindex: reindex === true };
};
