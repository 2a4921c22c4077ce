import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC, type DeviceConfig, type PrinterInfo } from '../../shared/ipc/contract.ts';
import { ok } from '../../shared/result.ts';
import { SLOW_ANSWER_MS } from '../../shared/sync/linkTiming.ts';
import { createAdminGate, hashPin } from '../../electron/main/adminGate.ts';
import { adminHandlers } from '../../electron/main/ipc/admin.ts';
import { appHandlers } from '../../electron/main/ipc/app.ts';
import { deviceHandlers } from '../../electron/main/ipc/device.ts';
import { registerIpc } from '../../electron/main/ipc/handler.ts';
import { classifyProbe, probeServer } from '../../electron/main/ipc/network.ts';
import { choosePrinter, printHandlers, type PrintDriver } from '../../electron/main/ipc/print.ts';
import { createSecretStore, secretsHandlers, secretStorageProblem } from '../../electron/main/ipc/secrets.ts';
import { exportLogs, rotateLogFile } from '../../electron/main/logFiles.ts';
import { fakeIpcMain, fakeSafeStorage, topFrame, type FakeFrame } from '../support/fakeElectron.ts';

const APP = 'app://motcua/index.html';
const config: DeviceConfig = { serverUrl: 'http://10.0.0.5:8787', profile: 'kiosk', printer: 'EPSON TM-T82', printMode: 'silent' };
const printer = (name: string, isDefault = false): PrinterInfo => ({ name, displayName: name, isDefault });

function fakeDriver(printers: PrinterInfo[]) {
  const printed: { silent: boolean; deviceName?: string }[] = [];
  const driver: PrintDriver = {
    listPrinters: async () => printers,
    print: async (_html, options) => {
      printed.push({ silent: options.silent, ...(options.deviceName ? { deviceName: options.deviceName } : {}) });
      return ok(null);
    },
    toPdf: async () => new Uint8Array([37, 80, 68, 70]),
    chooseFolder: async () => '/tmp/receipts',
    writeFile: async () => {},
  };
  return { driver, printed };
}

function wired() {
  const fake = fakeIpcMain();
  const idle: boolean[] = [];
  const { driver } = fakeDriver([printer('EPSON TM-T82')]);
  registerIpc(fake.ipcMain, {
    ...deviceHandlers({ identity: () => ({ deviceId: 'd', hostname: 'h', platform: 'linux', appVersion: '0.1.0' }), config: () => config }),
    ...printHandlers({ driver, config: () => config, isAdmin: () => false, saveChoice: async () => ok(config), log: () => {} }),
    ...secretsHandlers(createSecretStore(fakeSafeStorage(), { read: () => ({}), write: () => {} }, 'linux')),
    ...adminHandlers(createAdminGate({ pinHash: null })),
    ...appHandlers({ onIdle: (v) => idle.push(v) }),
  });
  return { ...fake, idle };
}

