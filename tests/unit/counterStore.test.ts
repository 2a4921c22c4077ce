import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { cancelFile, findFileByNumber, getFile, listFiles, registerFile, resendFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { listOutbox, openPayload, outboxCounts } from '../../renderer/data/outbox.ts';
import { requestPersistentStorage } from '../../renderer/data/persistentStorage.ts';
import { applyCatalogChanges, applyStatusChanges } from '../../renderer/data/pulledChanges.ts';
import { adoptServerSeq, readSyncMeta, recordPushAnswer, recordPushFailure, takeBatch } from '../../renderer/data/pushAnswers.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { readIdleSeconds } from '../../renderer/features/counter/chrome/counterIdle.ts';
import { pinAfterKey } from '../../renderer/features/counter/staff/PinPad.tsx';
import { afterWrongPin, LOCK_MINUTES } from '../../renderer/security/staffLockout.ts';
import { addStaff, resetPin, setStaffActive, signIn, staffLabel } from '../../renderer/data/staffRepository.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';

const device: DeviceIdentity = {
  key: 'device',
  deviceId: 'dev-1',
  deviceCode: 'D01',
  token: 't'.repeat(40),
  centerCode: 'XA01',
  centerName: 'Xã Một',
  locationCode: 'Q1',
  role: 'counter',
  serverUrl: 'http://127.0.0.1:1/',
  enrolledAt: '2027-03-01T00:00:00.000Z',
};
const staff = { id: 's1', name: 'Trần Thị Bình' };
const ctx = { device, staff };
// 09:00 on 1 March 2027 in Vietnam.
const morning = new Date('2027-03-01T02:00:00Z');

function input(overrides: Partial<NewFileInput> = {}): NewFileInput {
  return {
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'in_person',
    citizen: {
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-17',
      idNumber: '001090012345',
      sex: 'male',
      phone: '0912345678',
      address: 'Thôn 3',
    },
    documents: [{ name: 'Tờ khai', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    attachments: [],
    notes: null,
    ...overrides,
  };
}

const cipher = await createMemoryCipher();
const opened: MotcuaDb[] = [];
function freshDb(): MotcuaDb {
  const db = openDb(`test-${randomUUID()}`, cipher);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function mustRegister(db: MotcuaDb, overrides: Partial<NewFileInput> = {}, at = morning) {
  const saved = await registerFile(db, input(overrides), ctx, at);
  if (!saved.ok) throw new Error(`register failed: ${saved.error.reason}`);
  return saved.value;
}

/** What the server would answer for a push of these seqs, each with the given outcome. */
async function answer(db: MotcuaDb, outcomes: Record<number, 'applied' | 'rejected'>, reason = 'file is for another center') {
  const seqs = Object.keys(outcomes).map(Number);
  const batch = await takeBatch(db, Math.min(...seqs) - 1, seqs.length, Infinity);
  return recordPushAnswer(
    db,
    batch,
    {
      lastAppliedSeq: Math.max(...seqs),
      results: seqs.map((seq) => ({ seq, status: outcomes[seq]!, reason: outcomes[seq] === 'rejected' ? reason : null })),
    },
    '2027-03-01T03:00:00.000Z',
  );
}

describe('registering a file', () => {
  it('writes the file, its outbox entry and an audit line together', async () => {
    const db = freshDb();
    const file = await mustRegister(db);

    expect(file).toMatchObject({
      number: 'XA01-D01-20270301-0001',
      centerCode: 'XA01',
      locationCode: 'Q1',
      deviceId: 'dev-1',
      receivedAt: morning.toISOString(),
      receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' },
      syncState: 'pending',
      status: 'received',
      seq: 1,
    });
    const entry = await db.outbox.get(1);
    expect(entry).toMatchObject({ kind: 'file.create', fileId: file.id, state: 'pending', attempts: 0 });
    const payload = await openPayload(db, entry!);
    expect(payload).toEqual({ ok: true, value: expect.objectContaining({ id: file.id, number: file.number }) });
    expect(payload.ok && payload.value).not.toHaveProperty('syncState');
    const audit = await db.audit.toArray();
    expect(audit).toEqual([expect.objectContaining({ action: 'file.register', fileId: file.id, staffId: 's1', detail: file.number })]);
  });

  it('numbers mutations across days and files within each Vietnam calendar day', async () => {
    const db = freshDb();
    const a = await mustRegister(db);
    const b = await mustRegister(db);
    // 23:59 in Vietnam is still 1 March; 00:00 is the 2nd, whatever the machine's time zone.
    const lateEvening = await mustRegister(db, {}, new Date('2027-03-01T16:59:00Z'));
    const nextDay = await mustRegister(db, {}, new Date('2027-03-01T17:00:00Z'));

    expect([a, b, lateEvening, nextDay].map((f) => f.number)).toEqual([
      'XA01-D01-20270301-0001',
      'XA01-D01-20270301-0002',
      'XA01-D01-20270301-0003',
      'XA01-D01-20270302-0001',
    ]);
    expect([a, b, lateEvening, nextDay].map((f) => f.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set([a, b, lateEvening, nextDay].map((f) => f.id)).size).toBe(4);
  });

  it('writes nothing at all for an invalid file and says which field is wrong', async () => {
    const db = freshDb();
    const saved = await registerFile(db, input({ citizen: { ...input().citizen, idNumber: '12345' } }), ctx, morning);

    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.error.kind).toBe('invalid');
    expect(saved.error.kind === 'invalid' && saved.error.fields).toEqual(['citizen.idNumber']);
    expect(await db.files.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    expect(await db.counters.count()).toBe(0);
    // Nothing was used up: the next good file is still the first.
    expect(await mustRegister(db)).toMatchObject({ seq: 1, number: 'XA01-D01-20270301-0001' });
  });

  it('reports a full disk as quota and keeps what was saved before', async () => {
    const db = freshDb();
    const first = await mustRegister(db);
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.audit.hook('creating', full);

    const saved = await registerFile(db, input(), ctx, morning);

    expect(saved).toEqual({ ok: false, error: expect.objectContaining({ kind: 'quota' }) });
    expect(await db.files.toArray()).toEqual([expect.objectContaining({ id: first.id })]);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.counters.get('mutationSeq')).toEqual({ key: 'mutationSeq', value: 1 });
    db.audit.hook('creating').unsubscribe(full);
    expect(await mustRegister(db)).toMatchObject({ seq: 2, number: 'XA01-D01-20270301-0002' });
  });
});

describe('a file the server rejected', () => {
  it('stays in the outbox, marked with the reason, until staff act', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    await answer(db, { 1: 'rejected' });

    expect(await getFile(db, file.id)).toEqual({ ok: true, value: expect.objectContaining({ syncState: 'rejected', rejectReason: 'file is for another center' }) });
    expect(await db.outbox.get(1)).toMatchObject({ state: 'rejected', lastError: 'file is for another center' });
    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 0, sent: 0, rejected: 1 } });
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['file.register', 'sync.rejected']);
  });

  it('is resent corrected as a new mutation with the same id and number', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    await answer(db, { 1: 'rejected' });

    const resent = await resendFile(db, file.id, input({ notes: 'đã sửa' }), staff, new Date('2027-03-01T04:00:00Z'));

    expect(resent).toEqual({ ok: true, value: expect.objectContaining({ id: file.id, number: file.number, seq: 2, syncState: 'pending', notes: 'đã sửa', rejectReason: null }) });
    expect(resent.ok && resent.value.receivedAt).toBe(file.receivedAt);
    expect(await db.outbox.get(1)).toMatchObject({ state: 'superseded' });
    const corrected = (await db.outbox.get(2))!;
    expect(corrected).toMatchObject({ state: 'pending', kind: 'file.create', fileId: file.id });
    expect(await openPayload(db, corrected)).toEqual({ ok: true, value: expect.objectContaining({ notes: 'đã sửa' }) });
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'file.resend', staffId: 's1', fileId: file.id });
  });

  it('refuses a resend of a file that was not rejected, or of invalid data', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    expect(await resendFile(db, file.id, input(), staff)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'wrong_state' }) });
    await answer(db, { 1: 'rejected' });
    expect(await resendFile(db, file.id, input({ channel: 'other' as never }), staff)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'invalid', fields: ['channel'] }) });
    expect(await resendFile(db, randomUUID(), input(), staff)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'not_found' }) });
    expect(await db.outbox.count()).toBe(1);
  });

  it('is cancelled on the device without a server call when it never reached the server', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    await answer(db, { 1: 'rejected' });

    const cancelled = await cancelFile(db, file.id, 'công dân rút hồ sơ', staff);

    expect(cancelled).toEqual({ ok: true, value: expect.objectContaining({ syncState: 'cancelled', status: 'withdrawn' }) });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ seq: 1, state: 'cancelled' })]);
    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 0, sent: 0, rejected: 0 } });
    expect(await cancelFile(db, file.id, 'again', staff)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'wrong_state' }) });
  });
});

