/**
 * Changing a saved file at the counter, offline too: correcting what was registered, moving its
 * due date, recording that the fee was paid. Each is checked by shared/files/fileChanges.ts (the
 * server checks it again), then saved with its outbox mutation and an audit line in one
 * transaction: it happens completely or not at all.
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import {
  checkCorrection,
  checkDueChange,
  checkFee,
  fileCorrectionPayloadSchema,
  fileDuePayloadSchema,
  fileFeePayloadSchema,
  type ChangeStamp,
  type Correctable,
  type FileChangeError,
  type FileFacts,
} from '../../shared/files/fileChanges.ts';
import { fileRecordSchema } from '../../shared/files/fileRecord.ts';
import type { MutationKind } from '../../shared/sync/protocol.ts';
import type { Result } from '../../shared/result.ts';
import type { DeviceIdentity, FileClear, LocalFile, MotcuaDb } from './db.ts';
import { enqueueMutation, refreshFileSyncState } from './outbox.ts';
import { openFile, sealFile } from './sealedFiles.ts';
import { Refusal, runRefusable } from './refusal.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';
import { unreadableReason } from './fileRegistry.ts';

export type FileChangeProblem = { kind: 'change'; error: FileChangeError } | { kind: 'storage'; error: StorageError };

export interface ChangeContext {
  staff: { id: string; name: string };
  device: DeviceIdentity;
}

const refuse = (problem: FileChangeProblem): never => {
  throw new Refusal<FileChangeProblem>(problem);
};
const invalid = (error: z.ZodError): never =>
  refuse({
    kind: 'storage',
    error: { kind: 'invalid', reason: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), fields: [...new Set(error.issues.map((i) => i.path.join('.')))] },
  });

const factsOf = (file: LocalFile): FileFacts => ({ status: file.status, receivedAt: file.receivedAt, dueAt: file.dueAt ?? null, feePaid: !!file.fee });

const stampOf = (ctx: ChangeContext, now: Date): ChangeStamp => ({
  who: { staffId: ctx.staff.id, staffName: ctx.staff.name },
  when: now.toISOString(),
  where: { centerCode: ctx.device.centerCode, locationCode: ctx.device.locationCode, deviceId: ctx.device.deviceId },
});

/**
 * Loads a file that can take a change: on this device, not cancelled here, and with a registration
 * that is on the server or on its way (a rejected registration is fixed and resent instead).
 */
async function changeable(db: MotcuaDb, fileId: string): Promise<LocalFile> {
  const stored = await db.files.get(fileId);
  if (!stored) return refuse({ kind: 'storage', error: { kind: 'not_found', reason: `no file ${fileId} on this device` } });
  // The personal part is sealed at rest; Dexie.waitFor keeps the transaction open over WebCrypto.
  const opened = await Dexie.waitFor(openFile(db.cipher, stored));
  if (!opened.ok) return refuse({ kind: 'storage', error: { kind: 'unreadable', reason: unreadableReason(opened.error) } });
  const file = opened.value;
  const creates = (await db.outbox.where('fileId').equals(fileId).toArray()).filter((e) => e.kind === 'file.create');
  if (file.syncState === 'cancelled' || !creates.some((e) => e.state === 'pending' || e.state === 'sent')) {
    return refuse({ kind: 'storage', error: { kind: 'wrong_state', reason: `file ${file.number} has no registration on its way or on the server` } });
  }
  return file;
}

function run(work: () => Promise<LocalFile>): Promise<Result<LocalFile, FileChangeProblem>> {
  return runRefusable<LocalFile, FileChangeProblem>(work, (e) => ({ kind: 'storage', error: storageErrorFrom(e) }));
}

async function save(
  db: MotcuaDb,
  file: LocalFile,
  kind: MutationKind,
  payload: unknown,
  patch: Partial<LocalFile>,
  audit: { action: 'file.correct' | 'file.due' | 'file.fee'; detail: string },
  ctx: ChangeContext,
  now: Date,
): Promise<LocalFile> {
  const at = now.toISOString();
  await enqueueMutation(db, kind, file.id, payload, at, kind === 'file.due' && typeof patch.dueAt === 'string' ? { dueTo: patch.dueAt } : {});
  const changed = { ...file, ...patch };
  // A correction changes the sealed part: the whole row is sealed again (a new IV); the others change clear fields only.
  if (kind === 'file.update') await db.files.put(await Dexie.waitFor(sealFile(db.cipher, changed)));
  await refreshFileSyncState(db, file.id, kind === 'file.update' ? {} : (patch as Partial<FileClear>));
  await db.audit.add({ at, staffId: ctx.staff.id, staffName: ctx.staff.name, action: audit.action, fileId: file.id, detail: audit.detail });
  return changed;
}

