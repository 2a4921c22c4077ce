/**
 * The device's local database (IndexedDB through Dexie). Every schema change is a new
 * `version()` with its upgrade, never an edit of an old one: kiosks upgrade in place.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Procedure } from '../../shared/catalog/procedure.ts';

/** What the device knows about the catalog it holds. */
export interface CatalogMeta {
  key: 'catalog';
  version: number;
  source: string;
  generatedAt: string;
  count: number;
  /** When this device stored it (ISO time). */
  storedAt: string;
}

export type MotcuaDb = Dexie & {
  procedures: EntityTable<Procedure, 'code'>;
  catalogMeta: EntityTable<CatalogMeta, 'key'>;
};

export function openDb(name = 'motcua'): MotcuaDb {
  const db = new Dexie(name) as MotcuaDb;
  db.version(1).stores({
    procedures: '&code, field',
    catalogMeta: '&key',
  });
  return db;
}
