/**
 * Fetches the administrative units quietly once per start of the app, a while after the form is on
 * screen, so the address field completes offline later even if nobody focused it while the server
 * was reachable. Only stores the table (ETag: usually a 304); the matcher is built on focus.
 */
import type { MotcuaDb } from '../../../data/db.ts';
import { refreshAdminUnits } from '../../../sync/adminUnitsPull.ts';

/** Long enough that the first screen, its catalog and its first sync are done. */
const PREFETCH_DELAY_MS = 20_000;

let started = false;

/** Schedules the fetch (once per app start); returns what cancels it if it has not begun. */
export function prefetchAdminUnits(db: MotcuaDb, serverUrl: string): () => void {
  if (started) return () => undefined;
  const timer = setTimeout(() => {
    started = true;
    void refreshAdminUnits(db, serverUrl);
  }, PREFETCH_DELAY_MS);
  return () => clearTimeout(timer);
}
