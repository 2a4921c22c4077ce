/**
 * Kiosks giving numbers against the real server on loopback (stopped and started on the same port,
 * the same SQLite file), with the app's own IndexedDB code (Dexie over fake-indexeddb): numbers from
 * the server while it answers, the kiosk's own while it is down, all of them on the server exactly
 * once afterwards. No number is ever given twice: every number printed is checked, not a sample.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { issueTicket } from '../../renderer/queue/kioskTicketing.ts';
import { createQueueReplica, type QueueReplica } from '../../renderer/queue/queueReplica.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import type { IssuedTicket } from '../../shared/queue/queueApi.ts';
import { parseTicketNumber } from '../../shared/queue/ticketNumber.ts';
import { addQueueCenter, queueEnrolmentCode } from '../support/queueDevices.ts';
import { startRestartableServer, type RestartableServer } from '../support/restartableServer.ts';

const CENTER = 'QKIOSK';
let dataDir: string;
let server: RestartableServer;
const kiosks: { db: MotcuaDb; device: DeviceIdentity; replica: QueueReplica }[] = [];
const printed: IssuedTicket[] = [];

async function kiosk(name: string) {
  const answer = await enrol(server.url, { centerCode: CENTER, enrolmentCode: queueEnrolmentCode(CENTER), locationCode: null, deviceName: name, role: 'kiosk' });
  if (!answer.ok) throw new Error(answer.error.reason);
  const db = openDb(`queue-kiosk-${name}-${Date.now()}`, await createMemoryCipher());
  const saved = await saveDevice(db, createMemoryPlatform().deviceToken, server.url, answer.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  const replica = createQueueReplica(db, saved.value, { timeouts: { glance: 3000, normal: 3000 } });
  replica.start();
  kiosks.push({ db, device: saved.value, replica });
  return kiosks[kiosks.length - 1]!;
}

async function take(k: (typeof kiosks)[number], serviceId = 'ho-tich') {
  const issued = await issueTicket(k.db, k.replica, { serviceId });
  if (!issued.ok) throw new Error(`${issued.error.kind}: ${issued.error.reason}`);
  printed.push(issued.value);
  return issued.value;
}

async function serverIssues(): Promise<string[]> {
  const events = await server.store().queueEventsOfDay(CENTER, isoFromDayNumber(dayNumberOf(new Date())), 0, 10_000);
  if (!events.ok) throw new Error(events.error.reason);
  return events.value.flatMap((e) => (e.kind === 'issue' ? [e.number] : []));
}

async function until(test: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-queue-kiosk-'));
  server = await startRestartableServer(dataDir);
  await addQueueCenter(server.store(), CENTER);
});

afterAll(async () => {
  for (const k of kiosks) k.replica.stop();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('kiosk numbers with and without the server', () => {
  it('takes numbers from the server, gives its own while it is down, and reconciles them exactly once', async () => {
    const k1 = await kiosk('sanh');
    const k2 = await kiosk('cua');
    await until(() => k1.replica.view().link === 'live' && k1.replica.view().settings !== null && k2.replica.view().settings !== null);

    const online = await Promise.all([take(k1), take(k2), take(k1, 'dat-dai')]);
    expect(online.map((t) => t.origin)).toEqual(['server', 'server', 'server']);
    expect(online.map((t) => t.number).sort()).toEqual(['A001', 'A002', 'B001']);

    await server.stop();
    // Two kiosks, several people at once each, while the server is down.
    const offline = await Promise.all([take(k1), take(k1), take(k2), take(k1, 'dat-dai'), take(k2), take(k1)]);
    expect(offline.every((t) => t.origin === 'offline')).toBe(true);
    expect(offline.filter((t) => parseTicketNumber(t.number)?.kiosk === k1.device.deviceCode).map((t) => t.number).sort()).toEqual(
      [`${k1.device.deviceCode}-A001`, `${k1.device.deviceCode}-A002`, `${k1.device.deviceCode}-A003`, `${k1.device.deviceCode}-B001`].sort(),
    );
    // The kiosk's last known queue counts who is before: two server numbers and the earlier offline ones.
    expect(Math.max(...offline.filter((t) => t.serviceId === 'ho-tich').map((t) => t.ahead))).toBeGreaterThanOrEqual(2);

    await server.start();
    await until(async () => (await serverIssues()).length === printed.length);
    for (const k of kiosks) await until(() => k.replica.view().pending === 0);
    // Sending everything again changes nothing.
    for (const k of kiosks) {
      await k.db.queueOutbox.toCollection().modify({ state: 'pending' });
      await k.replica.ownEventsChanged();
      await until(() => k.replica.view().pending === 0);
    }

    const onServer = await serverIssues();
    const numbers = printed.map((t) => t.number);
    // No number is ever given twice, and none printed is missing on the server.
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(onServer.sort()).toEqual([...numbers].sort());
    const dup = await server.store().duplicateQueueNumbers(CENTER);
    expect(dup.ok && dup.value).toEqual([]);
    // The kiosks see their own offline numbers in the server's log now, waiting in line.
    await until(() => offline.every((t) => k1.replica.view().state.tickets.get(t.number)?.status === 'waiting'));
  });

  it('keeps counting its own numbers across a restart of the kiosk (the count is stored with the ticket)', async () => {
    const k = kiosks[0]!;
    k.replica.stop();
    await server.stop();
    const again = createQueueReplica(k.db, k.device, { timeouts: { glance: 3000, normal: 3000 } });
    again.start();
    kiosks.push({ ...k, replica: again });
    await until(() => again.view().settings !== null);
    const next = await take({ ...k, replica: again });
    expect(next.number).toBe(`${k.device.deviceCode}-A004`);
    await server.start();
    await until(async () => (await serverIssues()).includes(next.number));
  });
});
