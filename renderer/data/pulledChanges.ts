/**
 * Applies file status changes the device pulls from the server (the center's feed, of which only
 * this device's files are kept), each page in one transaction together with the cursor it brings,
 * so a crash never skips or half-applies a page. Catalog changes: catalogRepository.ts.
 */
import type { StatusPullResponse } from '../../shared/sync/protocol.ts';
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
