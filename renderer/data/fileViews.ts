/**
 * Files as lists show them (worklist, outbox, search): the clear part plus the personal part opened,
 * or why it cannot be (retention removed it, or it does not decrypt): one bad record is a row with a
 * reason, never a broken list.
 *
 * Search by name or citizen ID decrypts on read instead of keeping a keyed-hash index: the worklist
 * shows every citizen's name anyway, so the names are decrypted for display already; a blind index
 * would add a second key to manage and would leak which files share a name or an ID, and still could
 * not match part of a name or a name typed without tones. Opened parts are cached in memory by
 * file id and IV (a changed record has a new IV), so a live list that re-reads on every change
 * decrypts only what changed. Cost for 2,000 files: `npm run bench:atrest`.
 */
import { ok, type Result } from '../../shared/result.ts';
import type { DataCipher, Sealed } from '../security/dataCipher.ts';
import type { FileClear, MotcuaDb, StoredFile } from './db.ts';
import { clearPart, openPersonal, type FilePersonal, type FileUnreadable } from './sealedFiles.ts';

export interface FileView extends FileClear {
  personal: Result<FilePersonal, FileUnreadable>;
}

const CACHE_LIMIT = 20_000;
const caches = new WeakMap<DataCipher, Map<string, FilePersonal>>();

function cacheKey(id: string, sealed: Sealed): string {
  return `${id}:${sealed.keyId}:${Array.from(sealed.iv).join('.')}`;
}

function cacheOf(cipher: DataCipher): Map<string, FilePersonal> {
  let cache = caches.get(cipher);
  if (!cache) {
    cache = new Map();
    caches.set(cipher, cache);
  }
  return cache;
}

/** The view of a row whose personal part is already in the cache, else null. */
function cachedView(cache: Map<string, FilePersonal>, stored: StoredFile): FileView | null {
  const hit = stored.personal ? cache.get(cacheKey(stored.id, stored.personal)) : undefined;
  return hit ? { ...clearPart(stored), personal: ok(hit) } : null;
}

/** Opens one stored row for a list, through the cache. */
export async function viewOf(cipher: DataCipher, stored: StoredFile): Promise<FileView> {
  const cache = cacheOf(cipher);
  const hit = cachedView(cache, stored);
  if (hit) return hit;
  const personal = await openPersonal(cipher, stored);
  if (personal.ok && stored.personal) {
    // Oldest out first (a Map keeps insertion order); only a very long day ever gets here.
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(cacheKey(stored.id, stored.personal), personal.value);
  }
  return { ...clearPart(stored), personal };
}

/** This device's files (or those with `ids`), each opened for display; only rows not seen before are decrypted. */
export async function listFileViews(db: MotcuaDb, options: { ids?: readonly string[] } = {}): Promise<FileView[]> {
  const rows = options.ids
    ? (await db.files.bulkGet([...options.ids])).filter((f): f is StoredFile => f !== undefined)
    : await db.files.toArray();
  const cache = cacheOf(db.cipher);
  const views = rows.map((row) => cachedView(cache, row));
  await Promise.all(
    views.map(async (view, i) => {
      if (!view) views[i] = await viewOf(db.cipher, rows[i]!);
    }),
  );
  return views as FileView[];
}