describe('IPC payload validation', () => {
  it('answers a valid call', async () => {
    const ipc = wired();
    expect(await ipc.invoke(IPC.deviceConfig, APP)).toEqual({ ok: true, value: config });
    expect(await ipc.invoke(IPC.appIdle, APP, { idle: true })).toEqual({ ok: true, value: null });
    expect(ipc.idle).toEqual([true]);
  });
  it('rejects bad payloads with a reason, without running the handler', async () => {
    const ipc = wired();
    const reject = async (channel: string, payload: unknown, reason: RegExp) => {
      const result = (await ipc.invoke(channel, APP, payload)) as { ok: boolean; error?: string };
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(reason);
    };
    await reject(IPC.printReceipt, { html: '' }, /html: the document is empty/);
    await reject(IPC.printReceipt, { html: '<p>x</p>', copies: 50 }, /copies/);
    await reject(IPC.printReceipt, { html: '<p>x</p>', extra: 1 }, /invalid request/);
    await reject(IPC.printPdf, { html: '<p>x</p>', fileName: '../../etc/passwd.pdf' }, /plain file name/);
    await reject(IPC.secretsSet, { name: 'rootPassword', value: 'x' }, /name/);
    await reject(IPC.adminUnlock, { pin: '12' }, /4 to 8 digits/);
    await reject(IPC.appIdle, { idle: 'yes' }, /idle/);
    await reject(IPC.deviceIdentity, 'hello', /invalid request/);
    expect(ipc.idle).toEqual([]);
  });
  it('registers every handler under a domain:action channel', () => {
    for (const channel of wired().channels()) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});

describe('IPC sender check', () => {
  it('refuses calls from any page but the app', async () => {
    const ipc = wired();
    expect(await ipc.invoke(IPC.deviceIdentity, 'https://evil.example/')).toEqual({ ok: false, error: 'refused: device:identity from an untrusted page' });
    expect((await ipc.invoke(IPC.deviceIdentity, null)) as { ok: boolean }).toMatchObject({ ok: false });
  });
  it('refuses calls from a subframe, even one of the app itself', async () => {
    const ipc = wired();
    const subframe: FakeFrame = { url: 'app://motcua/index.html', parent: topFrame(APP) };
    expect(await ipc.invoke(IPC.deviceIdentity, subframe)).toEqual({ ok: false, error: 'refused: device:identity from an untrusted page' });
    expect(await ipc.invoke(IPC.deviceIdentity, topFrame(APP))).toMatchObject({ ok: true });
  });
});

describe('printer choice', () => {
  it('uses the configured printer when it is connected', () => {
    expect(choosePrinter([printer('PDF', true), printer('EPSON TM-T82')], 'EPSON TM-T82')).toEqual({ printer: 'EPSON TM-T82', note: null });
  });
  it('falls back to the default printer with a note when the configured one is missing', () => {
    const choice = choosePrinter([printer('Canon'), printer('HP', true)], 'EPSON TM-T82');
    expect(choice).toEqual({ printer: 'HP', note: 'printer "EPSON TM-T82" is not connected; used "HP"' });
  });
  it('reports no printer so the UI can offer PDF', async () => {
    expect(choosePrinter([], 'EPSON')).toMatchObject({ printer: null });
    const { driver } = fakeDriver([]);
    const handlers = printHandlers({ driver, config: () => config, isAdmin: () => false, saveChoice: async () => ok(config), log: () => {} });
    expect(await handlers[IPC.printReceipt]!({ html: '<p>x</p>' })).toMatchObject({ ok: true, value: { kind: 'no-printer' } });
    expect(await handlers[IPC.printPdf]!({ html: '<p>x</p>', fileName: 'bien-nhan.pdf' })).toEqual({ ok: true, value: { path: join('/tmp/receipts', 'bien-nhan.pdf') } });
  });
  it('prints silently on a kiosk and through the dialog on a preview counter', async () => {
    const { driver, printed } = fakeDriver([printer('EPSON TM-T82')]);
    const counter: DeviceConfig = { ...config, profile: 'counter', printMode: 'preview' };
    for (const c of [config, counter]) {
      const handlers = printHandlers({ driver, config: () => c, isAdmin: () => false, saveChoice: async () => ok(c), log: () => {} });
      await handlers[IPC.printReceipt]!({ html: '<p>x</p>' });
    }
    expect(printed).toEqual([{ silent: true, deviceName: 'EPSON TM-T82' }, { silent: false }]);
  });
  it('changes the printer only in an unlocked admin session', async () => {
    const { driver } = fakeDriver([]);
    const handlers = printHandlers({ driver, config: () => config, isAdmin: () => false, saveChoice: async () => ok(config), log: () => {} });
    expect(await handlers[IPC.printChoosePrinter]!({ printer: 'HP', printMode: 'silent' })).toMatchObject({ ok: false, error: expect.stringMatching(/locked/) });
  });
});

describe('secrets', () => {
  it('refuses on Linux when only the basic_text backend exists', () => {
    const store = createSecretStore(fakeSafeStorage({ backend: 'basic_text' }), { read: () => ({}), write: () => {} }, 'linux');
    const result = store.set('deviceToken', 'secret');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/basic_text/);
    expect(store.get('deviceToken').ok).toBe(false);
  });
  it('refuses when encryption is unavailable', () => {
    expect(secretStorageProblem(fakeSafeStorage({ available: false }), 'win32')).toMatch(/no secure key storage/);
    expect(secretStorageProblem(fakeSafeStorage(), 'linux')).toBeNull();
  });
  it('stores only encrypted values and reads them back', () => {
    let saved: Record<string, string> = {};
    const store = createSecretStore(fakeSafeStorage(), { read: () => saved, write: (v) => void (saved = v) }, 'linux');
    expect(store.get('localDataKey')).toEqual({ ok: true, value: null });
    expect(store.set('deviceToken', 'tok-123')).toEqual({ ok: true, value: null });
    expect(JSON.stringify(saved)).not.toContain('tok-123');
    expect(store.get('deviceToken')).toEqual({ ok: true, value: 'tok-123' });
  });
});

describe('network probe', () => {
  it('classifies online, slow and offline', async () => {
    expect(classifyProbe(true, 120)).toEqual({ state: 'online', elapsedMs: 120 });
    // The same "slow" as the renderer's sync loop (one constant, shared/sync/linkTiming.ts).
    expect(classifyProbe(true, SLOW_ANSWER_MS)).toEqual({ state: 'online', elapsedMs: SLOW_ANSWER_MS });
    expect(classifyProbe(true, SLOW_ANSWER_MS + 1)).toEqual({ state: 'slow', elapsedMs: SLOW_ANSWER_MS + 1 });
    expect(classifyProbe(false, 5_000)).toEqual({ state: 'offline', elapsedMs: null });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect((await probeServer('http://10.0.0.5:8787', 1_000, down)).state).toBe('offline');
    let asked = '';
    const up = (async (url: URL) => {
      asked = String(url);
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    expect((await probeServer('http://10.0.0.5:8787/x', 1_000, up)).state).toBe('online');
    expect(asked).toBe('http://10.0.0.5:8787/api/health');
  });
});

describe('admin gate', () => {
  const pinHash = hashPin('246810');
  it('accepts the PIN only after the gesture, and opens a session', () => {
    const gate = createAdminGate({ pinHash });
    expect(gate.unlock('246810', 1_000)).toMatchObject({ ok: false, error: expect.stringMatching(/gesture first/) });
    gate.gesture(2_000);
    expect(gate.unlock('111111', 3_000)).toEqual({ ok: false, error: 'wrong_pin: Wrong PIN.' });
    expect(gate.unlock('246810', 4_000).ok).toBe(true);
    expect(gate.isOpen(5_000)).toBe(true);
    gate.lock();
    expect(gate.isOpen(5_000)).toBe(false);
  });
  it('locks out after repeated wrong PINs', () => {
    const gate = createAdminGate({ pinHash, maxAttempts: 3 });
    gate.gesture(0);
    for (let i = 0; i < 3; i += 1) gate.unlock('000000', 10);
    gate.gesture(20);
    expect(gate.unlock('246810', 30)).toMatchObject({ ok: false, error: expect.stringMatching(/Too many/) });
  });
  it('stays closed when no PIN is configured', () => {
    expect(createAdminGate({ pinHash: null }).gesture(0)).toMatchObject({ ok: false, error: expect.stringMatching(/No admin PIN/) });
  });
});

describe('log files', () => {
  it('rotates into numbered archives and exports copies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-log-'));
    const live = join(dir, 'main.log');
    for (let i = 1; i <= 4; i += 1) {
      writeFileSync(live, `run ${i}`);
      rotateLogFile(live, 2);
    }
    writeFileSync(live, 'now');
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    const target = mkdtempSync(join(tmpdir(), 'motcua-export-'));
    const result = exportLogs(dir, target, new Date(2025, 0, 31, 14, 25, 1));
    expect(result).toEqual({ ok: true, value: { folder: join(target, 'motcua-logs-20250131-142501'), files: 3 } });
  });
});
