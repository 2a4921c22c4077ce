/** The device's audit log, read: a file's lines, oldest first (the file's history at the counter). */
import type { AuditEntry, MotcuaDb } from './db.ts';

export function fileAudit(db: MotcuaDb, fileId: string): Promise<AuditEntry[]> {
  return db.audit.where('fileId').equals(fileId).sortBy('at');
}
