/**
 * The kiosk's side of learning against a real server on loopback (real SQLite, the commune catalog,
 * Dexie on fake-indexeddb): searches wait on the device and leave once, bounded while they wait;
 * only a kiosk sends; the center's taught vocabulary is pulled by ETag and changes what search finds.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { loadDevice, saveDevice } from '../../renderer/data/deviceRepository.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import type { TokenVault } from '../../renderer/security/dataKey.ts';
import { recordSearch, searchLogCounts } from '../../renderer/data/searchLog.ts';
import { lexiconsWith, loadVocabulary } from '../../renderer/data/vocabularyRepository.ts';
import { drainSearches } from '../../renderer/sync/searchLogSender.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { teachPhrase } from '../../renderer/sync/learningClient.ts';
import { pullVocabulary } from '../../renderer/sync/vocabularyPull.ts';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import { answersInOrder } from '../../shared/catalog/searchAnswers.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { DeviceRole } from '../../shared/sync/protocol.ts';
import { searchSession } from '../support/learningFixtures.ts';
import { startTestServer, type TestServer } from '../e2e/support/testServer.ts';

const SINGLE_STATUS = '1.004873';
const DAY = 24 * 60 * 60 * 1000;
let server: TestServer;
const dbs: MotcuaDb[] = [];

beforeAll(async () => {
  server = await startTestServer({ web: false, catalogPath: join(sharedDataDir(), COMMUNE_CATALOG) });
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

/** Each test database's token vault (the memory platform's), as the app keeps one per device. */
const vaults = new WeakMap<MotcuaDb, TokenVault>();
const vault = (db: MotcuaDb) => vaults.get(db)!;

/** A fresh device database, not enrolled. */
async function freshDb(): Promise<MotcuaDb> {
  const db = openDb(`learning-${randomUUID()}`, await createMemoryCipher());
  vaults.set(db, createMemoryPlatform().deviceToken);
  dbs.push(db);
  return db;
}

