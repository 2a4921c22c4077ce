/**
 * Ratings, stored once per id and counted at most once per file: from a device through
 * POST /api/ratings, or from the public route with the receipt's lookup code. The file's row is
 * locked before "does a rating count for it yet?" is asked, so two ratings of one file arriving at
 * once (two kiosks, two connections) cannot both count.
 */
import { sameLookupCode } from '../../shared/files/lookupCode.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { RatingPayload } from '../../shared/sync/protocol.ts';
import type { Device, RatingConflict, RatingNeedsCode, RatingOutcome, StoredRating } from '../store/store.ts';
import type { SyncTransaction } from './syncTransaction.ts';

export const ratingConflict = (id: string) => `another rating with id ${id} is already on the server`;

/** The same rating again (a resend) is a duplicate; other content under its id is a conflict. */
function answerStored(stored: StoredRating, deviceId: string | null, rating: RatingPayload): RatingOutcome | 'conflict' {
  const same =
    stored.deviceId === deviceId && stored.fileNumber === rating.fileNumber && stored.score === rating.score &&
    JSON.stringify(stored.reasons) === JSON.stringify(rating.reasons) && stored.givenAt === rating.at;
  return same ? { status: 'duplicate', counted: stored.counted } : 'conflict';
}

/**
 * Stores a rating once, from a device or (deviceId null) the public endpoint. `counts` says
 * whether it may count in the figures; it then counts only if no rating of the same file counts
 * yet (one per file, the first to arrive). The caller has locked the file's row, if any.
 */
async function storeRating(
  tx: SyncTransaction,
  centerCode: string | null,
  deviceId: string | null,
  rating: RatingPayload,
  receivedAt: string,
  counts: boolean,
): Promise<RatingOutcome | 'conflict'> {
  const existing = await tx.ratingById(rating.id);
  if (existing) return answerStored(existing, deviceId, rating);
  const first = centerCode !== null && (rating.fileNumber === null || !(await tx.countedRatingExists(centerCode, rating.fileNumber)));
  const counted = counts && first;
  const inserted = await tx.insertRating({
    id: rating.id,
    centerCode,
    deviceId,
    fileNumber: rating.fileNumber,
    score: rating.score,
    reasons: rating.reasons,
    at: receivedAt,
    givenAt: rating.at,
    storedAt: new Date().toISOString(),
    counted,
  });
  if (inserted) return { status: 'applied', counted };
  // The same id arrived on another connection meanwhile: answer as if it had been there before.
  const stored = await tx.ratingById(rating.id);
  if (!stored) throw new Error(`rating ${rating.id} was neither inserted nor found`);
  return answerStored(stored, deviceId, rating);
}

/** A device speaks for its own center: its visit ratings count, and its file ratings for the center's files. */
export async function storeDeviceRating(tx: SyncTransaction, device: Device, rating: RatingPayload, receivedAt: string): Promise<RatingOutcome | 'conflict'> {
  const fileKnown = rating.fileNumber === null || (await tx.lockFileByNumber(device.centerCode, rating.fileNumber)) !== null;
  return storeRating(tx, device.centerCode, device.id, rating, receivedAt, fileKnown);
}

/**
 * A rating through the public route: about a file only with the lookup code printed on its receipt
 * (then it counts, if it is the file's first); a visit rating proves nothing about who gave it, so
 * it is kept and never counts.
 */
export async function storePublicRating(
  tx: SyncTransaction,
  centerCode: string | null,
  rating: RatingPayload,
  receivedAt: string,
): Promise<Result<RatingOutcome, RatingConflict | RatingNeedsCode>> {
  if (rating.fileNumber !== null) {
    // Only the receipt holder knows the code: without it, a rating about a file is not taken.
    const file = centerCode === null ? null : await tx.lockFileByNumber(centerCode, rating.fileNumber);
    const code = file?.lookupCode ?? null;
    if (code === null || rating.lookupCode === undefined || !sameLookupCode(code, rating.lookupCode)) {
      return err({ kind: 'lookup_code', reason: 'a rating about a file needs the lookup code printed on its receipt' });
    }
  }
  const outcome = await storeRating(tx, centerCode, null, rating, receivedAt, rating.fileNumber !== null);
  return outcome === 'conflict' ? err({ kind: 'conflict', reason: ratingConflict(rating.id) }) : ok(outcome);
}
