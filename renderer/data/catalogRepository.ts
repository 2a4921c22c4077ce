/**
 * The catalog this device holds, as the one sync path leaves it: the server's changes since the
 * version held (or the whole catalog) are applied here, in one transaction with the version they
 * bring, so a device that loses power mid-update keeps the old catalog, never half of the new one.
 *
 * Stored compact: the procedures as one JSON text (one value for IndexedDB to read, not hundreds of
 * objects to clone), beside their search index prepared for that version (shared/catalog/
 * preparedCatalog.ts), so a start reads two values and rebuilds nothing. Read back, the text is
 * checked against the schema, record by record: at once, or (`check: 'elsewhere'`) by the caller
 * off the page's thread, the row's format number standing guard meanwhile.
 */
import type { PreparedCatalogData } from '../../shared/catalog/preparedCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { proceduresWithLazyDetails, splitCatalog, type CatalogTexts } from './catalogTexts.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CatalogChanges } from '../../shared/sync/protocol.ts';
import type { CatalogMeta, MotcuaDb } from './db.ts';
import { storageErrorFrom } from './storageError.ts';

/** Bumped with any change of the stored procedure's shape (shared/catalog/procedure.ts). */
export const CATALOG_BODY_FORMAT = 2;

export interface LocalCatalog {
  meta: CatalogMeta;
  procedures: Procedure[];
  /** The procedures as stored (what a worker checks them and prepares the index from). */
  texts: CatalogTexts;
  /** The search index prepared for this version, when one has been stored. */
  prepared: PreparedCatalogData | null;
  /** Records that no longer pass the schema (an older build wrote another shape); left out. */
  dropped: number;
  /** Whether each record was checked against the schema; if not, the caller has it checked (catalogWorker.ts). */
  checked: boolean;
}

/** What the kiosk can say about its storage: full, or not usable. */
export type StorageError = 'quota' | 'unavailable';

export type CatalogApplyOutcome = 'updated' | 'unchanged';

const kindOf = (e: unknown): StorageError => (storageErrorFrom(e).kind === 'quota' ? 'quota' : 'unavailable');

/** The version of the catalog held (what to ask changes since), or null when none is held or storage cannot be read. */
export async function heldCatalogVersion(db: MotcuaDb): Promise<number | null> {
  try {
    return (await db.catalogMeta.get('catalog'))?.version ?? null;
  } catch {
    return null;
  }
}

/**
 * The catalog held, or null when this device has none (or none that reads). `check: 'elsewhere'`
 * leaves the record-by-record check to the caller (off the page's thread, see useCatalog.ts).
 */
export async function loadLocalCatalog(db: MotcuaDb, options: { check?: 'now' | 'elsewhere' } = {}): Promise<Result<LocalCatalog | null, StorageError>> {
  try {
    const [meta, body, index] = await db.transaction('r', [db.catalogMeta, db.catalogBody, db.searchIndex], () =>
      Promise.all([db.catalogMeta.get('catalog'), db.catalogBody.get('catalog'), db.searchIndex.get('catalog')]),
    );
    if (!meta || !body || body.version !== meta.version || body.format !== CATALOG_BODY_FORMAT || body.details === undefined) return ok(null);
    const texts = { summaries: body.procedures, details: body.details };
    const checked = options.check !== 'elsewhere';
    const { procedures, dropped } = checked ? (await import('./catalogRows.ts')).readProcedures(texts) : { procedures: proceduresWithLazyDetails(texts), dropped: 0 };
    if (procedures.length === 0) return ok(null);
    const prepared = index && index.catalogVersion === meta.version ? index.prepared : null;
    return ok({ meta, procedures, texts, prepared, dropped, checked });
  } catch (e) {
    return err(kindOf(e));
  }
}

/**
 * Applies the server's answer (changes since the version held, or the whole catalog) and records
 * the version. An empty "whole" answer never wipes the catalog a device already has.
 */
export async function applyCatalogChanges(db: MotcuaDb, changes: CatalogChanges, at: string): Promise<CatalogApplyOutcome> {
  // Loaded before the transaction: waiting for a module inside it would let IndexedDB close it.
  const { readProcedures } = await import('./catalogRows.ts');
  return db.transaction('rw', [db.catalogMeta, db.catalogBody, db.searchIndex], async () => {
    const [meta, body] = await Promise.all([db.catalogMeta.get('catalog'), db.catalogBody.get('catalog')]);
    const nothing = changes.upserts.length === 0 && (changes.full || changes.deletions.length === 0);
    if (nothing && meta?.version === changes.version) return 'unchanged';
    if (changes.full && changes.upserts.length === 0) return 'unchanged';
    let procedures: Procedure[];
    if (changes.full || !body) {
      procedures = changes.upserts;
    } else {
      // In place: a changed procedure keeps its position, a new one goes last, a removed one goes.
      // A text of the older, whole-record format (not split yet) reads as whole records: nothing is lost.
      const held = readProcedures({ summaries: body.procedures, details: body.details ?? '[]' }).procedures;
      const byCode = new Map(held.map((p) => [p.code, p]));
      for (const p of changes.upserts) byCode.set(p.code, p);
      for (const code of changes.deletions) byCode.delete(code);
      procedures = [...byCode.values()];
    }
    const texts = splitCatalog(procedures);
    await db.catalogBody.put({ key: 'catalog', format: CATALOG_BODY_FORMAT, version: changes.version, procedures: texts.summaries, details: texts.details });
    // The index prepared for the old version no longer fits; the next start prepares one for this.
    await db.searchIndex.delete('catalog');
    await db.catalogMeta.put({
      key: 'catalog',
      version: changes.version,
      source: changes.source ?? meta?.source ?? 'server',
      generatedAt: changes.generatedAt ?? meta?.generatedAt ?? at,
      count: procedures.length,
      storedAt: at,
    });
    return nothing ? 'unchanged' : 'updated';
  });
}

/** Keeps the index prepared for a catalog version; refused (false) when the catalog moved on meanwhile. */
export async function saveSearchIndex(db: MotcuaDb, catalogVersion: number, prepared: PreparedCatalogData): Promise<Result<boolean, StorageError>> {
  try {
    const saved = await db.transaction('rw', [db.catalogMeta, db.searchIndex], async () => {
      const meta = await db.catalogMeta.get('catalog');
      if (meta?.version !== catalogVersion) return false;
      await db.searchIndex.put({ key: 'catalog', catalogVersion, prepared });
      return true;
    });
    return ok(saved);
  } catch (e) {
    return err(kindOf(e));
  }
}
