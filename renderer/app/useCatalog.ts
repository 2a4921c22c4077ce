/**
 * The catalog and its search, as this device holds them: read from the database at start (no
 * network needed), then followed live, whoever changed it (the kiosk's pull, useCatalogPull.ts, or
 * the counter's sync engine). The search index comes prepared from storage; a new catalog version
 * gets its index prepared once, in a worker, and stored. A stand-in (the bundled demo catalog) is
 * searched only while the device has never had a catalog and the pull says it cannot get one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { prepareCatalog, preparedCatalogData, restorePreparedCatalog, type PreparedCatalog } from '../../shared/catalog/preparedCatalog.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { SearchEngine } from '../../shared/catalog/searchTypes.ts';
import { saveSearchIndex, type HeldDetails, type LocalCatalog, type StorageError } from '../data/catalogRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { lexiconsWith } from '../data/vocabularyRepository.ts';
import { readStoredCatalog, takeCatalogRead } from './catalogFirstRead.ts';
import { checkOffThread, prepareOffThread } from './catalogOffThread.ts';
import { whenIdle } from './idleWork.ts';
import type { CatalogPullReport } from './useCatalogPull.ts';

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
      /**
       * Whether the procedures' details (documents, steps, legal basis) are read: a start reads them
       * after its first screen; a screen that shows them waits for this, asking with `readDetails`.
       */
      detailsReady: boolean;
      readDetails(): void;
    };

/** A catalog the screens can work with (the kiosk's screens mount once there is one). */
export type ReadyCatalog = Extract<CatalogState, { phase: 'ready' }>;

type Built = Omit<ReadyCatalog, 'phase' | 'update' | 'storageProblem' | 'detailsReady' | 'readDetails'> & {
  /** Absent when the procedures carry their details (the stand-in). */
  details?: HeldDetails;
};
type Lexicons = Awaited<ReturnType<typeof lexiconsWith>>['lexicons'];

/** useLiveQuery's value before its first read. */
const UNREAD = -1;

export interface HeldCatalog {
  state: CatalogState;
  /** The device holds no catalog (read and found none): a pull must bring one before anything else. */
  holdsNone: boolean;
  /** What the kiosk's pull said (useCatalogPull.ts); the counter's sync engine reports nothing here. */
  pulled(report: CatalogPullReport): void;
}

