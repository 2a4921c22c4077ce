/**
 * The kiosk's side of the catalog's one sync path (sync/catalogPull.ts): it has no sync engine, so
 * it asks itself, at start, when the link comes back and now and then. What the database then holds
 * reaches the search through useCatalog.ts; what it says of the attempt goes to `report`.
 */
import { useEffect } from 'react';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { heldCatalogVersion } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { noAnswer } from '../sync/apiClient.ts';
import { pullCatalog } from '../sync/catalogPull.ts';
import { fetchCatalogChanges } from '../sync/syncClient.ts';
import type { CatalogInfo, UpdateStatus } from './useCatalog.ts';

/** What a pull says: how the update went, and what stands in while the device holds no catalog. */
export interface CatalogPullReport {
  update: UpdateStatus;
  /** The disk refused a whole catalog (full): 'quota' or 'unavailable'. */
  storageProblem?: 'quota' | 'unavailable';
  /** A catalog to search while none is stored: the bundled demo, or the whole catalog the disk refused. */
  standIn?: { procedures: Procedure[]; info: CatalogInfo };
}

/** How often the kiosk asks whether the catalog changed (an empty answer of a few bytes when not). */
const PULL_EVERY_MS = 10 * 60_000;

export function useCatalogPull(db: MotcuaDb, serverUrl: string, report: (r: CatalogPullReport) => void): void {
  useEffect(() => {
    let stopped = false;
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      report({ update: 'checking' });
      const pulled = await pullCatalog(db, (since) => fetchCatalogChanges(serverUrl, since), () => new Date().toISOString());
      running = false;
      if (stopped) return;
      if (pulled.ok) {
        report({ update: pulled.outcome === 'updated' ? 'updated' : 'current' });
        return;
      }
      if ('changes' in pulled) {
        const { changes } = pulled;
        const info: CatalogInfo = { version: changes.version, source: changes.source ?? 'server', generatedAt: changes.generatedAt ?? new Date().toISOString(), count: changes.upserts.length, origin: 'server' };
        report({ update: 'updated', storageProblem: pulled.error.quota ? 'quota' : 'unavailable', ...(changes.full ? { standIn: { procedures: changes.upserts, info } } : {}) });
        return;
      }
      const update = noAnswer(pulled.error) ? 'offline' : 'failed';
      const held = await heldCatalogVersion(db);
      if (held !== null || stopped) {
        report({ update });
        return;
      }
      // Never had a catalog and cannot get one: the bundled demo, until the server answers.
      const { demoCatalog } = await import('../../shared/catalog/demoCatalog.ts');
      const info: CatalogInfo = { version: demoCatalog.version, source: demoCatalog.source, generatedAt: demoCatalog.generatedAt, count: demoCatalog.procedures.length, origin: 'bundled' };
      if (!stopped) report({ update, standIn: { procedures: demoCatalog.procedures, info } });
    };
    void run();
    const timer = window.setInterval(() => void run(), PULL_EVERY_MS);
    const onOnline = () => void run();
    window.addEventListener('online', onOnline);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [db, serverUrl, report]);
}
