/**
 * The sync server's routes over a real SQLite file, through Fastify's inject: enrolment, device
 * auth, validation, exactly-once push, sequence gaps, per-item rejection, center isolation and the
 * status feed.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { hashDeviceToken } from '../../server/auth/secrets.ts';
import { DEMO_CENTER, ensureDemoCenter } from '../../server/centers/addCenter.ts';
import { prepareMutation } from '../../server/sync/prepareMutation.ts';
import { apiErrorSchema, enrolResponseSchema, pushResponseSchema, sequenceGapSchema, statusPullResponseSchema, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import { fileRecordSchema } from '../../shared/files/fileRecord.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, cancelMutation, createMutation, enrolTestDevice, makeFile, testEnrolmentCode } from '../support/syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB11824', 'OTHER'] }, (ready) => ({ app, temp } = ready));

const push = (device: EnrolResponse, mutations: Mutation[]) =>
  app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations } });

const count = async (center: string): Promise<number> => {
  const n = await temp.store.countFiles(center);
  if (!n.ok) throw new Error(n.error.reason);
  return n.value;
};

describe('device enrolment', () => {
  const body = { centerCode: 'VB11824', enrolmentCode: testEnrolmentCode('VB11824'), locationCode: null, deviceName: 'Quầy 2', role: 'counter' };

  it('gives each device its own token and the next short code in its center', async () => {
    const first = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: body });
    const second = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { ...body, role: 'kiosk' } });
    const other = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { ...body, centerCode: 'OTHER', enrolmentCode: testEnrolmentCode('OTHER') } });
    expect(first.statusCode).toBe(201);
    const a = enrolResponseSchema.parse(first.json());
    const b = enrolResponseSchema.parse(second.json());
    expect([a.deviceCode, b.deviceCode, enrolResponseSchema.parse(other.json()).deviceCode]).toEqual(['D01', 'D02', 'D01']);
    expect(a).toMatchObject({ centerCode: 'VB11824', centerName: 'Trung tâm VB11824', role: 'counter', locationCode: null });
    expect(b.role).toBe('kiosk');
    expect(a.token).not.toBe(b.token);
  });

  it('answers a wrong code and an unknown center alike (401, same body), so the answer does not tell which centers exist', async () => {
    const wrong = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { ...body, enrolmentCode: testEnrolmentCode('OTHER') } });
    const unknown = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { ...body, centerCode: 'NOPE' } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(apiErrorSchema.parse(wrong.json())).toMatchObject({ error: 'wrong_enrolment_code', reason: expect.stringMatching(/not right/) });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('seeds the demo center once, and devices enrol with its public code', async () => {
    expect(await ensureDemoCenter(temp.store)).toEqual({ ok: true, value: 'created' });
    expect(await ensureDemoCenter(temp.store)).toEqual({ ok: true, value: 'present' });
    const device = await enrolTestDevice(app, DEMO_CENTER.code, DEMO_CENTER.enrolmentCode);
    expect(device).toMatchObject({ centerCode: 'DEMO', centerName: 'Trung tâm PVHCC (demo)', deviceCode: 'D01' });
  });

  it('answers a bad body with 400 and a reason, enrolling nothing', async () => {
    const bad = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { ...body, role: 'printer' } });
    expect(bad.statusCode).toBe(400);
    expect(apiErrorSchema.parse(bad.json()).reason).toMatch(/role/);
    const malformed = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, headers: { 'content-type': 'application/json' }, payload: '{"centerCode":' });
    expect(malformed.statusCode).toBe(400);
    expect(apiErrorSchema.safeParse(malformed.json()).success).toBe(true);
    const next = enrolResponseSchema.parse((await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: body })).json());
    expect(next.deviceCode).toBe('D01');
  });
});

describe('device authentication', () => {
  it('refuses a missing, unknown or revoked token with 401 and a reason', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const payload = { mutations: [createMutation(1, makeFile(device, 1))] };
    const missing = await app.inject({ method: 'POST', url: API_PATHS.sync.push, payload });
    expect(missing.statusCode).toBe(401);
    expect(apiErrorSchema.parse(missing.json()).error).toBe('unauthenticated');
    const unknown = await app.inject({ method: 'GET', url: API_PATHS.sync.statuses, headers: { authorization: 'Bearer not-a-real-token-at-all' } });
    expect(unknown.statusCode).toBe(401);
    expect(apiErrorSchema.parse(unknown.json()).error).toBe('unknown_device');

    expect((await app.inject({ method: 'GET', url: API_PATHS.sync.statuses, headers: bearer(device) })).statusCode).toBe(200);
    const revoked = await temp.store.revokeDevice(device.deviceId);
    expect(revoked.ok && revoked.value.revokedAt).toBeTruthy();
    const after = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload });
    expect(after.statusCode).toBe(401);
    expect(apiErrorSchema.parse(after.json())).toMatchObject({ error: 'revoked_device', reason: expect.stringMatching(/revoked/) });
    expect((await app.inject({ method: 'GET', url: '/api/files', headers: bearer(device) })).statusCode).toBe(401);
    expect(await count('VB11824')).toBe(0);
  });

  it('applies nothing of a push whose device was revoked after the push was authenticated', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const stored = await temp.store.findDeviceByTokenHash(hashDeviceToken(device.token));
    if (!stored.ok || !stored.value) throw new Error('device not stored');
    // The request was authenticated (its device read) just before the revocation committed.
    const prepared = [prepareMutation(createMutation(1, makeFile(device, 1)), stored.value, app.serverNow())];
    expect((await temp.store.revokeDevice(device.deviceId)).ok).toBe(true);
    const applied = await temp.store.applyPush(device.deviceId, prepared);
    expect(applied).toMatchObject({ ok: false, error: { kind: 'revoked' } });
    expect(await count('VB11824')).toBe(0);
  });
});

describe('the HTTP edge', () => {
  it('answers CORS preflights for the Electron shell and refuses an oversized body in the error shape', async () => {
    const preflight = await app.inject({ method: 'OPTIONS', url: API_PATHS.sync.push, headers: { origin: 'app://motcua', 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
    const device = await enrolTestDevice(app, 'VB11824');
    const huge = await app.inject({
      method: 'POST',
      url: API_PATHS.sync.push,
      headers: { ...bearer(device), 'content-type': 'application/json' },
      payload: `{"mutations":"${'x'.repeat(65 * 1024 * 1024)}"}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(apiErrorSchema.parse(huge.json()).reason).toMatch(/too large/);
  });
});

describe('push', () => {
  it('answers a bad envelope with 400 and a reason, and changes nothing', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(device, 1);
    const bodies: unknown[] = [
      {},
      { mutations: [] },
      { mutations: [{ ...createMutation(1, file), seq: 0 }] },
      { mutations: [createMutation(1, file), createMutation(3, makeFile(device, 2))] },
      { mutations: [{ ...createMutation(1, file), id: 'not-a-uuid' }] },
    ];
    for (const payload of bodies) {
      const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: payload as object });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(apiErrorSchema.parse(res.json()).reason.length).toBeGreaterThan(5);
    }
    expect(await count('VB11824')).toBe(0);
    // The device's sequence did not move: seq 1 is still the next one expected.
    const ok = pushResponseSchema.parse((await push(device, [createMutation(1, file)])).json());
    expect(ok).toEqual({ lastAppliedSeq: 1, results: [{ seq: 1, status: 'applied', reason: null }] });
  });

  it('applies the same push sent three times once, answering the last applied number each time', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const mutations = [1, 2, 3].map((n) => createMutation(n, makeFile(device, n)));
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(pushResponseSchema.parse((await push(device, mutations)).json()));
    expect(answers[0]).toEqual({ lastAppliedSeq: 3, results: [1, 2, 3].map((seq) => ({ seq, status: 'applied', reason: null })) });
    for (const again of answers.slice(1)) {
      expect(again).toEqual({ lastAppliedSeq: 3, results: [1, 2, 3].map((seq) => ({ seq, status: 'duplicate', reason: null })) });
    }
    expect(await count('VB11824')).toBe(3);
    expect(await temp.store.findDuplicateFiles('VB11824')).toEqual({ ok: true, value: [] });

    // A push overlapping what was applied applies only the new tail.
    const overlap = pushResponseSchema.parse((await push(device, [mutations[2]!, createMutation(4, makeFile(device, 4))])).json());
    expect(overlap.results.map((r) => r.status)).toEqual(['duplicate', 'applied']);
    expect(overlap.lastAppliedSeq).toBe(4);

    // The stored file is the pushed one, attachments included.
    const file = mutations[0]!.payload as { id: string };
    const read = await app.inject({ url: `/api/files/${file.id}`, headers: bearer(device) });
    expect(fileRecordSchema.parse(read.json())).toEqual(file);
  });

  it('refuses a push that skips numbers with 409 and applies none of it', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    await push(device, [createMutation(1, makeFile(device, 1))]);
    const gap = await push(device, [createMutation(3, makeFile(device, 3)), createMutation(4, makeFile(device, 4))]);
    expect(gap.statusCode).toBe(409);
    expect(sequenceGapSchema.parse(gap.json())).toEqual({ error: 'sequence_gap', lastAppliedSeq: 1 });
    expect(await count('VB11824')).toBe(1);
  });

  it('rejects an invalid item with a reason, still advancing the sequence, and replays the rejection', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const good = makeFile(device, 1);
    const mutations = [
      createMutation(1, good),
      createMutation(2, { ...makeFile(device, 2), citizen: { ...good.citizen, idNumber: '123' } }),
      { ...createMutation(3, makeFile(device, 3)), kind: 'file.teleport' },
      createMutation(4, makeFile(device, 4, { centerCode: 'OTHER' })),
      createMutation(5, makeFile(device, 5, { deviceId: 'someone-else' })),
      createMutation(6, makeFile(device, 6, { number: 'VB11824-D09-20270301-0006' })),
      createMutation(7, { ...good, notes: 'same id, different content' }),
      createMutation(8, { ...good }),
      createMutation(9, makeFile(device, 9, { number: good.number })),
      cancelMutation(10, '7d0b5f4e-8a54-4c1e-9d0e-2b7f3c1a9e11'),
      createMutation(11, makeFile(device, 11)),
    ];
    const res = await push(device, mutations);
    expect(res.statusCode).toBe(200);
    const answer = pushResponseSchema.parse(res.json());
    expect(answer.lastAppliedSeq).toBe(11);
    expect(answer.results.map((r) => [r.seq, r.status])).toEqual([
      [1, 'applied'],
      [2, 'rejected'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'rejected'],
      [7, 'rejected'],
      [8, 'duplicate'],
      [9, 'rejected'],
      [10, 'rejected'],
      [11, 'applied'],
    ]);
    const reasons = Object.fromEntries(answer.results.map((r) => [r.seq, r.reason]));
    expect(reasons[2]).toMatch(/citizen\.idNumber/);
    expect(reasons[3]).toMatch(/unknown mutation kind "file.teleport"/);
    expect(reasons[4]).toMatch(/center OTHER/);
    expect(reasons[5]).toMatch(/device/);
    expect(reasons[6]).toMatch(/must start with VB11824-D01-/);
    expect(reasons[7]).toMatch(/already on the server/);
    expect(reasons[9]).toMatch(/already used/);
    expect(reasons[10]).toMatch(/no file/);
    expect(await count('VB11824')).toBe(2);

    // The response was lost, the device resends: the rejections come back the same, nothing applies twice.
    const replay = pushResponseSchema.parse((await push(device, mutations)).json());
    expect(replay.results.map((r) => r.status)).toEqual(answer.results.map((r) => (r.status === 'applied' ? 'duplicate' : r.status)));
    expect(replay.results.filter((r) => r.status === 'rejected').map((r) => r.reason)).toEqual(
      answer.results.filter((r) => r.status === 'rejected').map((r) => r.reason),
    );
    expect(await count('VB11824')).toBe(2);
  });

  it('keeps centers apart: files, status changes and the feed', async () => {
    const mine = await enrolTestDevice(app, 'VB11824');
    const theirs = await enrolTestDevice(app, 'OTHER');
    const file = makeFile(mine, 1);
    await push(mine, [createMutation(1, file)]);
    await push(theirs, [createMutation(1, makeFile(theirs, 1)), createMutation(2, makeFile(theirs, 2))]);

    const listed = await app.inject({ url: '/api/files', headers: bearer(theirs) });
    expect(listed.json().total).toBe(2);
    expect(listed.json().files.some((f: { id: string }) => f.id === file.id)).toBe(false);
    expect((await app.inject({ url: `/api/files/${file.id}`, headers: bearer(theirs) })).statusCode).toBe(404);
    const change = await app.inject({
      method: 'POST',
      url: API_PATHS.files.status.at(file.id),
      headers: bearer(theirs),
      payload: { status: 'done', note: null },
    });
    expect(change.statusCode).toBe(404);
    // Cancelling another center's file is refused per item.
    const cancel = pushResponseSchema.parse((await push(theirs, [cancelMutation(3, file.id)])).json());
    expect(cancel.results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/no file/) });

    const feed = statusPullResponseSchema.parse((await app.inject({ url: API_PATHS.sync.statuses, headers: bearer(theirs) })).json());
    expect(feed.changes.map((c) => c.number).sort()).toEqual(['OTHER-D01-20270301-0001', 'OTHER-D01-20270301-0002']);
    expect(await count('VB11824')).toBe(1);
    expect(await count('OTHER')).toBe(2);
  });
});

describe('the status feed', () => {
  it('hands out received files, server-side changes and withdrawals in order, page by page', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const office = await enrolTestDevice(app, 'VB11824');
    const files = [1, 2, 3].map((n) => makeFile(counter, n));
    await push(counter, files.map((f, i) => createMutation(i + 1, f)));

    const first = statusPullResponseSchema.parse((await app.inject({ url: `${API_PATHS.sync.statuses}?since=0&limit=2`, headers: bearer(counter) })).json());
    expect(first.changes.map((c) => [c.number, c.status])).toEqual([
      [files[0]!.number, 'received'],
      [files[1]!.number, 'received'],
    ]);
    expect(first.more).toBe(true);

    const started = await app.inject({ method: 'POST', url: API_PATHS.files.status.at(files[0]!.id), headers: bearer(office), payload: { status: 'processing', note: null } });
    expect(started.statusCode).toBe(200);
    const moved = await app.inject({
      method: 'POST',
      url: API_PATHS.files.status.at(files[0]!.id),
      headers: bearer(office),
      payload: { status: 'needs_supplement', note: 'Thiếu bản sao giấy chứng sinh' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ fileId: files[0]!.id, status: 'needs_supplement' });
    const bad = await app.inject({ method: 'POST', url: API_PATHS.files.status.at(files[0]!.id), headers: bearer(office), payload: { status: 'lost' } });
    expect(bad.statusCode).toBe(400);
    await push(counter, [cancelMutation(4, files[1]!.id, 'công dân xin rút')]);

    const rest = statusPullResponseSchema.parse(
      (await app.inject({ url: `${API_PATHS.sync.statuses}?since=${first.cursor}&limit=10`, headers: bearer(counter) })).json(),
    );
    expect(rest.changes.map((c) => [c.number, c.status, c.note])).toEqual([
      [files[2]!.number, 'received', null],
      [files[0]!.number, 'processing', null],
      [files[0]!.number, 'needs_supplement', 'Thiếu bản sao giấy chứng sinh'],
      [files[1]!.number, 'withdrawn', 'công dân xin rút'],
    ]);
    expect(rest.more).toBe(false);
    const empty = statusPullResponseSchema.parse((await app.inject({ url: `${API_PATHS.sync.statuses}?since=${rest.cursor}`, headers: bearer(counter) })).json());
    expect(empty).toEqual({ cursor: rest.cursor, changes: [], more: false });
    expect((await app.inject({ url: `${API_PATHS.sync.statuses}?since=-1`, headers: bearer(counter) })).statusCode).toBe(400);

    const byNumber = await app.inject({ url: `/api/files?number=${files[1]!.number}`, headers: bearer(office) });
    expect(byNumber.json()).toMatchObject({ total: 1, files: [{ id: files[1]!.id, status: 'withdrawn', attachments: 1 }] });
  });
});
