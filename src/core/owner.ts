/**
 * `$owner` in a role list names a person, not a role: the record's owner (its creator unless one was
 * assigned). It may stand beside roles in a field's `access.write` and a transition's `roles`.
 * Roles are names that start with a letter, so no declared role can be mistaken for it.
 */
export const OWNER = '$owner';

/**
 * Whether a role list lets the actor in: by their role, or as the owner when `owns`. Checks without
 * a record (validate, sessions, createRecord) pass `owns: true`: whoever fills a new form will own it.
 */
export const grants = (roles: ReadonlySet<string>, role: string | undefined, owns: boolean): boolean =>
  (role !== undefined && roles.has(role)) || (owns && roles.has(OWNER));