export function useCatalog(db: MotcuaDb): HeldCatalog {
  const [built, setBuilt] = useState<Built | null>(null);
  const [update, setUpdate] = useState<UpdateStatus>('checking');
  const [storageProblem, setStorageProblem] = useState<StorageError | null>(null);
  // While the device holds no catalog: the bundled demo (the kiosk's first pull failed), or a whole
  // catalog the disk could not take (used until the app stops).
  const [standIn, setStandIn] = useState<Omit<Built, 'engine'> | null>(null);
  const pulledThisRun = useRef(false);
  // Told when the held details have been read (a new render then says they are ready).
  const [, setDetailsRead] = useState(0);
  const detailsRead = useCallback(() => setDetailsRead((n) => n + 1), []);
  // Whether a catalog is on screen (then new work goes to the worker).
  const showing = useRef(false);
  // The index in use, kept when only the taught vocabulary changes.
  const prepared = useRef<KeptIndex | null>(null);

  // What the database holds, followed once the first read is on screen (or found nothing to show):
  // the first read goes without Dexie (app/catalogFirstRead.ts), and following it any sooner would
  // open Dexie's database in the middle of the first screen. Storage that cannot be read counts as
  // holding nothing (loadLocalCatalog then says why).
  const [following, setFollowing] = useState(false);
  const heldVersion = useLiveQuery(() => (following ? db.catalogMeta.get('catalog').then((m) => m?.version ?? null, () => null) : UNREAD), [db, following], UNREAD);
  const vocabularyVersion = useLiveQuery(() => (following ? db.vocabulary.get('center').then((v) => v?.vocabulary.version ?? null, () => null) : UNREAD), [db, following], UNREAD);

  const pulled = useCallback((report: CatalogPullReport) => {
    if (report.update === 'updated' && !report.storageProblem) pulledThisRun.current = true;
    setUpdate(report.update);
    if (report.storageProblem) setStorageProblem(report.storageProblem);
    if (report.standIn) setStandIn((current) => current ?? report.standIn!);
  }, []);

  // Whatever the database holds, with the center's taught vocabulary, becomes the search: read at
  // once at start (main.tsx began the read), then again whenever either changes. One read at a time;
  // when one ends, what it read is compared with what the database holds now.
  const reading = useRef(false);
  const loaded = useRef<string | null>(null);
  const unmounted = useRef(false);
  const [reads, setReads] = useState(0);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);
  useEffect(() => {
    const unread = heldVersion === UNREAD || vocabularyVersion === UNREAD;
    if (reading.current || (loaded.current !== null && (unread || loaded.current === `${heldVersion}|${vocabularyVersion}`))) return;
    reading.current = true;
    const gone = () => unmounted.current;
    void (async () => {
      const [local, vocabulary] = await (takeCatalogRead(db) ?? readStoredCatalog(db));
      loaded.current = `${local.ok ? (local.value?.meta.version ?? null) : null}|${vocabulary.ok ? (vocabulary.value?.vocabulary.version ?? null) : null}`;
      reading.current = false;
      if (gone()) return;
      setReads((n) => n + 1);
      const { lexicons } = await lexiconsWith(vocabulary.ok && vocabulary.value ? vocabulary.value.vocabulary : null);
      if (!local.ok) setStorageProblem(local.error);
      // Followed from the render that shows it; or at once when there is nothing to show.
      const shown = (next: Built) => {
        setBuilt(next);
        setFollowing(true);
      };
      if (local.ok && local.value) await showHeld({ db, prepared, showing, pulledThisRun, setBuilt: shown, detailsRead, gone }, local.value, lexicons);
      if (!gone()) setFollowing(true);
    })();
  }, [db, heldVersion, vocabularyVersion, reads, detailsRead]);

  const standInSearch = useMemo(() => (standIn ? { ...standIn, engine: createSearchEngine(standIn.procedures) } : null), [standIn]);
  const shown = built ?? standInSearch;
  const details = shown && 'details' in shown ? shown.details : undefined;
  const readDetails = useCallback(() => {
    if (details && !details.loaded) void details.load().then(detailsRead);
  }, [details, detailsRead]);
  return {
    state: shown ? { phase: 'ready', ...shown, update, storageProblem, detailsReady: !details || details.loaded, readDetails } : { phase: 'loading' },
    holdsNone: heldVersion === null,
    pulled,
  };
}

/** The index in use, with the procedures it was made over (its hits are those objects) and their details. */
interface KeptIndex {
  version: number;
  prepared: PreparedCatalog;
  procedures: Procedure[];
  details: HeldDetails;
}

/** What showHeld works with: the hook's refs and setter, and whether the hook is gone. */
interface ShowContext {
  db: MotcuaDb;
  /** The index in use, kept when only the taught vocabulary changes. */
  prepared: { current: KeptIndex | null };
  /** Whether a catalog is on screen (then new work goes to the worker). */
  showing: { current: boolean };
  pulledThisRun: { current: boolean };
  setBuilt(built: Built): void;
  /** The held details have been read. */
  detailsRead(): void;
  gone(): boolean;
}

/** The held procedures, each checked against the schema (its code loaded when a check is needed); null when storage cannot be read. */
async function checkedProcedures(held: LocalCatalog): Promise<Procedure[] | null> {
  const texts = await held.details.load();
  return texts.ok ? (await import('../data/catalogRows.ts')).readProcedures(texts.value).procedures : null;
}