describe('cancelling a file the server has or will have', () => {
  it('queues a file.cancel mutation after the registration', async () => {
    const db = freshDb();
    const pending = await mustRegister(db);
    const sent = await mustRegister(db);
    await answer(db, { 1: 'applied', 2: 'applied' });
    const third = await mustRegister(db);

    const a = await cancelFile(db, sent.id, '  nhầm thủ tục ', staff);
    const b = await cancelFile(db, third.id, 'trùng hồ sơ', staff);

    expect(a).toEqual({ ok: true, value: expect.objectContaining({ syncState: 'pending', seq: 4, status: 'received' }) });
    expect(b.ok && b.value.seq).toBe(5);
    const cancel = (await db.outbox.get(4))!;
    expect(cancel).toMatchObject({ kind: 'file.cancel', fileId: sent.id });
    expect(await openPayload(db, cancel)).toEqual({ ok: true, value: { fileId: sent.id, reason: 'nhầm thủ tục' } });
    expect(await cancelFile(db, sent.id, 'twice', staff)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'wrong_state' }) });
    expect(await cancelFile(db, pending.id, '   ', staff)).toEqual({ ok: false, error: expect.objectContaining({ kind: 'invalid', fields: ['reason'] }) });

    await answer(db, { 3: 'applied', 4: 'applied', 5: 'applied' });
    expect(await getFile(db, sent.id)).toEqual({ ok: true, value: expect.objectContaining({ syncState: 'sent', status: 'withdrawn' }) });
  });
});

