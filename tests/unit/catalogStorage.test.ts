/**
 * The catalog on the device (IndexedDB through fake-indexeddb): kept as two texts (summaries, and
 * details apart) beside its prepared search index, changed in place by the server's deltas, moved
 * there from what older versions kept, and read back checked.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCatalogChanges, loadLocalCatalog, saveSearchIndex } from '../../renderer/data/catalogRepository.ts';
import { splitCatalog } from '../../renderer/data/catalogTexts.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { latestStores, SCHEMA_HISTORY } from '../../renderer/data/dbSchema.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { prepareCatalog, preparedCatalogData, restorePreparedCatalog } from '../../shared/catalog/preparedCatalog.ts';

const cipher = await createMemoryCipher();
const opened: MotcuaDb[] = [];
const names: string[] = [];
function freshDb(name = `catalog-${randomUUID()}`): MotcuaDb {
  const db = openDb(name, cipher);
  opened.push(db);
  names.push(name);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function held(db: MotcuaDb) {
  const local = await loadLocalCatalog(db);
  if (!local.ok) throw new Error(local.error);
  return local.value;
}

const [first, second, third] = demoCatalog.procedures;

/** A database as an older version of the app left it: catalog 7 of `procedures`, its body as that version stored it, and its index. */
async function olderDevice(version: number, procedures: Procedure[], body: Record<string, unknown>): Promise<string> {
  const name = `catalog-${randomUUID()}`;
  names.push(name);
  const old = new Dexie(name);
  old.version(version).stores(latestStores(SCHEMA_HISTORY.slice(0, version)));
  await old.table('catalogMeta').put({ key: 'catalog', version: 7, source: 'portal', generatedAt: '2026-11-30T00:00:00.000Z', count: procedures.length, storedAt: '2026-12-01T00:00:00.000Z' });
  await old.table('catalogBody').put({ key: 'catalog', version: 7, ...body });
  await old.table('searchIndex').put({ key: 'catalog', catalogVersion: 7, prepared: preparedCatalogData(prepareCatalog(procedures)) });
  old.close();
  return name;
}

