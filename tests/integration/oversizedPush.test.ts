/**
 * Issue 8: a scan of 3.2 MiB or more inside a registration made the whole push answer 500, and since
 * a device pushes in order, every later file of that device was blocked for good. Here the real
 * device sync engine (fake-indexeddb) talks to the real server on loopback with such an entry
 * (a registration written with its scan inline) between two good files: the good ones arrive, the
 * big one is refused on its own with a reason, and nothing stays pending.
 */
import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { enqueueMutation, outboxCounts } from '../../renderer/data/outbox.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import { startTestServer, type TestServer } from '../e2e/support/testServer.ts';

/** The device token's vault, as the memory platform keeps it. */
const { deviceToken: tokens } = createMemoryPlatform();

const walkIn = (n: number): NewFileInput => ({
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  channel: 'in_person',
  citizen: { fullName: `Phạm Thị ${['An', 'Bình', 'Chi', 'Dung', 'Giang'][n % 5]}`, birthDate: '1992-03-04', idNumber: `0011920${String(n).padStart(5, '0')}`, sex: 'female', phone: null, address: null },
  documents: [],
  attachments: [],
  notes: null,
});

let server: TestServer;
let db: MotcuaDb;
let device: DeviceIdentity;

beforeAll(async () => {
  server = await startTestServer({ web: false });
  db = openDb(`oversized-${randomUUID()}`, await createMemoryCipher());
  const enrolled = await enrol(server.url, { centerCode: DEMO_CENTER.code, enrolmentCode: DEMO_CENTER.enrolmentCode, locationCode: null, deviceName: 'Quầy 3', role: 'counter' });
  if (!enrolled.ok) throw new Error(enrolled.error.reason);
  const saved = await saveDevice(db, tokens, server.url, enrolled.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  device = saved.value;
});
afterAll(async () => {
  await db.delete();
  await server.close();
});

describe('an oversized item in the outbox', () => {
  it('is refused on its own with a reason, and the files after it still reach the server', async () => {
    const first = await registerFile(db, walkIn(1), { device, staff: { id: 's', name: 'Cán bộ' } });
    expect(first.ok).toBe(true);
    // A registration as older versions wrote it: a 3.2 MiB scan inline, as base64.
    const scan = randomBytes(Math.ceil(3.2 * 1024 * 1024));
    const fileId = randomUUID();
    const big = {
      ...walkIn(2),
      id: fileId,
      number: `${device.centerCode}-${device.deviceCode}-20270301-0999`,
      centerCode: device.centerCode,
      locationCode: null,
      deviceId: device.deviceId,
      receivedAt: new Date().toISOString(),
      receivedBy: { staffId: 's', staffName: 'Cán bộ' },
      attachments: [{ name: 'big.jpg', type: 'image/jpeg', size: scan.length, dataBase64: scan.toString('base64') }],
    };
    await db.transaction('rw', [db.outbox, db.counters], () => enqueueMutation(db, 'file.create', fileId, big, new Date().toISOString()));
    const third = await registerFile(db, walkIn(3), { device, staff: { id: 's', name: 'Cán bộ' } });
    expect(third.ok).toBe(true);

    const engine = createSyncEngine({ db, tokens, events: null });
    for (let cycle = 0; cycle < 3; cycle += 1) {
      const counts = await outboxCounts(db);
      if (counts.ok && counts.value.pending === 0) break;
      await engine.syncNow();
    }
    engine.stop();

    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 0, sent: 2, rejected: 1 } });
    expect(await server.store.countFiles(DEMO_CENTER.code)).toEqual({ ok: true, value: 2 });
    const refused = (await db.outbox.where('fileId').equals(fileId).toArray())[0]!;
    expect(refused.state).toBe('rejected');
    expect(refused.lastError).toMatch(/bytes, over the 262144 a push item may be/);
    expect(refused.lastErrorCode).toBe('syncReason.tooLarge');
  });
});
