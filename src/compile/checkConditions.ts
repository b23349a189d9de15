import type { OptionValue } from '../core/definitionTypes';
import { concat, mapped } from '../core/suggest';
import type { OptionEntry } from '../fields/fieldKind';
import { FIELD_KINDS } from '../fields/registry';
import { analyzeLogic, type LiteralComparison, type LogicFinding, type VarUse } from '../logic/analyzeLogic';
import type { FieldNode, FormModel } from './formModel';
import type { Dependent } from './internalForm';
import type { IssueCollector } from './issueCollector';
import type { LogicSite } from './logicSites';

/** Variables every condition may read besides fields. */
export const CONTEXT_VARS: ReadonlySet<string> = /* @__PURE__ */ new Set(['$role', '$now', '$today']);

/** An edge "owner depends on field", with the place in the definition that creates it. */
export interface Dependency {
  readonly from: FieldNode;
  readonly to: FieldNode;
  readonly path: string;
}

export interface ConditionAnalysis {
  /** Edges between fields: what each field's state reads (for evaluation order and cycles). */
  readonly dependencies: Dependency[];
  /** Field key -> everything that reads it: fields, rules, tags, workflow transitions. */
  readonly dependents: Map<string, Dependent[]>;
}

/** Checks every condition; returns the edges they create between fields and the dependents index. */
export const checkConditions = (model: FormModel, sites: readonly LogicSite[], issues: IssueCollector): ConditionAnalysis => {
  const dependencies: Dependency[] = [];
  const dependents = new Map<string, Dependent[]>();
  const seen = new Set<string>();
  const addDependent = (field: FieldNode, dependent: Dependent): void => {
    const identity = `${field.key}\u0000${dependentKey(dependent)}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    const list = dependents.get(field.key);
    if (list === undefined) dependents.set(field.key, [dependent]);
    else list.push(dependent);
  };
  for (const site of sites) {
    // A reserved key was dropped from this condition when the definition was read: analysing the
    // rest would only report the hole it left.
    if (issues.hasIssueAt(site.path)) continue;
    const analysis = analyzeLogic(site.logic, site.path);
    analysis.findings.forEach((finding) => reportFinding(finding, issues));
    const resolved = new Map<VarUse, FieldNode>();
    for (const use of analysis.vars) {
      const field = resolveVar(use, site, model, resolved, issues);
      if (field === undefined) continue;
      resolved.set(use, field);
      addDependent(field, site.dependent);
      if (site.owner !== undefined && use.scope.kind === 'root') dependencies.push({ from: site.owner, to: field, path: use.path });
    }
    for (const comparison of analysis.comparisons) {
      const field = resolved.get(comparison.variable);
      if (field !== undefined) checkComparison(comparison, field, model, issues);
    }
  }
  return { dependencies, dependents };
};

const dependentKey = (dependent: Dependent): string => {
  switch (dependent.kind) {
    case 'field': return `field:${dependent.key}:${dependent.via}`;
    case 'rule': return `rule:${dependent.index}`;
    case 'tag': return `tag:${dependent.id}`;
    case 'workflow': return `workflow:${dependent.workflow}:${dependent.transition}:${dependent.via}`;
  }
};

const reportFinding = (finding: LogicFinding, issues: IssueCollector): void => {
  switch (finding.code) {
    case 'unknown-operator':
      issues.issue('unknown-operator', finding.path, undefined, { name: finding.operator, suggestion: finding.suggestion });
      return;
    case 'not-operation':
      issues.issue('unknown-operator', finding.path, 'not-operation');
      return;
    case 'bad-arity':
      issues.issue('bad-arity', finding.path, undefined, { name: finding.operator, expected: finding.expected, actual: finding.actual });
      return;
    case 'dynamic-var':
      issues.issue('dynamic-var', finding.path);
  }
};

const isList = (field: FieldNode): boolean => FIELD_KINDS[field.type].valueKind === 'list';

/** Names read from elements of `sources` (inside some/all/filter/map/reduce): checked against row fields. */
const checkElementName = (name: string, use: VarUse, sources: readonly FieldNode[], issues: IssueCollector): void => {
  if (sources.length === 0 || name === '') return;
  const groups = sources.filter((source) => source.type === 'group');
  if (groups.length === 0) {
    issues.issue('unknown-field', use.path, 'element', { name: use.name, source: sources.map((source) => source.id).join(', ') });
    return;
  }
  if (groups.some((group) => group.children.some((child) => child.id === name))) return;
  const candidates = groups.flatMap((group) => group.children.map((child) => child.id));
  issues.issue('unknown-field', use.path, 'rowField', { group: groups.map((group) => group.id).join(', '), name, suggestion: issues.suggest(name, candidates) });
};

const resolveVar = (
  use: VarUse,
  site: LogicSite,
  model: FormModel,
  resolved: ReadonlyMap<VarUse, FieldNode>,
  issues: IssueCollector,
): FieldNode | undefined => {
  const [head = '', ...rest] = use.name.split('.');
  if (use.scope.kind === 'reduce' || use.scope.kind === 'element') {
    const sources = use.scope.sources.map((source) => resolved.get(source)).filter((field): field is FieldNode => field !== undefined);
    if (use.scope.kind === 'element') {
      checkElementName(head, use, sources, issues);
      return undefined;
    }
    if (head === 'current') checkElementName(rest[0] ?? '', use, sources, issues);
    else if (head !== 'accumulator') {
      issues.issue('unknown-field', use.path, undefined, { name: use.name, suggestion: issues.suggest(head, ['current', 'accumulator']) });
    }
    return undefined;
  }
  if (CONTEXT_VARS.has(use.name)) return undefined;
  if (head === '$row') {
    const group = site.rowGroup;
    const childId = rest[0] ?? '';
    if (group === undefined) {
      issues.issue('unknown-field', use.path, 'row', { name: childId });
      return undefined;
    }
    const child = group.children.find((candidate) => candidate.id === childId);
    if (child === undefined) {
      issues.issue('unknown-field', use.path, 'rowField', {
        group: group.id, name: childId, suggestion: issues.suggest(childId, group.children.map((candidate) => candidate.id)),
      });
    }
    return child;
  }
  const field = model.topLevel.get(head);
  if (field !== undefined && (rest.length === 0 || isList(field))) return field;
  const rowField = site.rowGroup?.children.find((child) => child.id === head);
  const suggestion = rowField !== undefined
    ? `$row.${rowField.id}`
    : issues.suggest(use.name, concat(model.topLevel.keys(), mapped(site.rowGroup?.children ?? [], (child) => `$row.${child.id}`), CONTEXT_VARS));
  issues.issue('unknown-field', use.path, undefined, { name: use.name, suggestion });
  return undefined;
};

const checkComparison = (comparison: LiteralComparison, field: FieldNode, model: FormModel, issues: IssueCollector): void => {
  const options = model.options.get(field);
  const kind = FIELD_KINDS[field.type].valueKind;
  const membership = comparison.relation === 'member' || comparison.relation === 'contains' || comparison.relation === 'equals';
  if (kind === 'list' && comparison.relation !== 'contains') {
    const suggestion = comparison.relation === 'equals' ? `{"in": [${JSON.stringify(comparison.literals[0])}, {"var": "${field.id}"}]}` : undefined;
    issues.issue('type-mismatch', comparison.path, undefined, {
      field: field.id, fieldType: 'list', literalType: literalType(comparison.literals[0]),
      value: JSON.stringify(comparison.literals[0]), suggestion,
    });
    return;
  }
  if (options !== undefined && membership) {
    for (const literal of comparison.literals) {
      if ((typeof literal === 'string' || typeof literal === 'number') && options.all.has(literal)) continue;
      issues.issue('unknown-option', comparison.path, undefined, {
        value: String(literal), field: field.id, suggestion: suggestOption(literal, options.all, issues),
      });
    }
    return;
  }
  const expected = kind === 'text' ? 'string' : kind === 'number' || kind === 'boolean' ? kind : undefined;
  if (expected === undefined) return;
  for (const literal of comparison.literals) {
    if (typeof literal !== expected) {
      issues.issue('type-mismatch', comparison.path, undefined, {
        field: field.id, fieldType: expected, literalType: literalType(literal), value: JSON.stringify(literal),
      });
    }
  }
};

const literalType = (value: unknown): string => (typeof value === 'string' ? 'text' : typeof value);

const labelIndexes = /* @__PURE__ */ new WeakMap<ReadonlyMap<OptionValue, OptionEntry>, ReadonlyMap<string, OptionValue>>();

/** Label (in any locale) -> value, built once per option list. */
const labelIndex = (options: ReadonlyMap<OptionValue, OptionEntry>): ReadonlyMap<string, OptionValue> => {
  let index = labelIndexes.get(options);
  if (index === undefined) {
    const built = new Map<string, OptionValue>();
    for (const [value, entry] of options) {
      for (const label of typeof entry.label === 'string' ? [entry.label] : Object.values(entry.label)) if (!built.has(label)) built.set(label, value);
    }
    labelIndexes.set(options, (index = built));
  }
  return index;
};

/** Suggests the value the author meant: the value whose label they typed, or a near spelling. */
const suggestOption = (literal: unknown, options: ReadonlyMap<OptionValue, OptionEntry>, issues: IssueCollector): string | undefined => {
  const text = String(literal);
  const byLabel = labelIndex(options).get(text);
  return byLabel !== undefined ? String(byLabel) : issues.suggest(text, mapped(options.keys(), String));
};
