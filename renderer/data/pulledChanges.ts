/**
 * Applies what the device pulls from the server: file status changes (the center's feed, of which
 * only this device's files are kept) and catalog deltas, each page in one transaction together
 * with the cursor or version it brings, so a crash never skips or half-applies a page.
 */
import type { CatalogChanges, StatusPullResponse } from '../../shared/sync/protocol.ts';
import type { MotcuaDb } from './db.ts';
import { readSyncMeta } from './pushAnswers.ts';

/** Stores a page of status changes and the cursor after it; returns how many local files changed. */
export async function applyStatusChanges(db: MotcuaDb, page: StatusPullResponse): Promise<number> {
  return db.transaction('rw', [db.files, db.syncMeta], async () => {
    let changed = 0;
    for (const change of page.changes) {
      const file = await db.files.get(change.fileId);
      // A file cancelled here never reached the server; a stray change for it is not ours to show.
      if (!file || file.syncState === 'cancelled') continue;
      if (file.status !== change.status) {
        await db.files.update(file.id, {
          status: change.status,
          statusAt: change.changedAt,
          statusNote: change.note,
          ...(change.dueAt !== undefined ? { dueAt: change.dueAt } : {}),
        });
        changed += 1;
      } else if (change.dueAt !== undefined && change.dueAt !== (file.dueAt ?? null)) {
        // The same status with another date: the due date was moved (here or by another counter).
        await db.files.update(file.id, { dueAt: change.dueAt, dueReason: change.note });
        changed += 1;
      }
    }
    await db.syncMeta.put({ ...(await readSyncMeta(db)), statusCursor: page.cursor });
    return changed;
  });
}

export type CatalogApplyOutcome = 'updated' | 'unchanged';

/**
 * Applies a catalog delta (or a full catalog) to the local procedures and records the version.
 * An empty "full" answer never wipes the catalog a device already has.
 */
export async function applyCatalogChanges(db: MotcuaDb, changes: CatalogChanges, at: string): Promise<CatalogApplyOutcome> {
  return db.transaction('rw', [db.procedures, db.catalogMeta], async () => {
    const meta = await db.catalogMeta.get('catalog');
    const nothing = changes.upserts.length === 0 && (changes.full || changes.deletions.length === 0);
    if (nothing && meta?.version === changes.version) return 'unchanged';
    if (changes.full && changes.upserts.length === 0) return 'unchanged';
    if (changes.full) await db.procedures.clear();
    if (changes.upserts.length > 0) await db.procedures.bulkPut(changes.upserts);
    if (!changes.full && changes.deletions.length > 0) await db.procedures.bulkDelete(changes.deletions);
    await db.catalogMeta.put({
      key: 'catalog',
      version: changes.version,
      source: meta?.source ?? 'server',
      generatedAt: meta?.generatedAt ?? at,
      count: await db.procedures.count(),
      storedAt: at,
    });
    return nothing ? 'unchanged' : 'updated';
  });
}
