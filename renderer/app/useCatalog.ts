/**
 * Brings the catalog up at start-up: the local copy first (no network needed), then a quiet
 * check with the server; the bundled demo catalog only when the device has never had one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { SearchEngine } from '../../shared/catalog/searchTypes.ts';
import { loadLocalCatalog, saveCatalog, type StorageError } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { fetchCatalogIfChanged } from '../sync/fetchCatalog.ts';

export interface CatalogInfo {
  version: number;
  source: string;
  count: number;
  generatedAt: string;
  /** Where the catalog in use came from on this run. */
  origin: 'device' | 'server' | 'bundled';
}

export type UpdateStatus = 'checking' | 'current' | 'updated' | 'offline' | 'failed';

export type CatalogState =
  | { phase: 'loading' }
  | {
      phase: 'ready';
      engine: SearchEngine;
      procedures: Procedure[];
      info: CatalogInfo;
      update: UpdateStatus;
      storageProblem: StorageError | null;
    };

function ready(procedures: Procedure[], info: CatalogInfo, update: UpdateStatus, storageProblem: StorageError | null): CatalogState {
  return { phase: 'ready', engine: createSearchEngine(procedures), procedures, info, update, storageProblem };
}

export function useCatalog(db: MotcuaDb, serverUrl: string): CatalogState {
  const [state, setState] = useState<CatalogState>({ phase: 'loading' });
  const version = useRef<number | null>(null);
  const running = useRef(false);

  const checkForUpdate = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      setState((s) => (s.phase === 'ready' ? { ...s, update: 'checking' } : s));
      const fetched = await fetchCatalogIfChanged(serverUrl, version.current);
      if (!fetched.ok) {
        const update: UpdateStatus = fetched.error === 'offline' ? 'offline' : 'failed';
        setState((s) =>
          s.phase === 'ready'
            ? { ...s, update }
            : ready(demoCatalog.procedures, { ...infoOf(demoCatalog), origin: 'bundled' }, update, null),
        );
        return;
      }
      if (fetched.value.status === 'unchanged') {
        setState((s) => (s.phase === 'ready' ? { ...s, update: 'current' } : s));
        return;
      }
      const { catalog } = fetched.value;
      const saved = await saveCatalog(db, catalog);
      version.current = catalog.version;
      setState(ready(catalog.procedures, { ...infoOf(catalog), origin: 'server' }, 'updated', saved.ok ? null : saved.error));
    } finally {
      running.current = false;
    }
  }, [db, serverUrl]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const local = await loadLocalCatalog(db);
      if (cancelled) return;
      if (local.ok && local.value) {
        const { meta, procedures } = local.value;
        version.current = meta.version;
        setState(ready(procedures, { ...meta, count: procedures.length, origin: 'device' }, 'checking', null));
      }
      await checkForUpdate();
    })();
    const onOnline = () => void checkForUpdate();
    window.addEventListener('online', onOnline);
    return () => {
      cancelled = true;
      window.removeEventListener('online', onOnline);
    };
  }, [db, checkForUpdate]);

  // The counter's sync engine applies catalog changes straight to the database; follow it, so the
  // search sees them and the next check does not download what the device already has.
  const stored = useLiveQuery(() => db.catalogMeta.get('catalog'), [db]);
  const storedVersion = stored?.version ?? null;
  useEffect(() => {
    if (storedVersion === null || storedVersion === version.current) return;
    let cancelled = false;
    void loadLocalCatalog(db).then((local) => {
      if (cancelled || !local.ok || !local.value || local.value.meta.version === version.current) return;
      const { meta, procedures } = local.value;
      version.current = meta.version;
      setState(ready(procedures, { ...meta, count: procedures.length, origin: 'device' }, 'updated', null));
    });
    return () => {
      cancelled = true;
    };
  }, [db, storedVersion]);

  return state;
}

function infoOf(c: { version: number; source: string; generatedAt: string; procedures: unknown[] }) {
  return { version: c.version, source: c.source, generatedAt: c.generatedAt, count: c.procedures.length };
}
