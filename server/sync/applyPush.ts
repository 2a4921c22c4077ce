/**
 * Exactly-once application of a device's push (shared/sync/protocol.ts), independent of the store:
 * in one transaction with the device's row locked, numbers already applied are answered as the
 * first time (duplicate, or rejected again with the same reason), a gap applies nothing, each new
 * item is applied in its own savepoint and logged, and the device's last applied number is written
 * with the changes. A second push of the same device (another connection, a retry racing the
 * first) waits for the lock and then finds its numbers applied.
 */
import { err, ok, type Result } from '../../shared/result.ts';
import type { PushItemResult, PushResponse } from '../../shared/sync/protocol.ts';
import type { Device, PreparedMutation, PushFailure, PushItemFailure } from '../store/store.ts';
import { applyCorrection, applyDue, applyFee } from './applyFileChanges.ts';
import { applyFileCancel, applyFileCreate } from './applyFileCreate.ts';
import { applyStatusChange, statusRefusal } from './applyStatusChange.ts';
import type { ApplyOutcome, SyncTransaction, SyncTransactions } from './syncTransaction.ts';

async function applyOne(tx: SyncTransaction, device: Device, m: PreparedMutation): Promise<ApplyOutcome> {
  switch (m.action) {
    case 'reject':
      return { rejected: m.reason, code: m.code };
    case 'create':
      return applyFileCreate(tx, device, m.file);
    case 'cancel':
      return applyFileCancel(tx, device, m.fileId, m.reason, m.at);
    case 'update':
      return applyCorrection(tx, device, m.correction);
    case 'due':
      return applyDue(tx, device, m.due);
    case 'fee':
      return applyFee(tx, device, m.fee);
    case 'status': {
      // The payload's center is never trusted: the change is checked against the pushing device's.
      const moved = await applyStatusChange(tx, { ...m.change, centerCode: device.centerCode, deviceId: device.id });
      return moved.ok ? 'applied' : statusRefusal(moved.error);
    }
  }
}

/**
 * One item of a push. A bug that throws on one item must not fail the whole push, or the device
 * would resend it for ever and nothing after it would ever arrive: the item's writes are rolled back
 * (its savepoint) and it is answered `internal`. The database's own failures (disk full, lock,
 * connection) still fail the push, to be retried.
 */
async function applyItem(txs: SyncTransactions, tx: SyncTransaction, device: Device, m: PreparedMutation, failures: PushItemFailure[]): Promise<ApplyOutcome> {
  try {
    return await tx.savepoint(() => applyOne(tx, device, m));
  } catch (e) {
    if (txs.isStorageError(e)) throw e;
    failures.push({ seq: m.seq, kind: m.kind, error: e });
    return { rejected: `the server failed on this item (${(e as Error).message}); it has been logged`, code: 'syncReason.internal' };
  }
}

export async function applyPush(
  txs: SyncTransactions,
  deviceId: string,
  mutations: PreparedMutation[],
): Promise<{ outcome: Result<PushResponse, Exclude<PushFailure, { kind: 'storage' }>>; failures: PushItemFailure[] }> {
  let failures: PushItemFailure[] = [];
  const outcome = await txs.write(async (tx) => {
    // A retried transaction starts over: only the last attempt's failures are reported.
    failures = [];
    const device = await tx.lockDevice(deviceId);
    if (!device) throw new Error(`no device ${deviceId}: the push was authenticated for a device the store does not hold`);
    // Checked again under the lock: a revocation that committed after the request was authenticated
    // (on any server process) still stops this push; nothing of it is applied.
    if (device.revokedAt) return err({ kind: 'revoked' as const, revokedAt: device.revokedAt });
    const last = device.lastAppliedSeq;
    const fresh = mutations.filter((m) => m.seq > last);
    if (fresh.length > 0 && fresh[0]!.seq > last + 1) return err({ kind: 'sequence_gap' as const, lastAppliedSeq: last });

    const results: PushItemResult[] = [];
    for (const m of mutations) {
      if (m.seq <= last) {
        // Answer a replay as the first time, so a rejection lost with its response is not forgotten.
        const logged = await tx.loggedMutation(device, m.seq);
        results.push(
          logged?.status === 'rejected'
            ? { seq: m.seq, status: 'rejected', reason: logged.reason, code: logged.code }
            : { seq: m.seq, status: 'duplicate', reason: null },
        );
        continue;
      }
      const applied = await applyItem(txs, tx, device, m, failures);
      const result: PushItemResult =
        typeof applied === 'string'
          ? { seq: m.seq, status: applied, reason: null }
          : { seq: m.seq, status: 'rejected', reason: applied.rejected, code: applied.code };
      await tx.logMutation({
        centerCode: device.centerCode,
        deviceId,
        seq: m.seq,
        mutationId: m.id,
        kind: m.kind,
        at: m.at,
        status: result.status === 'rejected' ? 'rejected' : 'applied',
        reason: result.reason,
        code: result.code ?? null,
      });
      results.push(result);
    }
    const lastAppliedSeq = fresh.length > 0 ? fresh[fresh.length - 1]!.seq : last;
    if (lastAppliedSeq !== last) await tx.setLastAppliedSeq(device, lastAppliedSeq);
    return ok({ lastAppliedSeq, results });
  });
  return { outcome, failures };
}
