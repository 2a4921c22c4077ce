/**
 * The platform seam: every capability exists on every runtime and answers as a value, so features
 * call it unconditionally; the shell's refusals become words in the staff's language; and the
 * network probe (the memory double here) brings held-back work out as soon as the server answers.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../../locales/en.json' with { type: 'json' };
import vi_ from '../../locales/vi.json' with { type: 'json' };
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { registerFile } from '../../renderer/data/fileRegistry.ts';
import { pendingRatings, saveRating } from '../../renderer/data/ratingQueue.ts';
import { createElectronPlatform } from '../../renderer/platform/electron.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { shellFailure } from '../../renderer/platform/printing.ts';
import { keepSendingRatings } from '../../renderer/sync/ratingSender.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { SHELL_REFUSALS, shellRefusal, shellRefusalCode, type MotcuaBridge } from '../../shared/ipc/contract.ts';
import { err, ok } from '../../shared/result.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'vi', resources: { vi: { translation: vi_ }, en: { translation: en } } });
});

const cipher = await createMemoryCipher();
const opened: MotcuaDb[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const db of opened.splice(0)) await db.delete();
});
const freshDb = () => {
  const db = openDb(`seam-${randomUUID()}`, cipher);
  opened.push(db);
  return db;
};

/** Timers the test fires by hand. */
function manualTimers() {
  const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cancelled: false };
      pending.push(t);
      return () => void (t.cancelled = true);
    },
    live: (ms: number) => pending.filter((t) => !t.cancelled && t.ms === ms),
    fire(t: { fn: () => void; cancelled: boolean }) {
      t.cancelled = true;
      t.fn();
    },
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

describe('the shell refusals', () => {
  it('have words in both languages, and an unknown failure falls back to the capability’s own', () => {
    for (const code of SHELL_REFUSALS) {
      for (const lng of ['vi', 'en']) expect(i18next.exists(`platform.refusal.${code}`, { lng }), `${lng} ${code}`).toBe(true);
      expect(shellRefusalCode(shellRefusal(code, 'Some English sentence.'))).toBe(code);
    }
    for (const key of ['platform.notInBrowser', 'platform.failed', 'platform.printersFailed', 'platform.pdfFailed', 'platform.saveFailed', 'platform.logsFailed']) {
      for (const lng of ['vi', 'en']) expect(i18next.exists(key, { lng }), `${lng} ${key}`).toBe(true);
    }
    expect(shellFailure('wrong_pin: Wrong PIN.', 'platform.failed')).toEqual({ code: 'platform.refusal.wrong_pin', detail: 'wrong_pin: Wrong PIN.' });
    expect(shellFailure('invalid request: pin: the PIN is 4 to 8 digits', 'platform.failed').code).toBe('platform.failed');
    expect(shellRefusalCode('made_up: x')).toBeNull();
  });

  it("reach the screen in the staff's words through the Electron platform, never main's English", async () => {
    const never = () => Promise.resolve(err('not used'));
    const bridge = {
      version: 'test',
      config: { serverUrl: 'http://10.0.0.5:8787', profile: 'kiosk' },
      device: { identity: never, config: never },
      print: { printers: never, receipt: never, toPdf: () => Promise.resolve(err(shellRefusal('no_folder', 'no folder was chosen'))), choosePrinter: never },
      network: { probe: () => Promise.resolve(err('network:probe: the IPC failed')) },
      secrets: { get: () => Promise.resolve(ok(null)), set: () => Promise.resolve(ok(null)) },
      admin: { gesture: never, unlock: () => Promise.resolve(err(shellRefusal('wrong_pin', 'Wrong PIN.'))), lock: () => Promise.resolve(ok(null)) },
      logs: { export: () => Promise.resolve(err(shellRefusal('settings_locked', 'settings are locked: unlock with the admin PIN first'))) },
      app: { reportIdle: () => Promise.resolve(ok(null)) },
    } satisfies MotcuaBridge;
    const platform = createElectronPlatform(bridge);
    const unlocked = await platform.admin.unlock('1111');
    expect(!unlocked.ok && i18next.t(unlocked.error.code)).toBe('Sai mã PIN quản trị.');
    const logs = await platform.logs.export();
    expect(!logs.ok && i18next.t(logs.error.code)).toBe('Cài đặt đang khoá: mở khoá bằng mã PIN quản trị trước.');
    // An IPC that failed outright is a link nobody can use, not an exception.
    expect(await platform.network.probe()).toEqual({ state: 'offline', elapsedMs: null });
  });
});

