/**
 * Moving a file through its life at the counter (processing, needs supplement, done, returned...),
 * offline too: the change is checked by the shared life cycle, stamped (who, when, where), saved
 * with its outbox mutation and an audit line in one transaction, and synced like a registration.
 */
import { checkChangeTime, describeFileProblems, fileCheckKey } from '../../shared/files/fileChecks.ts';
import type { FileStatus } from '../../shared/files/fileRecord.ts';
import { transition, type TransitionError } from '../../shared/files/lifecycle.ts';
import type { FileStatusPayload } from '../../shared/sync/protocol.ts';
import type { Result } from '../../shared/result.ts';
import type { DeviceIdentity, FileClear, MotcuaDb, SupplementRequest } from './db.ts';
import { enqueueMutation, refreshFileSyncState } from './outbox.ts';
import { Refusal, runRefusable } from './refusal.ts';
import { clearPart } from './sealedFiles.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

export type StatusChangeProblem = { kind: 'transition'; error: TransitionError } | { kind: 'storage'; error: StorageError };

export async function changeFileStatus(
  db: MotcuaDb,
  fileId: string,
  to: FileStatus,
  ctx: {
    staff: { id: string; name: string };
    device: DeviceIdentity;
    note?: string | null;
    /** With a move to needs_supplement: what was asked for, kept for the slip. */
    supplement?: SupplementRequest | null;
  },
  now = new Date(),
): Promise<Result<FileClear, StatusChangeProblem>> {
  return runRefusable<FileClear, StatusChangeProblem>(
    () =>
      db.transaction('rw', [db.files, db.outbox, db.audit, db.counters], async () => {
        const current = await db.files.get(fileId);
        if (!current) throw new Refusal<StatusChangeProblem>({ kind: 'storage', error: { kind: 'not_found', reason: `no file ${fileId} on this device` } });
        // The shared file checks, as the server makes them: a clock before 2020 or before the reception is refused here.
        const problems = checkChangeTime('stamp.when', now.toISOString(), now, current.receivedAt);
        if (problems.length > 0) {
          const [first] = problems;
          throw new Refusal<StatusChangeProblem>({
            kind: 'storage',
            error: { kind: 'invalid', reason: describeFileProblems(problems), fields: ['stamp.when'], code: fileCheckKey(first!.code), params: first!.params },
          });
        }
        const moved = transition(current, to, {
          who: { staffId: ctx.staff.id, staffName: ctx.staff.name },
          when: now,
          where: { centerCode: ctx.device.centerCode, locationCode: ctx.device.locationCode, deviceId: ctx.device.deviceId },
          note: ctx.note ?? null,
        });
        if (!moved.ok) throw new Refusal<StatusChangeProblem>({ kind: 'transition', error: moved.error });
        const payload: FileStatusPayload = { fileId, ...moved.value.change };
        await enqueueMutation(db, 'file.status', fileId, payload, now.toISOString(), { statusTo: to });
        // The reason stays on the file, so the worklist shows why it is where it is.
        await refreshFileSyncState(db, fileId, {
          status: to,
          statusAt: now.toISOString(),
          statusNote: moved.value.change.stamp.note,
          ...(to === 'needs_supplement' ? { supplement: ctx.supplement ?? null } : {}),
        });
        await db.audit.add({
          at: now.toISOString(),
          staffId: ctx.staff.id,
          staffName: ctx.staff.name,
          action: 'file.status',
          fileId,
          detail: `${current.status} -> ${to}${ctx.note ? `: ${ctx.note}` : ''}`,
        });
        return clearPart((await db.files.get(fileId))!);
      }),
    (e) => ({ kind: 'storage', error: storageErrorFrom(e) }),
  );
}