describe('the outbox as the UI sees it', () => {
  it('lists entries newest first with the file they are about', async () => {
    const db = freshDb();
    const a = await mustRegister(db, { citizen: { ...input().citizen, fullName: 'Lê Thị Cúc' } });
    const b = await mustRegister(db);
    await answer(db, { 1: 'applied' });

    const all = await listOutbox(db);
    const pending = await listOutbox(db, { state: 'pending' });

    expect(all.ok && all.value.map((e) => [e.seq, e.state, e.fileNumber])).toEqual([
      [2, 'pending', b.number],
      [1, 'sent', a.number],
    ]);
    expect(all.ok && all.value[1]).toMatchObject({ citizenName: 'Lê Thị Cúc', procedureName: 'Đăng ký khai sinh', sentAt: '2027-03-01T03:00:00.000Z' });
    expect(all.ok && all.value[0]).not.toHaveProperty('payload');
    expect(pending.ok && pending.value.map((e) => e.seq)).toEqual([2]);
    expect(await outboxCounts(db)).toEqual({ ok: true, value: { pending: 1, sent: 1, rejected: 0 } });
  });

  it('finds files by receipt number and lists them newest first', async () => {
    const db = freshDb();
    const a = await mustRegister(db);
    const b = await mustRegister(db, {}, new Date('2027-03-01T05:00:00Z'));
    await answer(db, { 1: 'applied' });

    expect(await findFileByNumber(db, ` ${a.number.toLowerCase()} `)).toEqual({ ok: true, value: expect.objectContaining({ id: a.id }) });
    expect(await findFileByNumber(db, 'XA01-D01-20270301-0099')).toEqual({ ok: true, value: null });
    const newest = await listFiles(db, { limit: 10 });
    expect(newest.ok && newest.value.map((f) => f.id)).toEqual([b.id, a.id]);
    const waiting = await listFiles(db, { syncState: 'pending' });
    expect(waiting.ok && waiting.value.map((f) => f.id)).toEqual([b.id]);
  });
});

