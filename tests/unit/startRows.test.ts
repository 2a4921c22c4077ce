/**
 * The start's first read without Dexie (data/startRows.ts, app/catalogFirstRead.ts): the same
 * catalog and vocabulary Dexie's read gives, from a database already at the latest version; from
 * any other (absent, older) nothing, the database left as it was, and the start reads through Dexie.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { takeCatalogRead, startCatalogRead, readStoredCatalog } from '../../renderer/app/catalogFirstRead.ts';
import { applyCatalogChanges, catalogFromRows } from '../../renderer/data/catalogRepository.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { DB_VERSION, latestStores, SCHEMA_HISTORY } from '../../renderer/data/dbSchema.ts';
import { readStartRows } from '../../renderer/data/startRows.ts';
import { saveVocabulary } from '../../renderer/data/vocabularyRepository.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { CenterVocabulary } from '../../shared/learning/centerVocabulary.ts';

const cipher = await createMemoryCipher();
const names: string[] = [];
const opened: MotcuaDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});
const named = () => {
  const name = `start-${randomUUID()}`;
  names.push(name);
  return name;
};
const versionOf = async (name: string) => (await indexedDB.databases()).find((d) => d.name === name)?.version ?? null;

const vocabulary: CenterVocabulary = { format: 'motcua-center-vocabulary', centerCode: 'XA01', version: 3, updatedAt: '2026-12-01T00:00:00.000Z', entries: [] };

/** A device at the latest version holding catalog 5 of the demo procedures (and, when asked, a taught vocabulary). */
async function device(options: { taught?: boolean } = {}): Promise<MotcuaDb> {
  const db = openDb(named(), cipher);
  opened.push(db);
  await applyCatalogChanges(db, { version: 5, full: true, upserts: demoCatalog.procedures, deletions: [], source: 'portal', generatedAt: '2026-11-30T00:00:00.000Z' }, '2026-12-01T00:00:00.000Z');
  if (options.taught) await saveVocabulary(db, vocabulary, 'etag-1');
  return db;
}

describe("the start's read without Dexie", () => {
  it('reads what Dexie reads, from a database at the latest version', async () => {
    const db = await device();
    const rows = await readStartRows(db.name, DB_VERSION * 10);
    expect(rows?.catalog.meta?.version).toBe(5);
    expect(rows?.catalog.detailsHeld).toBe(true);
    const plain = await catalogFromRows(db, rows!.catalog, { check: 'elsewhere' });
    const [viaDexie] = await readStoredCatalog(db);
    if (!plain.ok || !viaDexie.ok) throw new Error('not read');
    expect(plain.value?.meta).toEqual(viaDexie.value?.meta);
    expect(plain.value?.procedures.map((p) => [p.code, p.name])).toEqual(viaDexie.value?.procedures.map((p) => [p.code, p.name]));
    expect(plain.value?.prepared).toEqual(viaDexie.value?.prepared);
    // Their details read later, through Dexie, as ever.
    expect((await plain.value!.details.load()).ok).toBe(true);
    expect(plain.value!.procedures[0]!.documents).toEqual(demoCatalog.procedures[0]!.documents);
  });

  it('gives the start the same catalog and vocabulary as a read through Dexie', async () => {
    const db = await device({ taught: true });
    startCatalogRead(db);
    const [local, taught] = await takeCatalogRead(db)!;
    const [dexieLocal, dexieTaught] = await readStoredCatalog(db);
    expect(local.ok && local.value?.procedures.length).toBe(dexieLocal.ok && dexieLocal.value?.procedures.length);
    expect(taught).toEqual({ ok: true, value: { vocabulary, etag: 'etag-1' } });
    expect(taught).toEqual(dexieTaught);
  });

  it('reads nothing from a database that is not there, and does not make one', async () => {
    const name = named();
    expect(await readStartRows(name, DB_VERSION * 10)).toBeNull();
    expect(await versionOf(name)).toBeNull();
  });

  it('reads nothing from an older database and leaves it for Dexie to upgrade', async () => {
    const name = named();
    const old = new Dexie(name);
    old.version(DB_VERSION - 1).stores(latestStores(SCHEMA_HISTORY.slice(0, DB_VERSION - 1)));
    await old.table('catalogMeta').put({ key: 'catalog', version: 7, source: 'portal', generatedAt: 'x', count: 0, storedAt: 'x' });
    old.close();
    expect(await readStartRows(name, DB_VERSION * 10)).toBeNull();
    expect(await versionOf(name)).toBe((DB_VERSION - 1) * 10);
  });

  it('falls back to Dexie for a database the plain read cannot take, which Dexie then makes', async () => {
    const db = openDb(named(), cipher);
    opened.push(db);
    startCatalogRead(db);
    const [local] = await takeCatalogRead(db)!;
    expect(local).toEqual({ ok: true, value: null });
    expect(await versionOf(db.name)).toBe(DB_VERSION * 10);
  });
});
