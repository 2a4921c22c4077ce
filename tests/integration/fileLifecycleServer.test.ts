/**
 * The life of a file on the server, over a real SQLite file: status changes pushed from the counter
 * (checked by the shared lifecycle, rejected per item with a reason), the audit history, the due
 * date in the status feed, changes made by another office, kiosk ratings, and the schema upgrade.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/sqliteMigrations.ts';
import { openSqliteStore, SQLITE_FILE } from '../../server/store/sqliteStore.ts';
import type { StatusHistoryEntry } from '../../server/store/store.ts';
import { apiErrorSchema, pushResponseSchema, statusPullResponseSchema, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, cancelMutation, createMutation, enrolTestDevice, FIXTURE_NOW, makeFile } from '../support/syncFixtures.ts';
import { ratingOf, STAFF, statusMutation } from './lifecycleFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB11824', 'OTHER'] }, (ready) => ({ app, temp } = ready));

const push = async (device: EnrolResponse, mutations: Mutation[]) => {
  const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations } });
  expect(res.statusCode, res.body).toBe(200);
  return pushResponseSchema.parse(res.json());
};
const history = async (device: EnrolResponse, fileId: string): Promise<StatusHistoryEntry[]> => {
  const read = await temp.store.statusHistory(device.centerCode, fileId);
  if (!read.ok) throw new Error(read.error.reason);
  return read.value;
};
const feed = async (device: EnrolResponse) =>
  statusPullResponseSchema.parse((await app.inject({ url: `${API_PATHS.sync.statuses}?limit=500`, headers: bearer(device) })).json()).changes;
const DUE = '2027-03-04T17:00:00+07:00';

describe('status changes pushed from the counter', () => {
  it('applies legal changes in order and stamps each in the history, the first "received" included', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1, { dueAt: DUE });
    const answer = await push(counter, [
      createMutation(1, file),
      statusMutation(2, counter, file.id, 'received', 'processing', { when: '2027-03-01T09:00:00+07:00' }),
      statusMutation(3, counter, file.id, 'processing', 'needs_supplement', { when: '2027-03-01T10:00:00+07:00', note: '  Thiếu bản sao CCCD  ' }),
      statusMutation(4, counter, file.id, 'needs_supplement', 'processing', { when: '2027-03-02T08:00:00+07:00' }),
      statusMutation(5, counter, file.id, 'processing', 'done', { when: '2027-03-03T15:00:00+07:00', staff: { staffId: 's9', staffName: 'Phạm Văn Minh' } }),
      statusMutation(6, counter, file.id, 'done', 'returned', { when: '2027-03-04T08:30:00+07:00' }),
    ]);
    expect(answer).toEqual({ lastAppliedSeq: 6, results: [1, 2, 3, 4, 5, 6].map((seq) => ({ seq, status: 'applied', reason: null })) });

    const entries = await history(counter, file.id);
    expect(entries.map((h) => [h.status, h.at, h.staffName, h.note])).toEqual([
      ['received', file.receivedAt, file.receivedBy.staffName, null],
      ['processing', '2027-03-01T09:00:00+07:00', STAFF.staffName, null],
      ['needs_supplement', '2027-03-01T10:00:00+07:00', STAFF.staffName, 'Thiếu bản sao CCCD'],
      ['processing', '2027-03-02T08:00:00+07:00', STAFF.staffName, null],
      ['done', '2027-03-03T15:00:00+07:00', 'Phạm Văn Minh', null],
      ['returned', '2027-03-04T08:30:00+07:00', STAFF.staffName, null],
    ]);
    expect(entries.every((h) => h.deviceId === counter.deviceId && h.location === 'Q1')).toBe(true);
    const overHttp = await app.inject({ url: `/api/files/${file.id}/history`, headers: bearer(counter) });
    expect(overHttp.json().history).toHaveLength(6);
    const listed = await app.inject({ url: `/api/files?number=${file.number}`, headers: bearer(counter) });
    expect(listed.json().files[0].status).toBe('returned');
  });

  it('rejects an illegal change with the lifecycle\'s reason, still advancing the sequence, and replays the rejection', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const theirs = await enrolTestDevice(app, 'OTHER');
    const [a, b] = [makeFile(counter, 1), makeFile(counter, 2)];
    const foreign = makeFile(theirs, 1);
    await push(theirs, [createMutation(1, foreign)]);
    const mutations = [
      createMutation(1, a),
      createMutation(2, b),
      statusMutation(3, counter, a.id, 'received', 'done'),
      statusMutation(4, counter, a.id, 'received', 'rejected', { note: null }),
      statusMutation(5, counter, a.id, 'processing', 'done'),
      statusMutation(6, counter, foreign.id, 'received', 'processing'),
      statusMutation(7, counter, a.id, 'received', 'processing', { where: { centerCode: 'OTHER' } }),
      statusMutation(8, counter, a.id, 'received', 'processing', { where: { deviceId: theirs.deviceId } }),
      { ...statusMutation(9, counter, a.id, 'received', 'processing'), payload: { fileId: a.id, from: 'received', to: 'lost' } },
      statusMutation(10, counter, a.id, 'received', 'processing'),
      statusMutation(11, counter, a.id, 'received', 'processing'),
      statusMutation(12, counter, b.id, 'received', 'withdrawn', { note: 'công dân rút' }),
      statusMutation(13, counter, b.id, 'withdrawn', 'processing'),
    ];
    const answer = await push(counter, mutations);
    expect(answer.lastAppliedSeq).toBe(13);
    expect(answer.results.map((r) => r.status)).toEqual([
      'applied', 'applied', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'applied', 'rejected', 'applied', 'rejected',
    ]);
    const reasons = Object.fromEntries(answer.results.map((r) => [r.seq, r.reason]));
    expect(reasons[3]).toMatch(/a received file cannot become done/);
    expect(reasons[4]).toMatch(/needs a written reason/);
    expect(reasons[5]).toMatch(/is received on the server, not processing/);
    expect(reasons[6]).toMatch(/no file .* in center VB11824/);
    expect(reasons[7]).toMatch(/stamped for center OTHER/);
    expect(reasons[8]).toMatch(/made by device/);
    expect(reasons[9]).toMatch(/invalid status change: to/);
    expect(reasons[11]).toMatch(/is processing on the server, not received/);
    expect(reasons[13]).toMatch(/a withdrawn file cannot change status|is withdrawn/);

    expect((await history(counter, a.id)).map((h) => h.status)).toEqual(['received', 'processing']);
    expect((await history(theirs, foreign.id)).map((h) => h.status)).toEqual(['received']);

    // The answer was lost: the same push comes back the same, and nothing is written twice.
    const replay = await push(counter, mutations);
    expect(replay.results.map((r) => (r.status === 'rejected' ? r.reason : r.status))).toEqual(
      answer.results.map((r) => (r.status === 'rejected' ? r.reason : 'duplicate')),
    );
    expect((await history(counter, a.id)).map((h) => h.status)).toEqual(['received', 'processing']);
    const next = await push(counter, [statusMutation(14, counter, a.id, 'processing', 'done')]);
    expect(next.results[0]).toEqual({ seq: 14, status: 'applied', reason: null });
  });

  it('puts the due date on every status feed row, and writes a cancellation to the history', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const withDue = makeFile(counter, 1, { dueAt: DUE });
    const withoutDue = makeFile(counter, 2, { dueAt: null });
    await push(counter, [
      createMutation(1, withDue),
      createMutation(2, withoutDue),
      statusMutation(3, counter, withDue.id, 'received', 'processing'),
      cancelMutation(4, withoutDue.id, 'công dân xin rút'),
    ]);
    const changes = await feed(counter);
    expect(changes.map((c) => [c.number, c.status, c.dueAt])).toEqual([
      [withDue.number, 'received', DUE],
      [withoutDue.number, 'received', null],
      [withDue.number, 'processing', DUE],
      [withoutDue.number, 'withdrawn', null],
    ]);
    const cancelled = await history(counter, withoutDue.id);
    expect(cancelled.at(-1)).toMatchObject({ status: 'withdrawn', note: 'công dân xin rút', staffName: null, deviceId: counter.deviceId });
  });
});

describe('status changes made by another office', () => {
  it('goes through the same lifecycle: 400 with the reason on an illegal change, history on a legal one', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const office = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1, { dueAt: DUE });
    await push(counter, [createMutation(1, file)]);
    const change = (status: string, note: string | null) =>
      app.inject({ method: 'POST', url: API_PATHS.files.status.at(file.id), headers: bearer(office), payload: { status, note } });

    const skip = await change('done', null);
    expect(skip.statusCode).toBe(400);
    expect(apiErrorSchema.parse(skip.json())).toEqual({ error: 'illegal_transition', reason: `file ${file.number}: a received file cannot become done` });
    const unexplained = await change('rejected', null);
    expect(unexplained.statusCode).toBe(400);
    expect(apiErrorSchema.parse(unexplained.json()).reason).toMatch(/written reason/);

    const moved = await change('processing', null);
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ fileId: file.id, status: 'processing', dueAt: DUE });
    const entries = await history(counter, file.id);
    expect(entries.map((h) => [h.status, h.deviceId, h.staffName])).toEqual([
      ['received', counter.deviceId, file.receivedBy.staffName],
      ['processing', office.deviceId, null],
    ]);
    // The counter's change made before it heard of the office's one is refused, not applied twice.
    const stale = await push(counter, [statusMutation(2, counter, file.id, 'received', 'processing')]);
    expect(stale.results[0]!.reason).toMatch(/changed elsewhere/);
    expect((await feed(counter)).map((c) => c.status)).toEqual(['received', 'processing']);

    const theirs = await enrolTestDevice(app, 'OTHER');
    expect((await app.inject({ url: `/api/files/${file.id}/history`, headers: bearer(theirs) })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/files/${file.id}/history` })).statusCode).toBe(401);
  });
});

describe('satisfaction ratings', () => {
  it('stores a rating once per id, refuses a different one under the same id and an invalid one, and adds nothing to the feed', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const kiosk = await enrolTestDevice(app, 'VB11824', undefined, 'kiosk');
    const file = makeFile(counter, 1);
    await push(counter, [createMutation(1, file)]);
    const rate = (payload: unknown) => app.inject({ method: 'POST', url: API_PATHS.ratings, headers: bearer(kiosk), payload: payload as object });
    const rating = ratingOf({ fileNumber: file.number, score: 3, reasons: ['Nhanh chóng', 'Thân thiện'] });
    const answers = [await rate(rating), await rate(rating), await rate({ ...rating, score: 1 }), await rate(ratingOf({ score: 5 as never })), await rate(ratingOf({ fileNumber: null, score: 4 }))];
    expect(answers.map((a) => a.statusCode)).toEqual([201, 200, 409, 400, 201]);
    expect(answers[2]!.json()).toMatchObject({ error: 'conflict', reason: expect.stringMatching(/another rating with id/) });

    const ratings = await temp.store.listRatings('VB11824');
    expect(ratings.ok && ratings.value.map((r) => [r.fileNumber, r.score, r.reasons])).toEqual([
      [file.number, 3, ['Nhanh chóng', 'Thân thiện']],
      [null, 4, []],
    ]);
    expect(await temp.store.listRatings('OTHER')).toEqual({ ok: true, value: [] });
    expect((await feed(counter)).map((c) => c.status)).toEqual(['received']);
  });

  it('have one path: a rating pushed as a mutation is refused as an unknown kind, and the push moves on', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1);
    const pushed = { seq: 2, id: randomUUID(), kind: 'rating.create', at: FIXTURE_NOW.toISOString(), payload: ratingOf({ fileNumber: file.number, score: 4 }) };
    const answer = await push(counter, [createMutation(1, file), pushed, createMutation(3, makeFile(counter, 2))]);
    expect(answer.results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['applied', null],
      ['rejected', 'syncReason.unknownKind'],
      ['applied', null],
    ]);
    expect(await temp.store.listRatings('VB11824')).toEqual({ ok: true, value: [] });
  });
});

describe('the schema upgrade', () => {
  it('gives files stored before the life of a file a "received" history row, their due date and location', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-upgrade-'));
    try {
      const db = new Database(join(dir, SQLITE_FILE));
      db.exec(MIGRATIONS[0]!);
      db.pragma('user_version = 1');
      db.exec(`INSERT INTO centers VALUES ('VB11824', 'Trung tâm', 'x', '2027-01-01T00:00:00Z');
        INSERT INTO devices (id, center_code, code, name, location_code, role, token_hash, enrolled_at) VALUES ('d1', 'VB11824', 'D01', 'Quầy', 'Q1', 'counter', 'h', '2027-01-01T00:00:00Z');`);
      const record = { receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' }, locationCode: 'Q1', dueAt: DUE };
      db.prepare(
        `INSERT INTO files (id, center_code, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at)
         VALUES ('f1', 'VB11824', 'VB11824-D01-20270301-0001', 'd1', '1.001193', 'processing', ?, 'h', '2027-03-01T08:00:00+07:00', '2027-03-01T01:00:01Z')`,
      ).run(JSON.stringify(record));
      db.exec(`INSERT INTO status_feed (center_code, file_id, number, status, changed_at, note) VALUES
        ('VB11824', 'f1', 'VB11824-D01-20270301-0001', 'received', '2027-03-01T08:00:00+07:00', NULL),
        ('VB11824', 'f1', 'VB11824-D01-20270301-0001', 'processing', '2027-03-01T09:00:00Z', NULL);`);
      db.close();

      const opened = openSqliteStore(dir);
      if (!opened.ok) throw new Error(opened.error);
      const store = opened.value;
      const entries = await store.statusHistory('VB11824', 'f1');
      expect(entries.ok && entries.value.map((h) => [h.status, h.at, h.staffName, h.location])).toEqual([
        ['received', '2027-03-01T08:00:00+07:00', 'Trần Thị Bình', 'Q1'],
        ['processing', '2027-03-01T09:00:00Z', null, 'Q1'],
      ]);
      const pulled = await store.statusesSince('VB11824', 0, 10);
      expect(pulled.ok && pulled.value.changes.map((c) => c.dueAt)).toEqual([DUE, DUE]);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
