import type { Node } from 'jsonc-parser';

/** Where an issue path leads in a parsed JSON text. */
export interface PathTarget {
  /** The value at the path, or at its deepest part present in the text. */
  readonly node: Node;
  /** The key the value is stored under, when it is an object's property. */
  readonly key: Node | undefined;
  /** False when the whole path is not in the text (a missing required property): `node` is then its deepest ancestor. */
  readonly exact: boolean;
}

const INDEX = /^(0|[1-9]\d*)$/;

/**
 * Follows a dotted issue path (`sections.0.fields.2.visibleIf.==.0.var`) through a jsonc-parser tree.
 * A dot inside a key (an unknown property "a.b", an operator written with a dot) makes the path
 * ambiguous, so every way of grouping the segments into keys is tried, deepest match winning. Of
 * keys repeated in one object only the last counts, as JSON.parse keeps only the last.
 */
export const locatePath = (root: Node, path: string): PathTarget => {
  const segments = path === '' ? [] : path.split('.');
  let best: PathTarget = { node: root, key: undefined, exact: segments.length === 0 };
  let bestDepth = 0;
  // (node, depth) pairs already tried: dotted keys could otherwise make the search exponential.
  const tried = new Set<string>();

  const visit = (node: Node, key: Node | undefined, depth: number): boolean => {
    const identity = `${node.offset}:${depth}`;
    if (tried.has(identity)) return false;
    tried.add(identity);
    if (depth > bestDepth) {
      best = { node, key, exact: false };
      bestDepth = depth;
    }
    if (depth === segments.length) {
      best = { node, key, exact: true };
      return true;
    }
    const children = node.children ?? [];
    const segment = segments[depth] as string;
    if (node.type === 'array') {
      const child = INDEX.test(segment) ? children[Number(segment)] : undefined;
      return child !== undefined && visit(child, undefined, depth + 1);
    }
    if (node.type !== 'object') return false;
    const shadowed = new Set<string>();
    for (let index = children.length - 1; index >= 0; index--) {
      const [keyNode, valueNode] = children[index]?.children ?? [];
      if (keyNode === undefined || valueNode === undefined || typeof keyNode.value !== 'string') continue;
      const name = keyNode.value;
      if (shadowed.has(name)) continue;
      shadowed.add(name);
      let joined = segment;
      for (let end = depth + 1; end <= segments.length; end++) {
        if (end > depth + 1) joined += `.${segments[end - 1] as string}`;
        if (name === joined) {
          if (visit(valueNode, keyNode, end)) return true;
          break;
        }
        if (!name.startsWith(`${joined}.`)) break;
      }
    }
    return false;
  };

  visit(root, undefined, 0);
  return best;
};
