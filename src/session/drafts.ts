import type { InternalForm } from '../compile/internalForm';
import { addDuration } from '../core/addDuration';
import { FormUsageError } from '../core/issues';
import { randomToken } from '../core/random';
import { hasOwn, isPlainObject } from '../core/reserved';
import type { FormValues } from '../core/values';
import type { Slot } from '../fields/fieldKind';
import { readDraft, type Draft, type DraftStore } from './draftStore';
import type { SessionSnapshot } from './sessionTypes';

/** Why a draft could not be resumed: no such draft (or one of another form), or its time ran out. */
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

/** Saves a snapshot's answers under a new 128-bit token; resumable for the form's `drafts.ttl` (default P7D). */
export const saveDraft = async (
  form: InternalForm,
  snapshot: SessionSnapshot,
  drafts: DraftStore | undefined,
  now: Date,
): Promise<{ readonly token: string; readonly expiresAt: string }> => {
  const store = requireStore(drafts);
  const token = randomToken(16);
  const touched = Object.entries(snapshot.fields).filter(([, field]) => field.touched).map(([path]) => path);
  const expiresAt = addDuration(now, form.drafts.ttl, form.timeZone).toISOString();
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

/**
 * Finds a draft and carries its answers into this form: `not-found` for an unknown or malformed
 * token, a value that is not a draft, or a draft of another form; `expired` (and the draft deleted)
 * when its time ran out. A draft saved under another version keeps only answers that still fit.
 */
export const loadDraft = async (form: InternalForm, token: unknown, drafts: DraftStore | undefined, now: Date): Promise<ResumedDraft> => {
  const store = requireStore(drafts);
  if (typeof token !== 'string' || !TOKEN.test(token)) throw new DraftError('not-found', 'no draft with this token');
  const draft = readDraft(await store.get(token));
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
