import { containerKind } from '../core/reserved';
import type { FormValues } from '../core/values';
import { readJson } from '../validate/readJson';

/**
 * A saved, unfinished filling of a form (R11): what the person entered, what they had touched, and
 * when the draft stops being resumable. Stored under a random token by a DraftStore.
 */
export interface Draft {
  readonly formId: string;
  readonly formVersion: number;
  /** The values as entered (not cleaned): the person resumes exactly where they were. */
  readonly values: FormValues;
  /** Paths the person had touched (dotted, row index included). */
  readonly touched: readonly string[];
  readonly role?: string;
  readonly locale?: string;
  /** ISO 8601. */
  readonly savedAt: string;
  /** ISO 8601: after this, resuming fails with `expired` and the draft is deleted. */
  readonly expiresAt: string;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Where drafts live. Sync or async; `get` returns undefined (or null) for an unknown token. A store
 * may expire drafts itself (Redis does, at `expiresAt`); formloom checks `expiresAt` anyway.
 */
export interface DraftStore {
  get(token: string): MaybePromise<unknown>;
  set(token: string, draft: Draft): MaybePromise<unknown>;
  delete(token: string): MaybePromise<unknown>;
}

/** Drafts in this process's memory: for tests, single-process servers and the browser (one tab). */
export class MemoryDraftStore implements DraftStore {
  private readonly drafts = new Map<string, string>();

  get(token: string): Draft | undefined {
    const stored = this.drafts.get(token);
    // Stored as JSON, so a caller cannot change a saved draft through an object it kept.
    return stored === undefined ? undefined : (JSON.parse(stored) as Draft);
  }

  set(token: string, draft: Draft): void {
    this.drafts.set(token, JSON.stringify(draft));
  }

  delete(token: string): boolean {
    return this.drafts.delete(token);
  }

  /** How many drafts are held. */
  get size(): number {
    return this.drafts.size;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Reads what a store returned as a draft, or undefined when it is not one (a tampered or foreign
 * value). A store is outside the library: what it returns is read as JSON data (no getter runs, a
 * Proxy's traps that throw are caught), so nothing it holds can throw out of a resume, and the draft
 * handed on is a plain copy that cannot change under the session.
 */
export const readDraft = (value: unknown): Draft | undefined => {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const read = readJson(parsed);
  // A part that is not data (a getter, a cycle, a revoked Proxy) makes the whole value no draft.
  if (read.unreadable.length > 0 || containerKind(read.value) !== 'object') return undefined;
  const draft = read.value as Record<string, unknown>;
  const valid = isString(draft.formId) && typeof draft.formVersion === 'number' &&
    containerKind(draft.values) === 'object' &&
    Array.isArray(draft.touched) && draft.touched.every(isString) &&
    isString(draft.savedAt) && isString(draft.expiresAt) && !Number.isNaN(Date.parse(draft.expiresAt)) &&
    (draft.role === undefined || isString(draft.role)) && (draft.locale === undefined || isString(draft.locale));
  return valid ? (draft as unknown as Draft) : undefined;
};