describe('recording push answers', () => {
  it('counts a lost response as sent once the server reports the number applied', async () => {
    const db = freshDb();
    await mustRegister(db);
    await mustRegister(db);
    const batch = await takeBatch(db, 0, 50, Infinity);
    await recordPushFailure(db, batch, 'no answer within 20 s');
    expect(await db.outbox.get(1)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'no answer within 20 s' });

    await recordPushAnswer(db, batch, { lastAppliedSeq: 2, results: [] }, '2027-03-01T03:00:00.000Z');

    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['sent', 'sent']);
    expect((await db.files.toArray()).map((f) => f.syncState)).toEqual(['sent', 'sent']);
    expect((await readSyncMeta(db)).lastAppliedSeq).toBe(2);
  });

  it('takes consecutive entries after the applied number, within the byte budget', async () => {
    const db = freshDb();
    for (let i = 0; i < 4; i += 1) await mustRegister(db);
    expect((await takeBatch(db, 1, 2, Infinity)).map((e) => e.seq)).toEqual([2, 3]);
    // An entry larger than the budget still goes, alone.
    expect((await takeBatch(db, 0, 10, 10)).map((e) => e.seq)).toEqual([1]);
  });

  it('pushes again from the server number after a gap, without changing answered entries', async () => {
    const db = freshDb();
    for (let i = 0; i < 3; i += 1) await mustRegister(db);
    await answer(db, { 1: 'applied', 2: 'applied', 3: 'applied' });
    await adoptServerSeq(db, 1, '2027-03-01T03:00:00.000Z');

    expect((await takeBatch(db, (await readSyncMeta(db)).lastAppliedSeq, 50, Infinity)).map((e) => [e.seq, e.state])).toEqual([
      [2, 'sent'],
      [3, 'sent'],
    ]);
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'sync.gap' });
  });
});

describe('pulled changes', () => {
  it('updates the status of this device’s files and moves the cursor', async () => {
    const db = freshDb();
    const file = await mustRegister(db);
    const changed = await applyStatusChanges(db, {
      cursor: 7,
      more: false,
      changes: [
        { fileId: file.id, number: file.number, status: 'processing', changedAt: '2027-03-02T01:00:00.000Z', note: null },
        { fileId: randomUUID(), number: 'XA01-D02-20270301-0001', status: 'done', changedAt: '2027-03-02T01:00:00.000Z', note: null },
      ],
    });
    expect(changed).toBe(1);
    expect(await db.files.get(file.id)).toMatchObject({ status: 'processing', statusAt: '2027-03-02T01:00:00.000Z' });
    expect((await readSyncMeta(db)).statusCursor).toBe(7);
  });

  it('applies catalog deltas with deletions and never wipes the catalog for an empty full answer', async () => {
    const db = freshDb();
    const [first, second] = demoCatalog.procedures;
    expect(await applyCatalogChanges(db, { version: 3, full: true, upserts: demoCatalog.procedures, deletions: [] }, 'now')).toBe('updated');
    expect(await applyCatalogChanges(db, { version: 4, full: false, upserts: [{ ...first!, name: 'Tên mới' }], deletions: [second!.code] }, 'now')).toBe('updated');
    expect(await db.procedures.get(first!.code)).toMatchObject({ name: 'Tên mới' });
    expect(await db.procedures.get(second!.code)).toBeUndefined();
    expect(await db.catalogMeta.get('catalog')).toMatchObject({ version: 4, count: demoCatalog.procedures.length - 1 });
    expect(await applyCatalogChanges(db, { version: 5, full: true, upserts: [], deletions: [] }, 'now')).toBe('unchanged');
    expect(await db.procedures.count()).toBe(demoCatalog.procedures.length - 1);
  });
});

describe('persistent storage', () => {
  it('says whether the browser will keep the data', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({ persisted: async () => true, persist: async () => false })).toBe('granted');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => true })).toBe('granted');
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => false })).toBe('denied');
  });
});

