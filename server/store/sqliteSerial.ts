/**
 * The SQLite store has one connection, and the exactly-once rules (server/sync/) are async: between
 * two of their statements another request could run its own on the same connection, inside the
 * open transaction. Every use of the connection therefore takes its turn here, one at a time, in
 * arrival order; a turn of synchronous work costs a microtask.
 */
import type { Result } from '../../shared/result.ts';
import type { StorageFailure } from './store.ts';

/** The guard every SQLite module runs its work in: its turn on the connection, SQLite's failures as values. */
export type SqliteGuard = <T, E>(work: () => Result<T, E>) => Promise<Result<T, E | StorageFailure>>;

export interface SerialQueue {
  run<T>(work: () => T | Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(work: () => T | Promise<T>): Promise<T> {
      const turn = tail.then(work);
      // The next turn waits for this one to end, however it ends.
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
