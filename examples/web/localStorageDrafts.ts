import type { Draft, DraftStore } from 'formloom';

/**
 * A DraftStore over the browser's localStorage: a draft survives a reload and a closed tab, on this
 * device and origin. Each draft is one key, `<prefix><token>`, holding the draft as JSON.
 *
 * `get` hands formloom the stored string as it is: formloom reads what a store returns as untrusted
 * data (a value edited in devtools that is no draft resumes as `not-found`), and checks `expiresAt`
 * itself, deleting an expired draft. `sweep` drops expired drafts nobody came back for.
 */
export class LocalStorageDraftStore implements DraftStore {
  constructor(
    private readonly storage: Storage = window.localStorage,
    private readonly prefix = 'formloom:draft:',
  ) {}

  get(token: string): string | undefined {
    return this.storage.getItem(this.prefix + token) ?? undefined;
  }

  set(token: string, draft: Draft): void {
    // Throws when storage is full or disabled: saveDraft rejects, and the page says so.
    this.storage.setItem(this.prefix + token, JSON.stringify(draft));
  }

  delete(token: string): boolean {
    const had = this.storage.getItem(this.prefix + token) !== null;
    this.storage.removeItem(this.prefix + token);
    return had;
  }

  /** Removes this store's drafts that expired before `now` (and values that are not drafts at all). */
  sweep(now: Date = new Date()): number {
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key !== null && key.startsWith(this.prefix)) keys.push(key);
    }
    let removed = 0;
    for (const key of keys) {
      let expiresAt = Number.NaN;
      try {
        const value: unknown = JSON.parse(this.storage.getItem(key) ?? 'null');
        if (typeof value === 'object' && value !== null && 'expiresAt' in value && typeof value.expiresAt === 'string') {
          expiresAt = Date.parse(value.expiresAt);
        }
      } catch {
        // Not JSON: not a draft, removed below.
      }
      if (!(expiresAt > now.getTime())) {
        this.storage.removeItem(key);
        removed++;
      }
    }
    return removed;
  }
}
