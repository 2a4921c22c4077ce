/**
 * The center list between devices and the real server on loopback: an admin device saves its edits
 * (kept on the device while the server is away or refuses), and another device's sync loop pulls
 * the new version, then only what changed, removals included.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCenterList, loadCenterListDraft, putCenterListDraft } from '../../renderer/data/centerListRepository.ts';
import { openDb, type DeviceIdentity, type MotcuaDb, type StaffMember } from '../../renderer/data/db.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import type { TokenVault } from '../../renderer/security/dataKey.ts';
import { saveCenterList } from '../../renderer/features/centerList/saveCenterList.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import type { CenterEntryValues } from '../../shared/centerList/centerList.ts';
import { startTestServer, type TestServer } from '../e2e/support/testServer.ts';
import { pullCenterListWith } from '../../renderer/app/useCenterList.ts';

const staff: StaffMember = { id: 's1', name: 'Nguyễn Thị Lan', role: 'admin', pinHash: 'x', salt: 'y', createdAt: '2026-01-01T00:00:00Z', active: true };
const SAME_DAY: CenterEntryValues = { time: { unit: 'same_day', cutoff: '15:00' }, fee: { kind: 'free' }, place: { location: 'Điểm 1', counter: 'Quầy 2' }, note: null };

/** A device of the demo center: a counter, or a center admin's device enrolled with the admin code. */
async function enrolledDb(server: TestServer, name: string, role: 'counter' | 'admin' = 'counter'): Promise<{ db: MotcuaDb; device: DeviceIdentity; tokens: TokenVault }> {
  const enrolmentCode = role === 'admin' ? DEMO_CENTER.adminEnrolmentCode : DEMO_CENTER.enrolmentCode;
  const enrolled = await enrol(server.url, { centerCode: DEMO_CENTER.code, enrolmentCode, locationCode: null, deviceName: name, role });
  if (!enrolled.ok) throw new Error(enrolled.error.reason);
  const db = openDb(`centerlist-${randomUUID()}`, await createMemoryCipher());
  const { deviceToken: tokens } = createMemoryPlatform();
  const saved = await saveDevice(db, tokens, server.url, enrolled.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  return { db, device: saved.value, tokens };
}

describe('the center list between devices and the server', () => {
  let server: TestServer;
  let admin: { db: MotcuaDb; device: DeviceIdentity };
  let counter: { db: MotcuaDb; device: DeviceIdentity; tokens: TokenVault };

  beforeAll(async () => {
    server = await startTestServer({ web: false });
    admin = await enrolledDb(server, 'Máy quản trị', 'admin');
    counter = await enrolledDb(server, 'Quầy 1');
  });
  afterAll(async () => {
    await admin?.db.delete();
    await counter?.db.delete();
    await server?.close();
  });

  it("keeps a counter's edits on the device when the server refuses them", async () => {
    await putCenterListDraft(counter.db, { '1.001193': SAME_DAY }, new Date().toISOString());
    expect(await saveCenterList(counter.db, counter.device, staff)).toMatchObject({ kind: 'forbidden' });
    expect((await loadCenterListDraft(counter.db)).ok && (await counter.db.centerListDraft.count())).toBe(1);
    await counter.db.centerListDraft.clear();
  });

  it('keeps the edits when the server cannot be reached, and saves them once it can', async () => {
    await putCenterListDraft(admin.db, { '1.001193': SAME_DAY, '2.000884': { ...SAME_DAY, fee: { kind: 'amount', amount: 10000 } } }, new Date().toISOString());
    const away = { ...admin.device, serverUrl: 'http://127.0.0.1:9/' };
    expect(await saveCenterList(admin.db, away, staff)).toMatchObject({ kind: 'offline' });
    expect(await admin.db.centerListDraft.count()).toBe(2);

    expect(await saveCenterList(admin.db, admin.device, staff)).toEqual({ kind: 'saved', version: 1, changed: 2 });
    expect(await admin.db.centerListDraft.count()).toBe(0);
    const local = await loadCenterList(admin.db);
    expect(local.ok && local.value.meta?.version).toBe(1);
    expect(local.ok && Object.keys(local.value.entries).sort()).toEqual(['1.001193', '2.000884']);
  });

  it("brings the admin's changes to another device in its sync cycle, then only what changed", async () => {
    const engine = createSyncEngine({ db: counter.db, tokens: counter.tokens, events: null });
    const first = await engine.syncNow();
    expect(first).toMatchObject({ ok: true, centerList: 'updated' });
    const pulled = await loadCenterList(counter.db);
    expect(pulled.ok && pulled.value.entries['1.001193']).toMatchObject({ ...SAME_DAY, updatedBy: staff.name });

    expect(await engine.syncNow()).toMatchObject({ ok: true, centerList: 'unchanged' });

    await putCenterListDraft(admin.db, { '2.000884': null, '1.000894': SAME_DAY }, new Date().toISOString());
    expect(await saveCenterList(admin.db, admin.device, staff)).toEqual({ kind: 'saved', version: 2, changed: 2 });
    expect(await engine.syncNow()).toMatchObject({ ok: true, centerList: 'updated' });
    const after = await loadCenterList(counter.db);
    expect(after.ok && after.value.meta?.version).toBe(2);
    expect(after.ok && Object.keys(after.value.entries).sort()).toEqual(['1.000894', '1.001193']);
    engine.stop();
  });

  it("tells the admin whose newer change stands in the way, and brings it down", async () => {
    // A second admin device that last saw version 2; the first admin now moves 1.001193 to version 3.
    const other = await enrolledDb(server, 'Máy quản trị 2', 'admin');
    expect(await pullCenterListWith(other.db, { serverUrl: other.device.serverUrl, token: other.device.token })).toBe('updated');
    await putCenterListDraft(admin.db, { '1.001193': { ...SAME_DAY, note: 'Mang bản chính' } }, new Date().toISOString());
    expect(await saveCenterList(admin.db, admin.device, staff)).toMatchObject({ kind: 'saved', version: 3 });
    await putCenterListDraft(other.db, { '1.001193': { ...SAME_DAY, note: 'Khác' } }, new Date().toISOString());
    expect(await saveCenterList(other.db, other.device, staff)).toMatchObject({ kind: 'conflict', codes: ['1.001193'] });
    // The newer value came down and the edit is still there: saving again is a deliberate choice.
    const local = await loadCenterList(other.db);
    expect(local.ok && local.value.entries['1.001193']?.note).toBe('Mang bản chính');
    expect(await other.db.centerListDraft.count()).toBe(1);
    expect(await saveCenterList(other.db, other.device, staff)).toMatchObject({ kind: 'saved', version: 4 });
    await other.db.delete();
  });
});
