import type { OptionValue } from '../core/definitionTypes';
import { closest } from '../core/suggest';
import { analyzeLogic, type LiteralComparison, type LogicFinding, type VarUse } from '../logic/analyzeLogic';
import type { FieldNode, FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';
import type { LogicSite } from './logicSites';

/** Variables every condition may read besides fields. */
export const CONTEXT_VARS: ReadonlySet<string> = new Set(['$role', '$now', '$today']);

/** An edge "owner depends on field", with the place in the definition that creates it. */
export interface Dependency {
  readonly from: FieldNode;
  readonly to: FieldNode;
  readonly path: string;
}

const ARRAY_VALUED = new Set(['multiselect', 'cascader', 'file', 'group']);
const valueKind = (field: FieldNode, model: FormModel): string | undefined => {
  switch (field.type) {
    case 'number': case 'rating': return 'number';
    case 'boolean': return 'boolean';
    case 'select': case 'radio': {
      const first = model.options.get(field)?.all.keys().next();
      return first && !first.done ? typeof first.value : undefined;
    }
    case 'computed': return undefined;
    default: return ARRAY_VALUED.has(field.type) ? 'array' : 'string';
  }
};

/** Checks every condition and returns the dependencies they create between fields. */
export const checkConditions = (model: FormModel, sites: readonly LogicSite[], issues: IssueCollector): Dependency[] => {
  const dependencies: Dependency[] = [];
  const topLevelIds = model.fields.map((field) => field.id);
  for (const site of sites) {
    const analysis = analyzeLogic(site.logic, site.path);
    analysis.findings.forEach((finding) => reportFinding(finding, issues));
    const resolved = new Map<VarUse, FieldNode>();
    for (const use of analysis.vars) {
      const field = resolveVar(use, site, model, topLevelIds, resolved, issues);
      if (field === undefined) continue;
      resolved.set(use, field);
      if (site.owner !== undefined && use.scope.kind === 'root') dependencies.push({ from: site.owner, to: field, path: use.path });
    }
    for (const comparison of analysis.comparisons) {
      const field = resolved.get(comparison.variable);
      if (field !== undefined) checkComparison(comparison, field, model, issues);
    }
  }
  return dependencies;
};

const reportFinding = (finding: LogicFinding, issues: IssueCollector): void => {
  switch (finding.code) {
    case 'unknown-operator':
      issues.issue('unknown-operator', finding.path, 'unknown-operator', { name: finding.operator, suggestion: finding.suggestion });
      return;
    case 'not-operation':
      issues.issue('unknown-operator', finding.path, 'schema.not-operation');
      return;
    case 'bad-arity':
      issues.issue('bad-arity', finding.path, 'bad-arity', { name: finding.operator, expected: finding.expected, actual: finding.actual });
      return;
    case 'dynamic-var':
      issues.issue('dynamic-var', finding.path, 'dynamic-var');
  }
};

const resolveVar = (
  use: VarUse,
  site: LogicSite,
  model: FormModel,
  topLevelIds: readonly string[],
  resolved: ReadonlyMap<VarUse, FieldNode>,
  issues: IssueCollector,
): FieldNode | undefined => {
  const [head = '', ...rest] = use.name.split('.');
  if (use.scope.kind === 'reduce') {
    if (head !== 'current' && head !== 'accumulator') {
      issues.issue('unknown-field', use.path, 'unknown-field', { name: use.name, suggestion: closest(head, ['current', 'accumulator']) });
    }
    return undefined;
  }
  if (use.scope.kind === 'element') {
    const source = use.scope.source && resolved.get(use.scope.source);
    if (source === undefined || use.name === '') return undefined;
    if (source.type === 'group') {
      if (!source.children.some((child) => child.id === head)) {
        issues.issue('unknown-field', use.path, 'unknown-field.rowField', {
          group: source.id, name: head, suggestion: closest(head, source.children.map((child) => child.id)),
        });
      }
    } else if (ARRAY_VALUED.has(source.type)) {
      issues.issue('unknown-field', use.path, 'unknown-field.element', { name: use.name, source: source.id });
    }
    return undefined;
  }
  if (CONTEXT_VARS.has(use.name)) return undefined;
  if (head === '$row') {
    const group = site.rowGroup;
    const childId = rest[0] ?? '';
    if (group === undefined) {
      issues.issue('unknown-field', use.path, 'unknown-field.row', { name: childId });
      return undefined;
    }
    const child = group.children.find((candidate) => candidate.id === childId);
    if (child === undefined) {
      issues.issue('unknown-field', use.path, 'unknown-field.rowField', {
        group: group.id, name: childId, suggestion: closest(childId, group.children.map((candidate) => candidate.id)),
      });
    }
    return child;
  }
  const field = model.byId.get(head);
  if (field !== undefined && field.group === undefined && (rest.length === 0 || ARRAY_VALUED.has(field.type))) return field;
  const rowIds = site.rowGroup?.children.map((child) => `$row.${child.id}`) ?? [];
  const suggestion = field?.group !== undefined && field.group === site.rowGroup
    ? `$row.${field.id}`
    : closest(use.name, [...topLevelIds, ...rowIds, ...CONTEXT_VARS]);
  issues.issue('unknown-field', use.path, 'unknown-field', { name: use.name, suggestion });
  return undefined;
};

const checkComparison = (comparison: LiteralComparison, field: FieldNode, model: FormModel, issues: IssueCollector): void => {
  const options = model.options.get(field);
  const kind = valueKind(field, model);
  const membership = comparison.relation === 'member' || comparison.relation === 'contains' || comparison.relation === 'equals';
  const arrayField = kind === 'array';
  if (arrayField && comparison.relation !== 'contains') {
    const suggestion = comparison.relation === 'equals' ? `{"in": [${JSON.stringify(comparison.literals[0])}, {"var": "${field.id}"}]}` : undefined;
    issues.issue('type-mismatch', comparison.path, 'type-mismatch', {
      field: field.id, fieldType: 'list', literalType: literalType(comparison.literals[0]),
      value: JSON.stringify(comparison.literals[0]), suggestion,
    });
    return;
  }
  if (options !== undefined && membership) {
    for (const literal of comparison.literals) {
      if ((typeof literal === 'string' || typeof literal === 'number') && options.all.has(literal)) continue;
      issues.issue('unknown-option', comparison.path, 'unknown-option', {
        value: String(literal), field: field.id, suggestion: suggestOption(literal, options.all),
      });
    }
    return;
  }
  if (kind === undefined || arrayField) return;
  for (const literal of comparison.literals) {
    if (typeof literal !== kind) {
      issues.issue('type-mismatch', comparison.path, 'type-mismatch', {
        field: field.id, fieldType: kind, literalType: literalType(literal), value: JSON.stringify(literal),
      });
    }
  }
};

const literalType = (value: unknown): string => (typeof value === 'string' ? 'text' : typeof value);

/** Suggests the value the author meant: a near spelling, or the value whose label they typed. */
const suggestOption = (literal: unknown, options: ReadonlyMap<OptionValue, { readonly label: unknown }>): string | undefined => {
  const text = String(literal);
  for (const [value, entry] of options) {
    const labels = typeof entry.label === 'string' ? [entry.label] : Object.values((entry.label ?? {}) as object);
    if (labels.includes(text)) return String(value);
  }
  return closest(text, [...options.keys()].map(String));
};
