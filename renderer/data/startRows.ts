/**
 * The rows a start reads first (the held catalog, the taught vocabulary and the device row its
 * check needs), read plainly (data/plainIdb.ts) in one transaction while Dexie has not opened the
 * database yet: Dexie opens it after the first screen, when the screens first ask it for something.
 * Only a database already at `version` is read so; any other (absent, older, newer, or one that
 * cannot be opened plainly) gives null, and the start reads through Dexie, which makes and upgrades
 * it as ever.
 */
import type { CatalogRows } from './catalogRepository.ts';
import type { CatalogBodyRow, CatalogMeta, SearchIndexRow, StoredDevice, VocabularyRow } from './db.ts';
import { idbRequest, openIdb } from './plainIdb.ts';

export interface StartRows {
  catalog: CatalogRows;
  vocabulary: VocabularyRow | undefined;
  device: StoredDevice | undefined;
}

const TABLES = ['catalogMeta', 'catalogBody', 'searchIndex', 'catalogDetails', 'vocabulary', 'device'] as const;

/** `version`: the IndexedDB version (Dexie keeps its version N as N × 10). */
export async function readStartRows(name: string, version: number, idb: IDBFactory = globalThis.indexedDB): Promise<StartRows | null> {
  let db: IDBDatabase;
  try {
    db = await openIdb(name, version, {}, idb);
  } catch {
    return null;
  }
  try {
    const tx = db.transaction([...TABLES], 'readonly');
    const get = <T>(table: (typeof TABLES)[number], key: IDBValidKey) => idbRequest<T | undefined>(tx.objectStore(table).get(key));
    const [meta, body, index, vocabulary, device] = await Promise.all([
      get<CatalogMeta>('catalogMeta', 'catalog'),
      get<CatalogBodyRow>('catalogBody', 'catalog'),
      get<SearchIndexRow>('searchIndex', 'catalog'),
      get<VocabularyRow>('vocabulary', 'center'),
      get<StoredDevice>('device', 'device'),
    ]);
    // Whether the details are there is asked of the key alone: their value is read later.
    const detailsHeld = meta ? (await idbRequest(tx.objectStore('catalogDetails').count(meta.version))) > 0 : false;
    return { catalog: { meta, body, index, detailsHeld }, vocabulary, device };
  } catch {
    return null;
  } finally {
    db.close();
  }
}
