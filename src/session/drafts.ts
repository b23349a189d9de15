import type { InternalForm } from '../compile/internalForm';
import { addDuration } from '../core/addDuration';
import { FormUsageError } from '../core/issues';
import { randomToken } from '../core/random';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { Slot } from '../fields/fieldKind';
import { readDraft, type Draft, type DraftStore } from './draftStore';
import type { SessionSnapshot } from './sessionTypes';

/**
 * Why a draft could not be resumed: `not-found` — no such draft, one of another form, or what the store
 * returned is not a draft (never repeated in the message); `expired` — its time ran out.
 */
export class DraftError extends Error {
  override readonly name = 'DraftError';
  constructor(readonly code: 'not-found' | 'expired', message: string) {
    super(message);
  }
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const requireStore = (drafts: DraftStore | undefined): DraftStore => {
  if (drafts === undefined || typeof drafts.get !== 'function' || typeof drafts.set !== 'function' || typeof drafts.delete !== 'function') {
    throw new FormUsageError('bad-option', 'drafts need a DraftStore: createSession({ drafts: new MemoryDraftStore() }) or a RedisDraftStore', 'drafts');
  }
  return drafts;
};

/**
 * When a draft saved at `now` expires, as ISO 8601. A clock near the end of Date's range (8.64e15 ms)
 * plus the TTL has no date: that is the caller's `now` (or the form's TTL) at fault, said as such
 * rather than as the RangeError of an invalid Date.
 */
const expiryOf = (form: InternalForm, clock: DraftClock): string => {
  let expires: Date | undefined;
  try {
    expires = addDuration(clock.now, form.drafts.ttl, form.timeZone);
  } catch {
    expires = undefined;
  }
  if (expires !== undefined && !Number.isNaN(expires.getTime())) return expires.toISOString();
  if (clock.given) {
    throw new FormUsageError('bad-option', "a draft saved at the session's `now` would expire after the last time a Date can hold: `now` plus the form's drafts.ttl must fall before +275760-09-13", 'now');
  }
  throw new FormUsageError('bad-argument', "the form's drafts.ttl puts a draft's expiry after the last time a Date can hold");
};

/** The time a draft is saved at, and whether the caller gave it (`now`) or it is the wall clock. */
export interface DraftClock {
  readonly now: Date;
  readonly given: boolean;
}

/** Saves a snapshot's answers under a new 128-bit token; resumable for the form's `drafts.ttl` (default P7D). */
export const saveDraft = async (
  form: InternalForm,
  snapshot: SessionSnapshot,
  drafts: DraftStore | undefined,
  clock: DraftClock,
): Promise<{ readonly token: string; readonly expiresAt: string }> => {
  const store = requireStore(drafts);
  const expiresAt = expiryOf(form, clock);
  const now = clock.now;
  const token = randomToken(16);
  const touched = Object.entries(snapshot.fields).filter(([, field]) => field.touched).map(([path]) => path);
  const draft: Draft = {
    formId: form.id,
    formVersion: form.version,
    values: snapshot.values,
    touched,
    ...(snapshot.role === undefined ? {} : { role: snapshot.role }),
    locale: snapshot.locale,
    savedAt: now.toISOString(),
    expiresAt,
  };
  await store.set(token, draft);
  return { token, expiresAt };
};

export interface ResumedDraft {
  readonly draft: Draft;
  readonly values: FormValues;
  /** Paths of answers the current form version has no place for (a field removed, or its type changed). */
  readonly dropped: readonly string[];
}

const JUNK = /* @__PURE__ */ Symbol('junk');

/** A value's `then`, read once; JUNK when reading it throws (a revoked Proxy, a throwing getter). */
const thenOf = (value: unknown): unknown => {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return undefined;
  try {
    return (value as { readonly then?: unknown }).then;
  } catch {
    return JUNK;
  }
};

/**
 * What a store's `get` returned, awaited only when it is a promise, and boxed: resolving a promise
 * with a value reads its `then` (a revoked Proxy throws a TypeError there, a getter may answer
 * differently each time), so the value travels in a box and its `then` is read once, here. A value
 * that cannot even be asked whether it is a promise is no draft. A promise the store rejects is the
 * store's own failure (a lost connection): it goes out as it is.
 */
const settle = (returned: unknown): Promise<{ readonly value: unknown }> => {
  const then = thenOf(returned);
  if (then === JUNK) return Promise.resolve({ value: undefined });
  if (typeof then !== 'function') return Promise.resolve({ value: returned });
  return new Promise((resolve, reject) => {
    (then as (onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void) => unknown).call(returned, (value) => resolve({ value }), reject);
  });
};

/**
 * Finds a draft and carries its answers into this form: `not-found` for an unknown or malformed
 * token, a value that is not a draft (junk, or not plain data: a getter, a revoked Proxy), or a draft
 * of another form; `expired` (and the draft deleted)
 * when its time ran out. A draft saved under another version keeps only answers that still fit.
 */
export const loadDraft = async (form: InternalForm, token: unknown, drafts: DraftStore | undefined, now: Date): Promise<ResumedDraft> => {
  const store = requireStore(drafts);
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new DraftError('not-found', 'no draft with this token');
  const draft = readDraft((await settle(store.get(token))).value);
  if (draft === undefined || draft.formId !== form.id) throw new DraftError('not-found', 'no draft with this token');
  if (Date.parse(draft.expiresAt) <= now.getTime()) {
    await store.delete(token);
    throw new DraftError('expired', 'this draft has expired');
  }
  const { values, dropped } = carryValues(form, draft.values);
  return { draft, values, dropped };
};

const slot: Slot = { value: undefined };

/** Keeps the answers that still have a field of the same kind; names the ones dropped. */
const carryValues = (form: InternalForm, saved: FormValues): { values: FormValues; dropped: string[] } => {
  const values: FormValues = {};
  const dropped: string[] = [];
  for (const key of Object.keys(saved)) {
    const field = form.fieldsByKey.get(key);
    const value = saved[key];
    if (field === undefined || field.group !== undefined) {
      dropped.push(key);
      continue;
    }
    const typeOk = field.value.isEmpty(value) || (field.newRowScope !== undefined
      ? Array.isArray(value)
      : field.value.accept(value, {}, slot)?.code !== 'type');
    if (!typeOk) {
      dropped.push(key);
      continue;
    }
    if (field.newRowScope !== undefined && Array.isArray(value)) {
      values[key] = value.map((row, index) => {
        if (!isPlainObject(row)) return row;
        const kept: FormValues = {};
        for (const child of Object.keys(row)) {
          if (field.rowIds?.has(child) === true && hasOwn(row, child)) kept[child] = row[child];
          else dropped.push(`${key}.${index}.${child}`);
        }
        return kept;
      });
    } else values[key] = value;
  }
  return { values, dropped };
};
