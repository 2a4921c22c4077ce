/**
 * Reads and replaces the locally cached catalog. A replacement is one transaction, so a
 * kiosk that loses power mid-update still has the old catalog, never half of the new one.
 */
import { procedureSchema, type Catalog, type Procedure } from '../../shared/catalog/procedure.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CatalogMeta, MotcuaDb } from './db.ts';
import { storageErrorFrom } from './storageError.ts';

export interface LocalCatalog {
  meta: CatalogMeta;
  procedures: Procedure[];
}

/** What the kiosk can say about its storage: full, or not usable. */
export type StorageError = 'quota' | 'unavailable';

const kindOf = (e: unknown): StorageError => (storageErrorFrom(e).kind === 'quota' ? 'quota' : 'unavailable');

export async function loadLocalCatalog(db: MotcuaDb): Promise<Result<LocalCatalog | null, StorageError>> {
  try {
    const meta = await db.catalogMeta.get('catalog');
    if (!meta) return ok(null);
    const rows = await db.procedures.toArray();
    // Anything read back from storage is checked again: an old build may have written another shape.
    const procedures = rows.filter((row) => procedureSchema.safeParse(row).success);
    if (procedures.length === 0) return ok(null);
    return ok({ meta, procedures });
  } catch (e) {
    return err(kindOf(e));
  }
}

export async function saveCatalog(db: MotcuaDb, catalog: Catalog): Promise<Result<CatalogMeta, StorageError>> {
  const meta: CatalogMeta = {
    key: 'catalog',
    version: catalog.version,
    source: catalog.source,
    generatedAt: catalog.generatedAt,
    count: catalog.procedures.length,
    storedAt: new Date().toISOString(),
  };
  try {
    await db.transaction('rw', db.procedures, db.catalogMeta, async () => {
      await db.procedures.clear();
      await db.procedures.bulkPut(catalog.procedures);
      await db.catalogMeta.put(meta);
    });
    return ok(meta);
  } catch (e) {
    return err(kindOf(e));
  }
}
