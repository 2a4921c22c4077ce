/**
 * Corrections, due date moves and fee payments pushed from the counter, applied inside the push's
 * transaction: checked against the stored file with shared/files/fileChanges.ts, written with a
 * change-log line that keeps what was replaced. A moved due date also goes into the status feed
 * (same status, new date) so other devices and the kiosk's lookup see it.
 */
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
import { err, ok, type Result } from '../../shared/result.ts';
import type { Device, FileChangeEntry } from '../store/store.ts';
import type { ApplyOutcome, StoredFile, SyncTransaction } from './syncTransaction.ts';

const CORRECTED_FIELDS = ['procedureCode', 'procedureName', 'channel', 'citizen', 'documents', 'notes'] as const;

const refused = (e: FileChangeError, number: string): ApplyOutcome => ({ rejected: `file ${number}: ${e.message}`, code: e.reason });

/** The file in the pushing device's center, locked, or the rejection to answer. */
async function load(tx: SyncTransaction, device: Device, fileId: string): Promise<Result<{ file: StoredFile; facts: FileFacts }, ApplyOutcome>> {
  const file = await tx.lockFile(fileId);
  if (!file || file.centerCode !== device.centerCode) {
    return err({ rejected: `no file ${fileId} in center ${device.centerCode}`, code: 'syncReason.fileNotFound' });
  }
  return ok({ file, facts: { status: file.status, receivedAt: file.receivedAt, dueAt: file.dueAt, feePaid: file.fee !== null } });
}

function logLine(
  kind: FileChangeEntry['kind'],
  fileId: string,
  device: Device,
  stamp: ChangeStamp,
  reason: string | null,
  previous: unknown,
  next: unknown,
): FileChangeEntry {
  return {
    fileId,
    kind,
    at: stamp.when,
    staffId: stamp.who.staffId,
    staffName: stamp.who.staffName,
    location: stamp.where.locationCode,
    deviceId: device.id,
    reason,
    previous,
    next,
  };
}

export async function applyCorrection(tx: SyncTransaction, device: Device, payload: FileCorrectionPayload): Promise<ApplyOutcome> {
  const loaded = await load(tx, device, payload.fileId);
  if (!loaded.ok) return loaded.error;
  const { file, facts } = loaded.value;
  const why = checkCorrection(facts, payload.reason);
  if (!why.ok) return refused(why.error, file.number);
  const record = JSON.parse(file.record) as Record<string, unknown>;
  const previous = Object.fromEntries(CORRECTED_FIELDS.map((k) => [k, record[k] ?? null]));
  // The content hash stays the hash of the registration as pushed, so a resent file.create is still
  // recognised as the same file after a correction.
  await tx.setFileRecord(file, JSON.stringify({ ...record, ...payload.changes }), payload.changes.procedureCode);
  await tx.appendFileChange(file.centerCode, logLine('update', file.id, device, payload.stamp, why.value, previous, payload.changes));
  return 'applied';
}

export async function applyDue(tx: SyncTransaction, device: Device, payload: FileDuePayload): Promise<ApplyOutcome> {
  const loaded = await load(tx, device, payload.fileId);
  if (!loaded.ok) return loaded.error;
  const { file, facts } = loaded.value;
  const checked = checkDueChange(facts, payload.dueAt, payload.reason);
  if (!checked.ok) return refused(checked.error, file.number);
  const record = JSON.parse(file.record) as Record<string, unknown>;
  await tx.setFileDue(file, checked.value.dueAt, JSON.stringify({ ...record, dueAt: checked.value.dueAt }));
  await tx.appendFileChange(file.centerCode, logLine('due', file.id, device, payload.stamp, checked.value.reason, { dueAt: file.dueAt }, { dueAt: checked.value.dueAt }));
  await tx.appendFeed({
    centerCode: device.centerCode,
    fileId: file.id,
    number: file.number,
    status: file.status,
    at: payload.stamp.when,
    note: checked.value.reason,
    dueAt: checked.value.dueAt,
  });
  return 'applied';
}

export async function applyFee(tx: SyncTransaction, device: Device, payload: FileFeePayload): Promise<ApplyOutcome> {
  const loaded = await load(tx, device, payload.fileId);
  if (!loaded.ok) return loaded.error;
  const { file, facts } = loaded.value;
  const checked = checkFee(facts, payload.fee);
  if (!checked.ok) return refused(checked.error, file.number);
  const fee = { ...checked.value, staffName: payload.stamp.who.staffName };
  await tx.setFileFee(file, JSON.stringify(fee));
  await tx.appendFileChange(file.centerCode, logLine('fee', file.id, device, payload.stamp, null, null, fee));
  return 'applied';
}
