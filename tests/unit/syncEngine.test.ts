import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { readSyncMeta } from '../../renderer/data/pushAnswers.ts';
import { backoffDelay, createSyncEngine, type SyncEngineOptions } from '../../renderer/sync/syncEngine.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { type Mutation } from '../../shared/sync/protocol.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const device: DeviceIdentity = {
  key: 'device',
  deviceId: 'dev-1',
  deviceCode: 'D01',
  token: 't'.repeat(40),
  centerCode: 'XA01',
  centerName: 'Xã Một',
  locationCode: null,
  role: 'counter',
  serverUrl: 'http://sync.test/',
  enrolledAt: '2027-03-01T00:00:00.000Z',
};
const file: NewFileInput = {
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  channel: 'in_person',
  citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: '001090012345', sex: 'male', phone: null, address: null },
  documents: [],
  attachments: [],
  notes: null,
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A scripted server: answers pushes by rule, remembers what it was sent, knows no catalog changes route. */
function fakeServer(answerPush: (mutations: Mutation[]) => Response | Promise<Response>) {
  const pushes: number[][] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname === API_PATHS.sync.push) {
      const { mutations } = JSON.parse(String(init?.body)) as { mutations: Mutation[] };
      pushes.push(mutations.map((m) => m.seq));
      return answerPush(mutations);
    }
    if (url.pathname === API_PATHS.sync.statuses) return json(200, { cursor: 0, changes: [], more: false });
    return json(404, { error: 'not_found', reason: 'no such path' });
  };
  return { fetchFn, pushes };
}

const applyAll = (lastBefore = 0) => (mutations: Mutation[]) =>
  json(200, { lastAppliedSeq: Math.max(lastBefore, ...mutations.map((m) => m.seq)), results: mutations.map((m) => ({ seq: m.seq, status: 'applied', reason: null })) });

const cipher = await createMemoryCipher();
const { deviceToken: tokens } = createMemoryPlatform();
await tokens.write(device.token);
const { token: _token, ...storedDevice } = device;

const opened: MotcuaDb[] = [];
async function deviceDb(files: number): Promise<MotcuaDb> {
  const db = openDb(`engine-${randomUUID()}`, cipher);
  opened.push(db);
  await db.device.put(storedDevice);
  for (let i = 0; i < files; i += 1) {
    const saved = await registerFile(db, file, { device, staff: { id: 's1', name: 'Bình' } });
    if (!saved.ok) throw new Error(saved.error.reason);
  }
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A timer the test fires by hand; records every delay asked for. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const setTimer: NonNullable<SyncEngineOptions['setTimer']> = (fn, ms) => {
    const t = { fn, ms, cancelled: false };
    pending.push(t);
    return () => {
      t.cancelled = true;
    };
  };
  return {
    setTimer,
    live: () => pending.filter((t) => !t.cancelled),
    fire: (t: { fn: () => void; cancelled: boolean }) => {
      t.cancelled = true;
      t.fn();
    },
  };
}

