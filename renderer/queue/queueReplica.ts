/**
 * A device's copy of today's queue: the server's log (followed live, kept in IndexedDB so a reload
 * without the network still shows it) folded by the shared reducer, with this device's own events
 * not yet in that log laid on top. The kiosk reads "people before you" from it, the counter its
 * current ticket, both the center's settings.
 */
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { STREAM_EVENTS } from '../../shared/queue/queueApi.ts';
import { storedQueueEventSchema, type QueueEvent, type StoredQueueEvent } from '../../shared/queue/queueEvents.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { StoredQueueSettings } from '../../shared/queue/queueSettings.ts';
import { applyQueueEvent, emptyQueue, reduceQueue, type QueueRefusal, type QueueState } from '../../shared/queue/reduceQueue.ts';
import { parseTicketNumber } from '../../shared/queue/ticketNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { DeviceIdentity, MotcuaDb } from '../data/db.ts';
import { forgetQueueLog, keepQueueEvents, keepQueueSettings, readKeptQueueDay, readKeptQueueSettings } from '../data/queueLog.ts';
import { countPendingQueueEvents, noteOwnOfflineNumber, ownQueueEvents, recordQueueEvent } from '../data/queueOutbox.ts';
import type { QueueOutboxRow } from '../data/queueTables.ts';
import type { StorageError } from '../data/storageError.ts';
import { createApiClient } from '../sync/apiClient.ts';
import { followEventStream, type StreamFollower, type StreamState } from '../sync/followEventStream.ts';
import { createQueueClient, type QueueClient } from '../sync/queueClient.ts';
import type { RequestWeight } from '../../shared/sync/linkTiming.ts';
import { createQueueSender, type QueueSender } from './queueSender.ts';

export interface QueueView {
  day: string;
  /** The server's log and this device's events not in it yet. */
  state: QueueState;
  settings: StoredQueueSettings | null;
  link: StreamState;
  /** This device's events the server has not answered yet. */
  pending: number;
  /** The server's last cursor seen. */
  cursor: number;
}

export interface QueueReplica {
  readonly device: DeviceIdentity;
  readonly client: QueueClient;
  readonly sender: QueueSender;
  start(): void;
  stop(): void;
  view(): QueueView;
  subscribe(listener: () => void): () => void;
  /** Records an event made on this device, if it applies to what the device sees now. */
  act(event: QueueEvent): Promise<Result<void, QueueRefusal | StorageError>>;
  /** An event the server answered with (a call-next), shown before the stream brings it. */
  learn(event: StoredQueueEvent): void;
  /** The device's own events changed in IndexedDB (e.g. a kiosk's offline number). */
  ownEventsChanged(): Promise<void>;
}

export interface ReplicaOptions {
  fetchFn?: typeof fetch;
  /** The device's clock (the day the queue belongs to). */
  now?: () => number;
  /** Overrides of the one timeout policy (tests and the benchmark). */
  timeouts?: Partial<Record<RequestWeight, number>>;
}

const SETTINGS_EVERY_MS = 5 * 60_000;
const DAY_CHECK_MS = 30_000;

