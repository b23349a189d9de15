import type { FieldIR } from '../compile/internalForm';
import { grants } from '../core/owner';
import type { Actor } from './ownership';

export interface FieldAccess {
  readonly readable: boolean;
  readonly writable: boolean;
}

/**
 * What someone may do with a field of a stored record, decided as validate decides it: access lists
 * absent = everyone, a writer may also read, nobody writes an auto id (the system numbers it). On a
 * record, `$owner` lets in its owner only, and a role barred by `ownership.ownOnly` writes nothing.
 */
export const accessOf = (field: FieldIR, actor: Actor): FieldAccess => ({
  readable: field.readRoles === undefined || grants(field.readRoles, actor.role, actor.owns),
  writable: !actor.barred && (field.writeRoles === undefined ? field.type !== 'autoId' : grants(field.writeRoles, actor.role, actor.owns)),
});
