/**
 * Registering, correcting and cancelling files at the counter. Each action is one IndexedDB
 * transaction over the file, its outbox entry, the audit trail and the counters: it happens
 * completely or not at all, and it never waits for the network.
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import { fileRecordSchema, type FileRecord } from '../../shared/files/fileRecord.ts';
import { checkFileTimes, describeFileProblems, fileCheckKey } from '../../shared/files/fileChecks.ts';
import { formatFileNumber, vietnamDateKey } from '../../shared/files/fileNumber.ts';
import { newLookupCode } from '../../shared/files/lookupCode.ts';
import type { ScanRef } from '../../shared/files/scan.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { DeviceIdentity, FileClear, FileSyncState, LocalFile, MotcuaDb, StoredFile } from './db.ts';
import { listFileViews, type FileView } from './fileViews.ts';
import { bumpCounter, enqueueMutation, refreshFileSyncState } from './outbox.ts';
import { clearPart, openFile, sealFile, type FileUnreadable } from './sealedFiles.ts';
import { Refusal, runRefusable } from './refusal.ts';
import { storedScanIds, storeScans, type PreparedScan } from './scanStore.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/**
 * What staff enter; the device adds identity, number, reception time, who received it and the
 * receipt's lookup code. `attachments` are the references the record makes; `scans` the bytes of
 * those not stored yet.
 */
export type NewFileInput = Omit<FileRecord, 'id' | 'number' | 'centerCode' | 'locationCode' | 'deviceId' | 'receivedAt' | 'receivedBy' | 'lookupCode'> & {
  scans?: readonly PreparedScan[];
};

export interface StaffRef {
  id: string;
  name: string;
}

export interface RegisterContext {
  device: DeviceIdentity;
  staff: StaffRef;
}

function describe(error: z.ZodError): { reason: string; fields: string[] } {
  const fields = [...new Set(error.issues.map((i) => i.path.join('.')))];
  const reason = error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ');
  return { reason, fields };
}

/**
 * The record through the shared schema, then the shared file checks (shared/files/fileChecks.ts)
 * against this device's clock: the same refusals the server would answer, before anything is saved.
 */
function parseRecord(candidate: unknown, now: Date): FileRecord {
  const parsed = fileRecordSchema.safeParse(candidate);
  if (!parsed.success) throw new Refusal<StorageError>({ kind: 'invalid', ...describe(parsed.error) });
  const problems = checkFileTimes(parsed.data, now);
  if (problems.length > 0) {
    const [first] = problems;
    throw new Refusal<StorageError>({
      kind: 'invalid',
      reason: describeFileProblems(problems),
      fields: problems.map((p) => p.field),
      code: fileCheckKey(first!.code),
      params: first!.params,
    });
  }
  return parsed.data;
}

const run = <T>(work: () => Promise<T>): Promise<Result<T, StorageError>> => runRefusable(work, storageErrorFrom);

const sameRef = (a: ScanRef, b: ScanRef) => a.id === b.id && a.sha256 === b.sha256 && a.size === b.size && a.type === b.type;

/**
 * Stores the scans a record refers to that the device does not hold yet (inside the record's
 * transaction); a reference without bytes refuses the whole save. Scans of an earlier version
 * that the record no longer lists are not uploaded.
 */
async function saveScansOf(db: MotcuaDb, record: FileRecord, scans: readonly PreparedScan[], at: string): Promise<void> {
  const held = await storedScanIds(db, record.id);
  const fresh: PreparedScan[] = [];
  for (const ref of record.attachments) {
    if (held.has(ref.id)) continue;
    const prepared = scans.find((s) => sameRef(s.ref, ref));
    if (!prepared || prepared.blob.size !== ref.size) {
      throw new Refusal<StorageError>({ kind: 'invalid', reason: `scan "${ref.name}" has no bytes on this device`, fields: ['attachments'] });
    }
    fresh.push(prepared);
  }
  await storeScans(db, record.id, fresh, at);
  const listed = new Set(record.attachments.map((a) => a.id));
  for (const id of held) {
    if (listed.has(id) || (await db.scans.get(id))?.upload !== 'pending') continue;
    await db.scans.update(id, { upload: 'kept', lastError: 'removed when the file was corrected: kept on this device only' });
  }
}

const withoutScans = ({ scans: _scans, ...fields }: NewFileInput) => fields;

/**
 * Saves a walk-in file: the next day number makes CENTER-DEVICE-YYYYMMDD-NNNN, the next mutation
 * number queues it for the server. An invalid record or a full disk writes nothing at all.
 */
