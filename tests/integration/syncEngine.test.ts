/**
 * The counter's sync loop against the real server on loopback (Fastify + SQLite): files registered
 * while the server is unreachable reach it exactly once, a replayed push changes nothing, and a
 * file the server refuses stays in the outbox with the reason.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { cancelFile, getFile, registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { outboxCounts } from '../../renderer/data/outbox.ts';
import { readSyncMeta } from '../../renderer/data/pushAnswers.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { createSyncEngine, type SyncEngine, type SyncState } from '../../renderer/sync/syncEngine.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import { startTestServer, type TestServer } from '../e2e/support/testServer.ts';
import { makeScan } from '../support/syncFixtures.ts';

const staff = { id: 's1', name: 'Trần Thị Bình' };

function input(n: number): NewFileInput {
  const scan = makeScan(n);
  return {
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'in_person',
    citizen: {
      fullName: `Nguyễn Văn ${n}`,
      birthDate: '1990-05-17',
      idNumber: `0010900${String(n).padStart(5, '0')}`,
      sex: 'male',
      phone: '0912345678',
      address: 'Thôn 3',
    },
    documents: [{ name: 'Tờ khai', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    attachments: [scan.ref],
    scans: [{ ref: scan.ref, blob: scan.blob }],
    notes: null,
  };
}

/** A loopback port nothing listens on: connections are refused, as when the server is down. */
async function deadPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  const port = typeof address === 'object' && address ? address.port : 1;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

