/**
 * The kiosk's searches on the device until the server has them: written here first (a search is
 * never lost to the network), sent in batches (sync/searchLogSender.ts), deleted once the server
 * answers. Bounded: nothing older than 90 days and at most MAX_KEPT searches, oldest dropped first,
 * so a kiosk that never reaches its server does not fill its disk.
 */
import { RETENTION_DAYS, searchSessionSchema, type SearchSession, type SessionResult } from '../../shared/learning/searchSession.ts';
import type { MotcuaDb, SearchSessionRow } from './db.ts';

export const MAX_KEPT = 2_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Stores one finished search (already scrubbed) and applies the bounds. Throws only if IndexedDB fails. */
export async function recordSearch(db: MotcuaDb, session: SearchSession, options: { now?: Date; maxKept?: number } = {}): Promise<void> {
  const valid = searchSessionSchema.parse(session);
  await db.transaction('rw', db.searchSessions, async () => {
    await db.searchSessions.put({ id: valid.id, session: valid, state: 'pending', reason: null, at: new Date(valid.at).toISOString() });
    await applyBounds(db, options.now ?? new Date(), options.maxKept ?? MAX_KEPT);
  });
}

/** Applies the bounds without a new search (on every drain), so 90 days hold on a kiosk nobody uses. */
export async function pruneSearches(db: MotcuaDb, now = new Date()): Promise<void> {
  await db.transaction('rw', db.searchSessions, () => applyBounds(db, now, MAX_KEPT));
}

async function applyBounds(db: MotcuaDb, now: Date, maxKept: number): Promise<void> {
  const oldest = new Date(now.getTime() - RETENTION_DAYS * DAY_MS).toISOString();
  await db.searchSessions.where('at').below(oldest).delete();
  const extra = (await db.searchSessions.count()) - maxKept;
  if (extra > 0) await db.searchSessions.orderBy('at').limit(extra).delete();
}

/** The oldest pending searches, up to `limit`; a row that no longer fits the schema is dropped, not sent. */
export async function pendingSearches(db: MotcuaDb, limit: number): Promise<SearchSession[]> {
  const rows: SearchSessionRow[] = await db.searchSessions.where('state').equals('pending').sortBy('at');
  const out: SearchSession[] = [];
  for (const row of rows.slice(0, limit)) {
    const parsed = searchSessionSchema.safeParse(row.session);
    if (parsed.success) out.push(parsed.data);
    else await db.searchSessions.update(row.id, { state: 'refused', reason: 'damaged on this device' });
  }
  return out;
}

/** Applies the server's answer: kept (or too old to keep) → deleted here; refused → kept with its reason, not resent. */
export async function settleSearches(db: MotcuaDb, results: readonly SessionResult[]): Promise<void> {
  await db.transaction('rw', db.searchSessions, async () => {
    const done = results.filter((r) => r.status !== 'rejected').map((r) => r.id);
    await db.searchSessions.bulkDelete(done);
    for (const r of results.filter((x) => x.status === 'rejected')) await db.searchSessions.update(r.id, { state: 'refused', reason: r.reason });
  });
}

export async function searchLogCounts(db: MotcuaDb): Promise<{ pending: number; refused: number }> {
  const [pending, refused] = await Promise.all([db.searchSessions.where('state').equals('pending').count(), db.searchSessions.where('state').equals('refused').count()]);
  return { pending, refused };
}
