import { containerKind, isReservedName } from '../core/reserved';
import type { IssueCollector } from './issueCollector';

/** Deeper than this, a definition is refused before anything walks it recursively. */
export const MAX_DEFINITION_DEPTH = 100;
const MAX_ARRAY_LENGTH = 1_000_000;

// String values that name things (ids, states, option sets, list items such as roles): a reserved
// name there would become a key somewhere later.
const NAMING_PATH = /(^|\.)(id|event|to|from|initial|optionsRef|\d+)$/;

type Container = Record<string, unknown> | unknown[];
interface Frame {
  readonly source: object;
  readonly target: Container;
  readonly path: string;
  readonly depth: number;
  readonly keys: readonly string[];
  next: number;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * Reads a definition into the form's own deep-frozen copy, once and defensively, as JSON: reserved
 * keys are reported and never copied (so `__proto__` cannot reach a prototype), getters are never
 * called, functions, class instances, non-finite numbers and cycles are refused, and nesting deeper
 * than MAX_DEFINITION_DEPTH is refused before any recursive pass could overflow the stack. Shared
 * sub-objects (one options array used by two fields) are copied once and stay shared.
 */
export const readDefinition = (definition: Record<string, unknown>, issues: IssueCollector): Record<string, unknown> => {
  const copies = new Map<object, Container>();
  const onPath = new Set<object>();
  const root: Record<string, unknown> = {};
  const stack: Frame[] = [];
  const enter = (source: object, target: Container, path: string, depth: number): void => {
    let keys: readonly string[];
    try {
      const length = Array.isArray(target) ? (source as unknown[]).length : 0;
      if (length > MAX_ARRAY_LENGTH) throw new RangeError('array too long');
      keys = Array.isArray(target) ? Array.from({ length }, (_, i) => String(i)) : Object.keys(source);
    } catch {
      issues.issue('schema', path, 'bad-value');
      keys = [];
    }
    onPath.add(source);
    copies.set(source, target);
    stack.push({ source, target, path, depth, keys, next: 0 });
  };
  enter(definition, root, '', 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.keys.length) {
      stack.pop();
      onPath.delete(frame.source);
      Object.freeze(frame.target);
      continue;
    }
    const key = frame.keys[frame.next++] as string;
    const path = join(frame.path, key);
    const isArray = Array.isArray(frame.target);
    if (!isArray && isReservedName(key)) {
      issues.issue('reserved-id', path, undefined, { name: key });
      continue;
    }
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Object.getOwnPropertyDescriptor(frame.source, key);
    } catch {
      descriptor = undefined;
    }
    if (descriptor === undefined || !('value' in descriptor)) {
      issues.issue('schema', path, 'bad-value');
      continue;
    }
    const value: unknown = descriptor.value;
    const store = (copy: unknown): void => {
      if (isArray) (frame.target as unknown[]).push(copy);
      else (frame.target as Record<string, unknown>)[key] = copy;
    };
    if (value === undefined && !isArray) continue; // as JSON.stringify drops it
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      if (typeof value === 'string' && isReservedName(value) && NAMING_PATH.test(path)) issues.issue('reserved-id', path, undefined, { name: value });
      store(value);
      continue;
    }
    const kind = containerKind(value);
    if (kind === undefined || onPath.has(value as object)) {
      issues.issue('schema', path, 'bad-value');
      continue;
    }
    const container = value as object;
    const copied = copies.get(container);
    if (copied !== undefined) {
      store(copied);
      continue;
    }
    if (frame.depth + 1 > MAX_DEFINITION_DEPTH) {
      issues.issue('schema', path, 'too-deep', { limit: MAX_DEFINITION_DEPTH });
      continue;
    }
    const target: Container = kind === 'array' ? [] : {};
    store(target);
    enter(container, target, path, frame.depth + 1);
  }
  return root;
};
