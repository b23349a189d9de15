/**
 * Counts of the work a session does that grows with the values. Tests read them to prove that an
 * event costs work linear in a group's rows, not quadratic: counts are exact where timings flake.
 * A plain counter costs an increment; nothing in the library reads it.
 */
export const sessionWork = {
  /** Issues read while indexing a field's (or the rules') errors by path. */
  issuesIndexed: 0,
  /** Field snapshots looked at again while building a snapshot (the ones reused as they are not counted). */
  fieldsBuilt: 0,
  /** Snapshots built. */
  snapshots: 0,
};
