/**
 * IndexedDB without Dexie, for the few reads a start waits for. Through Dexie they cost an old PC
 * its schema, its middleware and its promise zones first (measured at 4x CPU throttle, a fresh page:
 * opening the data key's database and reading the key, 45 ms through Dexie, 11 ms plain; opening the
 * app's database and reading the stored catalog, 135 ms through Dexie, 70 ms plain). Everything
 * else, every write above all, goes through Dexie.
 */

/** The request's result once it succeeds; its error (a DOMException) when it fails. */
export function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export interface OpenIdbOptions {
  /** Makes the tables of a database opened at a version it does not have yet (absent: such a database is not opened, and not made). */
  upgrade?(db: IDBDatabase, transaction: IDBTransaction): void;
}

/**
 * Opens database `name` at IndexedDB version `version`. Without `upgrade`, one that is not there at
 * that version (absent, or older) is left as it is and the open fails, as it does for a newer one.
 * A connection closes itself when another wants to change the database's version.
 */
export function openIdb(name: string, version: number, options: OpenIdbOptions = {}, idb: IDBFactory = globalThis.indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = idb.open(name, version);
    request.onupgradeneeded = () => {
      if (options.upgrade) options.upgrade(request.result, request.transaction!);
      // Aborted: the database stays as it was (or is not made); the open fails with an AbortError.
      else request.transaction!.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB could not open ${name}`));
    request.onblocked = () => reject(new Error(`IndexedDB could not open ${name}: another tab holds an older version open`));
  });
}

/** Settles once the transaction has committed; fails with why it did not (an abort, a full disk). Asked for as soon as the transaction is made. */
export function idbCommitted(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('the IndexedDB transaction was aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('the IndexedDB transaction failed'));
  });
}
