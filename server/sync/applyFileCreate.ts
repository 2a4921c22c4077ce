/**
 * A registration pushed by a counter (file.create) and its withdrawal (file.cancel). A file is
 * stored once by its id: the same id with the same content again is a duplicate (the device resent
 * it under a new number in its sequence), with other content a refusal; a number is used once per
 * center. Runs inside the push's transaction.
 */
import { createHash } from 'node:crypto';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import type { Device } from '../store/store.ts';
import { applyStatusChange, statusRefusal } from './applyStatusChange.ts';
import type { ApplyOutcome, StoredFile, SyncTransaction } from './syncTransaction.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The file already stored under a pushed file's id, as an answer to the device. */
function answerExisting(device: Device, file: FileRecord, contentHash: string, existing: StoredFile): ApplyOutcome {
  if (existing.contentHash === contentHash) return 'duplicate';
  // Another center's file is never named to this device, not even by its number.
  if (existing.centerCode !== device.centerCode) {
    return { rejected: `the file id ${file.id} is already used on the server: register the file again`, code: 'syncReason.duplicateId' };
  }
  return { rejected: `another file with id ${file.id} is already on the server (${existing.number})`, code: 'syncReason.duplicateId' };
}

const numberTaken = (file: FileRecord): ApplyOutcome => ({
  rejected: `file number ${file.number} is already used by another file in this center`,
  code: 'syncReason.numberTaken',
});

export async function applyFileCreate(tx: SyncTransaction, device: Device, file: FileRecord): Promise<ApplyOutcome> {
  const record = JSON.stringify(file);
  const contentHash = sha256(record);
  // Insert first: almost every push brings a new file, and a taken id or number writes nothing.
  const inserted = await tx.insertFile({
    id: file.id,
    centerCode: device.centerCode,
    number: file.number,
    deviceId: device.id,
    procedureCode: file.procedureCode,
    record,
    contentHash,
    receivedAt: file.receivedAt,
    storedAt: new Date().toISOString(),
    dueAt: file.dueAt ?? null,
    locationCode: file.locationCode,
    lookupCode: file.lookupCode ?? null,
  });
  if (!inserted) {
    // The id is stored (a resend, or another file), or the number is another file's.
    const existing = await tx.lockFile(file.id);
    return existing ? answerExisting(device, file, contentHash, existing) : numberTaken(file);
  }
  await tx.appendHistory(device.centerCode, {
    fileId: file.id,
    status: 'received',
    at: file.receivedAt,
    staffId: file.receivedBy.staffId,
    staffName: file.receivedBy.staffName,
    location: file.locationCode,
    note: null,
    deviceId: device.id,
  });
  await tx.appendFeed({ centerCode: device.centerCode, fileId: file.id, number: file.number, status: 'received', at: file.receivedAt, note: null, dueAt: file.dueAt ?? null });
  return 'applied';
}

/** A withdrawal is a status change like any other, except that withdrawing twice is no error. */
export async function applyFileCancel(tx: SyncTransaction, device: Device, fileId: string, reason: string, at: string): Promise<ApplyOutcome> {
  const file = await tx.lockFile(fileId);
  if (file?.centerCode === device.centerCode && file.status === 'withdrawn') return 'applied';
  const moved = await applyStatusChange(tx, {
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
