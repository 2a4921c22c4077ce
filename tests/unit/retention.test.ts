/**
 * Retention on the counter (clock injected): a finished file the server has loses its personal data
 * and scans after the configured number of days; the stub keeps what the worklist and figures need;
 * anything still in play is never touched; the setting is validated data.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { getFile, registerFile, cancelFile } from '../../renderer/data/fileRegistry.ts';
import { changeFileStatus } from '../../renderer/data/fileStatus.ts';
import { listFileViews } from '../../renderer/data/fileViews.ts';
import { recordPushAnswer, takeBatch } from '../../renderer/data/pushAnswers.ts';
import { DEFAULT_RETENTION, purgeExpiredFiles, readRetention, saveRetention } from '../../renderer/data/retention.ts';
import { localFileSummaries } from '../../renderer/data/localFileSummaries.ts';
import { testPngScan } from '../support/scanFixtures.ts';
import { markScanUploaded } from '../../renderer/data/scanStore.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import type { FileStatus } from '../../shared/files/fileRecord.ts';

const device: DeviceIdentity = {
  key: 'device',
  deviceId: 'dev-1',
  deviceCode: 'D01',
  token: 't'.repeat(40),
  centerCode: 'XA01',
  centerName: 'Xã Một',
  locationCode: null,
  role: 'counter',
  serverUrl: 'http://127.0.0.1:1/',
  enrolledAt: '2027-03-01T00:00:00.000Z',
};
const staff = { id: 's1', name: 'Trần Thị Bình' };
const DAY = 24 * 60 * 60 * 1000;
/** 09:00 on 1 March 2027 in Vietnam, and n days later. */
const day = (n: number, hour = 2) => new Date(Date.UTC(2027, 2, 1 + n, hour));

