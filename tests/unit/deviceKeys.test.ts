/**
 * The data key and the device token on each platform: the shell keeps both in the OS keystore
 * (main's real secrets module over IPC, Electron faked only at safeStorage), a browser keeps a
 * non-extractable key in IndexedDB and the token sealed beside it, the test platform in memory.
 * And the cipher itself: AES-GCM bound to a context, a key id on every value, rotation-ready.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretStore, secretsHandlers } from '../../electron/main/ipc/secrets.ts';
import { registerIpc } from '../../electron/main/ipc/handler.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { loadDevice, saveDevice } from '../../renderer/data/deviceRepository.ts';
import { createBrowserKeys } from '../../renderer/platform/browserKeys.ts';
import { createKeystoreKeys } from '../../renderer/platform/keystoreKeys.ts';
import { createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { openDataKey } from '../../renderer/app/openDataKey.ts';
import { createDataCipher } from '../../renderer/security/dataCipher.ts';
import { generateDataKey } from '../../renderer/security/dataKey.ts';
import { IPC, type MotcuaBridge, type SecretName } from '../../shared/ipc/contract.ts';
import { err, type Result } from '../../shared/result.ts';
import type { EnrolResponse } from '../../shared/sync/protocol.ts';
import { fakeIpcMain, fakeSafeStorage } from '../support/fakeElectron.ts';

const APP = 'app://motcua/index.html';
const TOKEN = 'tok-7f3a9c2e5b8d4f1a6c0e9b2d';
const enrolment: EnrolResponse = {
  deviceId: 'dev-9',
  deviceCode: 'D09',
  token: TOKEN,
  centerCode: 'XA01',
  centerName: 'Xã Một',
  locationCode: null,
  role: 'counter',
};

/** The shell as the renderer sees it: the preload's secrets calls, answered by main's real handlers. */
function fakeShell(options: { backend?: string } = {}) {
  let file: Record<string, string> = {};
  const ipc = fakeIpcMain();
  const safeStorage = fakeSafeStorage(options.backend ? { backend: options.backend } : {});
  registerIpc(ipc.ipcMain, secretsHandlers(createSecretStore(safeStorage, { read: () => file, write: (v) => void (file = v) }, 'linux')));
  const secrets: MotcuaBridge['secrets'] = {
    get: (name: SecretName) => ipc.invoke(IPC.secretsGet, APP, { name }) as Promise<Result<string | null>>,
    set: (name: SecretName, value: string) => ipc.invoke(IPC.secretsSet, APP, { name, value }) as Promise<Result<null>>,
  };
  return { secrets, keystoreFile: () => file, decrypt: (name: string) => safeStorage.decryptString(Buffer.from(file[name]!, 'base64')) };
}

const opened: MotcuaDb[] = [];
const keyDbs: string[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
  for (const name of keyDbs.splice(0)) await Dexie.delete(name);
});

/** Every value of every row of a database, read through a second handle that knows no schema. */
async function rawText(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  const rows = await Promise.all(raw.tables.map((t) => t.toArray()));
  raw.close();
  return JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
}

