import type { Dependency } from './checkConditions';
import type { FieldNode, FormModel } from './formModel';
import type { IssueCollector } from './issueCollector';

export interface FieldOrder {
  readonly topLevel: readonly FieldNode[];
  readonly rows: ReadonlyMap<FieldNode, readonly FieldNode[]>;
}

/**
 * Orders fields so that every condition reads fields already resolved, and reports cycles. A group
 * depends on its row fields and on whatever they read outside the row, so a cycle through a group
 * (a row field reading a top-level field that reads the group) is found too. Every walk is iterative:
 * a definition with a chain of ten thousand fields must not overflow the stack.
 */
export const orderFields = (model: FormModel, dependencies: readonly Dependency[], issues: IssueCollector): FieldOrder => {
  const edges = new Map<FieldNode, Dependency[]>();
  const addEdge = (edge: Dependency): void => {
    const list = edges.get(edge.from);
    if (list === undefined) edges.set(edge.from, [edge]);
    else list.push(edge);
  };
  dependencies.forEach(addEdge);
  for (const field of model.byKey.values()) {
    for (const child of field.children) addEdge({ from: field, to: child, path: child.defPath });
  }
  reportCycles(model, edges, issues);

  const rows = new Map<FieldNode, readonly FieldNode[]>();
  for (const field of model.byKey.values()) if (field.type === 'group') rows.set(field, orderLevel(field.children, field, edges));
  return { topLevel: orderLevel(model.fields, undefined, edges), rows };
};

/** The ancestor of `field` that sits at `level` (the field itself, or the group holding it). */
const lift = (field: FieldNode, level: FieldNode | undefined): FieldNode | undefined => {
  let current: FieldNode | undefined = field;
  while (current !== undefined && current.group !== level) current = current.group;
  return current;
};

/** What a field reads, lifted to its own level: a group reads what its rows read outside the row. */
const readsAtLevel = (node: FieldNode, level: FieldNode | undefined, edges: ReadonlyMap<FieldNode, Dependency[]>): FieldNode[] => {
  const into = new Set<FieldNode>();
  const seen = new Set<FieldNode>([node]);
  const stack = [node];
  while (stack.length > 0) {
    const field = stack.pop() as FieldNode;
    for (const edge of edges.get(field) ?? []) {
      if (edge.to.group === field) {
        if (!seen.has(edge.to)) {
          seen.add(edge.to);
          stack.push(edge.to);
        }
        continue;
      }
      const target = lift(edge.to, level);
      if (target !== undefined && target !== node) into.add(target);
    }
  }
  return [...into].sort((a, b) => a.order - b.order);
};

/** Depth-first post-order: each field after what it reads, ties kept in definition order. */
const orderLevel = (nodes: readonly FieldNode[], level: FieldNode | undefined, edges: ReadonlyMap<FieldNode, Dependency[]>): FieldNode[] => {
  const reads = new Map<FieldNode, FieldNode[]>();
  for (const node of nodes) reads.set(node, readsAtLevel(node, level, edges));
  const sorted: FieldNode[] = [];
  const state = new Map<FieldNode, 'visiting' | 'placed'>();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const stack: { node: FieldNode; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { node: FieldNode; next: number };
      const list = reads.get(frame.node) ?? [];
      if (frame.next < list.length) {
        const target = list[frame.next++] as FieldNode;
        // 'visiting' means a cycle, reported already: leave it where the walk found it.
        if (!state.has(target) && reads.has(target)) {
          state.set(target, 'visiting');
          stack.push({ node: target, next: 0 });
        }
        continue;
      }
      stack.pop();
      state.set(frame.node, 'placed');
      sorted.push(frame.node);
    }
  }
  return sorted;
};

const reportCycles = (model: FormModel, edges: ReadonlyMap<FieldNode, Dependency[]>, issues: IssueCollector): void => {
  const state = new Map<FieldNode, 'active' | 'done'>();
  for (const start of model.byKey.values()) {
    if (state.has(start)) continue;
    // The path of edges taken so far, with how far each node's edge list has been walked.
    const path: Dependency[] = [];
    const stack: { node: FieldNode; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'active');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { node: FieldNode; next: number };
      const list = edges.get(frame.node) ?? [];
      if (frame.next >= list.length) {
        state.set(frame.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const edge = list[frame.next++] as Dependency;
      const next = state.get(edge.to);
      if (next === 'active') {
        const begin = path.findIndex((entry) => entry.from === edge.to);
        const loop = [...path.slice(begin === -1 ? path.length : begin), edge];
        const chain = [...loop.map((entry) => entry.from.key), edge.to.key].join(' → ');
        issues.issue('cycle', (loop.find((entry) => entry.to.group !== entry.from) ?? edge).path, undefined, { chain });
      } else if (next === undefined) {
        state.set(edge.to, 'active');
        path.push(edge);
        stack.push({ node: edge.to, next: 0 });
      }
    }
  }
};
