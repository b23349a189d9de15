import type { InternalForm } from '../compile/internalForm';
import { dedupKeys } from './dedupKeys';

export interface DuplicateGroup<T> {
  /** The dedup rule's id. */
  readonly id: string;
  readonly key: string;
  /** Every record with this key, in the order they came (two or more). */
  readonly records: readonly T[];
}

interface Seen<T> {
  readonly id: string;
  readonly records: T[];
}

const group = <T>(form: InternalForm, seen: Map<string, Seen<T>>, order: string[], item: T): void => {
  for (const { id, key } of dedupKeys(form, item)) {
    const entry = seen.get(key);
    if (entry === undefined) {
      seen.set(key, { id, records: [item] });
      order.push(key);
    } else entry.records.push(item);
  }
};

const result = <T>(seen: Map<string, Seen<T>>, order: readonly string[]): DuplicateGroup<T>[] =>
  order.flatMap((key) => {
    const entry = seen.get(key);
    return entry !== undefined && entry.records.length > 1 ? [{ id: entry.id, key, records: entry.records }] : [];
  });

const isAsync = (items: unknown): items is AsyncIterable<unknown> =>
  typeof items === 'object' && items !== null && typeof (items as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';

/**
 * Groups records (values or FormRecords) that share a dedup key, in one pass: memory grows with the
 * number of distinct keys, not with passes over the data. A sync iterable gives the groups, an async
 * iterable a Promise of them.
 */
export function findDuplicates<T>(form: InternalForm, records: Iterable<T>): DuplicateGroup<T>[];
export function findDuplicates<T>(form: InternalForm, records: AsyncIterable<T>): Promise<DuplicateGroup<T>[]>;
export function findDuplicates<T>(form: InternalForm, records: Iterable<T> | AsyncIterable<T>): DuplicateGroup<T>[] | Promise<DuplicateGroup<T>[]> {
  const seen = new Map<string, Seen<T>>();
  const order: string[] = [];
  if (isAsync(records)) {
    return (async () => {
      for await (const item of records) group(form, seen, order, item);
      return result(seen, order);
    })();
  }
  for (const item of records) group(form, seen, order, item);
  return result(seen, order);
}
