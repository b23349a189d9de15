import type { Node } from 'jsonc-parser';
import type { LineColumn } from './lineColumn';
import type { TextProblem } from './textProblem';

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * Keys given twice in one object. JSON.parse keeps the last silently, so an author who added a
 * second "required" three screens below the first never learns why the first has no effect: each
 * earlier occurrence is a warning at its key, naming the line of the one that counts. Walked with
 * an explicit stack: depth is whatever the file has.
 */
export const duplicateKeys = (root: Node, position: (offset: number) => LineColumn): TextProblem[] => {
  const problems: TextProblem[] = [];
  const stack: { node: Node; path: string }[] = [{ node: root, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: Node; path: string };
    const children = node.children ?? [];
    if (node.type === 'array') {
      children.forEach((child, index) => stack.push({ node: child, path: join(path, String(index)) }));
      continue;
    }
    if (node.type !== 'object') continue;
    const last = new Map<string, Node>();
    for (const property of children) {
      const [key, value] = property.children ?? [];
      if (key === undefined || typeof key.value !== 'string') continue;
      last.set(key.value, key);
      if (value !== undefined) stack.push({ node: value, path: join(path, key.value) });
    }
    for (const property of children) {
      const key = property.children?.[0];
      if (key === undefined || typeof key.value !== 'string') continue;
      const kept = last.get(key.value);
      if (kept === undefined || kept === key) continue;
      problems.push({
        code: 'json-duplicate-key', severity: 'warning', offset: key.offset, path: join(path, key.value),
        params: { name: key.value, line: position(kept.offset).line },
      });
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
};