/** Shows a catalog read from the database: with its stored index at once, else once the index is prepared. */
async function showHeld(ctx: ShowContext, held: LocalCatalog, lexicons: Lexicons): Promise<void> {
  const { db, prepared, showing, pulledThisRun, setBuilt, detailsRead, gone } = ctx;
  const show = (procedures: Procedure[], ready: PreparedCatalog, details: HeldDetails = held.details) => {
    prepared.current = { version: held.meta.version, prepared: ready, procedures, details };
    showing.current = true;
    const { meta } = held;
    // Not warmed here: a screen warms it once it is up (the kiosk's just after its first frame, App.tsx),
    // so the first screen does not wait for what only the first key needs.
    const engine = createSearchEngine(procedures, { prepared: ready, lexicons });
    setBuilt({
      engine,
      procedures,
      details,
      info: { version: meta.version, source: meta.source, generatedAt: meta.generatedAt, count: procedures.length, origin: pulledThisRun.current ? 'server' : 'device' },
    });
  };
  /**
   * A version seen for the first time: its index is prepared once and kept. Off the page's thread
   * while a catalog is on screen (an update must not freeze it); on it when nothing is shown yet
   * (a first start waits for it anyway, and a worker would read the catalog a second time).
   */
  const prepare = async (procedures: Procedure[]): Promise<PreparedCatalog | null> => {
    if (!showing.current) {
      const ready = prepareCatalog(procedures);
      void saveSearchIndex(db, held.meta.version, preparedCatalogData(ready));
      return ready;
    }
    const texts = await held.details.load();
    const offThread = texts.ok ? await prepareOffThread(texts.value) : texts;
    if (gone()) return null;
    const restored = offThread.ok ? restorePreparedCatalog(offThread.value, procedures) : null;
    const ready = restored ?? prepareCatalog(procedures);
    void saveSearchIndex(db, held.meta.version, offThread.ok && restored ? offThread.value : preparedCatalogData(ready));
    return ready;
  };
  // The usual start reads the stored index and leaves the record-by-record check to the worker;
  // a version without an index is checked here, as its index is prepared from the checked records.
  const kept = prepared.current?.version === held.meta.version ? prepared.current : null;
  if (kept) {
    // The same version again (the taught vocabulary changed): its index, over the procedures it was
    // made for (its hits are those objects), their details read or not as they were; the read that
    // showed them first goes on checking them.
    show(kept.procedures, kept.prepared, kept.details);
    return;
  }
  const stored = held.prepared ? restorePreparedCatalog(held.prepared, held.procedures) : null;
  if (stored) {
    // One replacing a catalog already on screen comes with its details read: a screen that shows
    // them (useCatalog's detailsReady) never goes back to waiting. Only a start shows one without.
    if (showing.current) {
      await held.details.load();
      if (gone()) return;
    }
    show(held.procedures, stored);
    // The procedures' details (data/catalogTexts.ts) read and parsed at a quiet moment, before anyone opens a procedure.
    whenIdle(async () => {
      const read = await held.details.load();
      if (read.ok) void held.procedures[0]?.documents;
      detailsRead();
    }, 'later');
    // At a quiet moment after the first screen: even starting the worker costs the page's thread.
    await new Promise<void>((resolve) => whenIdle(resolve, 'later'));
    if (gone()) return;
    const texts = await held.details.load();
    if (!texts.ok) return;
    const failing = await checkOffThread(texts.value);
    // A record the schema refuses (or no worker to tell): checked here, and the index prepared again without it.
    if (gone() || (failing.ok && failing.value.length === 0)) return;
    const checked = await checkedProcedures(held);
    if (!checked || checked.length === held.procedures.length) return;
    const ready = await prepare(checked);
    if (ready && !gone()) show(checked, ready);
    return;
  }
  const checked = await checkedProcedures(held);
  if (!checked || checked.length === 0) return;
  const ready = await prepare(checked);
  if (ready && !gone()) show(checked, ready);
}
