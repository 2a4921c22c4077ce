/**
 * The counter's life-of-a-file writes in IndexedDB (fake-indexeddb): corrections, due date moves
 * and fees, each with its outbox mutation and audit line or nothing at all; the reason kept on the
 * file; server refusals and local failures kept with a code for the outbox to translate; files
 * (not changes) counted as waiting; the worklist search by number, name or ID.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type LocalFile, type MotcuaDb } from '../../renderer/data/db.ts';
import { changeDueDate, correctFile, recordFeePaid } from '../../renderer/data/fileChanges.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { searchFiles } from '../../renderer/data/fileSearch.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import { changeFileStatus } from '../../renderer/data/fileStatus.ts';
import { acknowledgeRejection, listOutbox, openPayload, standingRejection, waitingFileCounts } from '../../renderer/data/outbox.ts';
import { applyStatusChanges } from '../../renderer/data/pulledChanges.ts';
import { recordPushAnswer, recordPushFailure, takeBatch } from '../../renderer/data/pushAnswers.ts';
import type { Correctable } from '../../shared/files/fileChanges.ts';

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
const morning = new Date('2027-03-01T02:00:00Z');
const later = new Date('2027-03-02T02:00:00Z');
const DUE = '2027-03-04T10:00:00.000Z';

const input = (overrides: Partial<NewFileInput> = {}): NewFileInput => ({
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  channel: 'in_person',
  citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: '001090012345', sex: 'male', phone: '0912345678', address: 'Thôn 3' },
  documents: [
    { name: 'Tờ khai', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 },
    { name: 'Giấy chứng sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 0, copiesReceived: 0 },
  ],
  attachments: [],
  notes: null,
  dueAt: DUE,
  ...overrides,
});
const correctable = (file: LocalFile, patch: Partial<Correctable> = {}): Correctable => ({
  procedureCode: file.procedureCode,
  procedureName: file.procedureName,
  channel: file.channel,
  citizen: file.citizen,
  documents: file.documents,
  notes: file.notes,
  ...patch,
});

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
async function register(db: MotcuaDb, overrides: Partial<NewFileInput> = {}): Promise<LocalFile> {
  const saved = await registerFile(db, input(overrides), ctx, morning);
  if (!saved.ok) throw new Error(saved.error.reason);
  return saved.value;
}
const snapshot = async (db: MotcuaDb) => ({ files: await db.files.toArray(), outbox: await db.outbox.toArray(), audit: await db.audit.toArray() });

describe('changing a saved file at the counter', () => {
  it('corrects the citizen with a reason: file, file.update mutation and audit line together', async () => {
    const db = freshDb();
    const file = await register(db);
    const citizen = { ...file.citizen, fullName: 'Nguyễn Văn Ân' };
    const r = await correctFile(db, file.id, correctable(file, { citizen }), '  Sai dấu trong tên  ', ctx, later);
    expect(r).toMatchObject({ ok: true, value: { citizen, number: file.number, syncState: 'pending' } });
    const entry = (await db.outbox.toArray()).at(-1)!;
    expect(entry).toMatchObject({ kind: 'file.update', fileId: file.id, state: 'pending' });
    // The payload is sealed at rest; opened, it carries the correction.
    expect(await openPayload(db, entry)).toMatchObject({ ok: true, value: { reason: 'Sai dấu trong tên', changes: { citizen }, stamp: { who: { staffName: staff.name } } } });
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'file.correct', detail: 'citizen: Sai dấu trong tên' });
  });

  it('writes nothing for a correction without a reason or one that makes the file invalid', async () => {
    const db = freshDb();
    const file = await register(db);
    const before = await snapshot(db);
    const noReason = await correctFile(db, file.id, correctable(file, { notes: 'x' }), '   ', ctx, later);
    expect(noReason).toMatchObject({ ok: false, error: { kind: 'change', error: { reason: 'fileChange.error.reasonRequired' } } });
    const badId = await correctFile(db, file.id, correctable(file, { citizen: { ...file.citizen, idNumber: '12' } }), 'Sửa số', ctx, later);
    expect(badId).toMatchObject({ ok: false, error: { kind: 'storage', error: { kind: 'invalid' } } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses to change a file whose registration the server refused (it is fixed and resent instead)', async () => {
    const db = freshDb();
    const file = await register(db);
    const batch = await takeBatch(db, 0, 10, Infinity);
    await recordPushAnswer(db, batch, { lastAppliedSeq: 1, results: [{ seq: 1, status: 'rejected', reason: 'x', code: 'syncReason.numberTaken' }] }, later.toISOString());
    const r = await changeDueDate(db, file.id, '2027-03-09T10:00:00.000Z', 'Chờ xác minh', ctx, later);
    expect(r).toMatchObject({ ok: false, error: { kind: 'storage', error: { kind: 'wrong_state' } } });
  });

  it('moves the due date with its reason, and refuses one before the reception without writing', async () => {
    const db = freshDb();
    const file = await register(db);
    const before = await snapshot(db);
    const early = await changeDueDate(db, file.id, '2027-03-01T01:00:00.000Z', 'Nhầm', ctx, later);
    expect(early).toMatchObject({ ok: false, error: { kind: 'change', error: { reason: 'fileChange.error.dueNotAfterReception' } } });
    expect(await snapshot(db)).toEqual(before);

    const moved = await changeDueDate(db, file.id, '2027-03-09T10:00:00.000Z', 'Chờ xác minh tại thôn', ctx, later);
    expect(moved).toMatchObject({ ok: true, value: { dueAt: '2027-03-09T10:00:00.000Z', dueReason: 'Chờ xác minh tại thôn' } });
    const due = (await db.outbox.toArray()).at(-1)!;
    expect(due).toMatchObject({ kind: 'file.due', dueTo: '2027-03-09T10:00:00.000Z' });
    expect(await openPayload(db, due)).toMatchObject({ ok: true, value: { previousDueAt: DUE, dueAt: '2027-03-09T10:00:00.000Z' } });
  });

  it('records the fee once', async () => {
    const db = freshDb();
    const file = await register(db);
    expect(await recordFeePaid(db, file.id, { amount: 8000, receiptNo: 'BL-1' }, ctx, later)).toMatchObject({
      ok: true,
      value: { fee: { amount: 8000, receiptNo: 'BL-1', paidAt: later.toISOString(), staffName: staff.name } },
    });
    expect(await recordFeePaid(db, file.id, { amount: 8000, receiptNo: 'BL-2' }, ctx, later)).toMatchObject({ ok: false, error: { kind: 'change', error: { reason: 'fileChange.error.feeAlreadyPaid' } } });
    expect(await recordFeePaid(db, file.id, { amount: 0, receiptNo: 'BL-2' }, ctx, later)).toMatchObject({ ok: false, error: { kind: 'storage', error: { kind: 'invalid' } } });
  });

  it('keeps the reason and the supplement request on the file', async () => {
    const db = freshDb();
    const file = await register(db);
    await changeFileStatus(db, file.id, 'processing', ctx, later);
    const r = await changeFileStatus(db, file.id, 'needs_supplement', { ...ctx, note: 'Thiếu: Giấy chứng sinh', supplement: { documents: ['Giấy chứng sinh'], text: '' } }, later);
    expect(r).toMatchObject({ ok: true, value: { status: 'needs_supplement', statusNote: 'Thiếu: Giấy chứng sinh', supplement: { documents: ['Giấy chứng sinh'] } } });
  });
});

describe('what the outbox and the status bar show', () => {
  it('counts files waiting, not changes: one file moved four times is one file', async () => {
    const db = freshDb();
    const file = await register(db);
    await register(db, { citizen: { ...input().citizen, fullName: 'Lò Thị Mai' } });
    await changeFileStatus(db, file.id, 'processing', ctx, later);
    await changeFileStatus(db, file.id, 'done', ctx, later);
    await recordFeePaid(db, file.id, { amount: 8000, receiptNo: 'BL-1' }, ctx, later);
    expect(await waitingFileCounts(db)).toEqual({ ok: true, value: { pendingFiles: 2, rejectedFiles: 0 } });
  });

  it("keeps the server's rejection code and the local failure's kind beside the English reason", async () => {
    const db = freshDb();
    const file = await register(db);
    await changeDueDate(db, file.id, '2027-03-09T10:00:00.000Z', 'Chờ xác minh', ctx, later);
    const batch = await takeBatch(db, 0, 10, Infinity);
    await recordPushFailure(db, batch, 'cannot reach the server (Failed to fetch)', 'api.failure.offline');
    expect((await listOutbox(db)).ok && (await db.outbox.toArray()).map((e) => e.lastErrorCode)).toEqual(['api.failure.offline', 'api.failure.offline']);
    await recordPushAnswer(
      db,
      batch,
      { lastAppliedSeq: 2, results: [{ seq: 1, status: 'applied', reason: null }, { seq: 2, status: 'rejected', reason: 'file X: the new due date must be after…', code: 'fileChange.error.dueNotAfterReception' }] },
      later.toISOString(),
    );
    const items = await listOutbox(db);
    expect(items.ok && items.value.map((i) => [i.kind, i.state, i.lastErrorCode, i.dueAt])).toEqual([
      ['file.due', 'rejected', 'fileChange.error.dueNotAfterReception', '2027-03-09T10:00:00.000Z'],
      ['file.create', 'sent', null, null],
    ]);
    expect(await waitingFileCounts(db)).toEqual({ ok: true, value: { pendingFiles: 0, rejectedFiles: 1 } });
    // "Fix and resend" shows the refusal by its code (the screen translates it), not the server's English.
    expect(await standingRejection(db, file.id)).toEqual({ state: 'rejected', lastError: 'file X: the new due date must be after…', lastErrorCode: 'fileChange.error.dueNotAfterReception' });

    // Staff set the refused change aside; a registration cannot be set aside this way.
    expect(await acknowledgeRejection(db, 1, staff)).toMatchObject({ ok: false, error: { kind: 'wrong_state' } });
    expect(await acknowledgeRejection(db, 2, staff)).toEqual({ ok: true, value: null });
    expect(await waitingFileCounts(db)).toEqual({ ok: true, value: { pendingFiles: 0, rejectedFiles: 0 } });
    expect(await db.files.get(file.id)).toMatchObject({ syncState: 'sent', rejectReason: null });
    expect(await standingRejection(db, file.id)).toBeNull();
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'sync.acknowledged', staffId: staff.id });
  });

  it('takes a due date moved on the server from the status feed, with its reason', async () => {
    const db = freshDb();
    const file = await register(db);
    await applyStatusChanges(db, {
      cursor: 2,
      more: false,
      changes: [
        { fileId: file.id, number: file.number, status: 'received', changedAt: file.receivedAt, note: null, dueAt: DUE },
        { fileId: file.id, number: file.number, status: 'received', changedAt: later.toISOString(), note: 'Chờ xác minh', dueAt: '2027-03-09T10:00:00.000Z' },
      ],
    });
    expect(await db.files.get(file.id)).toMatchObject({ dueAt: '2027-03-09T10:00:00.000Z', dueReason: 'Chờ xác minh', statusAt: file.receivedAt });
  });
});

describe('searching the worklist', () => {
  it('finds a file by part of its number, by name without tones in any order, or by part of the ID', async () => {
    const db = freshDb();
    const an = await register(db);
    const mai = await register(db, { citizen: { ...input().citizen, fullName: 'Lò Thị Mai', idNumber: '011190054321', sex: 'female' } });
    const numbers = async (q: string) => {
      const r = await searchFiles(db, q);
      if (!r.ok) throw new Error(r.error.reason);
      return r.value.map((f) => f.number).sort();
    };
    expect(await numbers('')).toEqual([an.number, mai.number].sort());
    expect(await numbers('0002')).toEqual([mai.number]);
    expect(await numbers('xa01-d01-20270301-0001')).toEqual([an.number]);
    expect(await numbers('mai lo')).toEqual([mai.number]);
    expect(await numbers('NGUYEN VAN')).toEqual([an.number]);
    expect(await numbers('thi')).toEqual([mai.number]);
    expect(await numbers('54321')).toEqual([mai.number]);
    expect(await numbers('0010 9001')).toEqual([an.number]);
    expect(await numbers('99999')).toEqual([]);
    expect(await numbers('001090012')).toEqual([an.number]);
    expect(await numbers('Trần')).toEqual([]);
  });
});
