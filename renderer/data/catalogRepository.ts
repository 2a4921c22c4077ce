/**
 * The catalog this device holds, as the one sync path leaves it: the server's changes since the
 * version held (or the whole catalog) are applied here, in one transaction with the version they
 * bring, so a device that loses power mid-update keeps the old catalog, never half of the new one.
 *
 * Stored compact: the procedures' summaries as one JSON text (one value for IndexedDB to read, not
 * hundreds of objects to clone), beside their search index prepared for that version (shared/
 * catalog/preparedCatalog.ts), so a start reads two values and rebuilds nothing; their details
 * (three quarters of the bytes) as a second text in a table of their own, read when first needed
 * (data/catalogTexts.ts). Read back, the texts are checked against the schema, record by record: at
 * once, or (`check: 'elsewhere'`) by the caller off the page's thread, the row's format number
 * standing guard meanwhile.
 */
import type { PreparedCatalogData } from '../../shared/catalog/preparedCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { proceduresWithLazyDetails, splitCatalog, type CatalogTexts, type DetailsText } from './catalogTexts.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CatalogChanges } from '../../shared/sync/protocol.ts';
import type { CatalogBodyRow, CatalogMeta, MotcuaDb, SearchIndexRow } from './db.ts';
import { storageErrorFrom } from './storageError.ts';

/** Bumped with any change of the stored procedure's shape (shared/catalog/procedure.ts) or of how it is stored. */
export const CATALOG_BODY_FORMAT = 3;

/** The procedures' details as held: read from storage once asked (a start asks after its first screen). */
export interface HeldDetails {
  /** Whether they are read: until then the procedures' documents, steps and legal basis read as undefined. */
  readonly loaded: boolean;
  /** Reads them (once; later calls share the read): the procedures as stored, what a worker checks and prepares the index from. */
  load(): Promise<Result<CatalogTexts, StorageError>>;
}

export interface LocalCatalog {
  meta: CatalogMeta;
  /** Their details readable once `details` is loaded (at once when the records were checked here). */
  procedures: Procedure[];
  details: HeldDetails;
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
 * leaves the record-by-record check to the caller (off the page's thread, see useCatalog.ts) and the
 * details' text unread until `details.load()`; otherwise both are done here.
 */
export async function loadLocalCatalog(db: MotcuaDb, options: { check?: 'now' | 'elsewhere' } = {}): Promise<Result<LocalCatalog | null, StorageError>> {
  try {
    // Whether the details are there is asked of the key alone: their value is read later.
    const rows = await db.transaction('r', [db.catalogMeta, db.catalogBody, db.searchIndex, db.catalogDetails], async () => {
      const [meta, body, index] = await Promise.all([db.catalogMeta.get('catalog'), db.catalogBody.get('catalog'), db.searchIndex.get('catalog')]);
      return { meta, body, index, detailsHeld: meta ? (await db.catalogDetails.where(':id').equals(meta.version).count()) > 0 : false };
    });
    return await catalogFromRows(db, rows, options);
  } catch (e) {
    return err(kindOf(e));
  }
}

/** The rows the held catalog is made of, as read (through Dexie, or plainly at start: data/startRows.ts). */
export interface CatalogRows {
  meta: CatalogMeta | undefined;
  body: CatalogBodyRow | undefined;
  index: SearchIndexRow | undefined;
  /** Whether a details row of the meta's version is there (its value is read later). */
  detailsHeld: boolean;
}

/** The held catalog from its rows: null when they do not make a whole catalog of this build's format. */
export async function catalogFromRows(db: MotcuaDb, rows: CatalogRows, options: { check?: 'now' | 'elsewhere' } = {}): Promise<Result<LocalCatalog | null, StorageError>> {
  const { meta, body, index, detailsHeld } = rows;
  try {
    if (!meta || !body || body.version !== meta.version || body.format !== CATALOG_BODY_FORMAT || !detailsHeld) return ok(null);
    const details = heldDetails(db, meta.version, body.procedures);
    const checked = options.check !== 'elsewhere';
    let procedures: Procedure[];
    let dropped = 0;
    if (checked) {
      const texts = await details.load();
      if (!texts.ok) return texts;
      ({ procedures, dropped } = (await import('./catalogRows.ts')).readProcedures(texts.value));
    } else {
      procedures = proceduresWithLazyDetails(body.procedures, details.text);
    }
    if (procedures.length === 0) return ok(null);
    const prepared = index && index.catalogVersion === meta.version ? index.prepared : null;
    return ok({ meta, procedures, details, prepared, dropped, checked });
  } catch (e) {
    return err(kindOf(e));
  }
}

/**
 * The details of catalog `version`, read once when first asked. A version gone meanwhile (an update
 * landed and replaced it) is not read as details that are not there: the read fails (asked again, it
 * tries again), so screens that show details keep waiting, and the new version, read in its turn, has its own.
 */
function heldDetails(db: MotcuaDb, version: number, summaries: string): HeldDetails & { text: DetailsText } {
  const text: DetailsText = { text: null };
  let reading: Promise<Result<CatalogTexts, StorageError>> | null = null;
  return {
    text,
    get loaded() {
      return text.text !== null;
    },
    load() {
      reading ??= db.catalogDetails.get(version).then(
        (row) => {
          if (row === undefined) {
            reading = null;
            return err('unavailable' as const);
          }
          text.text = row.details;
          return ok({ summaries, details: text.text });
        },
        (e: unknown) => {
          // Asked again next time: storage that failed once may answer later.
          reading = null;
          return err(kindOf(e));
        },
      );
      return reading;
    },
  };
}

/**
 * Applies the server's answer (changes since the version held, or the whole catalog) and records
 * the version. An empty "whole" answer never wipes the catalog a device already has.
 */
export async function applyCatalogChanges(db: MotcuaDb, changes: CatalogChanges, at: string): Promise<CatalogApplyOutcome> {
  // Loaded before the transaction: waiting for a module inside it would let IndexedDB close it.
  const { readProcedures } = await import('./catalogRows.ts');
  return db.transaction('rw', [db.catalogMeta, db.catalogBody, db.catalogDetails, db.searchIndex], async () => {
    const [meta, body] = await Promise.all([db.catalogMeta.get('catalog'), db.catalogBody.get('catalog')]);
    const nothing = changes.upserts.length === 0 && (changes.full || changes.deletions.length === 0);
    if (nothing && meta?.version === changes.version) return 'unchanged';
    if (changes.full && changes.upserts.length === 0) return 'unchanged';
    let procedures: Procedure[];
    if (changes.full || !body) {
      procedures = changes.upserts;
    } else {
      // In place: a changed procedure keeps its position, a new one goes last, a removed one goes.
      const detailsRow = await db.catalogDetails.get(body.version);
      const held = readProcedures({ summaries: body.procedures, details: detailsRow?.details ?? '[]' }).procedures;
      const byCode = new Map(held.map((p) => [p.code, p]));
      for (const p of changes.upserts) byCode.set(p.code, p);
      for (const code of changes.deletions) byCode.delete(code);
      procedures = [...byCode.values()];
    }
    const texts = splitCatalog(procedures);
    await db.catalogBody.put({ key: 'catalog', format: CATALOG_BODY_FORMAT, version: changes.version, procedures: texts.summaries });
    await db.catalogDetails.clear();
    await db.catalogDetails.put({ version: changes.version, details: texts.details });
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
