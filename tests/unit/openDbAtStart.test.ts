/**
 * How a start opens the local database (renderer/data/openDbAtStart.ts), in fake-indexeddb: a new
 * or current database with the latest tables alone, exactly the tables the whole history leads to;
 * an older one with every version declared, its upgrades run.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLocalCatalog } from '../../renderer/data/catalogRepository.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { DB_VERSION, latestStores, SCHEMA_HISTORY } from '../../renderer/data/dbSchema.ts';
import { openDbAtStart, opensAsLatest, opensBeforeKey, storedVersion } from '../../renderer/data/openDbAtStart.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';

const cipher = await createMemoryCipher();
const opened: Dexie[] = [];
const names: string[] = [];
const nameFor = () => {
  const name = `start-${randomUUID()}`;
  names.push(name);
  return name;
};
const keep = <T extends Dexie>(db: T): T => {
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Each table with its primary key and indexes, as IndexedDB holds them. */
async function tablesOf(db: Dexie) {
  await db.open();
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  return names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((i) => {
      const index = store.index(i);
      return `${i}:${String(index.keyPath)}:${index.unique}:${index.multiEntry}`;
    });
    return { name, key: String(store.keyPath), autoIncrement: store.autoIncrement, indexes };
  });
}

describe('opening the database at start', () => {
  it('tells a new database, a current one and one of an older version apart', async () => {
    const name = nameFor();
    expect(await storedVersion(name)).toBe(0);
    const old = keep(new Dexie(name));
    old.version(11).stores(latestStores(SCHEMA_HISTORY.slice(0, 11)));
    await old.open();
    expect(await storedVersion(name)).toBe(110);
    expect([0, 110, DB_VERSION * 10, DB_VERSION * 10 + 1, null].map(opensAsLatest)).toEqual([true, false, true, true, false]);
    expect([0, 110, DB_VERSION * 10, DB_VERSION * 10 + 1, null].map(opensBeforeKey)).toEqual([false, false, true, true, false]);
    // A browser that cannot list its databases: the whole history is declared.
    expect(await storedVersion(name, {} as IDBFactory)).toBeNull();
  });

  it('creates a new database with exactly the tables and indexes the whole history leads to', async () => {
    const fromStart = keep((await openDbAtStart(nameFor(), Promise.resolve(cipher)))!);
    const fromHistory = keep(openDb(nameFor(), cipher));
    const tables = await tablesOf(fromStart);
    expect(tables).toEqual(await tablesOf(fromHistory));
    expect(tables.map((t) => t.name)).toContain('preregDrafts');
    expect(tables.map((t) => t.name)).not.toContain('procedures');
    expect(fromStart.verno).toBe(DB_VERSION);
  });

  it('opens a current database as it is, and its data with it', async () => {
    const name = nameFor();
    const first = keep(openDb(name, cipher));
    await first.settings.put({ key: 'retention', value: { days: 30 }, updatedAt: '2026-12-01T00:00:00.000Z' });
    first.close();
    const again = keep((await openDbAtStart(name, Promise.resolve(cipher), storedVersion(name)))!);
    expect(await again.settings.get('retention')).toMatchObject({ value: { days: 30 } });
    expect(again.verno).toBe(DB_VERSION);
    expect(await storedVersion(name)).toBe(DB_VERSION * 10);
  });

  it('upgrades a database of an older version through every step (the catalog rows of v1 become the one text of v10)', async () => {
    const name = nameFor();
    const old = new Dexie(name);
    old.version(1).stores({ procedures: '&code, field', catalogMeta: '&key' });
    const procedures = demoCatalog.procedures.slice(0, 3);
    await old.table('procedures').bulkAdd(procedures);
    await old.table('catalogMeta').put({ key: 'catalog', version: 7, source: 'portal', generatedAt: '2026-11-30T00:00:00.000Z', count: 3, storedAt: '2026-12-01T00:00:00.000Z' });
    old.close();

    const db = keep((await openDbAtStart(name, Promise.resolve(cipher)))!);
    const local = await loadLocalCatalog(db);
    expect(local.ok && local.value?.procedures.map((p) => p.code).sort()).toEqual(procedures.map((p) => p.code).sort());
    expect(db.tables.map((t) => t.name)).not.toContain('procedures');
    expect(await storedVersion(name)).toBe(DB_VERSION * 10);
  });
});

describe('the database and the data key at start', () => {
  it('opens a current database before the key comes, so the catalog is read meanwhile; the cipher is there when it returns', async () => {
    const name = nameFor();
    const made = keep(openDb(name, cipher));
    await made.open();
    made.close();
    let giveKey!: (c: typeof cipher) => void;
    const key = new Promise<typeof cipher>((resolve) => (giveKey = resolve));
    const read: Promise<unknown>[] = [];
    const opening = openDbAtStart(name, key, storedVersion(name), (db) => read.push(keep(db).catalogMeta.get('catalog')));
    await vi.waitFor(() => expect(read).toHaveLength(1));
    // The read finishes while the key has still not come.
    await expect(read[0]).resolves.toBeUndefined();
    giveKey(cipher);
    const db = await opening;
    expect(db?.cipher).toBe(cipher);
  });

  it('waits for the key before opening a database that needs an upgrade (its upgrades seal)', async () => {
    const name = nameFor();
    const old = new Dexie(name);
    old.version(9).stores(latestStores(SCHEMA_HISTORY.slice(0, 9)));
    await old.open();
    old.close();
    let giveKey!: (c: typeof cipher) => void;
    const key = new Promise<typeof cipher>((resolve) => (giveKey = resolve));
    const opened: MotcuaDb[] = [];
    const opening = openDbAtStart(name, key, storedVersion(name), (db) => opened.push(keep(db)));
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).toEqual([]);
    giveKey(cipher);
    const db = keep((await opening)!);
    expect(opened).toEqual([db]);
    expect(db.cipher).toBe(cipher);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
  });

  it('gives no database without a key: closes a current one it opened, and makes no new one', async () => {
    const name = nameFor();
    const made = keep(openDb(name, cipher));
    await made.open();
    made.close();
    const opened: MotcuaDb[] = [];
    let giveKey!: (c: null) => void;
    const key = new Promise<null>((resolve) => (giveKey = resolve));
    const opening = openDbAtStart(name, key, storedVersion(name), (db) => opened.push(db));
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    await opened[0]!.open();
    expect(opened[0]!.isOpen()).toBe(true);
    giveKey(null);
    expect(await opening).toBeNull();
    expect(opened[0]!.isOpen()).toBe(false);

    const fresh = nameFor();
    const none: MotcuaDb[] = [];
    expect(await openDbAtStart(fresh, Promise.resolve(null), storedVersion(fresh), (db) => none.push(db))).toBeNull();
    expect(none).toEqual([]);
    expect(await storedVersion(fresh)).toBe(0);
  });
});