export function createQueueReplica(db: MotcuaDb, device: DeviceIdentity, options: ReplicaOptions = {}): QueueReplica {
  const now = options.now ?? (() => Date.now());
  const todayOf = () => isoFromDayNumber(dayNumberOf(now()));
  const client = createQueueClient(
    createApiClient({ serverUrl: device.serverUrl, token: device.token, ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}), ...(options.timeouts ? { timeouts: options.timeouts } : {}) }),
  );
  const sender = createQueueSender(db, client);
  const listeners = new Set<() => void>();

  let day = todayOf();
  let serverState: QueueState = emptyQueue(day);
  let serverIds = new Set<string>();
  let cursor = 0;
  /** Server answers not yet in the stream, each placed after the device's own events made before it. */
  let learned: { event: StoredQueueEvent; afterSeq: number }[] = [];
  let own: QueueOutboxRow[] = [];
  let pending = 0;
  let settings: StoredQueueSettings | null = null;
  let link: StreamState = 'connecting';
  let view: QueueView = { day, state: serverState, settings, link, pending, cursor };
  let stream: StreamFollower | null = null;
  let timers: ReturnType<typeof setInterval>[] = [];
  let toStore: StoredQueueEvent[] = [];
  let storing: Promise<void> | null = null;
  let unsubscribeSender: (() => void) | null = null;

  function recompute(): void {
    // In the order things happened here: own events by their number, a server answer after the own events made before it.
    const overlay: QueueEvent[] = [
      ...learned.filter((l) => !serverIds.has(l.event.id)).map((l) => ({ order: l.afterSeq + 0.5, event: l.event as QueueEvent })),
      ...own.filter((r) => !serverIds.has(r.id)).map((r) => ({ order: r.seq ?? 0, event: r.event })),
    ]
      .sort((a, b) => a.order - b.order)
      .map((x) => x.event);
    const state = overlay.length === 0 ? serverState : reduceQueue(day, overlay.filter((e) => e.day === day), serverState).state;
    view = { day, state, settings, link, pending, cursor };
    for (const l of listeners) l();
  }

  function takeServerEvent(event: StoredQueueEvent): void {
    if (event.day !== day || serverIds.has(event.id) || event.cursor <= cursor) return;
    const next = applyQueueEvent(serverState, event);
    // The server checked it with the same rules; a refusal here means this copy missed something: start over.
    if (!next.ok) {
      console.error(`queue copy out of step at ${event.cursor}: ${next.error.reason}; reloading the day`);
      void reloadDay();
      return;
    }
    serverState = next.value;
    serverIds.add(event.id);
    cursor = event.cursor;
    learned = learned.filter((l) => l.event.id !== event.id);
    if (event.kind === 'issue' && device.role === 'kiosk') {
      const parts = parseTicketNumber(event.number);
      if (parts?.kiosk === device.deviceCode) void noteOwnOfflineNumber(db, event.day, parts.prefix, parts.sequence);
    }
    toStore.push(event);
    storing ??= Promise.resolve().then(flushLog);
  }

  async function flushLog(): Promise<void> {
    const batch = toStore;
    toStore = [];
    try {
      await keepQueueEvents(db, batch);
    } finally {
      storing = null;
      if (toStore.length > 0) storing = Promise.resolve().then(flushLog);
    }
  }

  async function loadOwn(): Promise<void> {
    try {
      own = await ownQueueEvents(db, day);
      pending = await countPendingQueueEvents(db);
    } catch {
      // Shown as it was; the next change tries again.
    }
  }

  async function loadDayFromDisk(): Promise<void> {
    // Nothing usable on disk: the stream brings the day.
    for (const event of await readKeptQueueDay(db, day)) takeServerEvent(event);
    settings = (await readKeptQueueSettings(db, device.centerCode)) ?? settings;
  }

  async function reloadDay(): Promise<void> {
    day = todayOf();
    serverState = emptyQueue(day);
    serverIds = new Set();
    cursor = 0;
    learned = [];
    await forgetQueueLog(db);
    await loadOwn();
    recompute();
    stream?.reconnect();
  }

  async function refreshSettings(): Promise<void> {
    const found = await client.settings();
    if (!found.ok) return;
    settings = found.value;
    if (found.value) await keepQueueSettings(db, device.centerCode, found.value);
    recompute();
  }

  return {
    device,
    client,
    sender,
    start() {
      void (async () => {
        await loadDayFromDisk();
        await loadOwn();
        recompute();
        stream = followEventStream({
          serverUrl: device.serverUrl,
          path: API_PATHS.queue.stream,
          query: () => ({ day, since: cursor }),
          token: device.token,
          ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
          onEvent: (e) => {
            if (e.event !== STREAM_EVENTS.event) return;
            let data: unknown;
            try {
              data = JSON.parse(e.data);
            } catch {
              return;
            }
            const parsed = storedQueueEventSchema.safeParse(data);
            if (!parsed.success) return;
            takeServerEvent(parsed.data as StoredQueueEvent);
            recompute();
          },
          onState: (state) => {
            link = state;
            if (state === 'live') {
              void refreshSettings();
              void sender.kick();
            }
            recompute();
          },
        });
        void sender.kick();
      })();
      unsubscribeSender = sender.subscribe(() => void loadOwn().then(recompute));
      timers = [
        setInterval(() => void refreshSettings(), SETTINGS_EVERY_MS),
        setInterval(() => {
          if (todayOf() !== day) void reloadDay();
        }, DAY_CHECK_MS),
      ];
    },
    stop() {
      stopAll();
    },
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async act(event) {
      const check = applyQueueEvent(view.state, event);
      if (!check.ok) return err(check.error);
      const recorded = await recordQueueEvent(db, event);
      if (!recorded.ok) return recorded;
      await loadOwn();
      recompute();
      void sender.kick();
      return ok(undefined);
    },
    learn(event) {
      if (serverIds.has(event.id) || learned.some((l) => l.event.id === event.id)) return;
      learned = [...learned, { event, afterSeq: own.reduce((max, r) => Math.max(max, r.seq ?? 0), 0) }];
      recompute();
    },
    async ownEventsChanged() {
      await loadOwn();
      recompute();
      void sender.kick();
    },
  };

  function stopAll(): void {
    unsubscribeSender?.();
    unsubscribeSender = null;
    stream?.stop();
    stream = null;
    sender.stop();
    for (const t of timers) clearInterval(t);
    timers = [];
  }
}
