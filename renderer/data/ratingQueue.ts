/**
 * Satisfaction ratings, stored on the kiosk before anything else and sent to the public endpoint
 * when there is a link. The rating's id makes a resend harmless, so a lost answer is simply retried.
 */
import { ratingPayloadSchema, type RatingPayload } from '../../shared/sync/protocol.ts';
import type { MotcuaDb } from './db.ts';

export interface NewRating {
  fileNumber: string | null;
  /** The receipt's lookup code the citizen looked the file up with (an anonymous kiosk's rating counts only with it). */
  lookupCode?: string;
  score: 1 | 2 | 3 | 4;
  reasons: string[];
}

/** Stores a rating as pending; throws only if the local store itself fails (the screen says so). */
export async function saveRating(db: MotcuaDb, rating: NewRating, at = new Date()): Promise<RatingPayload> {
  const payload = ratingPayloadSchema.parse({ id: crypto.randomUUID(), ...rating, at: at.toISOString() });
  await db.ratings.add({ id: payload.id, payload, state: 'pending', attempts: 0, sentAt: null });
  return payload;
}

export async function pendingRatings(db: MotcuaDb): Promise<RatingPayload[]> {
  const rows = await db.ratings.where('state').equals('pending').toArray();
  return rows.flatMap((row) => {
    const parsed = ratingPayloadSchema.safeParse(row.payload);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function markRatingSent(db: MotcuaDb, id: string, at = new Date()): Promise<void> {
  await db.ratings.update(id, { state: 'sent', sentAt: at.toISOString() });
}

export async function noteRatingAttempt(db: MotcuaDb, id: string): Promise<void> {
  const row = await db.ratings.get(id);
  if (row) await db.ratings.update(id, { attempts: row.attempts + 1 });
}
