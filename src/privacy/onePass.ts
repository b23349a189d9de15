import { FormUsageError } from '../core/issues';

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';

const isIterable = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';

/**
 * Feeds every item to `feed` once, then returns `finish()`: at once for an iterable (an array), as a
 * Promise for an async iterable (a database cursor), so that an array never costs a microtask.
 * `start` runs first either way, and what it throws is thrown (or, for an async iterable, rejected)
 * before any item is read.
 */
export function onePass<T>(items: unknown, what: string, start: () => { feed: (item: unknown) => void; finish: () => T }): T | Promise<T> {
  if (isAsyncIterable(items)) {
    return (async () => {
      const pass = start();
      for await (const item of items) pass.feed(item);
      return pass.finish();
    })();
  }
  if (!isIterable(items)) throw new FormUsageError('bad-argument', `${what} expects an array, an iterable or an async iterable`);
  const pass = start();
  for (const item of items) pass.feed(item);
  return pass.finish();
}