describe('the data cipher', () => {
  it('seals a value that only the same key and context open', async () => {
    const cipher = createDataCipher(await generateDataKey());
    const sealed = await cipher.seal({ fullName: 'Nguyễn Văn An', idNumber: '001090012345' }, 'file:a');

    expect(sealed).toMatchObject({ v: 1, keyId: cipher.keyId });
    expect(Buffer.from(sealed.data).toString('latin1')).not.toContain('001090012345');
    expect(await cipher.open(sealed, 'file:a')).toEqual({ ok: true, value: { fullName: 'Nguyễn Văn An', idNumber: '001090012345' } });
    // Copied onto another record, it does not open there.
    expect(await cipher.open(sealed, 'file:b')).toEqual({ ok: false, error: expect.stringMatching(/does not decrypt/) });
    const tampered = { ...sealed, data: sealed.data.slice() };
    tampered.data[0]! ^= 1;
    expect(await cipher.open(tampered, 'file:a')).toEqual({ ok: false, error: expect.stringMatching(/does not decrypt/) });
    expect(await createDataCipher(await generateDataKey()).open(sealed, 'file:a')).toEqual({ ok: false, error: expect.stringMatching(/does not hold/) });
    expect(await cipher.open({ fullName: 'plain' }, 'file:a')).toEqual({ ok: false, error: expect.stringMatching(/sealed format/) });
  });

  it('refuses anything not shaped as its envelope before trying to decrypt it', async () => {
    const cipher = createDataCipher(await generateDataKey());
    const sealed = await cipher.seal('kept', 'ctx');
    const blob = await cipher.encryptBlob(new Blob(['scan'], { type: 'image/png' }), 'scan:a');
    const refused = [
      { ...sealed, v: 2 },
      { ...sealed, keyId: '' },
      { ...sealed, keyId: 'k'.repeat(65) },
      { ...sealed, iv: sealed.iv.slice(0, 11) },
      { ...sealed, iv: Array.from(sealed.iv) },
      { ...sealed, data: Array.from(sealed.data) },
      null,
      'sealed',
    ];
    for (const value of refused) expect(await cipher.open(value as never, 'ctx'), JSON.stringify(value)).toEqual({ ok: false, error: expect.stringMatching(/sealed format/) });
    for (const value of [{ ...blob, type: 'x'.repeat(201) }, { ...blob, data: sealed.data }, { ...blob, type: 1 }, sealed]) {
      expect(await cipher.decryptBlob(value as never, 'scan:a')).toEqual({ ok: false, error: expect.stringMatching(/sealed format/) });
    }
    expect(await cipher.open(sealed, 'ctx')).toEqual({ ok: true, value: 'kept' });
    expect((await cipher.decryptBlob(blob, 'scan:a')).ok).toBe(true);
  });

  it('gives every value its own IV', async () => {
    const cipher = createDataCipher(await generateDataKey());
    const [a, b] = await Promise.all([cipher.seal('same', 'x'), cipher.seal('same', 'x')]);
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
  });

  it('opens values sealed before a key rotation while sealing new ones with the new key', async () => {
    const old = await generateDataKey();
    const next = await generateDataKey();
    const before = await createDataCipher(old).seal('kept', 'ctx');
    const rotated = createDataCipher(next, [old]);
    expect(await rotated.open(before, 'ctx')).toEqual({ ok: true, value: 'kept' });
    expect((await rotated.seal('new', 'ctx')).keyId).toBe(next.id);
  });

  it('encrypts and decrypts a scan as a blob, type restored', async () => {
    const cipher = createDataCipher(await generateDataKey());
    const scan = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
    const sealed = await cipher.encryptBlob(scan, 'scan:1');
    expect(sealed.type).toBe('image/png');
    expect(sealed.data.size).toBe(scan.size + 16);
    const back = await cipher.decryptBlob(sealed, 'scan:1');
    expect(back.ok && back.value.type).toBe('image/png');
    expect(back.ok && Buffer.from(await back.value.arrayBuffer())).toEqual(Buffer.from(await scan.arrayBuffer()));
    expect(await cipher.decryptBlob(sealed, 'scan:2')).toEqual({ ok: false, error: expect.stringMatching(/does not decrypt/) });
  });
});

