/**
 * A counter desk (renderer/queue/counterDesk.ts: the calling bar's logic, with its IndexedDB outbox
 * over fake-indexeddb) against the real server on loopback, whose network can lose an answer (the
 * request reaches the server, which commits, and the reply never comes back):
 * a "call next" whose answer is lost calls the same person again, not a second one; a finish made
 * while the server was down goes out before the next call; a desk calls by hand while it is down.
 * The first two were found by bench:queue (desks stuck "busy" after a restart).
 */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../renderer/data/db.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { createCounterDesk, type CounterDesk } from '../../renderer/queue/counterDesk.ts';
import { createQueueReplica, type QueueReplica } from '../../renderer/queue/queueReplica.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import type { EnrolResponse } from '../../shared/sync/protocol.ts';
import { addQueueCenter, queueEnrolmentCode } from '../support/queueDevices.ts';
import { startRestartableServer, type RestartableServer } from '../support/restartableServer.ts';

const CENTER = 'QDESK';
let dataDir: string;
let server: RestartableServer;
/** Set to lose the answer to the next "call next" request, after the server has handled it. */
let loseNextCallAnswer = false;
let lostAnswers = 0;
const lossyFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (loseNextCallAnswer && String(input).includes('/next')) {
    loseNextCallAnswer = false;
    lostAnswers += 1;
    await response.body?.cancel();
    throw new TypeError('fetch failed (the answer was lost on the way back)');
  }
  return response;
};
let kiosk: EnrolResponse;
let replica: QueueReplica;
let desk: CounterDesk;

async function takeNumber(): Promise<string> {
  const res = await fetch(`${server.url}${API_PATHS.queue.tickets}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: randomUUID(), serviceId: 'ho-tich', priority: null, procedureCode: null, draftId: null }),
  });
  if (res.status !== 201) throw new Error(`issue: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { ticket: { number: string } }).ticket.number;
}

async function kindsOnServer(kind: string): Promise<string[]> {
  const events = await server.store().queueEventsOfDay(CENTER, isoFromDayNumber(dayNumberOf(new Date())), 0, 10_000);
  if (!events.ok) throw new Error(events.error.reason);
  return events.value.flatMap((e) => (e.kind === kind && 'number' in e ? [e.number] : []));
}

async function until(test: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-queue-desk-'));
  server = await startRestartableServer(dataDir);
  await addQueueCenter(server.store(), CENTER);
  const k = await enrol(server.url, { centerCode: CENTER, enrolmentCode: queueEnrolmentCode(CENTER), locationCode: null, deviceName: 'Kiosk', role: 'kiosk' });
  if (!k.ok) throw new Error(k.error.reason);
  kiosk = k.value;
  const c = await enrol(server.url, { centerCode: CENTER, enrolmentCode: queueEnrolmentCode(CENTER), locationCode: null, deviceName: 'Quầy 1', role: 'counter' });
  if (!c.ok) throw new Error(c.error.reason);
  const db = openDb(`queue-desk-${Date.now()}`, await createMemoryCipher());
  const saved = await saveDevice(db, createMemoryPlatform().deviceToken, server.url, c.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  replica = createQueueReplica(db, saved.value, { timeouts: { glance: 3000, normal: 3000 }, fetchFn: lossyFetch });
  replica.start();
  desk = createCounterDesk(replica);
  await until(() => replica.view().link === 'live' && replica.view().settings !== null);
});

afterAll(async () => {
  replica.stop();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a counter desk against the real server', () => {
  it('asks again under the same id when the answer to "call next" was lost, and gets the same person', async () => {
    expect([await takeNumber(), await takeNumber()]).toEqual(['A001', 'A002']);
    loseNextCallAnswer = true;
    const lost = await desk.callNext(1);
    expect(lost).toEqual({ ok: false, error: { kind: 'offline' } });
    expect(lostAnswers).toBe(1);
    // The server did call someone; the desk does not know whom.
    expect(await kindsOnServer('call')).toEqual(['A001']);
    const again = await desk.callNext(1);
    expect(again).toEqual({ ok: true, value: 'A001' });
    expect(await kindsOnServer('call')).toEqual(['A001']);
  });

  it('sends the finish made while the server was down before asking for the next number', async () => {
    await until(() => replica.view().state.counters.get(1)?.current === 'A001');
    expect((await desk.onCurrent(1, 'start')).ok).toBe(true);
    await until(() => replica.view().pending === 0);
    await server.stop();
    expect((await desk.onCurrent(1, 'finish')).ok).toBe(true);
    expect(replica.view().pending).toBe(1);
    await server.start();
    const next = await desk.callNext(1);
    expect(next).toEqual({ ok: true, value: 'A002' });
    expect(await kindsOnServer('finish')).toEqual(['A001']);
  });

  it('calls a number by hand while the server is down, and the server gets it once it is back', async () => {
    expect((await desk.onCurrent(1, 'no_show')).ok).toBe(true);
    await until(() => replica.view().pending === 0);
    await server.stop();
    const refused = await desk.callNext(1);
    expect(refused).toEqual({ ok: false, error: { kind: 'offline' } });
    const byHand = await desk.callByHand(1, ' d09-a7 ');
    expect(byHand).toEqual({ ok: true, value: 'D09-A007' });
    expect(replica.view().state.counters.get(1)?.current).toBe('D09-A007');
    expect(await desk.callByHand(1, 'A2')).toMatchObject({ ok: false, error: { code: 'queue.error.counterBusy' } });
    expect((await desk.callByHand(1, 'xyz')).ok).toBe(false);
    await server.start();
    await until(async () => (await kindsOnServer('manual_call')).includes('D09-A007'));
    await until(() => replica.view().pending === 0);
  });
});
