/**
 * The sync loop facing a server that will not read a push (413, e.g. a proxy with a smaller body
 * limit than ours): it narrows the push to the one entry at fault, then sends that entry as a stub
 * the server refuses on its own, so the entries after it still go.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { outboxCounts } from '../../renderer/data/outbox.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { entryBytes, wireMutation } from '../../renderer/data/pushAnswers.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { createSyncEngine } from '../../renderer/sync/syncEngine.ts';
import { type Mutation } from '../../shared/sync/protocol.ts';
import { MAX_PUSH_ITEM_BYTES, oversizedPayloadSchema } from '../../shared/sync/pushLimits.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const device: DeviceIdentity = {
  key: 'device',
  deviceId: 'dev-1',
  deviceCode: 'D01',
  token: 't'.repeat(40),
  centerCode: 'XA01',
  centerName: 'Xã Một',
  locationCode: null,
  role: 'counter',
  serverUrl: 'http://sync.test/',
  enrolledAt: '2027-03-01T00:00:00.000Z',
};
const file = (notes: string | null): NewFileInput => ({
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  channel: 'in_person',
  citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: '001090012345', sex: 'male', phone: null, address: null },
  documents: [],
  attachments: [],
  notes,
});
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let db: MotcuaDb;
afterEach(async () => {
  await db.delete();
});

describe('a push the server will not read', () => {
  it('narrows to the entry at fault and sends it as a stub, so the entries after it still go', async () => {
    db = openDb(`oversized-${randomUUID()}`, await createMemoryCipher());
    const { deviceToken: tokens } = createMemoryPlatform();
    const { deviceId, deviceCode, token, centerCode, centerName, locationCode, role } = device;
    const enrolled = await saveDevice(db, tokens, device.serverUrl, { deviceId, deviceCode, token, centerCode, centerName, locationCode, role });
    if (!enrolled.ok) throw new Error(enrolled.error.reason);
    for (const notes of [null, 'Ghi chú dài '.repeat(150), null]) {
      const saved = await registerFile(db, file(notes), { device, staff: { id: 's1', name: 'Bình' } });
      if (!saved.ok) throw new Error(saved.error.reason);
    }
    // A gateway that refuses any body over 2 KB: the second entry alone is larger than that.
    const pushes: (number | string)[][] = [];
    const fetchFn: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname === API_PATHS.sync.push) {
        const body = String(init?.body);
        const { mutations } = JSON.parse(body) as { mutations: Mutation[] };
        pushes.push(mutations.map((m) => (oversizedPayloadSchema.safeParse(m.payload).success ? `${m.seq} stub` : m.seq)));
        if (body.length > 2048) return json(413, { error: 'FST_ERR_CTP_BODY_TOO_LARGE', reason: 'Request body is too large' });
        return json(200, {
          lastAppliedSeq: Math.max(...mutations.map((m) => m.seq)),
          results: mutations.map((m) =>
            oversizedPayloadSchema.safeParse(m.payload).success
              ? { seq: m.seq, status: 'rejected', reason: 'too large', code: 'syncReason.tooLarge' }
              : { seq: m.seq, status: 'applied', reason: null },
          ),
        });
      }
      if (url.pathname === API_PATHS.sync.statuses) return json(200, { cursor: 0, changes: [], more: false });
      return json(404, { error: 'not_found', reason: 'no such path' });
    };
    const engine = createSyncEngine({ db, tokens, events: null, fetchFn });
    const report = await engine.syncNow();
    engine.stop();

    expect(pushes).toEqual([[1, 2, 3], [1], [2, 3], [2], ['2 stub'], [3]]);
    expect(report).toMatchObject({ ok: true, pushed: 2, rejected: 1 });
    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 0, sent: 2, rejected: 1 } });
    expect((await db.outbox.get(2))?.lastErrorCode).toBe('syncReason.tooLarge');
  });

  it('never puts a payload over the item limit on the wire, and counts the sealed size for the batch', () => {
    const entry = { seq: 9, id: randomUUID(), kind: 'file.create' as const, at: '2027-03-01T00:00:00.000Z' };
    expect(wireMutation(entry, { notes: 'ngắn' }).payload).toEqual({ notes: 'ngắn' });
    expect(wireMutation(entry, { notes: 'x'.repeat(MAX_PUSH_ITEM_BYTES) }).payload).toEqual({ oversized: { bytes: MAX_PUSH_ITEM_BYTES + 12 } });
    expect(wireMutation(entry, { notes: 'ngắn' }, true).payload).toEqual({ oversized: { bytes: 18 } });
    const sealedEntry = { ...entry, fileId: 'f', state: 'pending' as const, attempts: 0, lastError: null, sentAt: null };
    const sealed = { v: 1 as const, keyId: 'k', iv: new Uint8Array(12), data: new Uint8Array(5000) };
    expect(entryBytes({ ...sealedEntry, payload: sealed })).toBe(5200);
    expect(entryBytes({ ...sealedEntry, payload: null })).toBe(200);
  });
});
