/**
 * Brings the catalog up at start-up: the local copy first (no network needed), then a quiet
 * check with the server; the bundled demo catalog only when the device has never had one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import type { Lexicon } from '../../shared/catalog/language/lexicon.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { SearchEngine } from '../../shared/catalog/searchTypes.ts';
import { loadLocalCatalog, saveCatalog, type StorageError } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { lexiconsWith, loadVocabulary } from '../data/vocabularyRepository.ts';
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

type Lexicons = { vi: Lexicon; en: Lexicon };

function ready(procedures: Procedure[], info: CatalogInfo, update: UpdateStatus, storageProblem: StorageError | null, lexicons: Lexicons): CatalogState {
  return { phase: 'ready', engine: createSearchEngine(procedures, { lexicons }), procedures, info, update, storageProblem };
}

export function useCatalog(db: MotcuaDb, serverUrl: string): CatalogState {
  const [state, setState] = useState<CatalogState>({ phase: 'loading' });
  const version = useRef<number | null>(null);
  const running = useRef(false);
  // The center's taught vocabulary on top of the bundled lexicons (read before the first engine is built).
  const lexicons = useRef<Lexicons>(lexiconsWith(null).lexicons);
  const vocabularyVersion = useRef<number | null>(null);

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
            : ready(demoCatalog.procedures, { ...infoOf(demoCatalog), origin: 'bundled' }, update, null, lexicons.current),
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
      setState(ready(catalog.procedures, { ...infoOf(catalog), origin: 'server' }, 'updated', saved.ok ? null : saved.error, lexicons.current));
    } finally {
      running.current = false;
    }
  }, [db, serverUrl]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [local, vocabulary] = await Promise.all([loadLocalCatalog(db), loadVocabulary(db)]);
      if (cancelled) return;
      if (vocabulary.ok && vocabulary.value) {
        lexicons.current = lexiconsWith(vocabulary.value.vocabulary).lexicons;
        vocabularyVersion.current = vocabulary.value.vocabulary.version;
      }
      if (local.ok && local.value) {
        const { meta, procedures } = local.value;
        version.current = meta.version;
        setState(ready(procedures, { ...meta, count: procedures.length, origin: 'device' }, 'checking', null, lexicons.current));
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
      setState(ready(procedures, { ...meta, count: procedures.length, origin: 'device' }, 'updated', null, lexicons.current));
    });
    return () => {
      cancelled = true;
    };
  }, [db, storedVersion]);

  // A newer taught vocabulary (pulled by sync/vocabularyPull.ts): the same procedures, a new engine.
  const storedVocabulary = useLiveQuery(() => db.vocabulary.get('center'), [db]);
  const storedVocabularyVersion = storedVocabulary?.vocabulary.version ?? null;
  useEffect(() => {
    if (storedVocabularyVersion === null || storedVocabularyVersion === vocabularyVersion.current) return;
    let cancelled = false;
    void loadVocabulary(db).then((held) => {
      if (cancelled || !held.ok || !held.value || held.value.vocabulary.version === vocabularyVersion.current) return;
      vocabularyVersion.current = held.value.vocabulary.version;
      lexicons.current = lexiconsWith(held.value.vocabulary).lexicons;
      setState((s) => (s.phase === 'ready' ? { ...s, engine: createSearchEngine(s.procedures, { lexicons: lexicons.current }) } : s));
    });
    return () => {
      cancelled = true;
    };
  }, [db, storedVocabularyVersion]);

  return state;
}

function infoOf(c: { version: number; source: string; generatedAt: string; procedures: unknown[] }) {
  return { version: c.version, source: c.source, generatedAt: c.generatedAt, count: c.procedures.length };
}
