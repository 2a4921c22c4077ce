/**
 * The sync loop: drains the outbox to the server in numbered batches, then pulls file statuses and
 * catalog changes. It runs on start, on the browser's `online` event, on a timer and on demand,
 * never two cycles at once; failures back off exponentially with full jitter. The app never waits
 * for it: it only reports state (link, counts, progress) to whoever subscribes.
 */
import type { DeviceIdentity, MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import { outboxCounts } from '../data/outbox.ts';
import { applyCatalogChanges, applyStatusChanges } from '../data/pulledChanges.ts';
import { applyCenterListChanges, heldCenterListVersion } from '../data/centerListRepository.ts';
import { adoptServerSeq, readSyncMeta, recordPushAnswer, recordPushFailure, takeBatch, updateSyncMeta } from '../data/pushAnswers.ts';
import { mutationsFor } from '../data/pushPayloads.ts';
import { scanCounts } from '../data/scanStore.ts';
import { storageErrorFrom } from '../data/storageError.ts';
import { PUSH_BATCH_BYTES } from '../../shared/sync/pushLimits.ts';
import { fetchCenterListChanges, type CenterListLink } from './centerListClient.ts';
import { createScanUploadClient } from './scanUploadClient.ts';
import { uploadPendingScans, type ScanUploadTally } from './scanUploader.ts';
import type { TokenVault } from '../security/dataKey.ts';
import { SLOW_ANSWER_MS } from '../../shared/sync/linkTiming.ts';
import { isUnauthorised, noAnswer, type Answer, type ApiFailure } from './apiClient.ts';
import { failureKey } from './apiFailureKey.ts';
import { watchLink, type LinkWatch } from './linkWatch.ts';
import type { NetworkProbe } from '../../shared/ipc/contract.ts';
import { createSyncClient, sequenceGapOf, type SyncClient } from './syncClient.ts';

export type LinkState = 'online' | 'slow' | 'offline' | 'unauthorised' | 'unknown';

export interface SyncState {
  link: LinkState;
  /** Outbox entries waiting for the server. */
  pending: number;
  /** Outbox entries the server refused, waiting for staff to resend or cancel. */
  rejected: number;
  /** Scans waiting to be uploaded, and those the server refused for good. */
  scans: { pending: number; rejected: number };
  syncing: boolean;
  /** Pushing: entries answered so far out of those pending when the cycle began. */
  progress: { done: number; total: number } | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** When the timer will try next (ISO time), or null when stopped. */
  nextAttemptAt: string | null;
}

export type SyncError =
  | ApiFailure
  | { kind: 'not_enrolled'; reason: string }
  /** Local storage failed (full disk, unavailable); what is stored is untouched. */
  | { kind: 'storage'; reason: string };

/** What one cycle did. A cycle that fails part-way still reports what it got done. */
export interface SyncReport {
  ok: boolean;
  /** Entries the server confirmed (applied now or before). */
  pushed: number;
  /** Entries the server refused in this cycle. */
  rejected: number;
  /** Scans stored on the server in this cycle, refused for good, and the bytes sent. */
  scans: ScanUploadTally;
  /** Local files whose status the server changed. */
  statusesChanged: number;
  /** 'skipped': the server has no catalog changes endpoint; 'failed': see `catalogError`. */
  catalog: 'updated' | 'unchanged' | 'skipped' | 'failed' | 'not_reached';
  catalogError: SyncError | null;
  /** The center's own list, pulled after the catalog; 'skipped': the server has no such route. */
  centerList: 'updated' | 'unchanged' | 'skipped' | 'failed' | 'not_reached';
  error: SyncError | null;
  startedAt: string;
  finishedAt: string;
}

export interface EventSource {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface SyncEngineOptions {
  db: MotcuaDb;
  /** Where the device token is kept (the platform's vault). */
  tokens: TokenVault;
  /** The server to talk to; null or absent: the address stored at enrolment. */
  getServerUrl?: () => string | null;
  now?: () => Date;
  /** Schedules `fn` after `ms`; returns a cancel function. */
  setTimer?: (fn: () => void, ms: number) => () => void;
  /** Random in [0, 1) for the backoff jitter. */
  random?: () => number;
  /** Where `online`/`offline` events come from; default `window` when there is one. */
  events?: EventSource | null;
  fetchFn?: typeof fetch;
  /**
   * The platform's network probe. While a dead link holds the loop back, it is asked every
   * `probeEveryMs`; when the server answers, the loop runs at once instead of at the end of its backoff.
   */
  probe?: () => Promise<NetworkProbe>;
  probeEveryMs?: number;
  /** An answer slower than this marks the link slow (default SLOW_ANSWER_MS, the probe's too). */
  slowThresholdMs?: number;
  intervalMs?: number;
  batchSize?: number;
  maxBatchBytes?: number;
  /** Bytes per scan chunk (default SCAN_CHUNK_BYTES). */
  scanChunkBytes?: number;
  requestTimeoutMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
}

export interface SyncEngine {
  /** Listens for connectivity events and runs the first cycle; later cycles follow on the timer. */
  start(): void;
  /** Stops the timer and the listeners; a running cycle finishes. */
  stop(): void;
  /** Runs a cycle now, or returns the running one (and runs another right after it). */
  syncNow(): Promise<SyncReport>;
  subscribe(listener: (state: SyncState) => void): () => void;
  getState(): SyncState;
}

/** Full jitter: a random wait between 0 and base * 2^(failures-1), capped. */
export function backoffDelay(failures: number, random: () => number, baseMs = 1000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

const MAX_GAP_RETRIES = 3;

/** The link itself is down for this device: nothing else in the cycle can get through. */
const linkDown = (error: SyncError): error is ApiFailure => error.kind === 'offline' || error.kind === 'timeout' || (error.kind === 'refused' && error.status === 401);

/** An older server without this route: the step is skipped, not failed. */
const isMissingRoute = (error: ApiFailure): boolean => error.kind === 'refused' && error.status === 404;

const MAX_STATUS_PAGES = 100;

const defaultSetTimer = (fn: () => void, ms: number) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const {
    db,
    now = () => new Date(),
    setTimer = defaultSetTimer,
    random = Math.random,
    slowThresholdMs = SLOW_ANSWER_MS,
    intervalMs = 30_000,
    batchSize = 50,
    maxBatchBytes = PUSH_BATCH_BYTES,
    requestTimeoutMs = 20_000,
    backoffBaseMs = 1000,
    backoffCapMs = 5 * 60_000,
    probeEveryMs = 15_000,
  } = options;
  const events = options.events === undefined ? ((globalThis as { window?: EventSource }).window ?? null) : options.events;

  let state: SyncState = {
    link: 'unknown',
    pending: 0,
    rejected: 0,
    scans: { pending: 0, rejected: 0 },
    syncing: false,
    progress: null,
    lastSyncAt: null,
    lastError: null,
    nextAttemptAt: null,
  };
  const listeners = new Set<(s: SyncState) => void>();
  let running: Promise<SyncReport> | null = null;
  let again = false;
  let started = false;
  let failures = 0;
  let cancelTimer: (() => void) | null = null;
  let linkWatch: LinkWatch | null = null;

  const set = (patch: Partial<SyncState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };

  const refreshCounts = async () => {
    const [counts, scans] = await Promise.all([outboxCounts(db), scanCounts(db)]);
    if (counts.ok) set({ pending: counts.value.pending, rejected: counts.value.rejected });
    if (scans.ok) set({ scans: scans.value });
  };

  /** Runs one request, marking the link slow as soon as it takes longer than the threshold. */
  async function timed<T>(call: () => Promise<Answer<T>>): Promise<Answer<T>> {
    const startedAt = offlineEvents;
    const cancelSlow = setTimer(() => {
      if (state.link === 'online' || state.link === 'unknown') set({ link: 'slow' });
    }, slowThresholdMs);
    const result = await call();
    cancelSlow();
    if (offlineEvents !== startedAt) {
      // The link dropped while this answer was on its way: the answer does not mean we are online now.
      set({ link: 'offline' });
    } else if (!result.ok && noAnswer(result.error)) {
      set({ link: 'offline' });
    } else if (!result.ok && isUnauthorised(result.error)) {
      set({ link: 'unauthorised' });
    } else {
      // An answer, even a refusal or a server failure, means the link works.
      set({ link: result.elapsedMs > slowThresholdMs ? 'slow' : 'online' });
    }
    return result;
  }

  async function push(client: SyncClient, report: SyncReport): Promise<SyncError | null> {
    let gapRetries = 0;
    // After a 413 (a body the server would not read): the entry alone, then as a stub the server
    // rejects on its own, so one item can never block the entries after it.
    let alone = false;
    let stub = false;
    for (;;) {
      const meta = await readSyncMeta(db);
      const batch = await takeBatch(db, meta.lastAppliedSeq, alone ? 1 : batchSize, maxBatchBytes);
      if (batch.length === 0) {
        // Pending entries that cannot follow the server's number would wait for ever: say so.
        const stranded = await db.outbox.where('state').equals('pending').first();
        if (!stranded) return null;
        return { kind: 'invalid', reason: `mutation ${stranded.seq} cannot be pushed: the server expects ${meta.lastAppliedSeq + 1} next` };
      }
      const pendingInBatch = batch.filter((e) => e.state === 'pending').length;
      const mutations = await mutationsFor(db, batch, stub);
      // A payload that does not decrypt cannot be sent, and what follows it must wait (exactly once, in order).
      if (!mutations.ok) return { kind: 'storage', reason: mutations.error };
      const answer = await timed(() => client.push(mutations.value));
      if (!answer.ok && answer.error.kind === 'refused' && answer.error.status === 413 && !stub) {
        if (alone || batch.length === 1) stub = true;
        alone = true;
        continue;
      }
      alone = false;
      stub = false;
      if (!answer.ok) {
        const serverSeq = sequenceGapOf(answer.error);
        if (serverSeq !== null && gapRetries < MAX_GAP_RETRIES) {
          gapRetries += 1;
          await adoptServerSeq(db, serverSeq, now().toISOString());
          continue;
        }
        await recordPushFailure(db, batch, answer.error.reason, failureKey(answer.error));
        return answer.error;
      }
      const tally = await recordPushAnswer(db, batch, answer.value, now().toISOString());
      report.pushed += tally.sent;
      report.rejected += tally.rejected;
      const progress = state.progress ?? { done: 0, total: 0 };
      const done = progress.done + pendingInBatch;
      set({ progress: { done, total: Math.max(progress.total, done) } });
      await refreshCounts();
      if (tally.lastAppliedSeq < batch[0]!.seq) {
        // Nothing in the batch was taken and no gap was reported: pushing again would loop.
        return { kind: 'invalid', reason: `the server answered a push from ${batch[0]!.seq} with last applied ${tally.lastAppliedSeq}` };
      }
    }
  }

  /** Pushes records waiting in the outbox before the next scan chunk; only a link failure stops the uploads. */
  async function pushWaitingRecords(client: SyncClient, report: SyncReport): Promise<ApiFailure | null> {
    const waiting = await db.outbox.where('state').equals('pending').count();
    if (waiting === 0) return null;
    const error = await push(client, report);
    return error && linkDown(error) ? error : null;
  }

  async function uploadScans(device: DeviceIdentity, client: SyncClient, report: SyncReport): Promise<SyncError | null> {
    const uploads = createScanUploadClient({
      serverUrl: options.getServerUrl?.() ?? device.serverUrl,
      token: device.token,
      timeoutMs: requestTimeoutMs,
      ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
    });
    const error = await uploadPendingScans({
      db,
      client: uploads,
      timed,
      now,
      beforeChunk: () => pushWaitingRecords(client, report),
      tally: report.scans,
      ...(options.scanChunkBytes ? { chunkBytes: options.scanChunkBytes } : {}),
    });
    await refreshCounts();
    return error;
  }

  async function pullStatuses(client: SyncClient, report: SyncReport): Promise<SyncError | null> {
    for (let page = 0; page < MAX_STATUS_PAGES; page += 1) {
      const { statusCursor } = await readSyncMeta(db);
      const answer = await timed(() => client.pullStatuses(statusCursor));
      if (!answer.ok) return answer.error;
      report.statusesChanged += await applyStatusChanges(db, answer.value);
      if (!answer.value.more) return null;
    }
    return null;
  }

  async function pullCatalog(client: SyncClient, report: SyncReport): Promise<void> {
    const meta = await db.catalogMeta.get('catalog');
    const answer = await timed(() => client.catalogChanges(meta?.version ?? 0));
    if (!answer.ok) {
      report.catalog = isMissingRoute(answer.error) ? 'skipped' : 'failed';
      report.catalogError = isMissingRoute(answer.error) ? null : answer.error;
      return;
    }
    report.catalog = await applyCatalogChanges(db, answer.value, now().toISOString());
  }

  async function pullCenterList(link: CenterListLink, report: SyncReport): Promise<void> {
    const version = await heldCenterListVersion(db);
    const answer = await timed(() => fetchCenterListChanges(link, version));
    if (!answer.ok) {
      report.centerList = isMissingRoute(answer.error) ? 'skipped' : 'failed';
      return;
    }
    report.centerList = await applyCenterListChanges(db, answer.value, now().toISOString());
  }

  async function cycle(): Promise<SyncReport> {
    const report: SyncReport = {
      ok: false,
      pushed: 0,
      rejected: 0,
      scans: { uploaded: 0, rejected: 0, bytes: 0 },
      statusesChanged: 0,
      catalog: 'not_reached',
      catalogError: null,
      centerList: 'not_reached',
      error: null,
      startedAt: now().toISOString(),
      finishedAt: '',
    };
    try {
      const device = await loadDevice(db, options.tokens);
      const counts = await outboxCounts(db);
      if (!device.ok || !counts.ok) {
        const failed = !device.ok ? device.error : !counts.ok ? counts.error : null;
        report.error = { kind: 'storage', reason: failed?.reason ?? 'local storage failed' };
      } else if (!device.value) {
        report.error = { kind: 'not_enrolled', reason: 'this device is not enrolled with a server yet' };
      } else {
        const link = {
          serverUrl: options.getServerUrl?.() ?? device.value.serverUrl,
          token: device.value.token,
          timeoutMs: requestTimeoutMs,
          ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
        };
        const client = createSyncClient(link);
        set({ syncing: true, pending: counts.value.pending, rejected: counts.value.rejected, progress: { done: 0, total: counts.value.pending } });
        const pushError = await push(client, report);
        // Scans go after the records and whatever stopped the push, unless the link itself is down.
        const uploadError = pushError && linkDown(pushError) ? null : await uploadScans(device.value, client, report);
        report.error = pushError ?? uploadError ?? (await pullStatuses(client, report));
        if (!report.error) await pullCatalog(client, report);
        if (!report.error) await pullCenterList(link, report);
      }
    } catch (e) {
      // IndexedDB failed mid-cycle (e.g. a full disk while recording an answer): each step is one
      // transaction, so what was stored stays consistent and the next cycle picks up from there.
      report.error = { kind: 'storage', reason: storageErrorFrom(e).reason };
    }
    report.ok = report.error === null;
    report.finishedAt = now().toISOString();
    const lastError = report.error?.reason ?? report.catalogError?.reason ?? null;
    try {
      await updateSyncMeta(db, report.ok ? { lastSyncAt: report.finishedAt, lastError } : { lastError });
      await refreshCounts();
    } catch {
      // The report still says what happened; the meta row is only a convenience for the next start.
    }
    set({
      syncing: false,
      progress: null,
      lastError,
      ...(report.ok ? { lastSyncAt: report.finishedAt } : {}),
      ...(report.error?.kind === 'not_enrolled' ? { link: 'unknown' as const } : {}),
    });
    return report;
  }

  /** While the link is down, probe for it; the first answer runs a cycle. */
  function watchForLink() {
    linkWatch?.stop();
    linkWatch = null;
    if (!options.probe || !started) return;
    linkWatch = watchLink({
      probe: options.probe,
      everyMs: probeEveryMs,
      setTimer,
      onBack: () => {
        linkWatch = null;
        if (started) void syncNow();
      },
    });
  }

  function schedule(ms: number) {
    cancelTimer?.();
    cancelTimer = null;
    if (!started) {
      set({ nextAttemptAt: null });
      return;
    }
    cancelTimer = setTimer(() => {
      cancelTimer = null;
      void syncNow();
    }, ms);
    set({ nextAttemptAt: new Date(now().getTime() + ms).toISOString() });
  }

  function syncNow(): Promise<SyncReport> {
    if (running) {
      again = true;
      return running;
    }
    const current = cycle().then((report) => {
      running = null;
      const retry = !report.ok && report.error?.kind !== 'not_enrolled';
      failures = retry ? failures + 1 : 0;
      schedule(retry ? backoffDelay(failures, random, backoffBaseMs, backoffCapMs) : intervalMs);
      // No answer at all: probe for the server (a refused token answers, so it is not probed for).
      if (report.error && (report.error.kind === 'offline' || report.error.kind === 'timeout')) watchForLink();
      else {
        linkWatch?.stop();
        linkWatch = null;
      }
      if (again) {
        again = false;
        void syncNow();
      }
      return report;
    });
    running = current;
    return current;
  }

  const onOnline = () => {
    failures = 0;
    void syncNow();
  };
  let offlineEvents = 0;
  const onOffline = () => {
    offlineEvents += 1;
    set({ link: 'offline' });
  };

  return {
    start() {
      if (started) return;
      started = true;
      events?.addEventListener('online', onOnline);
      events?.addEventListener('offline', onOffline);
      void (async () => {
        const meta = await readSyncMeta(db).catch(() => null);
        if (meta) set({ lastSyncAt: meta.lastSyncAt, lastError: meta.lastError });
        await refreshCounts();
      })();
      void syncNow();
    },
    stop() {
      started = false;
      events?.removeEventListener('online', onOnline);
      events?.removeEventListener('offline', onOffline);
      cancelTimer?.();
      cancelTimer = null;
      linkWatch?.stop();
      linkWatch = null;
      set({ nextAttemptAt: null });
    },
    syncNow,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => state,
  };
}
