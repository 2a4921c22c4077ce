/**
 * Citizens' data at rest on the counter (Dexie on fake-indexeddb; the e2e test repeats the raw
 * check in Chromium): nothing personal in clear, the outbox's copy gone once the server has it,
 * a record that does not decrypt shown with its reason, a database from before sealing sealed by the upgrade, and
 * search by name or ID over sealed records.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { loadDevice } from '../../renderer/data/deviceRepository.ts';
import { cancelFile, getFile, registerFile, resendFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { changeFileStatus } from '../../renderer/data/fileStatus.ts';
import { listFileViews } from '../../renderer/data/fileViews.ts';
import { searchFiles } from '../../renderer/data/fileSearch.ts';
import { listOutbox, openPayload } from '../../renderer/data/outbox.ts';
import { recordPushAnswer, takeBatch } from '../../renderer/data/pushAnswers.ts';
import { mutationsFor } from '../../renderer/data/pushPayloads.ts';
import { testPngScan } from '../support/scanFixtures.ts';
import { readScanBytes } from '../../renderer/data/scanStore.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { localFileSummaries } from '../../renderer/data/localFileSummaries.ts';

const device: DeviceIdentity = {
  key: 'device',
  deviceId: 'dev-1',
  deviceCode: 'D01',
  token: 'tok-5d1c0e8f7a2b4c6d9e0f1a2b',
  centerCode: 'XA01',
  centerName: 'Xã Một',
  locationCode: null,
  role: 'counter',
  serverUrl: 'http://127.0.0.1:1/',
  enrolledAt: '2027-03-01T00:00:00.000Z',
};
const staff = { id: 's1', name: 'Trần Thị Bình' };
const morning = new Date('2027-03-01T02:00:00Z');
const PERSONAL = ['Hoàng Thị Mai', '001190034567', '0987654321', 'Thôn Bản Chiềng', 'mang bản gốc sổ hộ khẩu'];

function walkIn(overrides: Partial<NewFileInput> = {}): NewFileInput {
  const scan = testPngScan('cccd-scan-bytes');
  return {
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'in_person',
    citizen: { fullName: 'Hoàng Thị Mai', birthDate: '1990-05-17', idNumber: '001190034567', sex: 'female', phone: '0987654321', address: 'Thôn Bản Chiềng' },
    documents: [{ name: 'Tờ khai', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    attachments: [scan.ref],
    scans: [scan],
    notes: 'mang bản gốc sổ hộ khẩu',
    ...overrides,
  };
}

const cipher = await createMemoryCipher();
const names: string[] = [];
const opened: MotcuaDb[] = [];
function freshDb(name = `sealed-${randomUUID()}`): MotcuaDb {
  const db = openDb(name, cipher);
  names.push(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Every stored value, bytes included, read through a second handle that knows no schema. */
async function rawText(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  const rows = await Promise.all(raw.tables.map((t) => t.toArray()));
  raw.close();
  return JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));
}

async function mustRegister(db: MotcuaDb, overrides: Partial<NewFileInput> = {}) {
  const saved = await registerFile(db, walkIn(overrides), { device, staff }, morning);
  if (!saved.ok) throw new Error(saved.error.reason);
  return saved.value;
}

async function answer(db: MotcuaDb, outcomes: Record<number, 'applied' | 'rejected'>) {
  const seqs = Object.keys(outcomes).map(Number);
  const batch = await takeBatch(db, Math.min(...seqs) - 1, seqs.length, Infinity);
  const results = seqs.map((seq) => ({ seq, status: outcomes[seq]!, reason: outcomes[seq] === 'rejected' ? 'wrong center' : null }));
  return recordPushAnswer(db, batch, { lastAppliedSeq: Math.max(...seqs), results }, '2027-03-01T03:00:00.000Z');
}

