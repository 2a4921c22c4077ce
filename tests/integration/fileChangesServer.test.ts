/**
 * Corrections, due date moves and fee payments pushed from the counter, over a real SQLite file:
 * applied exactly once (a replayed push changes nothing), kept with what they replaced, a moved due
 * date in the status feed and the kiosk's public lookup, and bad ones refused per item with a code
 * the device translates, the sequence still advancing.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Correctable, FeePayment } from '../../shared/files/fileChanges.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import { pushResponseSchema, statusPullResponseSchema, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import { publicFileStatusSchema } from '../../shared/sync/publicApi.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, createMutation, enrolTestDevice, makeFile } from '../support/syncFixtures.ts';
import { STAFF, statusMutation } from './lifecycleFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB11824', 'OTHER'] }, (ready) => ({ app, temp } = ready));

const DUE = '2027-03-04T17:00:00+07:00';
const LATER = '2027-03-09T17:00:00+07:00';
const WHEN = '2027-03-02T09:00:00+07:00';

const stamp = (device: EnrolResponse, where: Partial<{ centerCode: string; deviceId: string }> = {}) => ({
  who: STAFF,
  when: WHEN,
  where: { centerCode: device.centerCode, locationCode: device.locationCode, deviceId: device.deviceId, ...where },
});
const mutation = (seq: number, kind: string, payload: unknown): Mutation => ({ seq, id: randomUUID(), kind, at: WHEN, payload });
const correctable = (file: FileRecord, patch: Partial<Correctable> = {}): Correctable => ({
  procedureCode: file.procedureCode,
  procedureName: file.procedureName,
  channel: file.channel,
  citizen: file.citizen,
  documents: file.documents,
  notes: file.notes,
  ...patch,
});
const update = (seq: number, device: EnrolResponse, file: FileRecord, patch: Partial<Correctable>, reason = 'Sai tên người nộp') =>
  mutation(seq, 'file.update', { fileId: file.id, changes: correctable(file, patch), reason, stamp: stamp(device) });
const due = (seq: number, device: EnrolResponse, fileId: string, dueAt: string, reason = 'Cần xác minh thêm tại thôn') =>
  mutation(seq, 'file.due', { fileId, dueAt, previousDueAt: DUE, reason, stamp: stamp(device) });
const FEE: FeePayment = { amount: 8000, receiptNo: 'BL-0012', paidAt: WHEN };
const fee = (seq: number, device: EnrolResponse, fileId: string, payment: FeePayment = FEE) => mutation(seq, 'file.fee', { fileId, fee: payment, stamp: stamp(device) });

const push = async (device: EnrolResponse, mutations: Mutation[]) => {
  const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations } });
  expect(res.statusCode, res.body).toBe(200);
  return pushResponseSchema.parse(res.json());
};
const changesOf = async (device: EnrolResponse, fileId: string) => {
  const read = await temp.store.fileChanges(device.centerCode, fileId);
  if (!read.ok) throw new Error(read.error.reason);
  return read.value;
};

describe('corrections, due dates and fees pushed from the counter', () => {
  it('applies each once, keeps what it replaced, and a replayed push changes nothing', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1, { dueAt: DUE });
    const corrected = { ...file.citizen, fullName: 'Nguyễn Văn Ân', phone: '0987654321' };
    const mutations = [
      createMutation(1, file),
      update(2, counter, file, { citizen: corrected, notes: 'Đã sửa tên theo căn cước' }),
      due(3, counter, file.id, LATER),
      fee(4, counter, file.id),
    ];
    const answer = await push(counter, mutations);
    expect(answer).toEqual({ lastAppliedSeq: 4, results: [1, 2, 3, 4].map((seq) => ({ seq, status: 'applied', reason: null })) });
    const replay = await push(counter, mutations);
    expect(replay.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);

    const changes = await changesOf(counter, file.id);
    expect(changes.map((c) => [c.kind, c.reason, c.staffName, c.deviceId])).toEqual([
      ['update', 'Sai tên người nộp', STAFF.staffName, counter.deviceId],
      ['due', 'Cần xác minh thêm tại thôn', STAFF.staffName, counter.deviceId],
      ['fee', null, STAFF.staffName, counter.deviceId],
    ]);
    expect(changes[0]!.previous).toMatchObject({ citizen: { fullName: 'Nguyễn Văn An', phone: '0912345678' }, notes: null });
    expect(changes[1]!.previous).toEqual({ dueAt: DUE });
    expect(changes[2]!.next).toEqual({ ...FEE, staffName: STAFF.staffName });

    const stored = await temp.store.findFile('VB11824', file.id);
    expect(stored.ok && stored.value).toMatchObject({ citizen: corrected, notes: 'Đã sửa tên theo căn cước', dueAt: LATER, number: file.number, receivedAt: file.receivedAt });
    expect(stored.ok && stored.value?.attachments).toHaveLength(1);

    // The kiosk's lookup and the status feed show the new date; the status has not moved.
    const lookup = publicFileStatusSchema.parse((await app.inject({ url: API_PATHS.public.fileStatus.at(file.number, { code: file.lookupCode! }) })).json());
    expect(lookup).toMatchObject({ status: 'received', dueAt: LATER });
    const feed = statusPullResponseSchema.parse((await app.inject({ url: `${API_PATHS.sync.statuses}?limit=50`, headers: bearer(counter) })).json());
    expect(feed.changes.map((c) => [c.status, c.dueAt, c.note])).toEqual([
      ['received', DUE, null],
      ['received', LATER, 'Cần xác minh thêm tại thôn'],
    ]);

    const overHttp = await app.inject({ url: `/api/files/${file.id}/changes`, headers: bearer(counter) });
    expect(overHttp.statusCode).toBe(200);
    expect(overHttp.json().changes).toHaveLength(3);
    expect((await app.inject({ url: `/api/files/${randomUUID()}/changes`, headers: bearer(counter) })).statusCode).toBe(404);
  });

  it('refuses bad changes per item with a reason and a code, advances the sequence, and answers a replay the same', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const theirs = await enrolTestDevice(app, 'OTHER');
    const foreign = makeFile(theirs, 1, { dueAt: DUE });
    await push(theirs, [createMutation(1, foreign)]);
    const [a, closed] = [makeFile(counter, 1, { dueAt: DUE }), makeFile(counter, 2, { dueAt: DUE })];
    const mutations = [
      createMutation(1, a),
      createMutation(2, closed),
      statusMutation(3, counter, closed.id, 'received', 'rejected', { note: 'Không thuộc thẩm quyền' }),
      due(4, counter, a.id, '2027-03-01T07:00:00+07:00'), // before the reception
      due(5, counter, a.id, LATER, '   '), // no reason
      due(6, counter, a.id, DUE), // the date it already has
      update(7, counter, closed, { notes: 'x' }), // a closed file
      update(8, counter, a, { notes: 'x' }, ''), // no reason
      fee(9, counter, a.id),
      fee(10, counter, a.id, { ...FEE, receiptNo: 'BL-0013' }), // twice
      fee(11, counter, a.id, { ...FEE, paidAt: '2027-02-28T09:00:00+07:00' }),
      due(12, counter, foreign.id, LATER), // another center's file
      mutation(13, 'file.due', { fileId: a.id, dueAt: LATER, previousDueAt: DUE, reason: 'x', stamp: stamp(counter, { deviceId: theirs.deviceId }) }),
      mutation(14, 'file.fee', { fileId: a.id, fee: { ...FEE, amount: -5 }, stamp: stamp(counter) }),
      mutation(15, 'file.update', { fileId: a.id, changes: correctable(a, { citizen: { ...a.citizen, idNumber: '123' } }), reason: 'x', stamp: stamp(counter) }),
      due(16, counter, a.id, LATER),
    ];
    const answer = await push(counter, mutations);
    expect(answer.lastAppliedSeq).toBe(16);
    expect(answer.results.map((r) => [r.seq, r.status, r.code ?? null])).toEqual([
      [1, 'applied', null],
      [2, 'applied', null],
      [3, 'applied', null],
      [4, 'rejected', 'fileChange.error.dueNotAfterReception'],
      [5, 'rejected', 'fileChange.error.reasonRequired'],
      [6, 'rejected', 'fileChange.error.sameDue'],
      [7, 'rejected', 'fileChange.error.closed'],
      [8, 'rejected', 'fileChange.error.reasonRequired'],
      [9, 'applied', null],
      [10, 'rejected', 'fileChange.error.feeAlreadyPaid'],
      [11, 'rejected', 'fileChange.error.feeAlreadyPaid'],
      [12, 'rejected', 'syncReason.fileNotFound'],
      [13, 'rejected', 'syncReason.wrongDevice'],
      [14, 'rejected', 'syncReason.invalidPayload'],
      [15, 'rejected', 'syncReason.invalidPayload'],
      [16, 'applied', null],
    ]);
    expect(answer.results[3]!.reason).toMatch(/after the file was received/);
    const replay = await push(counter, mutations);
    expect(replay.results.map((r) => (r.status === 'rejected' ? [r.reason, r.code] : r.status))).toEqual(
      answer.results.map((r) => (r.status === 'rejected' ? [r.reason, r.code] : 'duplicate')),
    );
    expect((await changesOf(counter, a.id)).map((c) => c.kind)).toEqual(['fee', 'due']);
    expect(await changesOf(counter, closed.id)).toEqual([]);
    expect(await changesOf(theirs, foreign.id)).toEqual([]);
  });

  it('refuses a fee recorded before the reception', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1, { dueAt: DUE });
    const answer = await push(counter, [createMutation(1, file), fee(2, counter, file.id, { ...FEE, paidAt: '2027-02-28T09:00:00+07:00' })]);
    expect(answer.results[1]).toMatchObject({ status: 'rejected', code: 'fileChange.error.feeBeforeReception' });
  });

  it('gives the older kinds of refusal a code too (a number already taken, an illegal move)', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1);
    const answer = await push(counter, [
      createMutation(1, file),
      createMutation(2, { ...file, id: randomUUID() }),
      statusMutation(3, counter, file.id, 'received', 'done'),
      statusMutation(4, counter, file.id, 'processing', 'done'),
      mutation(5, 'file.teleport', {}),
    ]);
    expect(answer.results.map((r) => r.code ?? null)).toEqual([
      null,
      'syncReason.numberTaken',
      'fileStatus.error.notAllowed',
      'fileStatus.error.staleStatus',
      'syncReason.unknownKind',
    ]);
  });
});
