/**
 * The figures' input built from this device's own files (offline statistics): each file with its
 * procedure's field from the local catalog and its done / returned times from the status changes
 * in the outbox (or, for a change pulled from the server, the time the device last saw the status).
 */
import { err, ok, type Result } from '../../shared/result.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import type { MotcuaDb } from './db.ts';

export async function localFileSummaries(db: MotcuaDb): Promise<Result<FileSummary[]>> {
  try {
    const [files, procedures, changes] = await Promise.all([db.files.toArray(), db.procedures.toArray(), db.outbox.toArray()]);
    const fieldOf = new Map(procedures.map((p) => [p.code, p.field]));
    const doneAt = new Map<string, string>();
    const returnedAt = new Map<string, string>();
    for (const entry of changes) {
      if (entry.kind !== 'file.status' || entry.state === 'cancelled' || entry.state === 'rejected') continue;
      // The target status is kept in clear (the payload is sealed, and dropped once sent); `at` is the change's time.
      if (entry.statusTo === 'done') doneAt.set(entry.fileId, entry.at);
      if (entry.statusTo === 'returned') returnedAt.set(entry.fileId, entry.at);
    }
    const summaries = files
      .filter((f) => f.syncState !== 'cancelled')
      .map((f): FileSummary => {
        const returned = f.status === 'returned' ? (returnedAt.get(f.id) ?? f.statusAt) : null;
        const done = doneAt.get(f.id) ?? (f.status === 'done' ? f.statusAt : null);
        return {
          centerCode: f.centerCode,
          locationCode: f.locationCode,
          receivedAt: f.receivedAt,
          channel: f.channel,
          field: fieldOf.get(f.procedureCode) ?? null,
          procedureCode: f.procedureCode,
          procedureName: f.procedureName,
          status: f.status,
          dueAt: f.dueAt ?? null,
          doneAt: done,
          returnedAt: returned,
          rating: null,
        };
      });
    return ok(summaries);
  } catch (e) {
    return err(`cannot read this device's files: ${(e as Error).message}`);
  }
}