describe('the sync loop', () => {
  it('pushes from the server’s number after a sequence gap', async () => {
    const db = await deviceDb(4);
    // The device believes 1-3 went through; the server (restored from a backup) only has 1.
    await db.outbox.where('seq').belowOrEqual(3).modify({ state: 'sent' });
    await db.syncMeta.put({ key: 'sync', lastAppliedSeq: 3, statusCursor: 0, lastSyncAt: null, lastError: null });
    let serverLast = 1;
    const server = fakeServer((mutations) => {
      if (mutations[0]!.seq > serverLast + 1) return json(409, { error: 'sequence_gap', lastAppliedSeq: serverLast });
      serverLast = mutations.at(-1)!.seq;
      return applyAll()(mutations);
    });
    const engine = createSyncEngine({ db, tokens, fetchFn: server.fetchFn, events: null });

    const report = await engine.syncNow();

    expect(server.pushes).toEqual([[4], [2, 3, 4]]);
    expect(report).toMatchObject({ ok: true, catalog: 'skipped' });
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect((await readSyncMeta(db)).lastAppliedSeq).toBe(4);
    expect((await db.audit.toArray()).filter((a) => a.action === 'sync.gap')).toHaveLength(1);
  });

  it('backs off with full jitter while the server is unreachable and returns to the interval after', async () => {
    const db = await deviceDb(1);
    let reachable = false;
    const fetchFn: typeof fetch = async (input, init) => {
      if (!reachable) throw new TypeError('fetch failed');
      return fakeServer(applyAll()).fetchFn(input, init);
    };
    const timers = manualTimers();
    const engine = createSyncEngine({ db, tokens, fetchFn, events: null, setTimer: timers.setTimer, random: () => 0.5, slowThresholdMs: 3000, intervalMs: 30_000 });
    const retries = () => timers.live().filter((t) => t.ms !== 3000);
    const nextRetry = async (ms: number) => {
      await vi.waitFor(() => expect(retries().map((t) => t.ms)).toEqual([ms]));
      return retries()[0]!;
    };

    engine.start();
    const first = await nextRetry(500);
    expect(engine.getState()).toMatchObject({ link: 'offline', pending: 1, nextAttemptAt: expect.any(String) });

    timers.fire(first);
    const second = await nextRetry(1000);

    reachable = true;
    timers.fire(second);
    await nextRetry(30_000);
    await vi.waitFor(() => expect(engine.getState()).toMatchObject({ link: 'online', pending: 0, syncing: false }));
    engine.stop();
    expect(timers.live().filter((t) => t.ms !== 3000)).toEqual([]);
  });

  it('marks the link slow when an answer takes longer than the threshold', async () => {
    const db = await deviceDb(1);
    let answer: () => void = () => {};
    const server = fakeServer(async (mutations) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return applyAll()(mutations);
    });
    const timers = manualTimers();
    const engine = createSyncEngine({ db, tokens, fetchFn: server.fetchFn, events: null, setTimer: timers.setTimer, slowThresholdMs: 3000 });
    const links: string[] = [];
    engine.subscribe((s) => links.push(s.link));

    const syncing = engine.syncNow();
    // The push is waiting for its answer when the threshold passes: the slow timer fires.
    await vi.waitFor(() => expect(server.pushes).toHaveLength(1));
    const slowTimers = timers.live().filter((t) => t.ms === 3000);
    expect(slowTimers).toHaveLength(1);
    timers.fire(slowTimers[0]!);
    expect(engine.getState().link).toBe('slow');
    answer();
    await syncing;

    // Slow while the push was waiting; online again after the quick status pull.
    expect(links).toContain('slow');
    expect(engine.getState().link).toBe('online');
  });

  it('reports a revoked device and an offline event at once', async () => {
    const db = await deviceDb(1);
    const events = new EventTarget();
    const server = fakeServer(() => json(401, { error: 'revoked_device', reason: 'this device was revoked' }));
    const engine = createSyncEngine({ db, tokens, fetchFn: server.fetchFn, events });

    const report = await engine.syncNow();
    expect(report.error).toMatchObject({ kind: 'refused', status: 401, code: 'revoked_device', reason: 'this device was revoked' });
    expect(engine.getState()).toMatchObject({ link: 'unauthorised', pending: 1, lastError: 'this device was revoked' });
    expect(await db.outbox.get(1)).toMatchObject({ state: 'pending', attempts: 1 });

    engine.start();
    events.dispatchEvent(new Event('offline'));
    expect(engine.getState().link).toBe('offline');
    engine.stop();
  });

  it('stays offline when the link drops while an answer is on its way', async () => {
    const db = await deviceDb(1);
    const events = new EventTarget();
    const server = fakeServer(applyAll());
    // The cable is pulled while the cycle's last answer is on its way back.
    const fetchFn: typeof fetch = async (input, init) => {
      const answer = await server.fetchFn(input, init);
      if (new URL(String(input)).pathname === API_PATHS.centerList.changes) events.dispatchEvent(new Event('offline'));
      return answer;
    };
    const engine = createSyncEngine({ db, tokens, fetchFn, events });
    engine.start();
    await engine.syncNow();
    expect(engine.getState().link).toBe('offline');
    engine.stop();
  });

  it('does nothing but say so before the device is enrolled', async () => {
    const db = openDb(`engine-${randomUUID()}`, cipher);
    opened.push(db);
    const server = fakeServer(applyAll());
    const engine = createSyncEngine({ db, tokens, fetchFn: server.fetchFn, events: null });
    expect(await engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'not_enrolled' } });
    expect(server.pushes).toEqual([]);
  });
});

describe('backoff', () => {
  it('waits a random time up to base x 2^(failures-1), capped', () => {
    expect(backoffDelay(1, () => 0.999)).toBe(999);
    expect(backoffDelay(4, () => 0.5)).toBe(4000);
    expect(backoffDelay(30, () => 0.5)).toBe(150_000);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });
});
