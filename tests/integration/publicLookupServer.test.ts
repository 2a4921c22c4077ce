/**
 * The public kiosk API, over a real SQLite file: a file's state by its receipt number (nothing about
 * the citizen), and ratings that need no enrolment, stored once per id.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ENROL_RATE_LIMIT } from '../../server/routes/devices.ts';
import { PUBLIC_RATE_LIMIT } from '../../server/routes/publicLookup.ts';
import { apiErrorSchema, pushResponseSchema, SYNC_PATHS } from '../../shared/sync/protocol.ts';
import { PUBLIC_PATHS, publicFileStatusSchema } from '../../shared/sync/publicApi.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, createMutation, enrolTestDevice, makeFile } from '../support/syncFixtures.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB11824'] }, (ready) => ({ app, temp } = ready));

const DUE = '2027-03-04T17:00:00+07:00';

describe('public file status', () => {
  it('answers the state and due date of a known number, without a token and without the citizen', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1, { dueAt: DUE });
    const pushed = await app.inject({ method: 'POST', url: SYNC_PATHS.push, headers: bearer(counter), payload: { mutations: [createMutation(1, file)] } });
    expect(pushResponseSchema.parse(pushed.json()).results[0]?.status).toBe('applied');

    const res = await app.inject({ url: PUBLIC_PATHS.fileStatus(file.number.toLowerCase()) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(publicFileStatusSchema.parse(body)).toEqual({ number: file.number, status: 'received', dueAt: DUE, changedAt: file.receivedAt });
    expect(Object.keys(body).sort()).toEqual(['changedAt', 'dueAt', 'number', 'status']);
    expect(res.body).not.toContain(file.citizen.fullName);
    expect(res.body).not.toContain(file.citizen.idNumber);
  });

  it('answers the latest status and when it changed, after a change on the server', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 1, { dueAt: DUE });
    await app.inject({ method: 'POST', url: SYNC_PATHS.push, headers: bearer(counter), payload: { mutations: [createMutation(1, file)] } });
    const changed = await app.inject({ method: 'POST', url: SYNC_PATHS.fileStatus(file.id), headers: bearer(counter), payload: { status: 'processing', note: null } });
    expect(changed.statusCode, changed.body).toBe(200);
    const feed = changed.json<{ changedAt: string }>();

    const res = await app.inject({ url: PUBLIC_PATHS.fileStatus(file.number) });
    expect(publicFileStatusSchema.parse(res.json())).toEqual({ number: file.number, status: 'processing', dueAt: DUE, changedAt: feed.changedAt });
  });

  it('says 404 for a well-formed number it does not know and 400 for anything else', async () => {
    const unknown = await app.inject({ url: PUBLIC_PATHS.fileStatus('VB11824-D09-20270301-0001') });
    expect(unknown.statusCode).toBe(404);
    expect(apiErrorSchema.parse(unknown.json()).error).toBe('not_found');
    const otherCenter = await app.inject({ url: PUBLIC_PATHS.fileStatus('NOWHERE-D01-20270301-0001') });
    expect(otherCenter.statusCode).toBe(404);
    for (const garbage of ['hello', 'VB11824-D01-20270231-0001', "x' OR 1=1"]) {
      const res = await app.inject({ url: PUBLIC_PATHS.fileStatus(encodeURIComponent(garbage)) });
      expect(res.statusCode, garbage).toBe(400);
      expect(apiErrorSchema.parse(res.json()).error).toBe('invalid_number');
    }
  });
});

describe('public ratings', () => {
  const rating = (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    fileNumber: 'VB11824-D01-20270301-0001',
    score: 4,
    reasons: ['fast'],
    at: '2027-03-04T09:00:00+07:00',
    ...overrides,
  });

  it('stores a rating once: 201, then 200 for the same rating, 409 for other content under its id', async () => {
    const given = rating();
    const first = await app.inject({ method: 'POST', url: PUBLIC_PATHS.ratings, payload: given });
    expect(first.statusCode, first.body).toBe(201);
    const again = await app.inject({ method: 'POST', url: PUBLIC_PATHS.ratings, payload: given });
    expect(again.statusCode).toBe(200);
    const changed = await app.inject({ method: 'POST', url: PUBLIC_PATHS.ratings, payload: { ...given, score: 1 } });
    expect(changed.statusCode).toBe(409);
    const stored = await temp.store.listRatings('VB11824');
    expect(stored.ok && stored.value).toEqual([{ ...given, centerCode: 'VB11824', deviceId: null }]);
  });

  it('files a visit rating under the center the kiosk names, and refuses a malformed one', async () => {
    const visit = rating({ fileNumber: null, score: 2, reasons: [] });
    expect((await app.inject({ method: 'POST', url: `${PUBLIC_PATHS.ratings}?center=vb11824`, payload: visit })).statusCode).toBe(201);
    const stored = await temp.store.listRatings('VB11824');
    expect(stored.ok && stored.value.map((r) => r.id)).toEqual([visit.id]);
    const bad = await app.inject({ method: 'POST', url: PUBLIC_PATHS.ratings, payload: rating({ score: 5 }) });
    expect(bad.statusCode).toBe(400);
  });
});

describe('public lookups are rate-limited', () => {
  it('answers 429 with a reason once one address asks too often, and only for the public routes', async () => {
    const url = PUBLIC_PATHS.fileStatus('VB11824-D01-20270301-0001');
    const codes: number[] = [];
    for (let i = 0; i < PUBLIC_RATE_LIMIT.max + 1; i += 1) codes.push((await app.inject(url)).statusCode);
    expect(codes.slice(0, PUBLIC_RATE_LIMIT.max).every((c) => c === 404)).toBe(true);
    const limited = await app.inject(url);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited', reason: expect.stringMatching(/try again/) });
    // Another address, and the rest of the API, are not affected.
    expect((await app.inject({ url, remoteAddress: '10.9.9.9' })).statusCode).toBe(404);
    expect((await app.inject('/api/catalog/version')).statusCode).toBe(200);
  });
});

describe('enrolment is rate-limited', () => {
  it('answers the 21st attempt from one address with 429, so enrolment codes cannot be guessed quickly', async () => {
    const guess = (enrolmentCode: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: SYNC_PATHS.enrol,
        remoteAddress,
        payload: { centerCode: 'VB11824', enrolmentCode, locationCode: null, deviceName: 'Quầy 9', role: 'counter' },
      });
    const codes: number[] = [];
    for (let i = 0; i < ENROL_RATE_LIMIT.max; i += 1) codes.push((await guess(`guess-${i}`, '10.1.1.1')).statusCode);
    expect(ENROL_RATE_LIMIT.max).toBe(20);
    expect(codes.every((c) => c === 401)).toBe(true);
    const limited = await guess('enrol-VB11824', '10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(apiErrorSchema.parse(limited.json())).toMatchObject({ error: 'rate_limited', reason: expect.stringMatching(/try again/) });
    // Another address still enrols with the right code.
    expect((await guess('enrol-VB11824', '10.2.2.2')).statusCode).toBe(201);
  });
});
