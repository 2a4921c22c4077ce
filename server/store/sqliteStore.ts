/**
 * The default SyncStore: one SQLite file in the server's data folder (WAL, synchronous=FULL so an
 * answered push survives a power cut). A push is applied in a single transaction together with the
 * device's last applied number, which is what makes a resent push a no-op.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { fileRecordSchema, fileStatusSchema, type FileRecord, type FileStatus } from '../../shared/files/fileRecord.ts';
import { transition } from '../../shared/files/lifecycle.ts';
import { fileCheckKey } from '../../shared/files/fileChecks.ts';
import { sameLookupCode } from '../../shared/files/lookupCode.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { deviceRoleSchema, type FileStatusChange, type PushItemResult, type RatingPayload } from '../../shared/sync/protocol.ts';
import { checkFileBeforeOpen, checkOpenedDatabase } from './sqliteIntegrity.ts';
import { migrate } from './sqliteMigrations.ts';
import { createSqliteAdminUnits } from './sqliteAdminUnits.ts';
import { createSqliteCalendar } from './sqliteCalendar.ts';
import { createSqliteCatalog } from './sqliteCatalog.ts';
import { createSqliteCenterList } from './sqliteCenterList.ts';
import { createSqliteFileChanges, type ApplyOutcome } from './sqliteFileChanges.ts';
import { createSqliteFileSummaries } from './sqliteFileSummaries.ts';
import { createSqliteScans } from './sqliteScans.ts';
import { createSqliteLearning } from '../learning/sqliteLearning.ts';
import { createSqlitePrereg } from '../prereg/sqlitePrereg.ts';
import { createSqliteQueue } from './sqliteQueue.ts';
import type {
  Center,
  Device,
  FileSummary,
  PreparedMutation,
  PushItemFailure,
  StatusChange,
  StatusChangeFailure,
  StatusHistoryEntry,
  StorageFailure,
  RatingConflict,
  RatingNeedsCode,
  RatingOutcome,
  StoredRating,
  SyncStore,
} from './store.ts';

/** What a pushed item came to: applied or duplicate, or rejected with a reason and its code. */

export const SQLITE_FILE = 'motcua.sqlite';

const centerRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  enrolment_code_hash: z.string(),
  admin_code_hash: z.string().nullable(),
  created_at: z.string(),
});
const deviceRowSchema = z.object({
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
const loggedMutationSchema = z.object({ status: z.string(), reason: z.string().nullable(), code: z.string().nullable() }).optional();
const recordRowSchema = z.object({ record: z.string() });
const lookupCodeRowSchema = z.object({ lookup_code: z.string().nullable() });
const countRowSchema = z.object({ n: z.number() });
const codeRowSchema = z.object({ code: z.string() });
const idsRowSchema = z.object({ ids: z.string() });
const publicStatusRowSchema = z.object({
  number: z.string(),
  status: fileStatusSchema,
  due_at: z.string().nullable(),
  received_at: z.string(),
  changed_at: z.string().nullable(),
});
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

/**
 * The lifecycle's stamp needs a person; a change whose sender named nobody (a cancellation, another
 * office's system) is checked with this stand-in and stored with no staff.
 */
const UNNAMED_STAFF = { staffId: 'unnamed', staffName: 'unnamed' } as const;

const toCenter = (row: unknown): Center => {
  const r = centerRowSchema.parse(row);
  return { code: r.code, name: r.name, enrolmentCodeHash: r.enrolment_code_hash, adminCodeHash: r.admin_code_hash, createdAt: r.created_at };
};
const toDevice = (row: unknown): Device => {
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
const toChange = (row: unknown): FileStatusChange & { cursor: number } => {
  const r = feedRowSchema.parse(row);
  return { cursor: r.cursor, fileId: r.file_id, number: r.number, status: r.status, changedAt: r.changed_at, note: r.note, dueAt: r.due_at };
};
const toHistory = (row: unknown): StatusHistoryEntry => {
  const r = historyRowSchema.parse(row);
  return { fileId: r.file_id, status: r.status, at: r.at, staffId: r.staff_id, staffName: r.staff_name, location: r.location, note: r.note, deviceId: r.device_id };
};
const toRating = (row: unknown): StoredRating => {
  const r = ratingRowSchema.parse(row);
  const reasons = z.array(z.string()).parse(JSON.parse(r.reasons));
  return {
    id: r.id,
    centerCode: r.center_code,
    deviceId: r.device_id,
    fileNumber: r.file_number,
    score: r.score as StoredRating['score'],
    reasons,
    at: r.at,
    givenAt: r.given_at,
    counted: r.counted === 1,
  };
};

/** What applying one pushed item came to: its status, or a rejection with a reason and a code. */

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

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
  /** SQLite's own failures (full disk, lock timeout) become values; anything else is a bug and throws. */
  function guard<T, E>(work: () => Result<T, E>): Result<T, E | StorageFailure> {
    try {
      return work();
    } catch (e) {
      if (e instanceof Database.SqliteError) return err({ kind: 'storage', reason: `database error: ${e.message} (${e.code})` });
      throw e;
    }
  }

  const q = {
    center: db.prepare('SELECT * FROM centers WHERE code = ?'),
    insertCenter: db.prepare('INSERT INTO centers (code, name, enrolment_code_hash, admin_code_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
    setEnrolmentCode: db.prepare('UPDATE centers SET enrolment_code_hash = ? WHERE code = ?'),
    setAdminCode: db.prepare('UPDATE centers SET admin_code_hash = ? WHERE code = ?'),
    device: db.prepare('SELECT * FROM devices WHERE id = ?'),
    deviceByToken: db.prepare('SELECT * FROM devices WHERE token_hash = ?'),
    deviceCodes: db.prepare('SELECT code FROM devices WHERE center_code = ?'),
    insertDevice: db.prepare(
      `INSERT INTO devices (id, center_code, code, name, location_code, role, token_hash, enrolled_at)
       VALUES (@id, @centerCode, @code, @name, @locationCode, @role, @tokenHash, @enrolledAt)`,
    ),
    revoke: db.prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?'),
    setLastApplied: db.prepare('UPDATE devices SET last_applied_seq = ? WHERE id = ?'),
    loggedMutation: db.prepare('SELECT status, reason, code FROM mutations WHERE device_id = ? AND seq = ?'),
    logMutation: db.prepare(
      'INSERT INTO mutations (device_id, seq, mutation_id, kind, at, status, reason, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    fileById: db.prepare('SELECT id, center_code, status, number, content_hash, due_at, received_at FROM files WHERE id = ?'),
    fileByNumber: db.prepare('SELECT id FROM files WHERE center_code = ? AND number = ?'),
    insertFile: db.prepare(
      `INSERT INTO files (id, center_code, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at, due_at, location_code, lookup_code)
       VALUES (@id, @centerCode, @number, @deviceId, @procedureCode, 'received', @record, @contentHash, @receivedAt, @storedAt, @dueAt, @locationCode, @lookupCode)`,
    ),
    setStatus: db.prepare('UPDATE files SET status = ? WHERE id = ?'),
    appendFeed: db.prepare(
      'INSERT INTO status_feed (center_code, file_id, number, status, changed_at, note, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    appendHistory: db.prepare(
      `INSERT INTO status_history (file_id, status, at, staff_id, staff_name, location, note, device_id)
       VALUES (@fileId, @status, @at, @staffId, @staffName, @location, @note, @deviceId)`,
    ),
    history: db.prepare(
      `SELECT h.* FROM status_history h JOIN files f ON f.id = h.file_id WHERE f.center_code = ? AND h.file_id = ? ORDER BY h.id`,
    ),
    ratingById: db.prepare('SELECT * FROM ratings WHERE id = ?'),
    insertRating: db.prepare(
      `INSERT INTO ratings (id, center_code, device_id, file_number, score, reasons, at, given_at, stored_at, counted)
       VALUES (@id, @centerCode, @deviceId, @fileNumber, @score, @reasons, @at, @givenAt, @storedAt, @counted)`,
    ),
    countedRatingFor: db.prepare('SELECT 1 FROM ratings WHERE center_code = ? AND file_number = ? AND counted = 1'),
    fileLookupCode: db.prepare('SELECT lookup_code FROM files WHERE center_code = ? AND number = ?'),
    ratings: db.prepare('SELECT * FROM ratings WHERE center_code = ? ORDER BY rowid'),
    feedSince: db.prepare('SELECT * FROM status_feed WHERE center_code = ? AND cursor > ? ORDER BY cursor LIMIT ?'),
    fileRecord: db.prepare('SELECT record FROM files WHERE center_code = ? AND id = ?'),
    countFiles: db.prepare('SELECT count(*) AS n FROM files WHERE center_code = ?'),
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
    duplicates: db.prepare(
      `SELECT group_concat(id, ' ') AS ids FROM files WHERE center_code = ?
       GROUP BY device_id, json_extract(record, '$.citizen.idNumber'), procedure_code, received_at
       HAVING count(*) > 1`,
    ),
  };

  const fileRowStatus = z.object({
    id: z.string(),
    center_code: z.string(),
    status: fileStatusSchema,
    number: z.string(),
    content_hash: z.string(),
    due_at: z.string().nullable(),
    received_at: z.string(),
  });

  function appendFeed(centerCode: string, fileId: string, number: string, status: FileStatus, at: string, note: string | null, dueAt: string | null): number {
    return Number(q.appendFeed.run(centerCode, fileId, number, status, at, note, dueAt).lastInsertRowid);
  }

  function appendHistory(entry: StatusHistoryEntry): void {
    q.appendHistory.run(entry);
  }

  /**
   * Moves a file to a new status if shared/files/lifecycle.ts allows it, writing the history row
   * and the status feed row. Runs inside the caller's transaction (a push, or one server change).
   */
  function applyStatusChange(change: StatusChange): Result<FileStatusChange, Exclude<StatusChangeFailure, StorageFailure>> {
    const row = q.fileById.get(change.fileId);
    const file = row ? fileRowStatus.parse(row) : null;
    if (!file || file.center_code !== change.centerCode) {
      return err({ kind: 'not_found', reason: `no file ${change.fileId} in center ${change.centerCode}` });
    }
    // The device decided on what it last saw: if another office moved the file since, say so.
    if (change.from !== null && change.from !== file.status) {
      return err({
        kind: 'illegal_transition',
        code: 'fileStatus.error.staleStatus',
        reason: `file ${file.number} is ${file.status} on the server, not ${change.from}: it was changed elsewhere in the meantime`,
      });
    }
    // A clock that went back must not date a change before the file existed (shared/files/fileChecks.ts).
    if (Date.parse(change.at) < Date.parse(file.received_at)) {
      return err({
        kind: 'illegal_transition',
        code: fileCheckKey('timeBeforeReceived'),
        reason: `file ${file.number}: the change is dated ${change.at}, before the file was received (${file.received_at})`,
      });
    }
    const moved = transition({ status: file.status }, change.status, {
      who: change.by ?? UNNAMED_STAFF,
      when: change.at,
      where: { centerCode: change.centerCode, locationCode: change.location, deviceId: change.deviceId },
      note: change.note,
    });
    if (!moved.ok) {
      return err({ kind: 'illegal_transition', code: moved.error.reason, reason: `file ${file.number}: ${moved.error.message}` });
    }
    const { stamp } = moved.value.change;
    q.setStatus.run(change.status, file.id);
    appendHistory({
      fileId: file.id,
      status: change.status,
      at: stamp.when,
      staffId: change.by?.staffId ?? null,
      staffName: change.by?.staffName ?? null,
      location: change.location,
      note: stamp.note,
      deviceId: change.deviceId,
    });
    appendFeed(change.centerCode, file.id, file.number, change.status, stamp.when, stamp.note, file.due_at);
    return ok({ fileId: file.id, number: file.number, status: change.status, changedAt: stamp.when, note: stamp.note, dueAt: file.due_at });
  }

  /**
   * Stores a rating once, from a device or (deviceId null) the public endpoint: the same id again is
   * a duplicate, a different rating under it is a conflict. `counts` says whether it may count in
   * the figures; it then counts only if no rating of the same file counts yet (one per file, the
   * first to arrive). Runs inside the caller's transaction.
   */
  function storeRating(
    centerCode: string | null,
    deviceId: string | null,
    rating: RatingPayload,
    receivedAt: string,
    counts: boolean,
  ): RatingOutcome | 'conflict' {
    const existing = q.ratingById.get(rating.id);
    if (existing) {
      const stored = toRating(existing);
      const same =
        stored.deviceId === deviceId && stored.fileNumber === rating.fileNumber && stored.score === rating.score &&
        JSON.stringify(stored.reasons) === JSON.stringify(rating.reasons) && stored.givenAt === rating.at;
      return same ? { status: 'duplicate', counted: stored.counted } : 'conflict';
    }
    const first = centerCode !== null && (rating.fileNumber === null || !q.countedRatingFor.get(centerCode, rating.fileNumber));
    const counted = counts && first;
    q.insertRating.run({
      id: rating.id,
      centerCode,
      deviceId,
      fileNumber: rating.fileNumber,
      score: rating.score,
      reasons: JSON.stringify(rating.reasons),
      at: receivedAt,
      givenAt: rating.at,
      storedAt: new Date().toISOString(),
      counted: counted ? 1 : 0,
    });
    return { status: 'applied', counted };
  }

  /** Items that threw in the push being applied, handed to the caller to log (the store has no logger). */
  let itemFailures: PushItemFailure[] = [];
  const ratingConflict = (id: string) => `another rating with id ${id} is already on the server`;

  /** A device speaks for its own center: its visit ratings count, and its file ratings for the center's files. */
  function deviceRating(device: Device, rating: RatingPayload, receivedAt: string): RatingOutcome | 'conflict' {
    const fileKnown = rating.fileNumber === null || Boolean(q.fileByNumber.get(device.centerCode, rating.fileNumber));
    return storeRating(device.centerCode, device.id, rating, receivedAt, fileKnown);
  }

  function applyRating(device: Device, rating: RatingPayload, receivedAt: string): ApplyOutcome {
    const outcome = deviceRating(device, rating, receivedAt);
    return outcome === 'conflict' ? { rejected: ratingConflict(rating.id), code: 'syncReason.ratingConflict' } : outcome.status;
  }

  /** A refused status change as a push answer: the lifecycle's code, or "no such file". */
  const statusRefusal = (failure: Exclude<StatusChangeFailure, StorageFailure>): ApplyOutcome => ({
    rejected: failure.reason,
    code: failure.kind === 'not_found' ? 'syncReason.fileNotFound' : failure.code,
  });

  function applyCreate(device: Device, file: FileRecord): ApplyOutcome {
    const contentHash = sha256(JSON.stringify(file));
    const existingRow = q.fileById.get(file.id);
    if (existingRow) {
      const existing = fileRowStatus.parse(existingRow);
      // Same id and same content: the device resent it under a new number in its sequence.
      if (existing.content_hash === contentHash) return 'duplicate';
      // Another center's file is never named to this device, not even by its number.
      if (existing.center_code !== device.centerCode) {
        return { rejected: `the file id ${file.id} is already used on the server: register the file again`, code: 'syncReason.duplicateId' };
      }
      return { rejected: `another file with id ${file.id} is already on the server (${existing.number})`, code: 'syncReason.duplicateId' };
    }
    if (q.fileByNumber.get(device.centerCode, file.number)) {
      return { rejected: `file number ${file.number} is already used by another file in this center`, code: 'syncReason.numberTaken' };
    }
    q.insertFile.run({
      id: file.id,
      centerCode: device.centerCode,
      number: file.number,
      deviceId: device.id,
      procedureCode: file.procedureCode,
      record: JSON.stringify(file),
      contentHash,
      receivedAt: file.receivedAt,
      storedAt: new Date().toISOString(),
      dueAt: file.dueAt ?? null,
      locationCode: file.locationCode,
      lookupCode: file.lookupCode ?? null,
    });
    appendHistory({
      fileId: file.id,
      status: 'received',
      at: file.receivedAt,
      staffId: file.receivedBy.staffId,
      staffName: file.receivedBy.staffName,
      location: file.locationCode,
      note: null,
      deviceId: device.id,
    });
    appendFeed(device.centerCode, file.id, file.number, 'received', file.receivedAt, null, file.dueAt ?? null);
    return 'applied';
  }

  /** A withdrawal is a status change like any other, except that withdrawing twice is no error. */
  function applyCancel(device: Device, fileId: string, reason: string, at: string): ApplyOutcome {
    const row = q.fileById.get(fileId);
    const file = row ? fileRowStatus.parse(row) : null;
    if (file?.center_code === device.centerCode && file.status === 'withdrawn') return 'applied';
    const moved = applyStatusChange({
      centerCode: device.centerCode,
      fileId,
      from: null,
      status: 'withdrawn',
      note: reason,
      at,
      by: null,
      location: device.locationCode,
      deviceId: device.id,
    });
    return moved.ok ? 'applied' : statusRefusal(moved.error);
  }

  function applyOne(device: Device, m: PreparedMutation): ApplyOutcome {
    if (m.action === 'reject') return { rejected: m.reason, code: m.code };
    if (m.action === 'create') return applyCreate(device, m.file);
    if (m.action === 'cancel') return applyCancel(device, m.fileId, m.reason, m.at);
    if (m.action === 'rate') return applyRating(device, m.rating, m.receivedAt);
    if (m.action === 'update') return fileChanges.applyCorrection(device, m.correction);
    if (m.action === 'due') return fileChanges.applyDue(device, m.due);
    if (m.action === 'fee') return fileChanges.applyFee(device, m.fee);
    // The payload's center is never trusted: the change is checked against the pushing device's.
    const moved = applyStatusChange({ ...m.change, centerCode: device.centerCode, deviceId: device.id });
    return moved.ok ? 'applied' : statusRefusal(moved.error);
  }
  // Inside the push's transaction this is a SAVEPOINT: an item that throws is rolled back alone.
  const applyItemAtomically = db.transaction(applyOne);

  /**
   * One item of a push. A bug that throws on one item must not fail the whole push, or the device
   * would resend it for ever and nothing after it would ever arrive: the item is rolled back and
   * answered `internal`. SQLite's own failures (disk full, locked) still fail the push, to be retried.
   */
  function applyItem(device: Device, m: PreparedMutation): ApplyOutcome {
    try {
      return applyItemAtomically(device, m);
    } catch (e) {
      if (e instanceof Database.SqliteError) throw e;
      itemFailures.push({ seq: m.seq, kind: m.kind, error: e });
      return { rejected: `the server failed on this item (${(e as Error).message}); it has been logged`, code: 'syncReason.internal' };
    }
  }

  const fileChanges = createSqliteFileChanges(db, appendFeed);

  const applyPush = db.transaction((deviceId: string, mutations: PreparedMutation[]) => {
    const device = toDevice(q.device.get(deviceId));
    const last = device.lastAppliedSeq;
    const fresh = mutations.filter((m) => m.seq > last);
    if (fresh.length > 0 && fresh[0]!.seq > last + 1) return err({ kind: 'sequence_gap' as const, lastAppliedSeq: last });

    const results: PushItemResult[] = [];
    for (const m of mutations) {
      if (m.seq <= last) {
        // Answer a replay as the first time, so a rejection lost with its response is not forgotten.
        const logged = loggedMutationSchema.parse(q.loggedMutation.get(deviceId, m.seq));
        results.push(
          logged?.status === 'rejected'
            ? { seq: m.seq, status: 'rejected', reason: logged.reason, code: logged.code }
            : { seq: m.seq, status: 'duplicate', reason: null },
        );
        continue;
      }
      const outcome = applyItem(device, m);
      const result: PushItemResult =
        typeof outcome === 'string'
          ? { seq: m.seq, status: outcome, reason: null }
          : { seq: m.seq, status: 'rejected', reason: outcome.rejected, code: outcome.code };
      q.logMutation.run(deviceId, m.seq, m.id, m.kind, m.at, result.status === 'rejected' ? 'rejected' : 'applied', result.reason, result.code ?? null);
      results.push(result);
    }
    const lastAppliedSeq = fresh.length > 0 ? fresh[fresh.length - 1]!.seq : last;
    q.setLastApplied.run(lastAppliedSeq, deviceId);
    return ok({ lastAppliedSeq, results });
  });

  const enrol = db.transaction((device: Parameters<SyncStore['enrolDevice']>[0]) => {
    // The next free D-number; revoked devices keep theirs, since file numbers already carry it.
    const taken = new Set(q.deviceCodes.all(device.centerCode).map((r) => codeRowSchema.parse(r).code));
    let n = 1;
    while (taken.has(`D${String(n).padStart(2, '0')}`)) n += 1;
    q.insertDevice.run({ ...device, code: `D${String(n).padStart(2, '0')}`, enrolledAt: new Date().toISOString() });
    return toDevice(q.device.get(device.id));
  });

  const changeStatus = db.transaction((change: StatusChange) => applyStatusChange(change));

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

  const findFile = (centerCode: string, fileId: string): FileRecord | null => {
    const row = q.fileRecord.get(centerCode, fileId);
    return row ? fileRecordSchema.parse(JSON.parse(recordRowSchema.parse(row).record)) : null;
  };

  const findDuplicates = (centerCode: string): string[][] => {
    return q.duplicates.all(centerCode).map((r) => idsRowSchema.parse(r).ids.split(' ').sort());
  };

  const summaries = createSqliteFileSummaries(db);

  return {
    ...createSqliteCatalog(db, guard),
    ...createSqliteCalendar(db, guard),
    ...createSqliteAdminUnits(db, guard),
    ...createSqliteCenterList(db, guard),
    ...createSqliteScans(db, guard),
    ...createSqliteLearning(db, guard),
    ...createSqlitePrereg(db, guard),
    ...createSqliteQueue(db, guard),

    addCenter: async (center) =>
      guard(() => {
        if (q.center.get(center.code)) return err({ kind: 'exists' as const, reason: `center ${center.code} already exists` });
        const createdAt = new Date().toISOString();
        q.insertCenter.run(center.code, center.name, center.enrolmentCodeHash, center.adminCodeHash, createdAt);
        return ok({ ...center, createdAt });
      }),
    findCenter: async (code) =>
      guard(() => {
        const row = q.center.get(code);
        return ok(row ? toCenter(row) : null);
      }),
    setCenterCodes: async (code, hashes) =>
      guard(() =>
        db.transaction(() => {
          if (!q.center.get(code)) return err({ kind: 'not_found' as const, reason: `no center ${code}` });
          if (hashes.enrolmentCodeHash !== undefined) q.setEnrolmentCode.run(hashes.enrolmentCodeHash, code);
          if (hashes.adminCodeHash !== undefined) q.setAdminCode.run(hashes.adminCodeHash, code);
          return ok(toCenter(q.center.get(code)));
        }).immediate(),
      ),
    enrolDevice: async (device) => guard(() => ok(enrol.immediate(device))),
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

    applyPush: async (deviceId, mutations, onItemFailure) => {
      itemFailures = [];
      const applied = guard(() => applyPush.immediate(deviceId, mutations));
      for (const failure of itemFailures) onItemFailure?.(failure);
      return applied;
    },
    changeStatus: async (change) => guard(() => changeStatus.immediate(change)),
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
    countFiles: async (centerCode) => guard(() => ok(countRowSchema.parse(q.countFiles.get(centerCode)).n)),
    publicFileStatus: async (centerCode, number, lookupCode) =>
      guard(() => {
        const row = q.publicStatus.get(centerCode, number, lookupCode);
        if (!row) return ok(null);
        const r = publicStatusRowSchema.parse(row);
        return ok({ number: r.number, status: r.status, dueAt: r.due_at, changedAt: r.changed_at ?? r.received_at });
      }),
    fileChanges: async (centerCode, fileId) => guard(() => ok(fileChanges.fileChanges(centerCode, fileId))),
    statusHistory: async (centerCode, fileId) => guard(() => ok(q.history.all(centerCode, fileId).map(toHistory))),
    listRatings: async (centerCode) => guard(() => ok(q.ratings.all(centerCode).map(toRating))),
    addPublicRating: async (centerCode, rating, receivedAt) =>
      guard(() =>
        db.transaction((): Result<RatingOutcome, RatingConflict | RatingNeedsCode> => {
          if (rating.fileNumber !== null) {
            // Only the receipt holder knows the code: without it, a rating about a file is not taken.
            const row = centerCode === null ? undefined : q.fileLookupCode.get(centerCode, rating.fileNumber);
            const code = row ? lookupCodeRowSchema.parse(row).lookup_code : null;
            if (code === null || rating.lookupCode === undefined || !sameLookupCode(code, rating.lookupCode)) {
              return err({ kind: 'lookup_code', reason: 'a rating about a file needs the lookup code printed on its receipt' });
            }
          }
          // A visit rating proves nothing about who gave it: kept, never counted.
          const outcome = storeRating(centerCode, null, rating, receivedAt, rating.fileNumber !== null);
          return outcome === 'conflict' ? err({ kind: 'conflict', reason: ratingConflict(rating.id) }) : ok(outcome);
        }).immediate(),
      ),
    addDeviceRating: async (device, rating, receivedAt) =>
      guard(() =>
        db.transaction((): Result<RatingOutcome, RatingConflict> => {
          const outcome = deviceRating(device, rating, receivedAt);
          return outcome === 'conflict' ? err({ kind: 'conflict', reason: ratingConflict(rating.id) }) : ok(outcome);
        }).immediate(),
      ),
    fileSummaries: async (query) => guard(() => ok(summaries(query))),
    findDuplicateFiles: async (centerCode) => guard(() => ok(findDuplicates(centerCode))),

    close: async () => {
      if (db.open) db.close();
    },
  };
}
