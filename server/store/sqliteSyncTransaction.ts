/**
 * The SQLite side of the exactly-once rules' transaction port (server/sync/syncTransaction.ts): one
 * BEGIN IMMEDIATE transaction at a time on the store's single connection (serialised with every
 * other use of it, store/sqliteSerial.ts), savepoints for items, and the queries. SQLite has one
 * writer, so the port's row locks need nothing more; the status feed's cursor is AUTOINCREMENT,
 * in commit order for the same reason.
 */
import Database from 'better-sqlite3';
import { z } from 'zod';
import { fileStatusSchema } from '../../shared/files/fileRecord.ts';
import { deviceRoleSchema } from '../../shared/sync/protocol.ts';
import type { SyncTransaction, SyncTransactions } from '../sync/syncTransaction.ts';
import type { SerialQueue } from './sqliteSerial.ts';
import type { Device, StoredRating } from './store.ts';

export const deviceRowSchema = z.object({
  id: z.string(),
  center_code: z.string(),
  code: z.string(),
  name: z.string(),
  location_code: z.string().nullable(),
  role: deviceRoleSchema,
  enrolled_at: z.string(),
  revoked_at: z.string().nullable(),
  last_applied_seq: z.number().int().nonnegative(),
});

export const toDevice = (row: unknown): Device => {
  const r = deviceRowSchema.parse(row);
  return {
    id: r.id,
    centerCode: r.center_code,
    code: r.code,
    name: r.name,
    locationCode: r.location_code,
    role: r.role,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    lastAppliedSeq: r.last_applied_seq,
  };
};

const ratingRowSchema = z.object({
  id: z.string(),
  center_code: z.string().nullable(),
  device_id: z.string().nullable(),
  file_number: z.string().nullable(),
  score: z.number().int().min(1).max(4),
  reasons: z.string(),
  at: z.string(),
  given_at: z.string(),
  counted: z.union([z.literal(0), z.literal(1)]),
});

export const toRating = (row: unknown): StoredRating => {
  const r = ratingRowSchema.parse(row);
  return {
    id: r.id,
    centerCode: r.center_code,
    deviceId: r.device_id,
    fileNumber: r.file_number,
    score: r.score as StoredRating['score'],
    reasons: z.array(z.string()).parse(JSON.parse(r.reasons)),
    at: r.at,
    givenAt: r.given_at,
    counted: r.counted === 1,
  };
};

const fileRowSchema = z.object({
  id: z.string(),
  center_code: z.string(),
  number: z.string(),
  status: fileStatusSchema,
  received_at: z.string(),
  due_at: z.string().nullable(),
  fee: z.string().nullable(),
  content_hash: z.string(),
  record: z.string(),
});
const loggedRowSchema = z.object({ status: z.enum(['applied', 'rejected']), reason: z.string().nullable(), code: z.string().nullable() });
const byNumberRowSchema = z.object({ id: z.string(), lookup_code: z.string().nullable() });
const codeRowSchema = z.object({ code: z.string() });

