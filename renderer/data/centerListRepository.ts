/**
 * The center's own list on this device: what was last pulled from the server (replaced or patched
 * in one transaction, so a kiosk never shows half a change) and an admin's edits waiting to be
 * saved, kept here so closing the screen or losing the link loses nothing.
 */
import type { CenterEntry, CenterEntryValues, CenterListChanges } from '../../shared/centerList/centerList.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CenterListDraftRow, CenterListMetaRow, MotcuaDb } from './db.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

export interface LocalCenterList {
  meta: CenterListMetaRow | null;
  entries: Record<string, CenterEntry>;
}

export const EMPTY_CENTER_LIST: LocalCenterList = { meta: null, entries: {} };

export async function loadCenterList(db: MotcuaDb): Promise<Result<LocalCenterList, StorageError>> {
  try {
    const [meta, rows] = await Promise.all([db.centerListMeta.get('centerList'), db.centerList.toArray()]);
    const entries: Record<string, CenterEntry> = {};
    if (rows.length === 0) return ok({ meta: meta ?? null, entries });
    // Read back through the schema (loaded only when there is a list: the first screen of a kiosk
    // without one does without it): an older build may have stored another shape.
    const { centerEntrySchema } = await import('../../shared/centerList/centerList.ts');
    for (const row of rows) {
      const parsed = centerEntrySchema.safeParse(row.entry);
      if (parsed.success) entries[row.code] = parsed.data;
    }
    return ok({ meta: meta ?? null, entries });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/**
 * Applies what the server says changed. A full answer, or one for another center (the device was
 * enrolled again elsewhere), replaces the list; otherwise entries are patched and removals dropped.
 */
/** The version of the center list held on this device (0: none yet). */
export async function heldCenterListVersion(db: MotcuaDb): Promise<number> {
  return (await db.centerListMeta.get('centerList'))?.version ?? 0;
}

export async function applyCenterListChanges(db: MotcuaDb, changes: CenterListChanges, storedAt: string): Promise<'updated' | 'unchanged'> {
  return db.transaction('rw', db.centerList, db.centerListMeta, async () => {
    const meta = await db.centerListMeta.get('centerList');
    const sameCenter = meta?.centerCode === changes.centerCode;
    const nothingNew = sameCenter && meta.version === changes.version && !changes.full && Object.keys(changes.upserts).length === 0 && changes.deletions.length === 0;
    if (nothingNew) return 'unchanged';
    if (changes.full || !sameCenter) await db.centerList.clear();
    await db.centerList.bulkPut(Object.entries(changes.upserts).map(([code, entry]) => ({ code, entry })));
    await db.centerList.bulkDelete(changes.deletions);
    await db.centerListMeta.put({ key: 'centerList', centerCode: changes.centerCode, version: changes.version, source: changes.source, storedAt });
    return 'updated';
  });
}

export async function loadCenterListDraft(db: MotcuaDb): Promise<Result<CenterListDraftRow[], StorageError>> {
  try {
    const rows = await db.centerListDraft.toArray();
    const { centerEntryValuesSchema } = await import('../../shared/centerList/centerList.ts');
    return ok(rows.filter((row) => row.values === null || centerEntryValuesSchema.safeParse(row.values).success));
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/** Keeps an admin's edit (or removal, `values` null) of one procedure until the server takes it. */
export async function putCenterListDraft(
  db: MotcuaDb,
  edits: Record<string, CenterEntryValues | null>,
  editedAt: string,
): Promise<Result<void, StorageError>> {
  try {
    await db.centerListDraft.bulkPut(Object.entries(edits).map(([code, values]) => ({ code, values, editedAt })));
    return ok(undefined);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

export async function discardCenterListDraft(db: MotcuaDb, codes: string[] | 'all'): Promise<Result<void, StorageError>> {
  try {
    if (codes === 'all') await db.centerListDraft.clear();
    else await db.centerListDraft.bulkDelete(codes);
    return ok(undefined);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}
