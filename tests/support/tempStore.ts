/**
 * A real store for one test, on the project's store kind (testStores.ts): SQLite in a fresh
 * temporary folder, or a fresh PostgreSQL database copied from the run's migrated template.
 * `dispose()` closes and deletes it. The store carries its inspection (storeInspection.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from '../../server/store/postgres/postgresStore.ts';
import { openSqliteStore } from '../../server/store/sqliteStore.ts';
import { createDatabase, emptyDatabase } from './postgresDatabases.ts';
import { inspectPostgres, inspectSqlite, withInspection, type InspectedStore } from './storeInspection.ts';
import { POSTGRES_TEMPLATE, postgresServer, testStoreKind, type StoreKind } from './testStores.ts';

export interface TempStore {
  kind: StoreKind;
  /** Where the data is: open more stores or connections on it. */
  location: StoreLocation;
  /** A temporary folder of the test's own (the SQLite store's data folder; files a test writes). */
  dir: string;
  store: InspectedStore;
  /** Opens another store over the same data (a restart, or the CLI beside the server). */
  reopen(): Promise<InspectedStore>;
  dispose(): Promise<void>;
}

/** Where a store's data is, so a server (tests/support/restartableServer.ts) can open it again. */
export type StoreLocation = { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string };

export async function openStoreAt(location: StoreLocation): Promise<InspectedStore> {
  if (location.kind === 'sqlite') {
    const result = openSqliteStore(location.dir);
    if (!result.ok) throw new Error(result.error);
    return withInspection(result.value, inspectSqlite(location.dir));
  }
  const result = await openPostgresStore(location.url, { poolSize: 4 });
  if (!result.ok) throw new Error(result.error);
  return withInspection(result.value, inspectPostgres(location.url));
}

/**
 * Databases of this test file that a finished test gave back: emptied and handed to the next one,
 * which is much cheaper than copying the template again (the cluster is thrown away at the end).
 */
const idleDatabases: string[] = [];

/** Fresh data for one test: a folder, and on PostgreSQL an empty database of the current schema. */
export async function newStoreLocation(kind: StoreKind = testStoreKind()): Promise<{ location: StoreLocation; dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-test-'));
  if (kind === 'sqlite') return { location: { kind, dir }, dir, remove: () => rm(dir, { recursive: true, force: true }) };
  const reused = idleDatabases.pop();
  const url = reused ?? (await createDatabase(postgresServer(), `t_${randomUUID().replaceAll('-', '')}`, POSTGRES_TEMPLATE));
  if (reused) await emptyDatabase(url);
  return {
    location: { kind, url },
    dir,
    remove: async () => {
      idleDatabases.push(url);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function openTempStore(kind: StoreKind = testStoreKind()): Promise<TempStore> {
  const fresh = await newStoreLocation(kind);
  const opened: InspectedStore[] = [];
  const open = async (): Promise<InspectedStore> => {
    const store = await openStoreAt(fresh.location);
    opened.push(store);
    return store;
  };
  return {
    kind,
    location: fresh.location,
    dir: fresh.dir,
    store: await open(),
    reopen: open,
    dispose: async () => {
      for (const s of opened) await s.close();
      await fresh.remove();
    },
  };
}
