/**
 * The kiosk's pre-registrations against a real server on loopback (real SQLite, Dexie on
 * fake-indexeddb): a confirmed draft is sealed on the kiosk, waits while the server is out of reach
 * and reaches it exactly once (a lost answer included); a counter of the same center then reads it;
 * the kiosk keeps no personal data once the server has it, and nothing after the end of the day.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { loadDevice, saveDevice } from '../../renderer/data/deviceRepository.ts';
import { draftState, pendingDrafts, purgeExpiredDrafts, saveDraft, type NewDraft } from '../../renderer/data/preregDrafts.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import type { TokenVault } from '../../renderer/security/dataKey.ts';
import { fetchDraft, fetchDraftByCode } from '../../renderer/sync/preregClient.ts';
import { drainDrafts } from '../../renderer/sync/preregSender.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import type { DeviceRole } from '../../shared/sync/protocol.ts';
import { makeDraft } from '../support/preregFixtures.ts';
import { startTestServer, type TestServer } from '../e2e/support/testServer.ts';

let server: TestServer;
const dbs: MotcuaDb[] = [];
const vaults = new WeakMap<MotcuaDb, TokenVault>();
const vault = (db: MotcuaDb) => vaults.get(db)!;

beforeAll(async () => {
  server = await startTestServer({ web: false });
}, 60_000);
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function device(role: DeviceRole): Promise<MotcuaDb> {
  const db = openDb(`prereg-${randomUUID()}`, await createMemoryCipher());
  vaults.set(db, createMemoryPlatform().deviceToken);
  dbs.push(db);
  const answer = await enrol(server.url, { centerCode: DEMO_CENTER.code, enrolmentCode: DEMO_CENTER.enrolmentCode, deviceName: `${role} ${randomUUID().slice(0, 4)}`, locationCode: null, role });
  if (!answer.ok) throw new Error(answer.error.reason);
  const saved = await saveDevice(db, vault(db), server.url, answer.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  return db;
}

async function identityOf(db: MotcuaDb): Promise<DeviceIdentity> {
  const loaded = await loadDevice(db, vault(db));
  if (!loaded.ok || !loaded.value) throw new Error('not enrolled');
  return loaded.value;
}

const confirmed = (): NewDraft => {
  const { id: _id, code: _code, createdAt: _at, ...rest } = makeDraft('K1', new Date());
  return rest;
};
const serverCount = async () => {
  const counted = await server.store.countDrafts();
  if (!counted.ok) throw new Error(counted.error.reason);
  return counted.value;
};

describe("a kiosk's pre-registration", () => {
  it('is sealed on the kiosk, waits while the server is out of reach, then arrives once and the kiosk keeps only its code', async () => {
    const kiosk = await device('kiosk');
    const counter = await device('counter');
    const identity = await identityOf(kiosk);
    const saved = await saveDraft(kiosk, identity.deviceCode, confirmed());
    if (!saved.ok) throw new Error(saved.error.reason);
    const draft = saved.value;
    expect(draft.code.startsWith(`${identity.deviceCode}-`)).toBe(true);
    // At rest: the row holds no name, ID number or address in clear.
    const row = await kiosk.preregDrafts.get(draft.id);
    const rowText = JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    for (const secret of [draft.citizen.fullName, draft.citizen.idNumber, 'Chiềng Cơi']) expect(rowText).not.toContain(secret);

    const before = await serverCount();
    const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await drainDrafts(kiosk, vault(kiosk), { fetchFn: offline })).toEqual({ outcome: 'waiting', sent: 0 });
    expect(await draftState(kiosk, draft.id)).toBe('pending');
    expect(await serverCount()).toBe(before);

    // The server takes it but the answer is lost on the way back: the kiosk sends it again.
    const lostAnswer: typeof fetch = async (input, init) => {
      await fetch(input, init);
      throw new TypeError('connection reset');
    };
    expect(await drainDrafts(kiosk, vault(kiosk), { fetchFn: lostAnswer })).toEqual({ outcome: 'waiting', sent: 0 });
    expect(await serverCount()).toBe(before + 1);
    // Overlapping triggers (start, `online`, the probe) send it once more between them, and it counts once.
    const drains = await Promise.all([drainDrafts(kiosk, vault(kiosk)), drainDrafts(kiosk, vault(kiosk))]);
    expect(drains.map((d) => d.outcome)).toEqual(['done', 'done']);
    expect(drains.reduce((sum, d) => sum + d.sent, 0)).toBe(1);
    expect(await serverCount()).toBe(before + 1);
    const after = await kiosk.preregDrafts.get(draft.id);
    expect(after).toMatchObject({ state: 'sent', payload: null, code: draft.code });

    const link = { serverUrl: server.url, token: (await identityOf(counter)).token };
    const byId = await fetchDraft(link, draft.id);
    expect(byId.ok && byId.value.draft).toEqual(draft);
    const byCode = await fetchDraftByCode(link, draft.code.toLowerCase());
    expect(byCode.ok && byCode.value.draft.id).toBe(draft.id);
  });

  it('is refused, not retried, when the server will never take it, and the personal data goes', async () => {
    const kiosk = await device('kiosk');
    const saved = await saveDraft(kiosk, 'ZZZ', confirmed());
    if (!saved.ok) throw new Error(saved.error.reason);
    expect(await drainDrafts(kiosk, vault(kiosk))).toEqual({ outcome: 'done', sent: 0 });
    expect(await kiosk.preregDrafts.get(saved.value.id)).toMatchObject({ state: 'refused', payload: null, lastError: 'draft_code_not_yours' });
    expect(await pendingDrafts(kiosk)).toEqual([]);
  });

  it('refuses on the kiosk a draft the server would refuse, storing nothing', async () => {
    const kiosk = await device('kiosk');
    const bad = confirmed();
    const saved = await saveDraft(kiosk, 'K1', { ...bad, citizen: { ...bad.citizen, idNumber: '014092000123' } });
    expect(saved.ok).toBe(false);
    expect(await kiosk.preregDrafts.count()).toBe(0);
  });

  it('is deleted from the kiosk at the end of its Vietnam day, sent or not', async () => {
    const kiosk = await device('kiosk');
    const morning = new Date('2027-03-05T02:00:00Z');
    const first = await saveDraft(kiosk, 'K1', confirmed(), morning);
    const second = await saveDraft(kiosk, 'K1', confirmed(), morning);
    if (!first.ok || !second.ok) throw new Error('not saved');
    await kiosk.preregDrafts.update(second.value.id, { state: 'sent', payload: null });
    expect(await purgeExpiredDrafts(kiosk, new Date('2027-03-05T16:59:59Z'))).toBe(0);
    expect(await purgeExpiredDrafts(kiosk, new Date('2027-03-05T17:00:00Z'))).toBe(2);
    expect(await kiosk.preregDrafts.count()).toBe(0);
  });
});
