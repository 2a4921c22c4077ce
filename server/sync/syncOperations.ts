/**
 * The exactly-once part of a store (FileStore's applyPush, changeStatus and the two rating entries),
 * built once over any store's SyncTransactions: the rules are server/sync/apply*.ts, the store only
 * supplies transactions and queries. The database's own failures become StorageFailure values.
 */
import { err, ok, type Result } from '../../shared/result.ts';
import type { FileStore, StorageFailure } from '../store/store.ts';
import { applyPush } from './applyPush.ts';
import { storeDeviceRating, ratingConflict, storePublicRating } from './applyRating.ts';
import { applyStatusChange } from './applyStatusChange.ts';
import type { SyncTransactions } from './syncTransaction.ts';

export type SyncOperations = Pick<FileStore, 'applyPush' | 'changeStatus' | 'addPublicRating' | 'addDeviceRating'>;

export function createSyncOperations(txs: SyncTransactions): SyncOperations {
  /** The database's own failures as values (the request can be retried); anything else is a bug and goes on. */
  async function guard<T, E>(work: () => Promise<Result<T, E>>): Promise<Result<T, E | StorageFailure>> {
    try {
      return await work();
    } catch (e) {
      if (txs.isStorageError(e)) return err({ kind: 'storage', reason: txs.describeStorageError(e) });
      throw e;
    }
  }

  return {
    applyPush: async (deviceId, mutations, onItemFailure) =>
      guard(async () => {
        const { outcome, failures } = await applyPush(txs, deviceId, mutations);
        // Reported once the transaction is over, so a retried attempt is not reported twice.
        for (const failure of failures) onItemFailure?.(failure);
        return outcome;
      }),
    changeStatus: async (change) => guard(() => txs.write((tx) => applyStatusChange(tx, change))),
    addPublicRating: async (centerCode, rating, receivedAt) => guard(() => txs.write((tx) => storePublicRating(tx, centerCode, rating, receivedAt))),
    addDeviceRating: async (device, rating, receivedAt) =>
      guard(() =>
        txs.write(async (tx) => {
          const outcome = await storeDeviceRating(tx, device, rating, receivedAt);
          return outcome === 'conflict' ? err({ kind: 'conflict' as const, reason: ratingConflict(rating.id) }) : ok(outcome);
        }),
      ),
  };
}
