/** The kiosk's last known answer for each file number it looked up, shown offline with its "as of" time. */
import { publicFileStatusSchema, type PublicFileStatus } from '../../shared/sync/publicApi.ts';
import { sameLookupCode } from '../../shared/files/lookupCode.ts';
import type { LookupRow, MotcuaDb } from './db.ts';

/** How many numbers the kiosk remembers; the oldest answers go first. */
const KEEP = 500;

export async function rememberLookup(db: MotcuaDb, answer: PublicFileStatus, lookupCode: string, checkedAt = new Date().toISOString()): Promise<void> {
  try {
    await db.lookups.put({ number: answer.number, answer, checkedAt, lookupCode });
    const count = await db.lookups.count();
    if (count > KEEP) {
      const rows = await db.lookups.toArray();
      const oldest = rows.sort((a, b) => a.checkedAt.localeCompare(b.checkedAt)).slice(0, count - KEEP);
      await db.lookups.bulkDelete(oldest.map((r) => r.number));
    }
  } catch {
    // A full or broken store only costs the offline answer; the lookup itself succeeded.
  }
}

/**
 * The stored answer for a number, validated as it is read back; null when none, unreadable, or the
 * code is not the one it was looked up with (offline, the kiosk asks for the code as the server does).
 */
export async function lastKnownLookup(db: MotcuaDb, number: string, lookupCode: string): Promise<LookupRow | null> {
  try {
    const row = await db.lookups.get(number);
    if (!row || typeof row.lookupCode !== 'string' || !sameLookupCode(row.lookupCode, lookupCode)) return null;
    const answer = publicFileStatusSchema.safeParse(row.answer);
    return answer.success && typeof row.checkedAt === 'string' ? { ...row, answer: answer.data } : null;
  } catch {
    return null;
  }
}
