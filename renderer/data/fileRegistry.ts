/**
 * Registering, correcting and cancelling files at the counter. Each action is one IndexedDB
 * transaction over the file, its outbox entry, the audit trail and the counters: it happens
 * completely or not at all, and it never waits for the network.
 */
import type { z } from 'zod';
import { fileRecordSchema, type FileRecord } from '../../shared/files/fileRecord.ts';
import { checkFileTimes, describeFileProblems, fileCheckKey } from '../../shared/files/fileChecks.ts';
import { formatFileNumber, vietnamDateKey } from '../../shared/files/fileNumber.ts';
import { newLookupCode } from '../../shared/files/lookupCode.ts';
import type { Result } from '../../shared/result.ts';
import { localFileSchema, type DeviceIdentity, type FileSyncState, type LocalFile, type MotcuaDb } from './db.ts';
import { bumpCounter, enqueueMutation, refreshFileSyncState } from './outbox.ts';
import { Refusal, runRefusable } from './refusal.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/** What staff enter; the device adds identity, number, reception time and who received it. */
export type NewFileInput = Omit<FileRecord, 'id' | 'number' | 'centerCode' | 'locationCode' | 'deviceId' | 'receivedAt' | 'receivedBy' | 'lookupCode'>;

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
    db.transaction('rw', [db.files, db.outbox, db.audit, db.counters], async () => {
      const sequence = await bumpCounter(db, `fileNo:${vietnamDateKey(now)}`);
      let number: string;
      try {
        number = formatFileNumber({ centerCode: ctx.device.centerCode, deviceCode: ctx.device.deviceCode, date: now, sequence });
      } catch (e) {
        throw new Refusal<StorageError>({ kind: 'invalid', reason: (e as Error).message, fields: ['number'] });
      }
      const record = parseRecord({
        ...input,
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
      const entry = await enqueueMutation(db, 'file.create', record.id, record, at);
      const file: LocalFile = { ...record, syncState: 'pending', rejectReason: null, status: 'received', statusAt: at, seq: entry.seq };
      await db.files.add(file);
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
    db.transaction('rw', [db.files, db.outbox, db.audit, db.counters], async () => {
      const file = await db.files.get(fileId);
      if (!file) throw new Refusal<StorageError>({ kind: 'not_found', reason: `no file ${fileId} on this device` });
      const creates = (await db.outbox.where('fileId').equals(fileId).toArray()).filter((e) => e.kind === 'file.create');
      const rejected = creates.filter((e) => e.state === 'rejected');
      if (rejected.length === 0 || creates.some((e) => e.state === 'pending' || e.state === 'sent')) {
        throw new Refusal<StorageError>({ kind: 'wrong_state', reason: `file ${file.number} has no rejected registration to resend` });
      }
      const record = parseRecord({
        ...corrected,
        id: file.id,
        number: file.number,
        centerCode: file.centerCode,
        locationCode: file.locationCode,
        deviceId: file.deviceId,
        receivedAt: file.receivedAt,
        receivedBy: file.receivedBy,
        lookupCode: file.lookupCode,
      }, now);
      for (const entry of rejected) await db.outbox.update(entry.seq, { state: 'superseded' });
      const entry = await enqueueMutation(db, 'file.create', record.id, record, at);
      await db.files.put({ ...record, syncState: 'pending', rejectReason: null, status: 'received', statusAt: at, seq: entry.seq });
      await db.audit.add({
        at,
        staffId: staff.id,
        staffName: staff.name,
        action: 'file.resend',
        fileId,
        detail: `replaces mutation ${rejected.map((e) => e.seq).join(', ')} (${file.rejectReason ?? 'rejected'})`,
      });
      return (await db.files.get(fileId))!;
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
): Promise<Result<LocalFile, StorageError>> {
  const at = now.toISOString();
  const why = reason.trim();
  return run(() =>
    db.transaction('rw', [db.files, db.outbox, db.audit, db.counters], async () => {
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
        for (const e of entries.filter((e) => e.state === 'rejected')) await db.outbox.update(e.seq, { state: 'cancelled' });
        await refreshFileSyncState(db, fileId, { syncState: 'cancelled', status: 'withdrawn', statusAt: at });
        await audit(`cancelled on this device: ${why}`);
      } else if (onServer && cancels.some((e) => e.state === 'rejected')) {
        for (const e of cancels.filter((e) => e.state === 'rejected')) await db.outbox.update(e.seq, { state: 'cancelled' });
        await refreshFileSyncState(db, fileId);
        await audit(`server's refusal to cancel acknowledged: ${why}`);
      } else {
        const entry = await enqueueMutation(db, 'file.cancel', fileId, { fileId, reason: why }, at);
        await refreshFileSyncState(db, fileId, { seq: entry.seq });
        await audit(`cancellation queued (mutation ${entry.seq}): ${why}`);
      }
      return (await db.files.get(fileId))!;
    }),
  );
}

/** A stored file, checked again on the way out (an older build may have written another shape). */
export async function getFile(db: MotcuaDb, id: string): Promise<Result<LocalFile | null, StorageError>> {
  return run(async () => checked(await db.files.get(id)));
}

/** Finds a file by the number on its receipt; case and surrounding spaces are forgiven. */
export async function findFileByNumber(db: MotcuaDb, number: string): Promise<Result<LocalFile | null, StorageError>> {
  return run(async () => checked(await db.files.where('number').equals(number.trim().toUpperCase()).first()));
}

/** Newest files first, optionally only those in one sync state. */
export async function listFiles(
  db: MotcuaDb,
  options: { limit?: number; syncState?: FileSyncState } = {},
): Promise<Result<LocalFile[], StorageError>> {
  const limit = options.limit ?? 100;
  return run(async () => {
    if (options.syncState) {
      const rows = await db.files.where('syncState').equals(options.syncState).toArray();
      return rows.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)).slice(0, limit);
    }
    return db.files.orderBy('receivedAt').reverse().limit(limit).toArray();
  });
}

function checked(row: LocalFile | undefined): LocalFile | null {
  if (!row) return null;
  const parsed = localFileSchema.safeParse(row);
  if (!parsed.success) throw new Refusal<StorageError>({ kind: 'unavailable', reason: `stored file ${row.id} is damaged: ${describe(parsed.error).reason}` });
  return parsed.data;
}
