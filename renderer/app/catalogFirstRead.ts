/**
 * The first read of the stored catalog (and the center's vocabulary), started by main.tsx as soon
 * as the database is open: it runs while the app's code loads and its first frame renders, instead
 * of after them. useCatalog.ts takes it once; later reads are its own.
 */
import { catalogFromRows, loadLocalCatalog } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { readStartRows } from '../data/startRows.ts';
import { loadVocabulary, vocabularyFromRows } from '../data/vocabularyRepository.ts';
import { NATIVE_DB_VERSION } from '../data/openDbAtStart.ts';

export type CatalogRead = Promise<[Awaited<ReturnType<typeof loadLocalCatalog>>, Awaited<ReturnType<typeof loadVocabulary>>]>;

let started: { db: MotcuaDb; read: CatalogRead } | null = null;

/** What a start reads: the catalog as stored (its records checked later, off the page's thread) and the vocabulary. */
export function readStoredCatalog(db: MotcuaDb): CatalogRead {
  return Promise.all([loadLocalCatalog(db, { check: 'elsewhere' }), loadVocabulary(db)]);
}

/**
 * The start's read: plainly (data/startRows.ts), so Dexie opens the database only after the first
 * screen; through Dexie when the database is not one to read so (it may need making or upgrading).
 */
export function startCatalogRead(db: MotcuaDb): void {
  started = { db, read: readPlainlyOrStored(db) };
}

async function readPlainlyOrStored(db: MotcuaDb): CatalogRead {
  const rows = await readStartRows(db.name, NATIVE_DB_VERSION);
  if (!rows) return readStoredCatalog(db);
  return Promise.all([catalogFromRows(db, rows.catalog, { check: 'elsewhere' }), vocabularyFromRows(rows.vocabulary, rows.device)]);
}

/** The read started for this database, once; null when there is none (or it was taken). */
export function takeCatalogRead(db: MotcuaDb): CatalogRead | null {
  const read = started?.db === db ? started.read : null;
  started = null;
  return read;
}
