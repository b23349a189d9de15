/**
 * A migration writes the workflow states it changed into its history entry as `states.<workflow>`.
 * Such a path never names a value: value paths are a field id, or `group.<row>.<field>` with a row
 * index second, and workflow names start with a letter. recordAt replays values only, so it skips them.
 */
export const statePath = (workflow: string): string => `states.${workflow}`;

export const isStatePath = (path: string): boolean => /^states\.[A-Za-z][A-Za-z0-9_-]*$/.test(path);

/** `assignOwner` writes the owner it replaced under this path: a field id starts with a letter, never `$`. */
export const OWNER_PATH = '$owner';

/** Whether a history change is about the record (a workflow state, the owner) rather than its values. */
export const isRecordPath = (path: string): boolean => path === OWNER_PATH || isStatePath(path);
