/**
 * Exactly-once under a bad link: a device pushes 200 files through a real proxy on loopback that
 * drops 30% of requests, drops 30% of responses after the server committed, delays some answers
 * past the client's timeout, while the server is restarted mid-batch. Afterwards the server holds
 * every file exactly once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrolResponseSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { addTestCenter, createMutation, fixtureClock, makeFile, testEnrolmentCode } from '../support/syncFixtures.ts';
import { startFaultyProxy, seededRandom, type FaultyProxy } from '../support/faultyProxy.ts';
import { drainOutbox } from '../support/pushClient.ts';
import { startRestartableServer, type RestartableServer } from '../support/restartableServer.ts';
import { newStoreLocation } from '../support/tempStore.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let data: Awaited<ReturnType<typeof newStoreLocation>>;
let server: RestartableServer;
let proxy: FaultyProxy;

beforeEach(async () => {
  // On the project's store: SQLite, and PostgreSQL in the postgres project (vitest.config.ts).
  data = await newStoreLocation();
  server = await startRestartableServer(data.location, { now: fixtureClock });
  await addTestCenter(server.store(), 'VB11824');
  proxy = await startFaultyProxy(server.address, { seed: 20270301 });
});
afterEach(async () => {
  await proxy.close();
  await server.stop();
  await data.remove();
});

async function enrol(): Promise<EnrolResponse> {
  const res = await fetch(`${server.url}${API_PATHS.devices.enrol}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ centerCode: 'VB11824', enrolmentCode: testEnrolmentCode('VB11824'), locationCode: null, deviceName: 'Quầy 1', role: 'counter' }),
  });
  return enrolResponseSchema.parse(await res.json());
}

describe('push over a faulty link', () => {
  it('lands 200 files exactly once through dropped requests, dropped responses, delays and a restart', async () => {
    const device = await enrol();
    const files = Array.from({ length: 200 }, (_, i) => makeFile(device, i + 1));
    const outbox = files.map((f, i) => createMutation(i + 1, f));
    proxy.setFaults({ dropRequestRate: 0.3, dropResponseRate: 0.3, delayRate: 0.2, delayMs: 5000, maxFaults: 400 });

    let restart: Promise<void> | null = null;
    const drained = await drainOutbox(outbox, {
      baseUrl: proxy.url,
      token: device.token,
      batchSize: 10,
      timeoutMs: 600,
      backoff: { baseMs: 10, maxMs: 200 },
      deadlineMs: 15_000,
      random: seededRandom(42),
      // Halfway through, the server goes down while the device keeps pushing.
      onProgress: (acknowledged) => {
        if (acknowledged >= 100 && !restart) restart = server.restart(400);
      },
    });
    await restart;

    expect(drained.ok, drained.ok ? '' : drained.error).toBe(true);
    if (!drained.ok) return;
    const stats = proxy.stats();
    // The faults really happened, including answers lost after the server had committed.
    expect(stats.droppedRequests).toBeGreaterThan(5);
    expect(stats.droppedResponses).toBeGreaterThan(5);
    expect(stats.delayed).toBeGreaterThan(0);
    expect(stats.serverDown).toBeGreaterThan(0);
    expect(server.restarts()).toBe(1);

    expect(drained.value.acknowledged).toBe(200);
    const statuses = [...drained.value.results.values()].map((r) => r.status);
    expect(statuses).toHaveLength(200);
    expect(statuses.every((s) => s === 'applied' || s === 'duplicate')).toBe(true);

    const store = server.store();
    expect(await store.countFiles('VB11824')).toEqual({ ok: true, value: 200 });
    expect(await store.findDuplicateFiles('VB11824')).toEqual({ ok: true, value: [] });
    const listed = await store.listFiles('VB11824', { limit: 1000 });
    expect(listed.ok && listed.value.files.map((f) => f.id).sort()).toEqual(files.map((f) => f.id).sort());
  });
});
