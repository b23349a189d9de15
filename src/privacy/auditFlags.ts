import type { AuditReason } from './auditSummaryTypes';

/** A user's distinct records in a period, with their role: what the peer comparison reads. */
export interface PeerCount {
  readonly role: string | null;
  readonly records: number;
}

/** The index of the first element >= value in an ascending array. */
const lowerBound = (sorted: readonly number[], value: number): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * The median of `sorted` without one element equal to `value` (the user's own count), read by
 * index: every removal of an equal element leaves the same list, so each user costs a search, not
 * a copy. Undefined when no one else is left.
 */
const medianWithout = (sorted: readonly number[], value: number): number | undefined => {
  const size = sorted.length - 1;
  if (size < 1) return undefined;
  const removed = lowerBound(sorted, value);
  const at = (index: number): number => sorted[index < removed ? index : index + 1] as number;
  return size % 2 === 1 ? at((size - 1) / 2) : (at(size / 2 - 1) + at(size / 2)) / 2;
};

/**
 * The `many-records` reason of each user of one period, or undefined: more distinct records than
 * `factor` × the median of the other users with the same role, and at least `minRecords`. Peers are
 * users of the same role because a reviewer who opens every file is doing the job a clerk is not;
 * the median because one other outlier must not hide the first. A user without peers is never
 * flagged this way: there is no one to compare with.
 */
export const recordReasons = (users: readonly PeerCount[], factor: number, minRecords: number): (AuditReason | undefined)[] => {
  const byRole = new Map<string | null, number[]>();
  for (const user of users) {
    const counts = byRole.get(user.role);
    if (counts === undefined) byRole.set(user.role, [user.records]);
    else counts.push(user.records);
  }
  for (const counts of byRole.values()) counts.sort((a, b) => a - b);
  return users.map((user) => {
    const counts = byRole.get(user.role) as readonly number[];
    const peerMedian = medianWithout(counts, user.records);
    if (peerMedian === undefined) return undefined;
    const threshold = Math.max(factor * peerMedian, minRecords - 1);
    if (user.records <= threshold) return undefined;
    return { code: 'many-records', records: user.records, peerMedian, peers: counts.length - 1, threshold };
  });
};