describe('keys in the Electron shell', () => {
  it('makes the data key once, keeps it in the OS keystore and imports it non-extractable', async () => {
    const shell = fakeShell();
    const first = await createKeystoreKeys(shell.secrets).dataKey.open();
    if (!first.ok) throw new Error(first.error);
    expect(first.value.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', first.value.key)).rejects.toThrow();
    expect(Object.keys(shell.keystoreFile())).toEqual(['localDataKey']);
    expect(JSON.parse(shell.decrypt('localDataKey'))).toMatchObject({ v: 1, id: first.value.id });

    // After a restart: the same key from the keystore (what one sealed, the other opens).
    const again = await createKeystoreKeys(shell.secrets).dataKey.open();
    if (!again.ok) throw new Error(again.error);
    expect(again.value.id).toBe(first.value.id);
    const sealed = await createDataCipher(first.value).seal('x', 'c');
    expect(await createDataCipher(again.value).open(sealed, 'c')).toEqual({ ok: true, value: 'x' });
  });

  it('says why a data key in the keystore of the wrong shape cannot be used, and makes no other', async () => {
    const good = JSON.parse(await (async () => {
      const shell = fakeShell();
      await createKeystoreKeys(shell.secrets).dataKey.open();
      return shell.decrypt('localDataKey');
    })()) as { v: number; id: string; key: string };
    const shapes = [{ ...good, v: 2 }, { ...good, id: '' }, { ...good, id: 'x'.repeat(65) }, { ...good, key: 7 }, { v: 1, id: good.id }, [good], 'key'];
    for (const shape of shapes) {
      const shell = fakeShell();
      await shell.secrets.set('localDataKey', JSON.stringify(shape));
      expect(await createKeystoreKeys(shell.secrets).dataKey.open(), JSON.stringify(shape)).toEqual({ ok: false, error: expect.stringMatching(/wrong shape/) });
      expect(JSON.parse(shell.decrypt('localDataKey'))).toEqual(shape);
    }
    const shell = fakeShell();
    await shell.secrets.set('localDataKey', JSON.stringify(good));
    expect((await createKeystoreKeys(shell.secrets).dataKey.open()).ok).toBe(true);
  });

  it('keeps the device token in the keystore and none in IndexedDB', async () => {
    const shell = fakeShell();
    const keys = createKeystoreKeys(shell.secrets);
    const key = await keys.dataKey.open();
    if (!key.ok) throw new Error(key.error);
    const name = `shell-${randomUUID()}`;
    const db = openDb(name, createDataCipher(key.value));
    opened.push(db);

    const saved = await saveDevice(db, keys.deviceToken, 'http://10.0.0.5:8787', enrolment);

    expect(saved).toEqual({ ok: true, value: expect.objectContaining({ token: TOKEN, deviceCode: 'D09' }) });
    expect(shell.decrypt('deviceToken')).toBe(TOKEN);
    expect(JSON.stringify(shell.keystoreFile())).not.toContain(TOKEN);
    const raw = await rawText(name);
    expect(raw).toContain('"deviceCode":"D09"');
    expect(raw).not.toContain(TOKEN);
    expect(await loadDevice(db, keys.deviceToken)).toEqual({ ok: true, value: expect.objectContaining({ token: TOKEN, deviceId: 'dev-9' }) });
  });

  it('refuses with a reason when the OS has no real keystore, and enrols nothing', async () => {
    const shell = fakeShell({ backend: 'basic_text' });
    const keys = createKeystoreKeys(shell.secrets);
    expect(await keys.dataKey.open()).toEqual({ ok: false, error: expect.stringMatching(/basic_text/) });
    const db = openDb(`shell-${randomUUID()}`, createDataCipher(await generateDataKey()));
    opened.push(db);
    expect(await saveDevice(db, keys.deviceToken, 'http://x', enrolment)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'keystore' }) });
    expect(await db.device.count()).toBe(0);
  });

  it('refuses a damaged key in the keystore instead of making a new one over it', async () => {
    const shell = fakeShell();
    await shell.secrets.set('localDataKey', JSON.stringify({ v: 1, id: 'k1', key: 'AAAA' }));
    expect(await createKeystoreKeys(shell.secrets).dataKey.open()).toEqual({ ok: false, error: expect.stringMatching(/3 bytes instead of 32/) });
    expect(JSON.parse(shell.decrypt('localDataKey'))).toMatchObject({ key: 'AAAA' });
  });
});