describe('a registered file at rest', () => {
  it('keeps no name, ID, phone, address, notes or scan in clear, in the file or in its outbox entry', async () => {
    const name = `sealed-${randomUUID()}`;
    const db = freshDb(name);
    const file = await mustRegister(db);

    const raw = await rawText(name);
    expect(raw).toContain(file.number);
    expect(raw).toContain('Đăng ký khai sinh');
    for (const value of [...PERSONAL, 'cccd-scan-bytes', Buffer.from('cccd-scan-bytes').toString('base64')]) expect(raw).not.toContain(value);
    // The scan's bytes are sealed too: no plain Blob, and the stored bytes do not hold the scan's.
    const plain = new Dexie(name);
    await plain.open();
    const blobs = (await plain.table('scanBlobs').toArray()) as { blob?: Blob; sealed?: { data: Blob } }[];
    plain.close();
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.blob).toBeUndefined();
    expect(Buffer.from(await blobs[0]!.sealed!.data.arrayBuffer()).toString('latin1')).not.toContain('cccd-scan-bytes');
    const bytes = await readScanBytes(db, file.attachments[0]!.id);
    expect(bytes.ok && bytes.value && Buffer.from(await bytes.value.arrayBuffer()).toString('latin1')).toContain('cccd-scan-bytes');
    // What staff get back is the whole file.
    expect(await getFile(db, file.id)).toEqual({ ok: true, value: file });
    const entry = (await db.outbox.get(1))!;
    expect(await openPayload(db, entry)).toEqual({ ok: true, value: expect.objectContaining({ citizen: file.citizen, notes: file.notes, attachments: file.attachments }) });
  });

  it('keeps a status note and a cancellation reason sealed too', async () => {
    const name = `sealed-${randomUUID()}`;
    const db = freshDb(name);
    const a = await mustRegister(db);
    const b = await mustRegister(db);
    await answer(db, { 1: 'applied', 2: 'applied' });
    expect((await changeFileStatus(db, a.id, 'processing', { staff, device }, morning)).ok).toBe(true);
    expect((await changeFileStatus(db, a.id, 'needs_supplement', { staff, device, note: 'thiếu giấy chứng sinh của cháu Hoàng Văn Nam' }, morning)).ok).toBe(true);
    expect((await cancelFile(db, b.id, 'bà Mai rút hồ sơ vì chuyển nơi ở', staff)).ok).toBe(true);

    const entries = await db.outbox.toArray();
    expect(entries.filter((e) => e.payload !== null).map((e) => e.kind)).toEqual(['file.status', 'file.status', 'file.cancel']);
    const outboxText = JSON.stringify(entries, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : v));
    expect(outboxText).not.toContain('Hoàng Văn Nam');
    expect(outboxText).not.toContain('chuyển nơi ở');
    expect(entries.find((e) => e.seq === 4)).toMatchObject({ kind: 'file.status', statusTo: 'needs_supplement' });
  });
});

describe('the outbox copy of a file', () => {
  it('is dropped once the server has acknowledged it; the entry stays for the outbox screen', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    expect((await db.outbox.get(1))!.payload).not.toBeNull();

    await answer(db, { 1: 'applied' });

    expect(await db.outbox.get(1)).toMatchObject({ state: 'sent', payload: null, fileId: file.id, kind: 'file.create' });
    const listed = await listOutbox(db);
    expect(listed.ok && listed.value[0]).toMatchObject({ seq: 1, state: 'sent', fileNumber: file.number, citizenName: 'Hoàng Thị Mai' });
    // The file itself is still whole on the device until retention.
    expect(await getFile(db, file.id)).toEqual({ ok: true, value: expect.objectContaining({ citizen: file.citizen }) });
  });

  it('is kept while rejected, and dropped when staff resend or cancel it', async () => {
    const db = freshDb();
    const a = await mustRegister(db);
    const b = await mustRegister(db);
    await answer(db, { 1: 'rejected', 2: 'rejected' });
    expect((await db.outbox.bulkGet([1, 2])).map((e) => e?.payload !== null)).toEqual([true, true]);

    expect((await resendFile(db, a.id, walkIn({ notes: 'đã sửa' }), staff, morning)).ok).toBe(true);
    expect((await cancelFile(db, b.id, 'nhầm', staff)).ok).toBe(true);

    expect(await db.outbox.get(1)).toMatchObject({ state: 'superseded', payload: null });
    expect(await db.outbox.get(2)).toMatchObject({ state: 'cancelled', payload: null });
    expect((await db.outbox.get(3))!.payload).not.toBeNull();
  });

  it('is rebuilt from the file when a server restored from a backup asks for it again', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    await answer(db, { 1: 'applied' });

    const mutations = await mutationsFor(db, await takeBatch(db, 0, 10, Infinity));

    expect(mutations).toEqual({ ok: true, value: [expect.objectContaining({ seq: 1, kind: 'file.create', payload: expect.objectContaining({ id: file.id, number: file.number, citizen: file.citizen }) })] });
    expect(mutations.ok && mutations.value[0]!.payload).not.toHaveProperty('syncState');
  });

  it('is not pushed when it does not decrypt: the sync loop reports why instead of sending garbage', async () => {
    const db = freshDb();
    await mustRegister(db);
    const entry = (await db.outbox.get(1))!;
    await db.outbox.update(1, { payload: { ...entry.payload!, data: new Uint8Array(entry.payload!.data.byteLength) } });

    expect(await mutationsFor(db, await takeBatch(db, 0, 10, Infinity))).toEqual({ ok: false, error: expect.stringMatching(/mutation 1 cannot be read: .*does not decrypt/) });
  });
});

