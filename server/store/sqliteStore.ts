/**
 * The default SyncStore: one SQLite file in the server's data folder (WAL, synchronous=FULL so an
 * answered push survives a power cut). The exactly-once rules are server/sync/'s, over this store's
 * transactions (store/sqliteSyncTransaction.ts); every use of the one connection takes its turn
 * (store/sqliteSerial.ts), so an async transaction never shares it with another request.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { fileRecordSchema, fileStatusSchema } from '../../shared/files/fileRecord.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { FileStatusChange } from '../../shared/sync/protocol.ts';
import { enrolDevice } from '../sync/enrolDevice.ts';
import { createSyncOperations } from '../sync/syncOperations.ts';
import { checkFileBeforeOpen, checkOpenedDatabase } from './sqliteIntegrity.ts';
import { migrate } from './sqliteMigrations.ts';
import { createSqliteAdminUnits } from './sqliteAdminUnits.ts';
import { createSqliteCalendar } from './sqliteCalendar.ts';
import { createSqliteCatalog } from './sqliteCatalog.ts';
import { createSqliteCenterList } from './sqliteCenterList.ts';
import { createSqliteFileChanges } from './sqliteFileChanges.ts';
import { createSqliteFigureCounts } from './sqliteFigureCounts.ts';
import { createSqliteFileSummaries } from './sqliteFileSummaries.ts';
import { createSqliteScans } from './sqliteScans.ts';
import { createSerialQueue, type SqliteGuard } from './sqliteSerial.ts';
import { createSqliteSyncTransactions, toDevice } from './sqliteSyncTransaction.ts';
import { createSqliteLearning } from '../learning/sqliteLearning.ts';
import type { Center, FileSummary, StatusHistoryEntry, SyncStore } from './store.ts';
import { createSqlitePrereg } from '../prereg/sqlitePrereg.ts';
import { createSqliteQueue } from './sqliteQueue.ts';

export const SQLITE_FILE = 'motcua.sqlite';

const centerRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  enrolment_code_hash: z.string(),
  admin_code_hash: z.string().nullable(),
  kind: z.enum(['center', 'province']),
  province_code: z.string().nullable(),
  created_at: z.string(),
});
const fileRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  device_id: z.string(),
  procedure_code: z.string(),
  status: fileStatusSchema,
  received_at: z.string(),
  attachments: z.number().int(),
});
const feedRowSchema = z.object({
  cursor: z.number().int(),
  file_id: z.string(),
  number: z.string(),
  status: fileStatusSchema,
  changed_at: z.string(),
  note: z.string().nullable(),
  due_at: z.string().nullable(),
});
const historyRowSchema = z.object({
  file_id: z.string(),
  status: fileStatusSchema,
  at: z.string(),
  staff_id: z.string().nullable(),
  staff_name: z.string().nullable(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  device_id: z.string(),
});
const recordRowSchema = z.object({ record: z.string() });
const countRowSchema = z.object({ n: z.number() });
const publicStatusRowSchema = z.object({
  number: z.string(),
  status: fileStatusSchema,
  due_at: z.string().nullable(),
  received_at: z.string(),
  changed_at: z.string().nullable(),
});

const toCenter = (row: unknown): Center => {
  const r = centerRowSchema.parse(row);
  return {
    code: r.code,
    name: r.name,
    enrolmentCodeHash: r.enrolment_code_hash,
    adminCodeHash: r.admin_code_hash,
    kind: r.kind,
    provinceCode: r.province_code,
    createdAt: r.created_at,
  };
};
const toChange = (row: unknown): FileStatusChange & { cursor: number } => {
  const r = feedRowSchema.parse(row);
  return { cursor: r.cursor, fileId: r.file_id, number: r.number, status: r.status, changedAt: r.changed_at, note: r.note, dueAt: r.due_at };
};
const toHistory = (row: unknown): StatusHistoryEntry => {
  const r = historyRowSchema.parse(row);
  return { fileId: r.file_id, status: r.status, at: r.at, staffId: r.staff_id, staffName: r.staff_name, location: r.location, note: r.note, deviceId: r.device_id };
};

/**
 * Opens (creating and migrating if needed) the store in `dataDir`. An existing file is checked first
 * (store/sqliteIntegrity.ts): a damaged or emptied database is refused with the reason, never replaced.
 */