describe('keys in a browser', () => {
  it('makes one non-extractable key, stored in its own database, shared by every opener', async () => {
    const name = `keys-${randomUUID()}`;
    keyDbs.push(name);
    const [a, b] = await Promise.all([createBrowserKeys(name).dataKey.open(), createBrowserKeys(name).dataKey.open()]);
    if (!a.ok || !b.ok) throw new Error('key not opened');
    expect(a.value.id).toBe(b.value.id);
    const later = await createBrowserKeys(name).dataKey.open();
    expect(later.ok && later.value.id).toBe(a.value.id);
    expect(a.value.key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', a.value.key)).rejects.toThrow();
    const sealed = await createDataCipher(a.value).seal('x', 'c');
    expect(later.ok && (await createDataCipher(later.value).open(sealed, 'c'))).toEqual({ ok: true, value: 'x' });
  });

  it('keeps the device token sealed with the data key', async () => {
    const name = `keys-${randomUUID()}`;
    keyDbs.push(name);
    const keys = createBrowserKeys(name);
    expect(await keys.deviceToken.read()).toEqual({ ok: true, value: null });
    expect(await keys.deviceToken.write(TOKEN)).toEqual({ ok: true, value: null });
    const raw = await rawText(name);
    expect(raw).toContain('"name":"deviceToken"');
    expect(raw).not.toContain(TOKEN);
    expect(await createBrowserKeys(name).deviceToken.read()).toEqual({ ok: true, value: TOKEN });
  });

  it('opens the key database an earlier build made through Dexie, its key and token as they are', async () => {
    const name = `keys-${randomUUID()}`;
    keyDbs.push(name);
    const earlier = new Dexie(name);
    earlier.version(1).stores({ keys: '&name', secrets: '&name' });
    const key = await generateDataKey();
    await earlier.table('keys').put({ name: 'data', id: key.id, key: key.key, createdAt: '2026-03-01T00:00:00Z' });
    await earlier.table('secrets').put({ name: 'deviceToken', sealed: await createDataCipher(key).seal(TOKEN, 'secret:deviceToken') });
    earlier.close();
    const keys = createBrowserKeys(name);
    const opened = await keys.dataKey.open();
    expect(opened.ok && opened.value.id).toBe(key.id);
    expect(await keys.deviceToken.read()).toEqual({ ok: true, value: TOKEN });
    // And what it writes, the earlier build's Dexie reads.
    await keys.deviceToken.write('tok-2');
    const again = new Dexie(name);
    again.version(1).stores({ keys: '&name', secrets: '&name' });
    const row = await again.table('secrets').get('deviceToken');
    again.close();
    expect(await createDataCipher(key).open(row.sealed, 'secret:deviceToken')).toEqual({ ok: true, value: 'tok-2' });
  });

  it('opens its database again once another tab has deleted it, rather than failing on a closed connection', async () => {
    const name = `keys-${randomUUID()}`;
    keyDbs.push(name);
    const keys = createBrowserKeys(name);
    expect(await keys.deviceToken.write(TOKEN)).toEqual({ ok: true, value: null });
    await Dexie.delete(name);
    expect(await keys.deviceToken.read()).toEqual({ ok: true, value: null });
  });

  it('refuses a stored key that is not a non-extractable AES-GCM key', async () => {
    const name = `keys-${randomUUID()}`;
    keyDbs.push(name);
    const raw = new Dexie(name);
    raw.version(1).stores({ keys: '&name', secrets: '&name' });
    const weak = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    await raw.table('keys').put({ name: 'data', id: 'weak', key: weak, createdAt: '2027-03-01T00:00:00Z' });
    raw.close();
    expect(await createBrowserKeys(name).dataKey.open()).toEqual({ ok: false, error: expect.stringMatching(/non-extractable/) });
  });
});

describe('the test platform', () => {
  it('keeps one key and the token in memory', async () => {
    const platform = createMemoryPlatform();
    const [a, b] = await Promise.all([platform.dataKey.open(), platform.dataKey.open()]);
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
    await platform.deviceToken.write(TOKEN);
    expect(platform.storedToken()).toBe(TOKEN);
  });
});

describe('the data key at start-up', () => {
  const refusing = { open: async () => err('the OS keystore refused the data key: basic_text') };

  it('stops a counter whose key cannot be opened', async () => {
    expect(await openDataKey({ profile: 'counter', dataKey: refusing })).toEqual({ ok: false, error: expect.stringMatching(/basic_text/) });
  });

  it('runs a kiosk (no citizen data) on a session key instead', async () => {
    const key = await openDataKey({ profile: 'kiosk', dataKey: refusing });
    expect(key.ok && key.value.key.extractable).toBe(false);
  });
});
