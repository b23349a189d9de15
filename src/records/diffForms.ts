import type { FieldIR, InternalForm } from '../compile/internalForm';
import { FormUsageError } from '../core/issues';
import { addedField, fieldChanges, removedField } from './diffFields';
import { optionSetChanges } from './diffOptionSets';
import { workflowChanges } from './diffWorkflows';
import type { FormChange } from './formChange';

export type { FormChange };

/**
 * Whether a row field is reported on its own: only while its group is a group in both versions.
 * A group that appears, disappears or changes type is one change; its row fields go with it.
 */
const rowReported = (field: FieldIR, other: InternalForm): boolean =>
  field.group === undefined || other.fieldsByKey.get(field.group.key)?.type === 'group';

/**
 * What changed from one version of a form to another, and whether each change breaks records
 * collected under `from` (they may be invalid, or lose data, under `to`). Fields are matched by key,
 * row fields included (`services.solution`), wherever their section; they come first in `from`'s
 * definition order (removals in place), then the fields `to` adds in its order, then option sets,
 * then workflows and their states. The same two forms always give the same list.
 * Throws FormUsageError `bad-argument` for two different forms (different ids).
 *
 * Not compared: rules, tags, dedup keys, masking, read-only conditions, computed expressions,
 * transitions, and the labels of workflows and states.
 */
export const diffForms = (from: InternalForm, to: InternalForm): FormChange[] => {
  if (from.id !== to.id) throw new FormUsageError('bad-argument', `diffForms compares two versions of one form, not '${from.id}' and '${to.id}'`);
  const changes: FormChange[] = [];
  for (const field of from.allFields) {
    const next = to.fieldsByKey.get(field.key);
    if (next !== undefined) changes.push(...fieldChanges(from, to, field, next));
    else if (rowReported(field, to)) changes.push(removedField(field));
  }
  for (const field of to.allFields) {
    if (!from.fieldsByKey.has(field.key) && rowReported(field, from)) changes.push(addedField(field));
  }
  return [...changes, ...optionSetChanges(from, to), ...workflowChanges(from, to)];
};