describe('a record that does not decrypt', () => {
  it('is a row with a reason; the rest of the list is shown', async () => {
    const db = freshDb();
    const good = await mustRegister(db);
    const bad = await mustRegister(db, { citizen: { ...walkIn().citizen, fullName: 'Lò Văn Páo' } });
    // As if sealed with a key this device no longer holds.
    const stored = (await db.files.get(bad.id))!;
    await db.files.put({ ...stored, personal: { ...stored.personal!, keyId: 'lost-key' } });

    const views = await listFileViews(db);

    expect(views).toHaveLength(2);
    expect(views.find((v) => v.id === good.id)?.personal).toEqual({ ok: true, value: expect.objectContaining({ citizen: good.citizen }) });
    expect(views.find((v) => v.id === bad.id)).toMatchObject({ number: bad.number, status: 'received', personal: { ok: false, error: { kind: 'undecryptable', reason: expect.stringMatching(/lost-key/) } } });
    expect(await getFile(db, bad.id)).toEqual({ ok: false, error: { kind: 'unreadable', reason: expect.stringContaining(bad.number) } });
    const outbox = await listOutbox(db);
    expect(outbox.ok && outbox.value.map((e) => e.citizenName)).toEqual([null, 'Hoàng Thị Mai']);
  });
});

describe('searching sealed files', () => {
  it('finds a file by name without tones, by part of the ID, or by number', async () => {
    const db = freshDb();
    const mai = await mustRegister(db);
    const pao = await mustRegister(db, { citizen: { ...walkIn().citizen, fullName: 'Lò Văn Páo', idNumber: '012090000771', sex: 'male' } });

    const numbers = async (q: string) => {
      const found = await searchFiles(db, q);
      if (!found.ok) throw new Error(found.error.reason);
      return found.value.map((f) => f.number).sort();
    };

    expect(await numbers('hoang thi mai')).toEqual([mai.number]);
    expect(await numbers('Páo')).toEqual([pao.number]);
    expect(await numbers('000771')).toEqual([pao.number]);
    expect(await numbers(pao.number.toLowerCase())).toEqual([pao.number]);
    expect(await numbers('nguyen')).toEqual([]);
    expect(await numbers('')).toEqual([mai.number, pao.number].sort());
  });
});

