/**
 * A file's change log as SQLite keeps it (`file_changes`): corrections, due date moves and fee
 * payments, each with what it replaced. They are written by the exactly-once rules
 * (server/sync/applyFileChanges.ts) through store/sqliteSyncTransaction.ts; this reads them back.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { FileChangeEntry } from './store.ts';

const changeRowSchema = z.object({
  file_id: z.string(),
  kind: z.enum(['update', 'due', 'fee']),
  at: z.string(),
  staff_id: z.string(),
  staff_name: z.string(),
  location: z.string().nullable(),
  device_id: z.string(),
  reason: z.string().nullable(),
  previous: z.string().nullable(),
  next: z.string(),
});

export function createSqliteFileChanges(db: Database.Database): (centerCode: string, fileId: string) => FileChangeEntry[] {
  const changes = db.prepare(
    `SELECT c.* FROM file_changes c JOIN files f ON f.id = c.file_id WHERE f.center_code = ? AND c.file_id = ? ORDER BY c.id`,
  );
  return (centerCode, fileId) =>
    changes.all(centerCode, fileId).map((raw) => {
      const r = changeRowSchema.parse(raw);
      return {
        fileId: r.file_id,
        kind: r.kind,
        at: r.at,
        staffId: r.staff_id,
        staffName: r.staff_name,
        location: r.location,
        deviceId: r.device_id,
        reason: r.reason,
        previous: r.previous === null ? null : (JSON.parse(r.previous) as unknown),
        next: JSON.parse(r.next) as unknown,
      };
    });
}
