/**
 * The first read of the stored catalog (and the center's vocabulary), started by main.tsx as soon
 * as the database is open: it runs while the app's code loads and its first frame renders, instead
 * of after them. useCatalog.ts takes it once; later reads are its own.
 */
import { loadLocalCatalog } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { loadVocabulary } from '../data/vocabularyRepository.ts';

export type CatalogRead = Promise<[Awaited<ReturnType<typeof loadLocalCatalog>>, Awaited<ReturnType<typeof loadVocabulary>>]>;

let started: { db: MotcuaDb; read: CatalogRead } | null = null;

/** What a start reads: the catalog as stored (its records checked later, off the page's thread) and the vocabulary. */
export function readStoredCatalog(db: MotcuaDb): CatalogRead {
  return Promise.all([loadLocalCatalog(db, { check: 'elsewhere' }), loadVocabulary(db)]);
}

export function startCatalogRead(db: MotcuaDb): void {
  started = { db, read: readStoredCatalog(db) };
}

/** The read started for this database, once; null when there is none (or it was taken). */
export function takeCatalogRead(db: MotcuaDb): CatalogRead | null {
  const read = started?.db === db ? started.read : null;
  started = null;
  return read;
}
