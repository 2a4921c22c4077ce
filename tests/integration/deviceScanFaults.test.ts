/**
 * Scans through a bad link: the device's own sync engine (fake-indexeddb) pushes files with scans
 * through a real proxy that drops requests, drops answers after the server committed, delays some,
 * while the server restarts in the middle. Each file lands exactly once, each good scan arrives
 * byte for byte, and two bad scans among them (one damaged on the device, one that is not what it
 * says) are refused on their own with a reason without holding up anything after them.
 */
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { outboxCounts } from '../../renderer/data/outbox.ts';
import { scanCounts, type PreparedScan } from '../../renderer/data/scanStore.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { startFaultyProxy, type FaultyProxy } from '../support/faultyProxy.ts';
import { startRestartableServer, type RestartableServer } from '../support/restartableServer.ts';
import { addTestCenter, makeScan } from '../support/syncFixtures.ts';

/** The device token's vault, as the memory platform keeps it. */
const { deviceToken: tokens } = createMemoryPlatform();

const FILES = 12;
const DAMAGED = 4;
const NOT_A_PDF = 7;
let dir: string;
let server: RestartableServer;
let proxy: FaultyProxy;
let db: MotcuaDb;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-scan-faults-'));
  server = await startRestartableServer(dir);
  await addTestCenter(server.store(), 'VB11824');
  proxy = await startFaultyProxy(server.address, { seed: 8008 });
  db = openDb(`scan-faults-${randomUUID()}`, await createMemoryCipher());
});
afterEach(async () => {
  await db.delete();
  await proxy.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function walkIn(n: number, scan: PreparedScan): NewFileInput {
  return {
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    channel: 'in_person',
    citizen: { fullName: `Lê Văn ${n}`, birthDate: '1988-08-08', idNumber: `0010880${String(n).padStart(5, '0')}`, sex: 'male', phone: null, address: null },
    documents: [],
    attachments: [scan.ref],
    scans: [scan],
    notes: null,
  };
}

describe('scans over a faulty link', () => {
  it('lands every file once and every good scan whole; bad scans are refused alone', async () => {
    const enrolled = await enrol(server.url, { centerCode: 'VB11824', enrolmentCode: 'enrol-VB11824', locationCode: null, deviceName: 'Quầy 4', role: 'counter' });
    if (!enrolled.ok) throw new Error(enrolled.error.reason);
    const saved = await saveDevice(db, tokens, proxy.url, enrolled.value);
    if (!saved.ok) throw new Error(saved.error.reason);

    const scans: PreparedScan[] = [];
    for (let n = 1; n <= FILES; n += 1) {
      // 40 KB to 600 KB, so most scans take several 64 KB chunks.
      const made = makeScan(n, n % 3 === 0 ? 600_000 : 40_000 * n);
      let scan: PreparedScan = { ref: made.ref, blob: made.blob };
      if (n === NOT_A_PDF) {
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(90_000).fill(3)]);
        scan = { ref: { ...made.ref, size: png.length, sha256: sha256(png) }, blob: new Blob([png]) };
      }
      scans.push(scan);
      const registered = await registerFile(db, walkIn(n, scan), { device: saved.value, staff: { id: 's', name: 'Cán bộ' } });
      expect(registered.ok).toBe(true);
    }
    // The damaged one: its bytes on the device no longer match the sha256 its record gives.
    const damaged = new Uint8Array(await scans[DAMAGED - 1]!.blob.arrayBuffer());
    damaged[damaged.length - 20] = damaged[damaged.length - 20]! ^ 0xff;
    await db.scanBlobs.put({ id: scans[DAMAGED - 1]!.ref.id, blob: new Blob([damaged]) });

    proxy.setFaults({ dropRequestRate: 0.25, dropResponseRate: 0.25, delayRate: 0.1, delayMs: 3000, maxFaults: 150 });
    const engine = createSyncEngine({ db, tokens, events: null, batchSize: 5, requestTimeoutMs: 700, scanChunkBytes: 64 * 1024 });

    let restarted = false;
    const deadline = Date.now() + 90_000;
    const waiting = async () => {
      const [files, scanQueue] = await Promise.all([outboxCounts(db), scanCounts(db)]);
      return (files.ok ? files.value.pending : 1) + (scanQueue.ok ? scanQueue.value.pending : 1);
    };
    while ((await waiting()) > 0 && Date.now() < deadline) {
      await engine.syncNow();
      if (!restarted && (await db.scans.where('upload').equals('uploaded').count()) >= 3) {
        restarted = true;
        await server.restart(300);
      }
    }
    engine.stop();

    expect(restarted).toBe(true);
    expect(await waiting()).toBe(0);
    const stats = proxy.stats();
    expect(stats.droppedRequests).toBeGreaterThan(0);
    expect(stats.droppedResponses).toBeGreaterThan(0);

    expect(await server.store().countFiles('VB11824')).toEqual({ ok: true, value: FILES });
    expect(await server.store().findDuplicateFiles('VB11824')).toEqual({ ok: true, value: [] });
    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 0, sent: FILES, rejected: 0 } });

    const rows = await db.scans.toArray();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, scan] of scans.entries()) {
      const n = i + 1;
      const row = byId.get(scan.ref.id)!;
      const onServer = await server.store().readScan('VB11824', scan.ref.id);
      if (n === DAMAGED || n === NOT_A_PDF) continue;
      expect(row.upload, `scan ${n}`).toBe('uploaded');
      expect(onServer.ok && onServer.value && sha256(onServer.value.data)).toBe(scan.ref.sha256);
    }
    // Staff read why by its code (scans.refusal.*); the English reason is kept for the log.
    expect(byId.get(scans[DAMAGED - 1]!.ref.id)).toMatchObject({ upload: 'rejected', lastError: expect.stringMatching(/damaged/), lastErrorCode: 'scans.refusal.checksum_mismatch' });
    expect(byId.get(scans[NOT_A_PDF - 1]!.ref.id)).toMatchObject({ upload: 'rejected', lastError: expect.stringMatching(/does not start like a application\/pdf/), lastErrorCode: 'scans.refusal.type_mismatch' });
    expect(await server.store().readScan('VB11824', scans[DAMAGED - 1]!.ref.id)).toEqual({ ok: true, value: null });
    expect(await server.store().readScan('VB11824', scans[NOT_A_PDF - 1]!.ref.id)).toEqual({ ok: true, value: null });
  }, 120_000);

  it('pushes a file registered during a long upload on a slow line before that upload ends', async () => {
    const enrolled = await enrol(server.url, { centerCode: 'VB11824', enrolmentCode: 'enrol-VB11824', locationCode: null, deviceName: 'Quầy 5', role: 'counter' });
    if (!enrolled.ok) throw new Error(enrolled.error.reason);
    const saved = await saveDevice(db, tokens, proxy.url, enrolled.value);
    if (!saved.ok) throw new Error(saved.error.reason);
    const ctx = { device: saved.value, staff: { id: 's', name: 'Cán bộ' } };
    const big = makeScan(1, 1_500_000);
    expect((await registerFile(db, walkIn(1, { ref: big.ref, blob: big.blob }), ctx)).ok).toBe(true);
    proxy.setFaults({ bytesPerSecond: 200_000 });
    const engine = createSyncEngine({ db, tokens, events: null, scanChunkBytes: 64 * 1024 });
    const cycle = engine.syncNow();

    const committed = async () => {
      const upload = await server.store().findScanUpload(big.ref.id);
      return upload.ok && upload.value ? upload.value.committed : 0;
    };
    await expect.poll(committed, { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    const small = makeScan(2);
    expect((await registerFile(db, walkIn(2, { ref: small.ref, blob: small.blob }), ctx)).ok).toBe(true);
    await expect.poll(() => server.store().countFiles('VB11824'), { timeout: 20_000, interval: 50 }).toEqual({ ok: true, value: 2 });
    // The second record is on the server while the first scan is still on its way.
    expect(await committed()).toBeLessThan(big.ref.size);
    const report = await cycle;
    engine.stop();
    expect(report.scans).toMatchObject({ uploaded: 2, rejected: 0 });
    expect(await scanCounts(db)).toEqual({ ok: true, value: { pending: 0, rejected: 0 } });
  }, 60_000);
});