describe('the catalog on the device', () => {
  it('keeps the server order, changes a procedure in place, adds new ones last and removes deleted ones', async () => {
    const db = freshDb();
    await applyCatalogChanges(db, { version: 3, full: true, upserts: [first!, second!, third!], deletions: [], source: 'portal', generatedAt: '2026-11-30T00:00:00.000Z' }, '2026-12-01T00:00:00.000Z');
    await applyCatalogChanges(db, { version: 4, full: false, upserts: [{ ...first!, name: 'Tên mới' }, demoCatalog.procedures[3]!], deletions: [second!.code] }, '2026-12-02T00:00:00.000Z');
    const local = await held(db);
    expect(local?.procedures.map((p) => p.code)).toEqual([first!.code, third!.code, demoCatalog.procedures[3]!.code]);
    expect(local?.procedures[0]!.name).toBe('Tên mới');
    // Where it comes from stays what the server said last, when a delta does not say.
    expect(local?.meta).toMatchObject({ version: 4, count: 3, source: 'portal', generatedAt: '2026-11-30T00:00:00.000Z', storedAt: '2026-12-02T00:00:00.000Z' });
  });

  it('keeps the index prepared for its version only: a new version drops it, a late save for an old one is refused', async () => {
    const db = freshDb();
    await applyCatalogChanges(db, { version: 3, full: true, upserts: demoCatalog.procedures, deletions: [] }, 'now');
    const data = preparedCatalogData(prepareCatalog(demoCatalog.procedures));
    expect(await saveSearchIndex(db, 3, data)).toEqual({ ok: true, value: true });
    const stored = await held(db);
    expect(stored?.prepared).not.toBeNull();
    // What IndexedDB gives back restores into an index for those procedures.
    expect(restorePreparedCatalog(stored!.prepared!, stored!.procedures)).not.toBeNull();

    await applyCatalogChanges(db, { version: 4, full: false, upserts: [{ ...first!, name: 'Tên mới' }], deletions: [] }, 'now');
    expect((await held(db))?.prepared).toBeNull();
    expect(await saveSearchIndex(db, 3, data)).toEqual({ ok: true, value: false });
    expect((await held(db))?.prepared).toBeNull();
  });

  it("keeps the procedures' summaries apart from their details, and a start reads the details only when they are asked for", async () => {
    const db = freshDb();
    const procedures = demoCatalog.procedures.slice(0, 5);
    await applyCatalogChanges(db, { version: 3, full: true, upserts: procedures, deletions: [] }, 'now');
    const body = await db.catalogBody.get('catalog');
    expect(body?.format).toBe(3);
    expect(body?.procedures).not.toContain('"documents"');
    expect(JSON.parse((await db.catalogDetails.get(3))!.details)).toEqual(procedures.map((p) => ({ documents: p.documents, steps: p.steps, legalBasis: p.legalBasis })));
    // Unchecked, as a start reads them: the summaries at once, the details not read yet.
    const atStart = await loadLocalCatalog(db, { check: 'elsewhere' });
    if (!atStart.ok || !atStart.value) throw new Error('no catalog');
    expect(atStart.value.checked).toBe(false);
    expect(atStart.value.details.loaded).toBe(false);
    expect(atStart.value.procedures.map((p) => p.name)).toEqual(procedures.map((p) => p.name));
    expect(atStart.value.procedures[0]!.documents).toBeUndefined();
    // Once read, the same procedures, their details read through; one read however often asked.
    const [a, b] = await Promise.all([atStart.value.details.load(), atStart.value.details.load()]);
    expect(a).toBe(b);
    expect(atStart.value.details.loaded).toBe(true);
    expect(atStart.value.procedures).toEqual(procedures);
    expect(JSON.parse(JSON.stringify(atStart.value.procedures))).toEqual(procedures);
    // Checked, as the worker and a first read do: the same, the details read with them.
    const checked = await held(db);
    expect(checked?.details.loaded).toBe(true);
    expect(checked?.procedures).toEqual(procedures);
  });

  it('keeps the details of the version held only, and holds nothing when they are gone', async () => {
    const db = freshDb();
    await applyCatalogChanges(db, { version: 3, full: true, upserts: [first!, second!], deletions: [] }, 'now');
    await applyCatalogChanges(db, { version: 4, full: false, upserts: [third!], deletions: [] }, 'now');
    expect(await db.catalogDetails.toCollection().primaryKeys()).toEqual([4]);
    expect((await held(db))?.procedures).toEqual([first, second, third]);
    await db.catalogDetails.clear();
    expect(await loadLocalCatalog(db, { check: 'elsewhere' })).toEqual({ ok: true, value: null });
    expect(await loadLocalCatalog(db)).toEqual({ ok: true, value: null });
  });

  it('does not read the details of a version replaced since the start as missing: the read fails and is tried again', async () => {
    const db = freshDb();
    await applyCatalogChanges(db, { version: 3, full: true, upserts: [first!, second!], deletions: [] }, 'now');
    const atStart = await loadLocalCatalog(db, { check: 'elsewhere' });
    if (!atStart.ok || !atStart.value) throw new Error('no catalog');
    // An update lands before the start's details are read.
    await applyCatalogChanges(db, { version: 4, full: false, upserts: [third!], deletions: [] }, 'now');
    expect(await atStart.value.details.load()).toEqual({ ok: false, error: 'unavailable' });
    expect(atStart.value.details.loaded).toBe(false);
    expect(atStart.value.procedures[0]!.documents).toBeUndefined();
    // The new version's start reads its own.
    const next = await loadLocalCatalog(db, { check: 'elsewhere' });
    if (!next.ok || !next.value) throw new Error('no catalog');
    expect((await next.value.details.load()).ok).toBe(true);
    expect(next.value.procedures).toEqual([first, second, third]);
  });

  it('patches a catalog still kept as whole records (not split yet) without losing any', async () => {
    const db = freshDb();
    await applyCatalogChanges(db, { version: 3, full: true, upserts: [first!, second!], deletions: [] }, 'now');
    await db.catalogBody.put({ key: 'catalog', format: 1, version: 3, procedures: JSON.stringify([first, second]) });
    await db.catalogDetails.clear();
    await applyCatalogChanges(db, { version: 4, full: false, upserts: [third!], deletions: [] }, 'now');
    expect((await held(db))?.procedures).toEqual([first, second, third]);
  });

  it('leaves out a record whose details are missing rather than show it without its documents', async () => {
    const db = freshDb();
    await applyCatalogChanges(db, { version: 3, full: true, upserts: [first!, second!], deletions: [] }, 'now');
    const row = await db.catalogDetails.get(3);
    const details = JSON.parse(row!.details) as object[];
    await db.catalogDetails.put({ version: 3, details: JSON.stringify([details[0]]) });
    const local = await held(db);
    expect(local?.procedures).toEqual([first]);
    expect(local?.dropped).toBe(1);
    const atStart = await loadLocalCatalog(db, { check: 'elsewhere' });
    if (!atStart.ok || !atStart.value) throw new Error('no catalog');
    await atStart.value.details.load();
    expect(atStart.value.procedures[0]?.documents).toEqual(first!.documents);
    expect(atStart.value.procedures[1]?.documents).toBeUndefined();
  });

  it('leaves out a stored record that no longer passes the schema, and says how many', async () => {
    const db = freshDb();
    await applyCatalogChanges(db, { version: 3, full: true, upserts: [first!, second!], deletions: [] }, 'now');
    const body = await db.catalogBody.get('catalog');
    const rows = JSON.parse(body!.procedures) as object[];
    await db.catalogBody.put({ ...body!, procedures: JSON.stringify([rows[0], { ...rows[1], code: 'not a code' }]) });
    const local = await held(db);
    expect(local?.procedures.map((p) => p.code)).toEqual([first!.code]);
    expect(local?.dropped).toBe(1);
  });

  it("splits the one text a v10 to v12 device kept into summaries and details, keeping its index, so it still starts offline", async () => {
    const procedures = [first!, second!, third!];
    const name = await olderDevice(12, procedures, { format: 1, procedures: JSON.stringify(procedures) });
    const db = freshDb(name);
    const local = await held(db);
    expect(local?.procedures).toEqual(procedures);
    expect(local?.prepared).not.toBeNull();
    expect((await db.catalogBody.get('catalog'))?.format).toBe(3);
  });

  it('moves the details a v13 device kept beside the summaries to their own table, keeping its index, so it still starts offline', async () => {
    const procedures = [first!, second!, third!];
    const texts = splitCatalog(procedures);
    const name = await olderDevice(13, procedures, { format: 2, procedures: texts.summaries, details: texts.details });

    const db = freshDb(name);
    const atStart = await loadLocalCatalog(db, { check: 'elsewhere' });
    if (!atStart.ok || !atStart.value) throw new Error('no catalog');
    expect(atStart.value.prepared).not.toBeNull();
    await atStart.value.details.load();
    expect(atStart.value.procedures).toEqual(procedures);
    expect(await db.catalogBody.get('catalog')).toEqual({ key: 'catalog', format: 3, version: 7, procedures: texts.summaries });
    expect(await db.catalogDetails.get(7)).toEqual({ version: 7, details: texts.details });
  });

  it('moves the rows an older version kept into the one text, so a device upgraded offline still has its catalog', async () => {
    const name = `catalog-${randomUUID()}`;
    names.push(name);
    const old = new Dexie(name);
    old.version(1).stores({ procedures: '&code, field', catalogMeta: '&key' });
    await old.table('procedures').bulkAdd([first, second, third]);
    await old.table('catalogMeta').put({ key: 'catalog', version: 7, source: 'portal', generatedAt: '2026-11-30T00:00:00.000Z', count: 3, storedAt: '2026-12-01T00:00:00.000Z' });
    old.close();

    const db = freshDb(name);
    const local = await held(db);
    expect(local?.meta.version).toBe(7);
    expect(local?.procedures.map((p) => p.code).sort()).toEqual([first!.code, second!.code, third!.code].sort());
    expect(local?.prepared).toBeNull();
    expect(db.tables.map((t) => t.name)).not.toContain('procedures');
  });
});
