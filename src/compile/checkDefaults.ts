import { hasOwn } from '../core/reserved';
import type { FieldDefinition } from '../fields/fieldDefinition';
import type { FormatTable, Slot } from '../fields/fieldKind';
import { kindOf } from '../fields/registry';
import type { FieldNode, FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';

/**
 * Checks each field's `default` with the field's own rules, so that a new session or record never
 * starts from an answer validate would refuse; returns the normalised defaults. A default for a
 * derived field (computed, autoId) is refused: the system sets those.
 */
export const checkDefaults = (model: FormModel, formats: FormatTable, issues: IssueCollector): Map<FieldNode, { readonly value: unknown }> => {
  const defaults = new Map<FieldNode, { readonly value: unknown }>();
  for (const node of model.byKey.values()) {
    if (!hasOwn(node.def, 'default') || issues.hasIssueAt(node.defPath)) continue;
    const path = `${node.defPath}.default`;
    const kind = kindOf(node.type);
    const given = node.def.default;
    if (!kind.takesInput || node.type === 'autoId') {
      issues.issue('bad-default', path, undefined, { problem: 'derived' });
      continue;
    }
    const rules = kind.values({ id: node.id, def: node.def as unknown as FieldDefinition, defPath: node.defPath, options: model.options.get(node), formats, forbid: model.detectable });
    if (rules.isEmpty(given)) continue;
    const slot: Slot = { value: undefined };
    const failure = rules.accept(given, {}, slot);
    if (failure === undefined) defaults.set(node, { value: slot.value });
    else issues.issue('bad-default', path, undefined, { problem: failure.code });
  }
  return defaults;
};
