import { hasOwn, isPlainObject } from '../core/reserved';
import { trackField, trackSection, type TrackedField, type TrackedSection } from './variantModel';
import type { VariantState } from './variantState';

/** New items for one list, by the id of the base item they go after or before, or at the end. */
interface Placement<T> {
  readonly after: Map<string, T[]>;
  readonly before: Map<string, T[]>;
  readonly end: T[];
}

const placement = <T>(): Placement<T> => ({ after: new Map(), before: new Map(), end: [] });

const place = <T>(plan: Placement<T>, where: 'after' | 'before' | undefined, anchor: string, items: readonly T[]): void => {
  if (where === undefined) {
    plan.end.push(...items);
    return;
  }
  const list = plan[where].get(anchor) ?? [];
  list.push(...items);
  plan[where].set(anchor, list);
};

// Each list is rebuilt once, whatever the number of additions: compile time stays linear.
const rebuild = <T extends { readonly id: string }>(items: readonly T[], plan: Placement<T>): T[] => {
  const result: T[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const first = !placed.has(item.id);
    placed.add(item.id);
    if (first) result.push(...(plan.before.get(item.id) ?? []));
    result.push(item);
    if (first) result.push(...(plan.after.get(item.id) ?? []));
  }
  return [...result, ...plan.end];
};

/**
 * `add`: new fields into a section or a group of the base, and new sections, each placed after or
 * before an item of the base (not one the variant adds: the order of `add` entries never matters
 * for where one lands), else last.
 */
export const applyAdditions = (state: VariantState): void => {
  const { report } = state;
  const fieldPlans = new Map<TrackedSection | TrackedField, Placement<TrackedField>>();
  const sectionPlan = placement<TrackedSection>();
  const planFor = (holder: TrackedSection | TrackedField): Placement<TrackedField> => {
    let plan = fieldPlans.get(holder);
    if (plan === undefined) fieldPlans.set(holder, (plan = placement()));
    return plan;
  };
  const entries = Array.isArray(state.variant.add) ? state.variant.add : [];
  entries.forEach((entry: unknown, index) => {
    if (!isPlainObject(entry)) return;
    const path = `add.${index}`;
    const where = hasOwn(entry, 'after') ? 'after' : hasOwn(entry, 'before') ? 'before' : undefined;
    const anchor = where === undefined ? '' : String(entry[where]);
    const anchorPath = `${path}.${where ?? ''}`;
    if (Array.isArray(entry.sections)) {
      const sections = entry.sections.map((raw, at) => trackSection(raw, { in: 'variant', path: `${path}.sections.${at}` }));
      if (where !== undefined && !state.sections.some((section) => section.id === anchor)) {
        const removedBy = state.removedSections.get(anchor);
        if (removedBy !== undefined) report.issue('unknown-field', anchorPath, 'removed', { name: anchor, index: removedBy });
        else report.issue('unknown-field', anchorPath, 'section', { name: anchor, suggestion: report.suggest(anchor, state.sections.map((section) => section.id)) });
        return;
      }
      place(sectionPlan, where, anchor, sections);
      return;
    }
    if (!Array.isArray(entry.fields)) return; // the shape check reported it
    let holder: TrackedSection | TrackedField | undefined;
    let within = '';
    if (typeof entry.section === 'string') {
      within = entry.section;
      const removedBy = state.removedSections.get(within);
      holder = removedBy === undefined ? state.sectionsById.get(within) : undefined;
      if (removedBy !== undefined) report.issue('unknown-field', `${path}.section`, 'removed', { name: within, index: removedBy });
      else if (holder === undefined) report.issue('unknown-field', `${path}.section`, 'section', { name: within, suggestion: report.suggest(within, state.sectionsById.keys()) });
    } else if (typeof entry.group === 'string') {
      within = entry.group;
      const removedBy = state.removedFields.get(within);
      const found = state.fields.get(within);
      holder = removedBy === undefined && found?.group === undefined && found?.field.rows !== undefined ? found.field : undefined;
      if (removedBy !== undefined) report.issue('unknown-field', `${path}.group`, 'removed', { name: within, index: removedBy });
      else if (holder === undefined) {
        const groups = [...state.fields.values()].filter((candidate) => candidate.group === undefined && candidate.field.rows !== undefined).map((candidate) => candidate.field.id);
        report.issue('unknown-field', `${path}.group`, 'group', { name: within, suggestion: report.suggest(within, groups) });
      }
    }
    if (holder === undefined) return;
    const siblings = 'fields' in holder ? holder.fields : (holder.rows ?? []);
    if (where !== undefined && !siblings.some((field) => field.id === anchor)) {
      const key = 'fields' in holder ? anchor : `${within}.${anchor}`;
      const removedBy = state.removedFields.get(key);
      if (removedBy !== undefined) report.issue('unknown-field', anchorPath, 'removed', { name: key, index: removedBy });
      else report.issue('unknown-field', anchorPath, 'anchor', { name: anchor, within, suggestion: report.suggest(anchor, siblings.map((field) => field.id)) });
      return;
    }
    const fields = entry.fields.map((raw, at) => trackField(raw, { in: 'variant', path: `${path}.fields.${at}` }));
    place(planFor(holder), where, anchor, fields);
  });

  for (const [holder, plan] of fieldPlans) {
    if ('fields' in holder) holder.fields = rebuild(holder.fields, plan);
    else holder.rows = rebuild(holder.rows ?? [], plan);
  }
  state.sections = rebuild(state.sections, sectionPlan);
};