const TABLES = (db: MotcuaDb) => [db.files, db.outbox, db.audit, db.counters];

/** Corrects the citizen, procedure, channel, documents or notes of a saved file, with a reason. */
export function correctFile(db: MotcuaDb, fileId: string, changes: Correctable, reason: string, ctx: ChangeContext, now = new Date()): Promise<Result<LocalFile, FileChangeProblem>> {
  return run(() =>
    db.transaction('rw', TABLES(db), async () => {
      const file = await changeable(db, fileId);
      const why = checkCorrection(factsOf(file), reason);
      if (!why.ok) return refuse({ kind: 'change', error: why.error });
      const payload = fileCorrectionPayloadSchema.safeParse({ fileId, changes, reason: why.value, stamp: stampOf(ctx, now) });
      if (!payload.success) return invalid(payload.error);
      // The corrected file must still be a valid file as a whole.
      const record = fileRecordSchema.safeParse({ ...file, ...payload.data.changes });
      if (!record.success) return invalid(record.error);
      const changed = (Object.keys(payload.data.changes) as (keyof Correctable)[]).filter((k) => JSON.stringify(file[k]) !== JSON.stringify(payload.data.changes[k]));
      return save(db, file, 'file.update', payload.data, payload.data.changes, { action: 'file.correct', detail: `${changed.join(', ') || 'nothing'}: ${why.value}` }, ctx, now);
    }),
  );
}

/** Moves the due date (an apology slip does too), with a reason. `dueAt` is an ISO time. */
export function changeDueDate(db: MotcuaDb, fileId: string, dueAt: string, reason: string, ctx: ChangeContext, now = new Date()): Promise<Result<LocalFile, FileChangeProblem>> {
  return run(() =>
    db.transaction('rw', TABLES(db), async () => {
      const file = await changeable(db, fileId);
      const checked = checkDueChange(factsOf(file), dueAt, reason);
      if (!checked.ok) return refuse({ kind: 'change', error: checked.error });
      const payload = fileDuePayloadSchema.safeParse({ fileId, dueAt: checked.value.dueAt, previousDueAt: file.dueAt ?? null, reason: checked.value.reason, stamp: stampOf(ctx, now) });
      if (!payload.success) return invalid(payload.error);
      return save(
        db,
        file,
        'file.due',
        payload.data,
        { dueAt: payload.data.dueAt, dueReason: payload.data.reason },
        { action: 'file.due', detail: `${file.dueAt ?? 'none'} -> ${payload.data.dueAt}: ${payload.data.reason}` },
        ctx,
        now,
      );
    }),
  );
}

/** Records that the fee was paid (amount in đồng, the receipt's number), now, by the signed-in staff. */
export function recordFeePaid(db: MotcuaDb, fileId: string, fee: { amount: number; receiptNo: string }, ctx: ChangeContext, now = new Date()): Promise<Result<LocalFile, FileChangeProblem>> {
  return run(() =>
    db.transaction('rw', TABLES(db), async () => {
      const file = await changeable(db, fileId);
      const payload = fileFeePayloadSchema.safeParse({ fileId, fee: { ...fee, paidAt: now.toISOString() }, stamp: stampOf(ctx, now) });
      if (!payload.success) return invalid(payload.error);
      const checked = checkFee(factsOf(file), payload.data.fee);
      if (!checked.ok) return refuse({ kind: 'change', error: checked.error });
      return save(
        db,
        file,
        'file.fee',
        payload.data,
        { fee: { ...checked.value, staffName: ctx.staff.name } },
        { action: 'file.fee', detail: `${checked.value.amount} đ, receipt ${checked.value.receiptNo}` },
        ctx,
        now,
      );
    }),
  );
}