export function registerFile(
  db: MotcuaDb,
  input: NewFileInput,
  ctx: RegisterContext,
  now = new Date(),
): Promise<Result<LocalFile, StorageError>> {
  const at = now.toISOString();
  return run(() =>
    db.transaction('rw', [db.files, db.outbox, db.audit, db.counters, db.scans, db.scanBlobs], async () => {
      const sequence = await bumpCounter(db, `fileNo:${vietnamDateKey(now)}`);
      let number: string;
      try {
        number = formatFileNumber({ centerCode: ctx.device.centerCode, deviceCode: ctx.device.deviceCode, date: now, sequence });
      } catch (e) {
        throw new Refusal<StorageError>({ kind: 'invalid', reason: (e as Error).message, fields: ['number'] });
      }
      const record = parseRecord({
        ...withoutScans(input),
        id: crypto.randomUUID(),
        number,
        centerCode: ctx.device.centerCode,
        locationCode: ctx.device.locationCode,
        deviceId: ctx.device.deviceId,
        receivedAt: at,
        receivedBy: { staffId: ctx.staff.id, staffName: ctx.staff.name },
        // Printed on the receipt and in its QR: the public status lookup needs it with the number.
        lookupCode: newLookupCode(),
      }, now);
      await saveScansOf(db, record, input.scans ?? [], at);
      const entry = await enqueueMutation(db, 'file.create', record.id, record, at);
      const file: LocalFile = { ...record, syncState: 'pending', rejectReason: null, status: 'received', statusAt: at, seq: entry.seq };
      await db.files.add(await sealed(db, file));
      await db.audit.add({ at, staffId: ctx.staff.id, staffName: ctx.staff.name, action: 'file.register', fileId: file.id, detail: number });
      return file;
    }),
  );
}

/**
 * Sends a corrected version of a file the server rejected: a new mutation with the same id and
 * number; the rejected entry is marked superseded so the outbox shows what replaced it.
 */
export function resendFile(
  db: MotcuaDb,
  fileId: string,
  corrected: NewFileInput,
  staff: StaffRef,
  now = new Date(),
): Promise<Result<LocalFile, StorageError>> {
  const at = now.toISOString();
  return run(() =>
    db.transaction('rw', [db.files, db.outbox, db.audit, db.counters, db.scans, db.scanBlobs], async () => {
      const file = await db.files.get(fileId);
      if (!file) throw new Refusal<StorageError>({ kind: 'not_found', reason: `no file ${fileId} on this device` });
      const creates = (await db.outbox.where('fileId').equals(fileId).toArray()).filter((e) => e.kind === 'file.create');
      const rejected = creates.filter((e) => e.state === 'rejected');
      if (rejected.length === 0 || creates.some((e) => e.state === 'pending' || e.state === 'sent')) {
        throw new Refusal<StorageError>({ kind: 'wrong_state', reason: `file ${file.number} has no rejected registration to resend` });
      }
      const record = parseRecord({
        ...withoutScans(corrected),
        id: file.id,
        number: file.number,
        centerCode: file.centerCode,
        locationCode: file.locationCode,
        deviceId: file.deviceId,
        receivedAt: file.receivedAt,
        receivedBy: file.receivedBy,
        lookupCode: file.lookupCode,
      }, now);
      await saveScansOf(db, record, corrected.scans ?? [], at);
      // A superseded entry is never pushed again for itself: its copy of the citizen's data goes.
      for (const entry of rejected) await db.outbox.update(entry.seq, { state: 'superseded', payload: null });
      const entry = await enqueueMutation(db, 'file.create', record.id, record, at);
      const next: LocalFile = { ...record, syncState: 'pending', rejectReason: null, status: 'received', statusAt: at, seq: entry.seq };
      await db.files.put(await sealed(db, next));
      await db.audit.add({
        at,
        staffId: staff.id,
        staffName: staff.name,
        action: 'file.resend',
        fileId,
        detail: `replaces mutation ${rejected.map((e) => e.seq).join(', ')} (${file.rejectReason ?? 'rejected'})`,
      });
      return next;
    }),
  );
}

/**
 * Cancels a file. One the server never accepted (its registration was rejected) is cancelled here
 * and now; one that is queued or on the server gets a `file.cancel` mutation. A cancellation the
 * server refused is acknowledged: the file stays as the server has it.
 */