/** A device database enrolled with the demo center as `role` (an admin device with the center's admin code). */
async function device(role: DeviceRole): Promise<MotcuaDb> {
  const db = await freshDb();
  const enrolmentCode = role === 'admin' ? DEMO_CENTER.adminEnrolmentCode : DEMO_CENTER.enrolmentCode;
  const answer = await enrol(server.url, { centerCode: DEMO_CENTER.code, enrolmentCode, deviceName: `${role} ${randomUUID().slice(0, 4)}`, locationCode: null, role });
  if (!answer.ok) throw new Error(answer.error.reason);
  const saved = await saveDevice(db, vault(db), server.url, answer.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  return db;
}

/** The device as the app loads it (its token from the vault). */
async function identityOf(db: MotcuaDb): Promise<DeviceIdentity> {
  const loaded = await loadDevice(db, vault(db));
  if (!loaded.ok || !loaded.value) throw new Error('not enrolled');
  return loaded.value;
}

const serverCount = async () => {
  const counted = await server.store.countSearchSessions(DEMO_CENTER.code);
  if (!counted.ok) throw new Error(counted.error.reason);
  return counted.value;
};

describe("a kiosk's searches", () => {
  it('wait on the device while the server is out of reach, then leave once', async () => {
    const kiosk = await device('kiosk');
    const before = await serverCount();
    const identity = await identityOf(kiosk);
    await kiosk.device.put({ ...identity, serverUrl: 'http://127.0.0.1:9/' });
    for (const q of ['làm giấy còn son', 'giấy ở vậy', 'khai sinh']) await recordSearch(kiosk, searchSession(q, new Date(Date.now() - DAY)));
    expect(await drainSearches(kiosk, vault(kiosk))).toEqual({ outcome: 'offline', sent: 0 });
    expect(await searchLogCounts(kiosk)).toEqual({ pending: 3, refused: 0 });

    await kiosk.device.put(identity);
    // Overlapping triggers (start, `online`, a new search) send each search once.
    const drains = await Promise.all([drainSearches(kiosk, vault(kiosk)), drainSearches(kiosk, vault(kiosk)), drainSearches(kiosk, vault(kiosk))]);
    expect(drains.map((d) => d.sent)).toEqual([3, 3, 3]);
    expect(await searchLogCounts(kiosk)).toEqual({ pending: 0, refused: 0 });
    expect(await serverCount()).toBe(before + 3);
  });

  it('keeps one the server refuses, with its reason, and does not send it again', async () => {
    const kiosk = await device('kiosk');
    await recordSearch(kiosk, searchSession('0912 345 678', new Date()));
    expect((await drainSearches(kiosk, vault(kiosk))).outcome).toBe('done');
    expect(await searchLogCounts(kiosk)).toEqual({ pending: 0, refused: 1 });
    expect((await kiosk.searchSessions.toArray())[0]!.reason).toMatch(/numbers and names/);
    expect(await drainSearches(kiosk, vault(kiosk))).toEqual({ outcome: 'done', sent: 0 });
  });

  it('are bounded on the device: nothing older than 90 days, the oldest dropped beyond the cap', async () => {
    const kiosk = await freshDb();
    const now = new Date('2027-03-05T02:00:00Z');
    await recordSearch(kiosk, searchSession('cũ quá rồi', new Date(now.getTime() - 91 * DAY)), { now: new Date(now.getTime() - 91 * DAY) });
    for (let i = 5; i >= 1; i -= 1) await recordSearch(kiosk, searchSession(`tìm lần ${i}`, new Date(now.getTime() - i * DAY)), { now, maxKept: 3 });
    const kept = (await kiosk.searchSessions.orderBy('at').toArray()).map((r) => r.session.query);
    expect(kept).toEqual(['tìm lần 3', 'tìm lần 2', 'tìm lần 1']);
  });

  it('go after 90 days on a kiosk that records nothing new, when it next tries to send', async () => {
    const kiosk = await freshDb();
    const long = new Date(Date.now() - 91 * DAY);
    await recordSearch(kiosk, searchSession('cũ quá rồi', long), { now: long });
    expect(await searchLogCounts(kiosk)).toEqual({ pending: 1, refused: 0 });
    expect((await drainSearches(kiosk, vault(kiosk))).outcome).toBe('not_enrolled');
    expect(await searchLogCounts(kiosk)).toEqual({ pending: 0, refused: 0 });
  });

  it('are not sent by a counter or an unenrolled device (they stay, bounded)', async () => {
    const counter = await device('counter');
    await recordSearch(counter, searchSession('làm giấy còn son', new Date()));
    expect(await drainSearches(counter, vault(counter))).toEqual({ outcome: 'not_kiosk', sent: 0 });
    const unenrolled = await freshDb();
    await recordSearch(unenrolled, searchSession('làm giấy còn son', new Date()));
    expect(await drainSearches(unenrolled, vault(unenrolled))).toEqual({ outcome: 'not_enrolled', sent: 0 });
    expect(await searchLogCounts(unenrolled)).toEqual({ pending: 1, refused: 0 });
  });
});

describe("the center's vocabulary on a device", () => {
  it('is pulled once taught (then 304 by ETag), kept for offline, and makes search find the taught procedure', async () => {
    const kiosk = await device('kiosk');
    const admin = await device('admin');
    const catalog = await server.store.currentCatalog();
    if (!catalog.ok || !catalog.value) throw new Error('no catalog');
    // As the kiosk searches while the person types: the last word may still be growing ("son" → "sống"?).
    const first = (lexicons: Awaited<ReturnType<typeof lexiconsWith>>['lexicons']) =>
      answersInOrder(createSearchEngine(catalog.value!.procedures, { lexicons }).search('lam giay con son', { limit: 5 }), 5)[0]?.hit.code;

    expect(await pullVocabulary(kiosk, vault(kiosk))).toBe('updated');
    expect(await loadVocabulary(kiosk)).toMatchObject({ ok: true, value: { vocabulary: { version: 0, entries: [] } } });
    expect(first((await lexiconsWith(null)).lexicons)).not.toBe(SINGLE_STATUS);

    const adminIdentity = await identityOf(admin);
    const taught = await teachPhrase(
      { serverUrl: adminIdentity.serverUrl, token: adminIdentity.token },
      { phrases: ['còn son', 'vẫn còn son'], target: { kind: 'procedures', codes: [SINGLE_STATUS] }, query: 'làm giấy còn son', by: null },
    );
    expect(taught.ok).toBe(true);

    expect(await pullVocabulary(kiosk, vault(kiosk))).toBe('updated');
    expect(await pullVocabulary(kiosk, vault(kiosk))).toBe('unchanged');
    const held = await loadVocabulary(kiosk);
    if (!held.ok || !held.value) throw new Error('no vocabulary held');
    expect(held.value.vocabulary.version).toBe(1);
    expect(held.value.etag).toBe('"vocabulary-DEMO-1"');
    const { lexicons, refused } = await lexiconsWith(held.value.vocabulary);
    expect(refused).toBe(0);
    expect(first(lexicons)).toBe(SINGLE_STATUS);

    // Offline, the device keeps what it has.
    const identity = await identityOf(kiosk);
    await kiosk.device.put({ ...identity, serverUrl: 'http://127.0.0.1:9/' });
    expect(await pullVocabulary(kiosk, vault(kiosk))).toBe('offline');
    expect(await loadVocabulary(kiosk)).toMatchObject({ ok: true, value: { vocabulary: { version: 1 } } });
  });
});
