import type { Dependency } from './checkConditions';
import type { FieldNode, FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';

/**
 * Orders fields so that every condition reads fields already resolved, and reports cycles. A group
 * depends on its row fields and on whatever they read outside the row, so a cycle through a group
 * (a row field reading a top-level field that reads the group) is found too.
 */
export const orderFields = (model: FormModel, dependencies: readonly Dependency[], issues: IssueCollector): {
  readonly topLevel: readonly FieldNode[];
  readonly rows: ReadonlyMap<FieldNode, readonly FieldNode[]>;
} => {
  const edges = new Map<FieldNode, Dependency[]>();
  const addEdge = (edge: Dependency): void => {
    const list = edges.get(edge.from);
    if (list === undefined) edges.set(edge.from, [edge]);
    else list.push(edge);
  };
  dependencies.forEach(addEdge);
  for (const field of model.byId.values()) {
    for (const child of field.children) addEdge({ from: field, to: child, path: child.defPath });
  }
  reportCycles(model, edges, issues);

  // Evaluation order: within a level, each field after those it reads (lifted to the same level).
  const levelOf = (field: FieldNode, level: FieldNode | undefined): FieldNode | undefined => {
    let current: FieldNode | undefined = field;
    while (current !== undefined && current.group !== level) current = current.group;
    return current;
  };
  const order = (nodes: readonly FieldNode[], level: FieldNode | undefined): FieldNode[] => {
    const reads = new Map<FieldNode, Set<FieldNode>>();
    const collect = (field: FieldNode, into: Set<FieldNode>, seen: Set<FieldNode>): void => {
      if (seen.has(field)) return;
      seen.add(field);
      for (const edge of edges.get(field) ?? []) {
        if (edge.to.group === field) { collect(edge.to, into, seen); continue; }
        const target = levelOf(edge.to, level);
        if (target !== undefined) into.add(target);
      }
    };
    for (const node of nodes) {
      const into = new Set<FieldNode>();
      collect(node, into, new Set());
      into.delete(node);
      reads.set(node, into);
    }
    const sorted: FieldNode[] = [];
    const placed = new Set<FieldNode>();
    const visiting = new Set<FieldNode>();
    const place = (node: FieldNode): void => {
      if (placed.has(node) || visiting.has(node)) return; // a cycle was reported already
      visiting.add(node);
      [...(reads.get(node) ?? [])].sort((a, b) => a.order - b.order).forEach(place);
      visiting.delete(node);
      placed.add(node);
      sorted.push(node);
    };
    nodes.forEach(place);
    return sorted;
  };

  const rows = new Map<FieldNode, readonly FieldNode[]>();
  for (const field of model.byId.values()) if (field.type === 'group') rows.set(field, order(field.children, field));
  return { topLevel: order(model.fields, undefined), rows };
};

const reportCycles = (model: FormModel, edges: ReadonlyMap<FieldNode, Dependency[]>, issues: IssueCollector): void => {
  const state = new Map<FieldNode, 'active' | 'done'>();
  const stack: Dependency[] = [];
  const visit = (node: FieldNode): void => {
    state.set(node, 'active');
    for (const edge of edges.get(node) ?? []) {
      const next = state.get(edge.to);
      if (next === 'active') {
        const start = stack.findIndex((entry) => entry.from === edge.to);
        const loop = [...stack.slice(start === -1 ? stack.length : start), edge];
        const chain = [...loop.map((entry) => entry.from.id), edge.to.id].join(' → ');
        issues.issue('cycle', (loop.find((entry) => entry.to.group !== entry.from) ?? edge).path, 'cycle', { chain });
      } else if (next === undefined) {
        stack.push(edge);
        visit(edge.to);
        stack.pop();
      }
    }
    state.set(node, 'done');
  };
  for (const field of model.byId.values()) if (!state.has(field)) visit(field);
};