describe('the sync loop against the real server', () => {
  let server: TestServer;
  let db: MotcuaDb;
  let device: DeviceIdentity;
  let serverUrl: string;
  let engine: SyncEngine;
  const seen: SyncState[] = [];

  beforeAll(async () => {
    server = await startTestServer({ web: false });
    const enrolled = await enrol(server.url, {
      centerCode: DEMO_CENTER.code,
      enrolmentCode: DEMO_CENTER.enrolmentCode,
      locationCode: 'Q1',
      deviceName: 'Quầy 1',
      role: 'counter',
    });
    if (!enrolled.ok) throw new Error(`enrolment failed: ${enrolled.error.reason}`);
    db = openDb(`sync-${randomUUID()}`, await createMemoryCipher());
    const { deviceToken: tokens } = createMemoryPlatform();
    const saved = await saveDevice(db, tokens, server.url, enrolled.value);
    if (!saved.ok) throw new Error(saved.error.reason);
    device = saved.value;
    serverUrl = await deadPort();
    engine = createSyncEngine({ db, tokens, getServerUrl: () => serverUrl, events: null, batchSize: 7, requestTimeoutMs: 5000 });
    engine.subscribe((s) => seen.push(s));
  });

  afterAll(async () => {
    engine?.stop();
    await db?.delete();
    await server?.close();
  });

  it('keeps files registered while the server is unreachable, then pushes each exactly once', async () => {
    for (let n = 1; n <= 30; n += 1) {
      const saved = await registerFile(db, input(n), { device, staff });
      expect(saved.ok).toBe(true);
    }

    const offline = await engine.syncNow();
    expect(offline).toMatchObject({ ok: false, pushed: 0, error: { kind: 'offline' } });
    expect(engine.getState()).toMatchObject({ link: 'offline', pending: 30, syncing: false });
    expect(await db.outbox.get(1)).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('cannot reach') });

    serverUrl = server.url;
    const online = await engine.syncNow();

    expect(online).toMatchObject({ ok: true, pushed: 30, rejected: 0, error: null });
    expect(engine.getState()).toMatchObject({ link: 'online', pending: 0, rejected: 0, progress: null });
    // Progress went up batch by batch (7 at a time) to the whole outbox.
    const progress = seen.flatMap((s) => (s.progress ? [s.progress.done] : []));
    expect(progress).toEqual(expect.arrayContaining([7, 14, 21, 28, 30]));
    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 0, sent: 30, rejected: 0 } });
    expect((await readSyncMeta(db)).lastAppliedSeq).toBe(30);
    expect(await server.store.countFiles(DEMO_CENTER.code)).toEqual({ ok: true, value: 30 });
  });

  it('changes nothing on the server when the same pushes are sent again after a lost response', async () => {
    // As if every answer had been lost: the device still thinks nothing reached the server.
    await db.transaction('rw', [db.outbox, db.files, db.syncMeta], async () => {
      await db.outbox.toCollection().modify({ state: 'pending', sentAt: null });
      await db.files.toCollection().modify({ syncState: 'pending' });
      await db.syncMeta.update('sync', { lastAppliedSeq: 0 });
    });

    const replay = await engine.syncNow();

    expect(replay).toMatchObject({ ok: true, pushed: 30, rejected: 0 });
    expect(await server.store.countFiles(DEMO_CENTER.code)).toEqual({ ok: true, value: 30 });
    expect(await server.store.findDuplicateFiles(DEMO_CENTER.code)).toEqual({ ok: true, value: [] });
    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 0, sent: 30, rejected: 0 } });
  });

  it('keeps a file the server refuses, with its reason, until staff cancel it', async () => {
    // A device record that disagrees with the server about its center: the server refuses the file.
    const wrong = await registerFile(db, input(31), { device: { ...device, centerCode: 'OTHER' }, staff });
    if (!wrong.ok) throw new Error(wrong.error.reason);
    const good = await registerFile(db, input(32), { device, staff });
    if (!good.ok) throw new Error(good.error.reason);

    const report = await engine.syncNow();

    expect(report).toMatchObject({ ok: true, pushed: 1, rejected: 1 });
    const refused = await getFile(db, wrong.value.id);
    expect(refused.ok && refused.value).toMatchObject({ syncState: 'rejected', rejectReason: expect.stringContaining('OTHER') });
    expect(engine.getState()).toMatchObject({ pending: 0, rejected: 1 });
    expect(await server.store.countFiles(DEMO_CENTER.code)).toEqual({ ok: true, value: 31 });

    // Another cycle does not make it disappear.
    await engine.syncNow();
    expect(await db.outbox.get(wrong.value.seq)).toMatchObject({ state: 'rejected' });

    const cancelled = await cancelFile(db, wrong.value.id, 'sai trung tâm', staff);
    expect(cancelled.ok && cancelled.value.syncState).toBe('cancelled');
    await engine.syncNow();
    expect(engine.getState()).toMatchObject({ pending: 0, rejected: 0 });
  });

  it('pulls status changes made on the server and pushes cancellations', async () => {
    const first = await db.files.get((await db.outbox.get(1))!.fileId);
    const moved = await fetch(new URL(`/api/files/${first!.id}/status`, server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'processing', note: null }),
    });
    expect(moved.status).toBe(200);
    const second = await db.files.get((await db.outbox.get(2))!.fileId);
    expect((await cancelFile(db, second!.id, 'công dân rút hồ sơ', staff)).ok).toBe(true);

    const report = await engine.syncNow();

    expect(report.ok).toBe(true);
    expect(await db.files.get(first!.id)).toMatchObject({ status: 'processing' });
    expect(await db.files.get(second!.id)).toMatchObject({ status: 'withdrawn', syncState: 'sent' });
    expect((await readSyncMeta(db)).statusCursor).toBeGreaterThan(0);
  });

  it('answers a request made during a cycle with the running cycle, then runs one more', async () => {
    let cyclesStarted = 0;
    let syncing = engine.getState().syncing;
    const unsubscribe = engine.subscribe((s) => {
      if (s.syncing && !syncing) cyclesStarted += 1;
      syncing = s.syncing;
    });
    const a = engine.syncNow();
    const b = engine.syncNow();
    expect(b).toBe(a);
    await a;
    // A file saved during a cycle must not wait for the timer: a second cycle follows at once.
    await vi.waitFor(() => expect(cyclesStarted).toBe(2));
    await vi.waitFor(() => expect(engine.getState().syncing).toBe(false));
    unsubscribe();
  });
});