describe('the memory platform', () => {
  it('checks the admin PIN as the shell does and keeps settings locked until then', async () => {
    const platform = createMemoryPlatform({ adminPin: '2468', printers: [{ name: 'EPSON', displayName: 'EPSON', isDefault: true }] });
    expect(await platform.printing.choosePrinter({ printer: 'EPSON', printMode: 'preview' })).toMatchObject({ ok: false, error: { code: 'platform.refusal.settings_locked' } });
    expect(await platform.admin.unlock('2468')).toMatchObject({ ok: false, error: { code: 'platform.refusal.pin_not_armed' } });
    await platform.admin.gesture();
    expect(await platform.admin.unlock('1357')).toMatchObject({ ok: false, error: { code: 'platform.refusal.wrong_pin' } });
    expect(await platform.admin.unlock('2468')).toMatchObject({ ok: true });
    expect(await platform.logs.export()).toMatchObject({ ok: true, value: { files: 1 } });
    expect(await platform.printing.choosePrinter({ printer: 'EPSON', printMode: 'preview' })).toMatchObject({ ok: true });
    expect(await platform.device.config()).toMatchObject({ ok: true, value: { printer: 'EPSON', printMode: 'preview' } });
    await platform.admin.lock();
    expect(await platform.logs.export()).toMatchObject({ ok: false, error: { code: 'platform.refusal.settings_locked' } });
  });
});

describe('the network probe, wired', () => {
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

  it('runs the sync loop as soon as the server answers the probe, not at the end of its backoff', async () => {
    const platform = createMemoryPlatform({ link: 'offline' });
    await platform.deviceToken.write(device.token);
    const db = freshDb();
    const { token: _token, ...stored } = device;
    await db.device.put(stored);
    const saved = await registerFile(
      db,
      {
        procedureCode: '1.001193',
        procedureName: 'Đăng ký khai sinh',
        channel: 'in_person',
        citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: '001090012345', sex: 'male', phone: null, address: null },
        documents: [],
        attachments: [],
        notes: null,
      },
      { device, staff: { id: 's1', name: 'Bình' } },
    );
    expect(saved.ok).toBe(true);
    let reachable = false;
    const pushes: number[][] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      if (!reachable) throw new TypeError('fetch failed');
      const url = new URL(String(input));
      if (url.pathname === API_PATHS.sync.push) {
        const { mutations } = JSON.parse(String(init?.body)) as { mutations: Mutation[] };
        pushes.push(mutations.map((m) => m.seq));
        return json(200, { lastAppliedSeq: mutations.at(-1)!.seq, results: mutations.map((m) => ({ seq: m.seq, status: 'applied', reason: null })) });
      }
      if (url.pathname === API_PATHS.sync.statuses) return json(200, { cursor: 0, changes: [], more: false });
      return json(404, { error: 'not_found', reason: 'no such path' });
    };
    const timers = manualTimers();
    // A backoff of 4 minutes (random near 1 after many failures would be the same story).
    const engine = createSyncEngine({ db, tokens: platform.deviceToken, fetchFn, events: null, setTimer: timers.setTimer, random: () => 0.999, backoffBaseMs: 240_000, probe: platform.network.probe, probeEveryMs: 15_000 });

    engine.start();
    await vi.waitFor(() => expect(timers.live(15_000)).toHaveLength(1));
    expect(engine.getState().link).toBe('offline');
    expect(timers.live(239_760)).toHaveLength(1);
    // Still down: the probe says so, and it asks again later; nothing is pushed.
    timers.fire(timers.live(15_000)[0]!);
    await vi.waitFor(() => expect(platform.calls.probes).toBe(1));
    await vi.waitFor(() => expect(timers.live(15_000)).toHaveLength(1));
    expect(pushes).toEqual([]);

    reachable = true;
    platform.setLink('online');
    timers.fire(timers.live(15_000)[0]!);
    await vi.waitFor(() => expect(engine.getState()).toMatchObject({ link: 'online', pending: 0, syncing: false }));
    expect(pushes).toEqual([[1]]);
    // The 4-minute backoff never ran out: it was replaced by the usual interval.
    expect(timers.live(239_760)).toEqual([]);
    expect(timers.live(30_000)).toHaveLength(1);
    engine.stop();
    expect(timers.live(15_000)).toEqual([]);
  });

  it("sends a kiosk's waiting rating when the probe finds the server again, with no `online` event", async () => {
    const platform = createMemoryPlatform({ link: 'offline', profile: 'kiosk' });
    const db = freshDb();
    await saveRating(db, { fileNumber: null, score: 4, reasons: [] });
    let reachable = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        if (!reachable) throw new TypeError('fetch failed');
        return json(201, { id: (JSON.parse(String(init.body)) as { id: string }).id, status: 'applied', counted: false });
      }),
    );
    const timers = manualTimers();
    const sender = keepSendingRatings(db, 'http://sync.test/', platform.deviceToken, platform.network, { everyMs: 30_000, setTimer: timers.setTimer });
    await vi.waitFor(() => expect(timers.live(30_000)).toHaveLength(1));
    expect(await pendingRatings(db)).toHaveLength(1);

    reachable = true;
    platform.setLink('online');
    timers.fire(timers.live(30_000)[0]!);
    await vi.waitFor(async () => expect(await pendingRatings(db)).toEqual([]));
    expect(timers.live(30_000)).toEqual([]);
    sender.stop();
  });
});