describe('staff accounts', () => {
  const minutesLater = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

  async function adminAndClerk(db: MotcuaDb) {
    const admin = await addStaff(db, { name: 'Nguyễn Thị Lan', pin: '2468', role: 'admin' });
    const clerk = await addStaff(db, { name: 'Phạm Văn Minh', pin: '1357', role: 'staff' });
    if (!admin.ok || !clerk.ok) throw new Error('could not add staff');
    return { admin: admin.value, clerk: clerk.value };
  }

  it('refuses a second person of the same name (whatever the case or tones) unless a detail tells them apart', async () => {
    const db = freshDb();
    await adminAndClerk(db);
    expect(await addStaff(db, { name: '  pham van  MINH ', pin: '1111', role: 'staff' })).toEqual({ ok: false, error: 'duplicate' });
    const second = await addStaff(db, { name: 'Phạm Văn Minh', detail: 'sinh 1990', pin: '1111', role: 'staff' });
    expect(second.ok && staffLabel(second.value)).toBe('Phạm Văn Minh (sinh 1990)');
    expect(await addStaff(db, { name: 'Phạm Văn Minh', detail: 'Sinh 1990', pin: '2222', role: 'staff' })).toEqual({ ok: false, error: 'duplicate' });
    expect(await addStaff(db, { name: 'Phạm Văn Minh', detail: 'x'.repeat(41), pin: '2222', role: 'staff' })).toEqual({ ok: false, error: 'detail' });
    expect(await db.staff.count()).toBe(3);
  });

  it('lets an admin disable and enable a person, never themselves or the last admin', async () => {
    const db = freshDb();
    const { admin, clerk } = await adminAndClerk(db);
    expect(await setStaffActive(db, admin.id, false, admin)).toEqual({ ok: false, error: 'self' });
    expect(await setStaffActive(db, admin.id, false, clerk)).toEqual({ ok: false, error: 'lastAdmin' });
    expect((await setStaffActive(db, clerk.id, false, admin)).ok).toBe(true);
    expect(await signIn(db, clerk.id, '1357')).toEqual({ ok: false, error: { kind: 'disabled' } });
    expect((await setStaffActive(db, clerk.id, true, admin)).ok).toBe(true);
    expect((await signIn(db, clerk.id, '1357')).ok).toBe(true);
  });

  it('locks an account after five wrong PINs, across a reload, until the lock ends', async () => {
    const name = `test-${randomUUID()}`;
    const db = openDb(name, cipher);
    opened.push(db);
    const { clerk } = await adminAndClerk(db);
    const at = morning;
    const tries = [];
    for (let i = 0; i < 4; i += 1) tries.push(await signIn(db, clerk.id, '0000', at));
    expect(tries.map((r) => !r.ok && r.error)).toEqual([4, 3, 2, 1].map((triesLeft) => ({ kind: 'wrongPin', triesLeft })));
    expect(await signIn(db, clerk.id, '0000', at)).toEqual({ ok: false, error: { kind: 'locked', until: minutesLater(at, LOCK_MINUTES) } });
    // The page is reloaded (a new connection to the same database): still locked, even with the right PIN.
    db.close();
    const reloaded = openDb(name, cipher);
    opened.push(reloaded);
    expect(await signIn(reloaded, clerk.id, '1357', minutesLater(at, 1))).toEqual({ ok: false, error: { kind: 'locked', until: minutesLater(at, LOCK_MINUTES) } });
    const after = await signIn(reloaded, clerk.id, '1357', minutesLater(at, LOCK_MINUTES));
    expect(after.ok && after.value.failedPins).toBe(0);
  });

  it('starts counting again after the right PIN, and an admin reset lifts a lock', async () => {
    const db = freshDb();
    const { clerk } = await adminAndClerk(db);
    for (let i = 0; i < 4; i += 1) await signIn(db, clerk.id, '0000', morning);
    expect((await signIn(db, clerk.id, '1357', morning)).ok).toBe(true);
    expect(await signIn(db, clerk.id, '0000', morning)).toEqual({ ok: false, error: { kind: 'wrongPin', triesLeft: 4 } });
    for (let i = 0; i < 4; i += 1) await signIn(db, clerk.id, '0000', morning);
    expect(!((await signIn(db, clerk.id, '1357', morning)).ok)).toBe(true);
    expect(await resetPin(db, clerk.id, '12')).toEqual({ ok: false, error: 'pin' });
    expect((await resetPin(db, clerk.id, '9753')).ok).toBe(true);
    expect(await signIn(db, clerk.id, '1357', morning)).toEqual({ ok: false, error: { kind: 'wrongPin', triesLeft: 4 } });
    expect((await signIn(db, clerk.id, '9753', morning)).ok).toBe(true);
  });

  it('takes the number keys, Backspace and Escape on the PIN pad', () => {
    expect(pinAfterKey('12', '3', 8)).toBe('123');
    expect(pinAfterKey('12345678', '9', 8)).toBe('12345678');
    expect(pinAfterKey('123', 'Backspace', 8)).toBe('12');
    expect(pinAfterKey('123', 'Escape', 8)).toBe('');
    expect(pinAfterKey('123', 'a', 8)).toBeNull();
    expect(afterWrongPin({}, morning)).toEqual({ failedPins: 1, lockedUntil: null });
  });

  it('signs out after the idle time the admin chose, the URL overriding it for set-up', () => {
    expect(readIdleSeconds('', null)).toBe(5 * 60);
    expect(readIdleSeconds('', '15')).toBe(15 * 60);
    expect(readIdleSeconds('', 'forever')).toBe(5 * 60);
    expect(readIdleSeconds('?counterIdle=20', '15')).toBe(20);
    expect(readIdleSeconds('?counterIdle=1', '15')).toBe(15 * 60);
  });
});