export function cancelFile(
  db: MotcuaDb,
  fileId: string,
  reason: string,
  staff: StaffRef,
  now = new Date(),
): Promise<Result<FileClear, StorageError>> {
  const at = now.toISOString();
  const why = reason.trim();
  return run(() =>
    db.transaction('rw', [db.files, db.outbox, db.audit, db.counters, db.scans], async () => {
      if (why.length === 0 || why.length > 500) {
        throw new Refusal<StorageError>({ kind: 'invalid', reason: 'a cancellation needs a reason of 1 to 500 characters', fields: ['reason'] });
      }
      const file = await db.files.get(fileId);
      if (!file) throw new Refusal<StorageError>({ kind: 'not_found', reason: `no file ${fileId} on this device` });
      if (file.syncState === 'cancelled') throw new Refusal<StorageError>({ kind: 'wrong_state', reason: `file ${file.number} is already cancelled` });
      const entries = await db.outbox.where('fileId').equals(fileId).toArray();
      const creates = entries.filter((e) => e.kind === 'file.create');
      const cancels = entries.filter((e) => e.kind === 'file.cancel');
      if (cancels.some((e) => e.state === 'pending')) {
        throw new Refusal<StorageError>({ kind: 'wrong_state', reason: `file ${file.number} is already being cancelled` });
      }
      const onServer = creates.some((e) => e.state === 'sent');
      const queued = creates.some((e) => e.state === 'pending');
      const audit = (detail: string) => db.audit.add({ at, staffId: staff.id, staffName: staff.name, action: 'file.cancel', fileId, detail });

      if (!onServer && !queued) {
        // The server never accepted it: drop it here, keeping the entries (marked) for the record.
        for (const e of entries.filter((e) => e.state === 'rejected')) await db.outbox.update(e.seq, { state: 'cancelled', payload: null });
        await refreshFileSyncState(db, fileId, { syncState: 'cancelled', status: 'withdrawn', statusAt: at });
        // Its scans have no file to belong to on the server: they are not sent.
        await db.scans
          .where('fileId')
          .equals(fileId)
          .filter((s) => s.upload === 'pending')
          .modify({ upload: 'kept', lastError: 'the file was cancelled before it reached the server: kept on this device only' });
        await audit(`cancelled on this device: ${why}`);
      } else if (onServer && cancels.some((e) => e.state === 'rejected')) {
        for (const e of cancels.filter((e) => e.state === 'rejected')) await db.outbox.update(e.seq, { state: 'cancelled', payload: null });
        await refreshFileSyncState(db, fileId);
        await audit(`server's refusal to cancel acknowledged: ${why}`);
      } else {
        const entry = await enqueueMutation(db, 'file.cancel', fileId, { fileId, reason: why }, at);
        await refreshFileSyncState(db, fileId, { seq: entry.seq });
        await audit(`cancellation queued (mutation ${entry.seq}): ${why}`);
      }
      return clearPart((await db.files.get(fileId))!);
    }),
  );
}

/** A stored file, opened and checked again on the way out (an older build may have written another shape). */
export async function getFile(db: MotcuaDb, id: string): Promise<Result<LocalFile | null, StorageError>> {
  const row = await run(() => db.files.get(id));
  return row.ok ? opened(db, row.value) : row;
}

/** Finds a file by the number on its receipt; case and surrounding spaces are forgiven. */
export async function findFileByNumber(db: MotcuaDb, number: string): Promise<Result<LocalFile | null, StorageError>> {
  const row = await run(() => db.files.where('number').equals(number.trim().toUpperCase()).first());
  return row.ok ? opened(db, row.value) : row;
}

/** Newest files first, optionally only those in one sync state, each opened for display. */
export async function listFiles(
  db: MotcuaDb,
  options: { limit?: number; syncState?: FileSyncState } = {},
): Promise<Result<FileView[], StorageError>> {
  const limit = options.limit ?? 100;
  return run(async () => {
    const rows = options.syncState
      ? (await db.files.where('syncState').equals(options.syncState).toArray()).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).slice(0, limit)
      : await db.files.orderBy('receivedAt').reverse().limit(limit).toArray();
    const views = new Map((await listFileViews(db, { ids: rows.map((r) => r.id) })).map((v) => [v.id, v]));
    return rows.map((r) => views.get(r.id)!);
  });
}

/** Seals a file for storage inside a transaction (Dexie.waitFor keeps it open over WebCrypto). */
function sealed(db: MotcuaDb, file: LocalFile): Promise<StoredFile> {
  return Dexie.waitFor(sealFile(db.cipher, file));
}

export function unreadableReason(problem: FileUnreadable): string {
  return problem.kind === 'purged' ? `the citizen's data was removed from this device on ${problem.at} (retention)` : problem.reason;
}

async function opened(db: MotcuaDb, row: StoredFile | undefined): Promise<Result<LocalFile | null, StorageError>> {
  if (!row) return ok(null);
  const file = await openFile(db.cipher, row);
  return file.ok ? file : err({ kind: 'unreadable', reason: unreadableReason(file.error) });
}