export function createSqliteSyncTransactions(db: Database.Database, queue: SerialQueue): SyncTransactions {
  const q = {
    device: db.prepare('SELECT * FROM devices WHERE id = ?'),
    deviceCodes: db.prepare('SELECT code FROM devices WHERE center_code = ?'),
    insertDevice: db.prepare(
      `INSERT INTO devices (id, center_code, code, name, location_code, role, token_hash, enrolled_at)
       VALUES (@id, @centerCode, @code, @name, @locationCode, @role, @tokenHash, @enrolledAt)`,
    ),
    setLastApplied: db.prepare('UPDATE devices SET last_applied_seq = ? WHERE id = ?'),
    loggedMutation: db.prepare('SELECT status, reason, code FROM mutations WHERE device_id = ? AND seq = ?'),
    logMutation: db.prepare(
      `INSERT INTO mutations (device_id, seq, mutation_id, kind, at, status, reason, code)
       VALUES (@deviceId, @seq, @mutationId, @kind, @at, @status, @reason, @code)`,
    ),
    fileById: db.prepare('SELECT id, center_code, number, status, received_at, due_at, fee, content_hash, record FROM files WHERE id = ?'),
    fileByNumber: db.prepare('SELECT id, lookup_code FROM files WHERE center_code = ? AND number = ?'),
    insertFile: db.prepare(
      `INSERT INTO files (id, center_code, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at, due_at, location_code, lookup_code)
       VALUES (@id, @centerCode, @number, @deviceId, @procedureCode, 'received', @record, @contentHash, @receivedAt, @storedAt, @dueAt, @locationCode, @lookupCode)
       ON CONFLICT DO NOTHING`,
    ),
    setStatus: db.prepare('UPDATE files SET status = ? WHERE id = ?'),
    setRecord: db.prepare('UPDATE files SET record = ?, procedure_code = ? WHERE id = ?'),
    setDue: db.prepare('UPDATE files SET due_at = ?, record = ? WHERE id = ?'),
    setFee: db.prepare('UPDATE files SET fee = ? WHERE id = ?'),
    appendFeed: db.prepare(
      `INSERT INTO status_feed (center_code, file_id, number, status, changed_at, note, due_at)
       VALUES (@centerCode, @fileId, @number, @status, @at, @note, @dueAt)`,
    ),
    appendHistory: db.prepare(
      `INSERT INTO status_history (file_id, status, at, staff_id, staff_name, location, note, device_id)
       VALUES (@fileId, @status, @at, @staffId, @staffName, @location, @note, @deviceId)`,
    ),
    appendChange: db.prepare(
      `INSERT INTO file_changes (file_id, kind, at, staff_id, staff_name, location, device_id, reason, previous, next)
       VALUES (@fileId, @kind, @at, @staffId, @staffName, @location, @deviceId, @reason, @previous, @next)`,
    ),
    ratingById: db.prepare('SELECT * FROM ratings WHERE id = ?'),
    countedRating: db.prepare('SELECT 1 FROM ratings WHERE center_code = ? AND file_number = ? AND counted = 1'),
    insertRating: db.prepare(
      `INSERT INTO ratings (id, center_code, device_id, file_number, score, reasons, at, given_at, stored_at, counted)
       VALUES (@id, @centerCode, @deviceId, @fileNumber, @score, @reasons, @at, @givenAt, @storedAt, @counted)
       ON CONFLICT (id) DO NOTHING`,
    ),
  };

  let savepoints = 0;

  // Statements run synchronously; the port is async because another store's queries are not.
  const tx: SyncTransaction = {
    lockCenterDeviceCodes: async (centerCode) => q.deviceCodes.all(centerCode).map((r) => codeRowSchema.parse(r).code),
    insertDevice: async (device) => {
      q.insertDevice.run(device);
      return toDevice(q.device.get(device.id));
    },
    lockDevice: async (deviceId) => {
      const row = q.device.get(deviceId);
      return row ? toDevice(row) : null;
    },
    setLastAppliedSeq: async (device, seq) => void q.setLastApplied.run(seq, device.id),
    loggedMutation: async (device, seq) => {
      const row = q.loggedMutation.get(device.id, seq);
      return row ? loggedRowSchema.parse(row) : null;
    },
    logMutation: async ({ centerCode: _center, ...entry }) => void q.logMutation.run(entry),
    lockFile: async (fileId) => {
      const row = q.fileById.get(fileId);
      if (!row) return null;
      const r = fileRowSchema.parse(row);
      return {
        id: r.id,
        centerCode: r.center_code,
        number: r.number,
        status: r.status,
        receivedAt: r.received_at,
        dueAt: r.due_at,
        fee: r.fee,
        contentHash: r.content_hash,
        record: r.record,
      };
    },
    lockFileByNumber: async (centerCode, number) => {
      const row = q.fileByNumber.get(centerCode, number);
      if (!row) return null;
      const r = byNumberRowSchema.parse(row);
      return { id: r.id, lookupCode: r.lookup_code };
    },
    insertFile: async (file) => q.insertFile.run(file).changes === 1,
    // SQLite reads done/returned times from the history (store/sqliteFileSummaries.ts).
    setFileStatus: async (file, status) => void q.setStatus.run(status, file.id),
    setFileRecord: async (file, record, procedureCode) => void q.setRecord.run(record, procedureCode, file.id),
    setFileDue: async (file, dueAt, record) => void q.setDue.run(dueAt, record, file.id),
    setFileFee: async (file, fee) => void q.setFee.run(fee, file.id),
    appendHistory: async (_centerCode, entry) => void q.appendHistory.run(entry),
    appendFileChange: async (_centerCode, entry) =>
      void q.appendChange.run({
        ...entry,
        previous: entry.previous === null ? null : JSON.stringify(entry.previous),
        next: JSON.stringify(entry.next),
      }),
    appendFeed: async (entry) => void q.appendFeed.run(entry),
    ratingById: async (id) => {
      const row = q.ratingById.get(id);
      return row ? toRating(row) : null;
    },
    countedRatingExists: async (centerCode, fileNumber) => q.countedRating.get(centerCode, fileNumber) !== undefined,
    insertRating: async (rating) =>
      q.insertRating.run({ ...rating, reasons: JSON.stringify(rating.reasons), counted: rating.counted ? 1 : 0 }).changes === 1,
    savepoint: async (work) => {
      savepoints += 1;
      const name = `item_${savepoints}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work();
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (e) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw e;
      } finally {
        savepoints -= 1;
      }
    },
  };

  return {
    // IMMEDIATE: with the CLI writing beside the server, a deferred transaction could fail to upgrade
    // its lock half-way; an immediate one waits (busy_timeout) before doing anything.
    write: (work) =>
      queue.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(tx);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }),
    isStorageError: (e) => e instanceof Database.SqliteError,
    describeStorageError: (e) => `database error: ${(e as Error).message} (${(e as { code?: string }).code ?? 'unknown'})`,
  };
}
