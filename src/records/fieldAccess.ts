import type { FieldIR } from '../compile/internalForm';

export interface FieldAccess {
  readonly readable: boolean;
  readonly writable: boolean;
}

/**
 * What a role may do with a field, decided as validate decides it: access lists absent = everyone,
 * a writer may also read, and nobody writes an auto id (the system numbers it).
 */
export const accessOf = (field: FieldIR, role: string | undefined): FieldAccess => ({
  readable: field.readRoles === undefined || (role !== undefined && field.readRoles.has(role)),
  writable: field.writeRoles === undefined ? field.type !== 'autoId' : role !== undefined && field.writeRoles.has(role),
});
