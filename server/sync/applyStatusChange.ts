/**
 * A change of a file's status, pushed by a counter or made on the server (another office): checked
 * against shared/files/lifecycle.ts and the file as stored, then written as a history line and a
 * status feed line. Runs inside the caller's transaction with the file's row locked, so two changes
 * racing on one file are applied one after the other and the second sees the first.
 */
import { fileCheckKey } from '../../shared/files/fileChecks.ts';
import { transition } from '../../shared/files/lifecycle.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { FileStatusChange } from '../../shared/sync/protocol.ts';
import type { StatusChange, StatusChangeFailure, StorageFailure } from '../store/store.ts';
import type { ApplyOutcome, SyncTransaction } from './syncTransaction.ts';

/**
 * The lifecycle's stamp needs a person; a change whose sender named nobody (a cancellation, another
 * office's system) is checked with this stand-in and stored with no staff.
 */
const UNNAMED_STAFF = { staffId: 'unnamed', staffName: 'unnamed' } as const;

export type StatusRefusal = Exclude<StatusChangeFailure, StorageFailure>;

export async function applyStatusChange(tx: SyncTransaction, change: StatusChange): Promise<Result<FileStatusChange, StatusRefusal>> {
  const file = await tx.lockFile(change.fileId);
  if (!file || file.centerCode !== change.centerCode) {
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
  if (Date.parse(change.at) < Date.parse(file.receivedAt)) {
    return err({
      kind: 'illegal_transition',
      code: fileCheckKey('timeBeforeReceived'),
      reason: `file ${file.number}: the change is dated ${change.at}, before the file was received (${file.receivedAt})`,
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
  await tx.setFileStatus(file, change.status, stamp.when);
  await tx.appendHistory(file.centerCode, {
    fileId: file.id,
    status: change.status,
    at: stamp.when,
    staffId: change.by?.staffId ?? null,
    staffName: change.by?.staffName ?? null,
    location: change.location,
    note: stamp.note,
    deviceId: change.deviceId,
  });
  await tx.appendFeed({ centerCode: change.centerCode, fileId: file.id, number: file.number, status: change.status, at: stamp.when, note: stamp.note, dueAt: file.dueAt });
  return ok({ fileId: file.id, number: file.number, status: change.status, changedAt: stamp.when, note: stamp.note, dueAt: file.dueAt });
}

/** A refused status change as a push answer: the lifecycle's code, or "no such file". */
export const statusRefusal = (failure: StatusRefusal): ApplyOutcome => ({
  rejected: failure.reason,
  code: failure.kind === 'not_found' ? 'syncReason.fileNotFound' : failure.code,
});
