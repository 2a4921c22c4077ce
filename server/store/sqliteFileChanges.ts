/**
 * Corrections, due date moves and fee payments pushed from the counter, applied inside the push's
 * transaction: checked against the stored file with shared/files/fileChanges.ts, written with a
 * line in `file_changes` that keeps what was replaced. A moved due date also goes into the status
 * feed (same status, new date) so other devices and the kiosk's lookup see it.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  checkCorrection,
  checkDueChange,
  checkFee,
  type ChangeStamp,
  type FileChangeError,
  type FileCorrectionPayload,
  type FileDuePayload,
  type FileFacts,
  type FileFeePayload,
} from '../../shared/files/fileChanges.ts';
import { fileStatusSchema, type FileStatus } from '../../shared/files/fileRecord.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { RejectionCode } from '../../shared/sync/rejectionCodes.ts';
import type { Device, FileChangeEntry } from './store.ts';

/** What applying one pushed item came to. */
export type ApplyOutcome = 'applied' | 'duplicate' | { rejected: string; code: RejectionCode };

export interface FeedWriter {
  (centerCode: string, fileId: string, number: string, status: FileStatus, at: string, note: string | null, dueAt: string | null): number;
}

const fileRowSchema = z.object({
  id: z.string(),
  center_code: z.string(),
  number: z.string(),
  status: fileStatusSchema,
  received_at: z.string(),
  due_at: z.string().nullable(),
  fee: z.string().nullable(),
  record: z.string(),
});
type FileRow = z.infer<typeof fileRowSchema>;

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

const CORRECTED_FIELDS = ['procedureCode', 'procedureName', 'channel', 'citizen', 'documents', 'notes'] as const;

export function createSqliteFileChanges(db: Database.Database, appendFeed: FeedWriter) {
  const q = {
    file: db.prepare('SELECT id, center_code, number, status, received_at, due_at, fee, record FROM files WHERE id = ?'),
    setRecord: db.prepare('UPDATE files SET record = ?, procedure_code = ? WHERE id = ?'),
    setDue: db.prepare('UPDATE files SET due_at = ?, record = ? WHERE id = ?'),
    setFee: db.prepare('UPDATE files SET fee = ? WHERE id = ?'),
    insertChange: db.prepare(
      `INSERT INTO file_changes (file_id, kind, at, staff_id, staff_name, location, device_id, reason, previous, next)
       VALUES (@fileId, @kind, @at, @staffId, @staffName, @location, @deviceId, @reason, @previous, @next)`,
    ),
    changes: db.prepare(
      `SELECT c.* FROM file_changes c JOIN files f ON f.id = c.file_id WHERE f.center_code = ? AND c.file_id = ? ORDER BY c.id`,
    ),
  };

  const refused = (e: FileChangeError, number: string): ApplyOutcome => ({ rejected: `file ${number}: ${e.message}`, code: e.reason });

  /** The file in the pushing device's center, or the rejection to answer. */
  function load(device: Device, fileId: string): Result<{ row: FileRow; facts: FileFacts }, ApplyOutcome> {
    const raw = q.file.get(fileId);
    const row = raw ? fileRowSchema.parse(raw) : null;
    if (!row || row.center_code !== device.centerCode) {
      return err({ rejected: `no file ${fileId} in center ${device.centerCode}`, code: 'syncReason.fileNotFound' });
    }
    return ok({ row, facts: { status: row.status, receivedAt: row.received_at, dueAt: row.due_at, feePaid: row.fee !== null } });
  }

  function log(kind: FileChangeEntry['kind'], fileId: string, device: Device, stamp: ChangeStamp, reason: string | null, previous: unknown, next: unknown): void {
    q.insertChange.run({
      fileId,
      kind,
      at: stamp.when,
      staffId: stamp.who.staffId,
      staffName: stamp.who.staffName,
      location: stamp.where.locationCode,
      deviceId: device.id,
      reason,
      previous: previous === null ? null : JSON.stringify(previous),
      next: JSON.stringify(next),
    });
  }

  function applyCorrection(device: Device, payload: FileCorrectionPayload): ApplyOutcome {
    const loaded = load(device, payload.fileId);
    if (!loaded.ok) return loaded.error;
    const { row, facts } = loaded.value;
    const why = checkCorrection(facts, payload.reason);
    if (!why.ok) return refused(why.error, row.number);
    const record = JSON.parse(row.record) as Record<string, unknown>;
    const previous = Object.fromEntries(CORRECTED_FIELDS.map((k) => [k, record[k] ?? null]));
    // content_hash stays the hash of the registration as pushed, so a resent file.create is still
    // recognised as the same file after a correction.
    q.setRecord.run(JSON.stringify({ ...record, ...payload.changes }), payload.changes.procedureCode, row.id);
    log('update', row.id, device, payload.stamp, why.value, previous, payload.changes);
    return 'applied';
  }

  function applyDue(device: Device, payload: FileDuePayload): ApplyOutcome {
    const loaded = load(device, payload.fileId);
    if (!loaded.ok) return loaded.error;
    const { row, facts } = loaded.value;
    const checked = checkDueChange(facts, payload.dueAt, payload.reason);
    if (!checked.ok) return refused(checked.error, row.number);
    const record = JSON.parse(row.record) as Record<string, unknown>;
    q.setDue.run(checked.value.dueAt, JSON.stringify({ ...record, dueAt: checked.value.dueAt }), row.id);
    log('due', row.id, device, payload.stamp, checked.value.reason, { dueAt: row.due_at }, { dueAt: checked.value.dueAt });
    appendFeed(device.centerCode, row.id, row.number, row.status, payload.stamp.when, checked.value.reason, checked.value.dueAt);
    return 'applied';
  }

  function applyFee(device: Device, payload: FileFeePayload): ApplyOutcome {
    const loaded = load(device, payload.fileId);
    if (!loaded.ok) return loaded.error;
    const { row, facts } = loaded.value;
    const checked = checkFee(facts, payload.fee);
    if (!checked.ok) return refused(checked.error, row.number);
    const fee = { ...checked.value, staffName: payload.stamp.who.staffName };
    q.setFee.run(JSON.stringify(fee), row.id);
    log('fee', row.id, device, payload.stamp, null, null, fee);
    return 'applied';
  }

  function fileChanges(centerCode: string, fileId: string): FileChangeEntry[] {
    return q.changes.all(centerCode, fileId).map((raw) => {
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

  return { applyCorrection, applyDue, applyFee, fileChanges };
}