export function openSqliteStore(dataDir: string): Result<SyncStore> {
  let db: Database.Database;
  const path = join(dataDir, SQLITE_FILE);
  const before = checkFileBeforeOpen(path);
  if (!before.ok) return before;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(path);
    if (before.value === 'existing') {
      const checked = checkOpenedDatabase(db, path);
      if (!checked.ok) {
        db.close();
        return checked;
      }
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The CLI (center:add, catalog:import) may write while the server runs.
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (e) {
    return err(`cannot open the database in ${dataDir}: ${(e as Error).message}`);
  }
  return ok(createSqliteStore(db));
}

// Write transactions start IMMEDIATE: with the CLI writing beside the server, a deferred one could
// fail to upgrade its lock half-way; an immediate one waits (busy_timeout) before doing anything.
function createSqliteStore(db: Database.Database): SyncStore {
  const queue = createSerialQueue();
  /** SQLite's own failures (full disk, lock timeout) become values; anything else is a bug and throws. */
  const guard: SqliteGuard = (work) =>
    queue.run(() => {
      try {
        return work();
      } catch (e) {
        if (e instanceof Database.SqliteError) return err({ kind: 'storage', reason: `database error: ${e.message} (${e.code})` });
        throw e;
      }
    });

  const q = {
    center: db.prepare('SELECT * FROM centers WHERE code = ?'),
    insertCenter: db.prepare(
      'INSERT INTO centers (code, name, enrolment_code_hash, admin_code_hash, kind, province_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    provinceCenters: db.prepare("SELECT * FROM centers WHERE province_code = ? AND kind = 'center' ORDER BY code"),
    setEnrolmentCode: db.prepare('UPDATE centers SET enrolment_code_hash = ? WHERE code = ?'),
    setAdminCode: db.prepare('UPDATE centers SET admin_code_hash = ? WHERE code = ?'),
    device: db.prepare('SELECT * FROM devices WHERE id = ?'),
    deviceByToken: db.prepare('SELECT * FROM devices WHERE token_hash = ?'),
    revoke: db.prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?'),
    history: db.prepare(
      `SELECT h.* FROM status_history h JOIN files f ON f.id = h.file_id WHERE f.center_code = ? AND h.file_id = ? ORDER BY h.id`,
    ),
    feedSince: db.prepare('SELECT * FROM status_feed WHERE center_code = ? AND cursor > ? ORDER BY cursor LIMIT ?'),
    fileRecord: db.prepare('SELECT record FROM files WHERE center_code = ? AND id = ?'),
    countAll: db.prepare('SELECT count(*) AS n FROM files f WHERE f.center_code = ?'),
    countByNumber: db.prepare('SELECT count(*) AS n FROM files f WHERE f.center_code = ? AND f.number = ?'),
    listAll: db.prepare(
      `SELECT f.id, f.number, f.device_id, f.procedure_code, f.status, f.received_at,
              json_array_length(f.record, '$.attachments') AS attachments
       FROM files f WHERE f.center_code = ? ORDER BY f.received_at, f.number LIMIT ?`,
    ),
    listByNumber: db.prepare(
      `SELECT f.id, f.number, f.device_id, f.procedure_code, f.status, f.received_at,
              json_array_length(f.record, '$.attachments') AS attachments
       FROM files f WHERE f.center_code = ? AND f.number = ? ORDER BY f.received_at, f.number LIMIT ?`,
    ),
    // The latest audit-log line is the last change; a file always has at least its reception.
    publicStatus: db.prepare(
      `SELECT f.number, f.status, f.due_at, f.received_at,
              (SELECT h.at FROM status_history h WHERE h.file_id = f.id ORDER BY h.id DESC LIMIT 1) AS changed_at
       FROM files f WHERE f.center_code = ? AND f.number = ? AND f.lookup_code = ? ORDER BY f.received_at LIMIT 1`,
    ),
  };

  const transactions = createSqliteSyncTransactions(db, queue);
  const sync = createSyncOperations(transactions);

  const listFiles = (centerCode: string, filter: { number?: string; limit: number }) => {
    const params = filter.number === undefined ? [centerCode] : [centerCode, filter.number];
    const total = countRowSchema.parse((filter.number === undefined ? q.countAll : q.countByNumber).get(...params)).n;
    const rows = (filter.number === undefined ? q.listAll : q.listByNumber).all(...params, filter.limit);
    const files = rows.map((raw): FileSummary => {
      const r = fileRowSchema.parse(raw);
      return { id: r.id, number: r.number, deviceId: r.device_id, procedureCode: r.procedure_code, status: r.status, receivedAt: r.received_at, attachments: r.attachments };
    });
    return { total, files };
  };

  const findFile = (centerCode: string, fileId: string) => {
    const row = q.fileRecord.get(centerCode, fileId);
    return row ? fileRecordSchema.parse(JSON.parse(recordRowSchema.parse(row).record)) : null;
  };

  const summaries = createSqliteFileSummaries(db);
  const figureCounts = createSqliteFigureCounts(db);
  const fileChanges = createSqliteFileChanges(db);

  return {
    ...createSqliteCatalog(db, guard),
    ...createSqliteCalendar(db, guard),
    ...createSqliteAdminUnits(db, guard),
    ...createSqliteCenterList(db, guard),
    ...createSqliteScans(db, guard),
    ...createSqliteLearning(db, guard),
    ...sync,
    ...createSqlitePrereg(db, guard),
    ...createSqliteQueue(db, guard),

    addCenter: async (center) =>
      guard(() => {
        if (q.center.get(center.code)) return err({ kind: 'exists' as const, reason: `center ${center.code} already exists` });
        const added: Center = { ...center, kind: center.kind ?? 'center', provinceCode: center.provinceCode ?? null, createdAt: new Date().toISOString() };
        q.insertCenter.run(added.code, added.name, added.enrolmentCodeHash, added.adminCodeHash, added.kind, added.provinceCode, added.createdAt);
        return ok(added);
      }),
    findCenter: async (code) =>
      guard(() => {
        const row = q.center.get(code);
        return ok(row ? toCenter(row) : null);
      }),
    provinceCenters: async (provinceCode) => guard(() => ok(q.provinceCenters.all(provinceCode).map(toCenter))),
    setCenterCodes: async (code, hashes) =>
      guard(() =>
        db.transaction(() => {
          if (!q.center.get(code)) return err({ kind: 'not_found' as const, reason: `no center ${code}` });
          if (hashes.enrolmentCodeHash !== undefined) q.setEnrolmentCode.run(hashes.enrolmentCodeHash, code);
          if (hashes.adminCodeHash !== undefined) q.setAdminCode.run(hashes.adminCodeHash, code);
          return ok(toCenter(q.center.get(code)));
        }).immediate(),
      ),
    enrolDevice: async (device) => {
      try {
        return ok(await transactions.write((tx) => enrolDevice(tx, device, new Date().toISOString())));
      } catch (e) {
        if (transactions.isStorageError(e)) return err({ kind: 'storage', reason: transactions.describeStorageError(e) });
        throw e;
      }
    },
    findDeviceByTokenHash: async (tokenHash) =>
      guard(() => {
        const row = q.deviceByToken.get(tokenHash);
        return ok(row ? toDevice(row) : null);
      }),
    revokeDevice: async (deviceId) =>
      guard(() => {
        q.revoke.run(new Date().toISOString(), deviceId);
        const row = q.device.get(deviceId);
        return row ? ok(toDevice(row)) : err({ kind: 'not_found' as const, reason: `no device ${deviceId}` });
      }),

    statusesSince: async (centerCode, cursor, limit) =>
      guard(() => {
        const rows = q.feedSince.all(centerCode, cursor, limit + 1).map(toChange);
        const page = rows.slice(0, limit);
        return ok({
          cursor: page.length > 0 ? page[page.length - 1]!.cursor : cursor,
          changes: page.map(({ cursor: _cursor, ...change }) => change),
          more: rows.length > limit,
        });
      }),
    listFiles: async (centerCode, filter) => guard(() => ok(listFiles(centerCode, filter))),
    findFile: async (centerCode, fileId) => guard(() => ok(findFile(centerCode, fileId))),
    publicFileStatus: async (centerCode, number, lookupCode) =>
      guard(() => {
        const row = q.publicStatus.get(centerCode, number, lookupCode);
        if (!row) return ok(null);
        const r = publicStatusRowSchema.parse(row);
        return ok({ number: r.number, status: r.status, dueAt: r.due_at, changedAt: r.changed_at ?? r.received_at });
      }),
    fileChanges: async (centerCode, fileId) => guard(() => ok(fileChanges(centerCode, fileId))),
    statusHistory: async (centerCode, fileId) => guard(() => ok(q.history.all(centerCode, fileId).map(toHistory))),
    fileSummaries: async (query) => guard(() => ok(summaries(query))),
    figureCounts: async (query) => guard(() => ok(figureCounts(query))),

    close: async () => {
      // After the requests already in line, so none of them finds the connection closed.
      await queue.run(() => {
        if (db.open) db.close();
      });
    },
  };
}
