/**
 * The catalog's one sync path, for the kiosk and the counter alike: ask for what changed since the
 * version this device holds, apply it (catalogRepository.ts). The kiosk runs it on its own timer;
 * the counter's sync engine runs it in each cycle. What uses the catalog follows the database.
 */
import type { CatalogChanges } from '../../shared/sync/protocol.ts';
import { applyCatalogChanges, type CatalogApplyOutcome } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { storageErrorFrom } from '../data/storageError.ts';
import type { SyncClientError, Timed } from './syncClient.ts';

export type CatalogPull =
  | { ok: true; outcome: CatalogApplyOutcome }
  | { ok: false; error: SyncClientError }
  /** The answer came but could not be stored (a full disk): it is handed back, to be used until the app stops. */
  | { ok: false; error: { kind: 'storage'; reason: string; quota: boolean }; changes: CatalogChanges };

export async function pullCatalog(db: MotcuaDb, fetchChanges: (since: number) => Promise<Timed<CatalogChanges>>, at: () => string): Promise<CatalogPull> {
  let since = 0;
  try {
    since = (await db.catalogMeta.get('catalog'))?.version ?? 0;
  } catch {
    // Storage unreadable: ask for the whole catalog, the answer may still serve this run.
  }
  const answer = await fetchChanges(since);
  if (!answer.ok) return { ok: false, error: answer.error };
  try {
    return { ok: true, outcome: await applyCatalogChanges(db, answer.value, at()) };
  } catch (e) {
    const failure = storageErrorFrom(e);
    return { ok: false, error: { kind: 'storage', reason: failure.reason, quota: failure.kind === 'quota' }, changes: answer.value };
  }
}
