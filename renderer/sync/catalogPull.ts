/**
 * The catalog's one sync path, for the kiosk and the counter alike: ask for what changed since the
 * version this device holds, apply it (catalogRepository.ts). The kiosk runs it on its own timer;
 * the counter's sync engine runs it in each cycle. What uses the catalog follows the database.
 */
import type { CatalogChanges } from '../../shared/sync/protocol.ts';
import { applyCatalogChanges, heldCatalogVersion, type CatalogApplyOutcome } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { storageErrorFrom } from '../data/storageError.ts';
import type { Answer, ApiFailure } from './apiClient.ts';

export type CatalogPull =
  | { ok: true; outcome: CatalogApplyOutcome }
  | { ok: false; error: ApiFailure }
  /** The answer came but could not be stored (a full disk): it is handed back, to be used until the app stops. */
  | { ok: false; error: { kind: 'storage'; reason: string; quota: boolean }; changes: CatalogChanges };

export async function pullCatalog(db: MotcuaDb, fetchChanges: (since: number) => Promise<Answer<CatalogChanges>>, at: () => string): Promise<CatalogPull> {
  // None held, or storage unreadable: ask for the whole catalog (the answer may still serve this run).
  const answer = await fetchChanges((await heldCatalogVersion(db)) ?? 0);
  if (!answer.ok) return { ok: false, error: answer.error };
  try {
    return { ok: true, outcome: await applyCatalogChanges(db, answer.value, at()) };
  } catch (e) {
    const failure = storageErrorFrom(e);
    return { ok: false, error: { kind: 'storage', reason: failure.reason, quota: failure.kind === 'quota' }, changes: answer.value };
  }
}
