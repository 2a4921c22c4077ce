/**
 * The device's own sync engine (Dexie outbox, fake-indexeddb in Node) over a bad link: a real
 * proxy drops 30% of requests, drops 30% of answers after the server committed and delays some
 * by 5 s, and the server restarts in the middle. After recovery the device has nothing pending
 * and the server holds every file exactly once.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { outboxCounts } from '../../renderer/data/outbox.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { addTestCenter, testEnrolmentCode } from '../support/syncFixtures.ts';
import { startFaultyProxy, type FaultyProxy } from '../support/faultyProxy.ts';
import { startRestartableServer, type RestartableServer } from '../support/restartableServer.ts';

const FILES = 120;
let dir: string;
let server: RestartableServer;
let proxy: FaultyProxy;
let db: MotcuaDb;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-device-faults-'));
  server = await startRestartableServer(dir);
  await addTestCenter(server.store(), 'VB11824');
  proxy = await startFaultyProxy(server.address, { seed: 11824 });
  db = openDb(`faults-${randomUUID()}`, await createMemoryCipher());
});
afterEach(async () => {
  await db.delete();
  await proxy.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const walkIn = (n: number): NewFileInput => ({
  procedureCode: '1.001193',
  procedureName: 'Thủ tục đăng ký khai sinh',
  channel: 'in_person',
  citizen: { fullName: `Lê Thị ${n}`, birthDate: '2001-02-03', idNumber: `031301${String(n).padStart(6, '0')}`, sex: 'female', phone: null, address: null },
  documents: [{ name: 'Giấy chứng sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
  attachments: [],
  notes: null,
});

describe('the device sync engine over a faulty link', () => {
  it('leaves nothing pending and lands every file exactly once', async () => {
    const enrolled = await enrol(server.url, { centerCode: 'VB11824', enrolmentCode: testEnrolmentCode('VB11824'), locationCode: null, deviceName: 'Quầy 2', role: 'counter' });
    if (!enrolled.ok) throw new Error(enrolled.error.reason);
    const { deviceToken: tokens } = createMemoryPlatform();
    const saved = await saveDevice(db, tokens, proxy.url, enrolled.value);
    if (!saved.ok) throw new Error(saved.error.reason);
    for (let i = 1; i <= FILES; i += 1) {
      const r = await registerFile(db, walkIn(i), { device: saved.value, staff: { id: 's', name: 'Cán bộ' } });
      expect(r.ok).toBe(true);
    }
    proxy.setFaults({ dropRequestRate: 0.3, dropResponseRate: 0.3, delayRate: 0.15, delayMs: 5000, maxFaults: 300 });
    const engine = createSyncEngine({ db, tokens, events: null, batchSize: 10, requestTimeoutMs: 700 });

    let restarted = false;
    const deadline = Date.now() + 40_000;
    let pending = FILES;
    while (pending > 0 && Date.now() < deadline) {
      await engine.syncNow();
      const counts = await outboxCounts(db);
      pending = counts.ok ? counts.value.pending : -1;
      if (!restarted && pending <= FILES / 2) {
        restarted = true;
        await server.restart(300);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    engine.stop();

    expect(restarted).toBe(true);
    expect(pending).toBe(0);
    const stats = proxy.stats();
    expect(stats.droppedRequests).toBeGreaterThan(0);
    expect(stats.droppedResponses).toBeGreaterThan(0);
    const onServer = await server.store().countFiles('VB11824');
    expect(onServer.ok && onServer.value).toBe(FILES);
    const duplicates = await server.store().findDuplicateFiles('VB11824');
    expect(duplicates.ok && duplicates.value).toEqual([]);
    const counts = await outboxCounts(db);
    expect(counts.ok && counts.value).toEqual({ pending: 0, sent: FILES, rejected: 0 });
  }, 60_000);
});