const cipher = await createMemoryCipher();
const names: string[] = [];
const opened: MotcuaDb[] = [];
function freshDb(name = `retention-${randomUUID()}`): MotcuaDb {
  const db = openDb(name, cipher);
  names.push(name);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function rawText(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  const rows = await Promise.all(raw.tables.map((t) => t.toArray()));
  raw.close();
  return JSON.stringify(rows);
}

async function register(db: MotcuaDb, fullName: string, at = day(0)) {
  const scan = testPngScan('scan-bytes');
  const saved = await registerFile(
    db,
    {
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      channel: 'in_person',
      citizen: { fullName, birthDate: '1990-05-17', idNumber: '001190034567', sex: 'female', phone: null, address: null },
      documents: [],
      attachments: [scan.ref],
      scans: [scan],
      notes: 'ghi chú riêng',
    },
    { device, staff },
    at,
  );
  if (!saved.ok) throw new Error(saved.error.reason);
  return saved.value;
}

/** The server accepts everything pending. */
async function syncAll(db: MotcuaDb) {
  const batch = await takeBatch(db, 0, 1000, Infinity);
  const pending = batch.filter((e) => e.state === 'pending');
  if (pending.length === 0) return;
  const last = Math.max(...batch.map((e) => e.seq));
  await recordPushAnswer(db, batch, { lastAppliedSeq: last, results: pending.map((e) => ({ seq: e.seq, status: 'applied' as const, reason: null })) }, day(0).toISOString());
}

async function move(db: MotcuaDb, fileId: string, steps: readonly FileStatus[], at: Date) {
  for (const to of steps) {
    const moved = await changeFileStatus(db, fileId, to, { staff, device, note: to === 'rejected' ? 'không đủ điều kiện' : null }, at);
    if (!moved.ok) throw new Error(JSON.stringify(moved.error));
  }
}

describe('the retention purge', () => {
  it('empties a returned, synced file once the period since it was returned has passed, keeping a stub', async () => {
    const name = `retention-${randomUUID()}`;
    const db = freshDb(name);
    const file = await register(db, 'Hoàng Thị Mai');
    await move(db, file.id, ['processing', 'done', 'returned'], day(2));
    await syncAll(db);
    // Its scan reached the server too.
    for (const scan of await db.scans.toArray()) await markScanUploaded(db, scan.id, day(2).toISOString());

    expect(await purgeExpiredFiles(db, new Date(day(2).getTime() + 30 * DAY - 1))).toEqual({ ok: true, value: { purged: [], days: 30 } });
    expect(await getFile(db, file.id)).toEqual({ ok: true, value: expect.objectContaining({ citizen: file.citizen }) });

    const purged = await purgeExpiredFiles(db, day(32));

    expect(purged).toEqual({ ok: true, value: { purged: [file.number], days: 30 } });
    const stub = await db.files.get(file.id);
    expect(stub).toMatchObject({ number: file.number, status: 'returned', syncState: 'sent', procedureCode: '1.001193', receivedAt: file.receivedAt, personal: null, attachments: null, purgedAt: day(32).toISOString() });
    expect(await getFile(db, file.id)).toEqual({ ok: false, error: { kind: 'unreadable', reason: expect.stringMatching(/removed from this device/) } });
    const [view] = await listFileViews(db);
    expect(view).toMatchObject({ number: file.number, personal: { ok: false, error: { kind: 'purged', at: day(32).toISOString() } } });
    const summaries = await localFileSummaries(db);
    expect(summaries).toEqual({ ok: true, value: [expect.objectContaining({ status: 'returned', procedureCode: '1.001193', returnedAt: day(2).toISOString() })] });
    // Its scan is gone from the device, bytes and name.
    expect(await db.scans.count()).toBe(0);
    expect(await db.scanBlobs.count()).toBe(0);
    // Of the citizen, nothing is left on the device: not in the file, not in the outbox.
    expect(await rawText(name)).not.toMatch(/Hoàng Thị Mai|ghi chú riêng/);
    expect((await db.audit.toArray()).filter((a) => a.action === 'retention.purge')).toEqual([expect.objectContaining({ detail: expect.stringContaining(file.number) })]);
    // A second run has nothing left to do.
    expect(await purgeExpiredFiles(db, day(40))).toEqual({ ok: true, value: { purged: [], days: 30 } });
  });

  it('never touches a file still in play, unsynced, or rejected by the server', async () => {
    const db = freshDb();
    const open = await register(db, 'Đang Xử Lý');
    const unsent = await register(db, 'Chưa Gửi');
    const refused = await register(db, 'Bị Từ Chối');
    await move(db, open.id, ['processing'], day(1));
    await syncAll(db);
    // The server refuses this one's status change: it stays on the device until staff deal with it.
    await move(db, refused.id, ['processing', 'done', 'returned'], day(1));
    const batch = (await takeBatch(db, 0, 1000, Infinity)).filter((e) => e.state === 'pending' && e.fileId === refused.id);
    await recordPushAnswer(db, batch, { lastAppliedSeq: Math.max(...batch.map((e) => e.seq)), results: batch.map((e) => ({ seq: e.seq, status: 'rejected' as const, reason: 'x' })) }, day(1).toISOString());
    await move(db, unsent.id, ['processing', 'done', 'returned'], day(1));

    const report = await purgeExpiredFiles(db, day(400));

    expect(report.ok && report.value.purged).toEqual([]);
    expect((await db.files.bulkGet([open.id, unsent.id, refused.id])).map((f) => [f?.status, f?.syncState, f?.personal !== null])).toEqual([
      ['processing', 'sent', true],
      ['returned', 'pending', true],
      ['returned', 'rejected', true],
    ]);
  });

  it('empties a file cancelled on the device that never reached the server, once the period has passed', async () => {
    const db = freshDb();
    const file = await register(db, 'Rút Tại Quầy');
    const [create] = await takeBatch(db, 0, 10, Infinity);
    await recordPushAnswer(db, [create!], { lastAppliedSeq: 1, results: [{ seq: 1, status: 'rejected', reason: 'sai trung tâm' }] }, day(0).toISOString());
    expect((await cancelFile(db, file.id, 'công dân rút', staff, day(1))).ok).toBe(true);

    expect(await purgeExpiredFiles(db, day(31))).toEqual({ ok: true, value: { purged: [file.number], days: 30 } });
    expect(await db.files.get(file.id)).toMatchObject({ syncState: 'cancelled', status: 'withdrawn', personal: null });
  });

  it('follows the period the admin set', async () => {
    const db = freshDb();
    const file = await register(db, 'Hoàng Thị Mai');
    await move(db, file.id, ['processing', 'rejected'], day(1));
    await syncAll(db);
    expect(await saveRetention(db, 7)).toEqual({ ok: true, value: { version: 1, days: 7 } });

    expect((await purgeExpiredFiles(db, day(7))).ok && (await db.files.get(file.id))?.personal).not.toBeNull();
    expect(await purgeExpiredFiles(db, day(8))).toEqual({ ok: true, value: { purged: [file.number], days: 7 } });
    expect(await readRetention(db)).toEqual({ ok: true, value: { settings: { version: 1, days: 7 }, storedInvalid: false, lastRun: { at: day(8).toISOString(), purged: 1 } } });
  });
});

describe('the retention setting', () => {
  it('is 30 days until an admin changes it', async () => {
    expect(await readRetention(freshDb())).toEqual({ ok: true, value: { settings: DEFAULT_RETENTION, storedInvalid: false, lastRun: null } });
    expect(DEFAULT_RETENTION.days).toBe(30);
  });

  it('accepts only a whole number of days from 1 to 365', async () => {
    const db = freshDb();
    for (const bad of [0, -3, 366, 2.5, '30', null, Number.NaN]) {
      expect(await saveRetention(db, bad)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'invalid', fields: ['days'] }) });
    }
    expect(await db.settings.count()).toBe(0);
    expect((await saveRetention(db, 365)).ok).toBe(true);
  });

  it('falls back to the default, and says so, when the stored value is not valid', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'retention', value: { version: 1, days: 'thirty' }, updatedAt: day(0).toISOString() });
    expect(await readRetention(db)).toEqual({ ok: true, value: { settings: DEFAULT_RETENTION, storedInvalid: true, lastRun: null } });
  });
});