describe('upgrading a device from before sealing (schema v4)', () => {
  /** A database as the previous version left it: everything in clear, the token in the device row. */
  async function v4Database(name: string) {
    const old = new Dexie(name);
    old.version(4).stores({
      procedures: '&code, field',
      catalogMeta: '&key',
      device: '&key',
      staff: '&id, name',
      files: '&id, &number, syncState, receivedAt, procedureCode, dueAt, status',
      outbox: '&seq, &id, state, fileId',
      audit: '++id, at, fileId',
      counters: '&key',
      syncMeta: '&key',
      calendar: '&key',
      lookups: '&number',
      ratings: '&id, state',
    });
    const fileId = randomUUID();
    const record = {
      ...walkIn(),
      id: fileId,
      number: 'XA01-D01-20270301-0001',
      centerCode: 'XA01',
      locationCode: null,
      deviceId: 'dev-1',
      receivedAt: morning.toISOString(),
      receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' },
      dueAt: null,
    };
    await old.table('device').put(device);
    await old.table('files').put({ ...record, syncState: 'pending', rejectReason: null, status: 'processing', statusAt: morning.toISOString(), seq: 3 });
    const entry = (seq: number, kind: string, state: string, payload: unknown) => ({ seq, id: randomUUID(), kind, at: morning.toISOString(), payload, fileId, state, attempts: 0, lastError: null, sentAt: null });
    await old.table('outbox').bulkPut([
      entry(1, 'file.create', 'sent', record),
      entry(2, 'file.status', 'sent', { fileId, from: 'received', to: 'processing', stamp: { who: { staffId: 's1', staffName: 'B' }, when: morning.toISOString(), where: { centerCode: 'XA01', locationCode: null, deviceId: 'dev-1' }, note: null } }),
      entry(3, 'file.status', 'pending', { fileId, from: 'processing', to: 'done', stamp: { who: { staffId: 's1', staffName: 'B' }, when: morning.toISOString(), where: { centerCode: 'XA01', locationCode: null, deviceId: 'dev-1' }, note: 'Hoàng Thị Mai đã ký' } }),
    ]);
    old.close();
    return { fileId, record };
  }

  it('seals every file and pending payload, drops what the server has, and moves the token to the vault', async () => {
    const name = `v4-${randomUUID()}`;
    const { fileId, record } = await v4Database(name);
    expect(await rawText(name)).toContain('001190034567');

    const db = freshDb(name);
    const platform = createMemoryPlatform();
    const loaded = await loadDevice(db, platform.deviceToken);

    expect(loaded).toEqual({ ok: true, value: expect.objectContaining({ token: device.token, deviceCode: 'D01' }) });
    expect(platform.storedToken()).toBe(device.token);
    const raw = await rawText(name);
    for (const value of [...PERSONAL, 'Hoàng Thị Mai đã ký', device.token]) expect(raw).not.toContain(value);
    expect(await db.device.get('device')).not.toHaveProperty('legacyToken');
    expect(await getFile(db, fileId)).toEqual({ ok: true, value: expect.objectContaining({ citizen: record.citizen, notes: record.notes, attachments: record.attachments, status: 'processing' }) });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.seq, e.state, e.payload === null, e.statusTo])).toEqual([
      [1, 'sent', true, undefined],
      [2, 'sent', true, 'processing'],
      [3, 'pending', false, 'done'],
    ]);
    expect(await openPayload(db, outbox[2]!)).toEqual({ ok: true, value: expect.objectContaining({ to: 'done', stamp: expect.objectContaining({ note: 'Hoàng Thị Mai đã ký' }) }) });
    // A second start finds nothing more to move.
    expect(await loadDevice(db, platform.deviceToken)).toEqual({ ok: true, value: expect.objectContaining({ token: device.token }) });
  });
});

describe('the figures after payloads are dropped', () => {
  it('still know when a file was done and returned', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    await answer(db, { 1: 'applied' });
    const at = (h: number) => new Date(Date.UTC(2027, 2, 2, h));
    for (const [to, hour] of [['processing', 1], ['done', 2], ['returned', 3]] as const) {
      expect((await changeFileStatus(db, file.id, to, { staff, device }, at(hour))).ok).toBe(true);
    }
    await answer(db, { 2: 'applied', 3: 'applied', 4: 'applied' });
    expect((await db.outbox.toArray()).every((e) => e.payload === null)).toBe(true);

    const summaries = await localFileSummaries(db);

    expect(summaries).toEqual({ ok: true, value: [expect.objectContaining({ status: 'returned', doneAt: at(2).toISOString(), returnedAt: at(3).toISOString() })] });
  });
});
