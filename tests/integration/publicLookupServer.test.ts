/**
 * The public kiosk API, over a real SQLite file: a file's state by its receipt number AND lookup
 * code (nothing about the citizen; sequential numbers alone find nothing), and ratings: one counts
 * per file, at the server's time of receipt, and an anonymous one counts only with the lookup code.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PUBLIC_RATE_LIMIT } from '../../server/routes/publicLookup.ts';
import { newLookupCode } from '../../shared/files/lookupCode.ts';
import { computeCenterStats } from '../../shared/stats/centerStats.ts';
import { apiErrorSchema, pushResponseSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { publicFileStatusSchema, ratingAnswerSchema } from '../../shared/sync/publicApi.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, createMutation, enrolTestDevice, FIXTURE_NOW, makeFile } from '../support/syncFixtures.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB11824'] }, (ready) => ({ app, temp } = ready));

const DUE = '2027-03-04T17:00:00+07:00';

async function pushedFiles(device: EnrolResponse, count: number): Promise<FileRecord[]> {
  const files = Array.from({ length: count }, (_, i) => makeFile(device, i + 1, { dueAt: DUE }));
  const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations: files.map((f, i) => createMutation(i + 1, f)) } });
  expect(pushResponseSchema.parse(res.json()).results.every((r) => r.status === 'applied'), res.body).toBe(true);
  return files;
}

describe('public file status', () => {
  it('answers the state and due date for the number with its lookup code, without a token and without the citizen', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const [file] = await pushedFiles(counter, 1);
    // Typed in lower case with the dash the receipt prints: still the file.
    const typed = `${file!.lookupCode!.slice(0, 4)}-${file!.lookupCode!.slice(4)}`.toLowerCase();
    const res = await app.inject({ url: API_PATHS.public.fileStatus.at(file!.number.toLowerCase(), { code: typed }) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(publicFileStatusSchema.parse(body)).toEqual({ number: file!.number, status: 'received', dueAt: DUE, changedAt: file!.receivedAt });
    expect(Object.keys(body).sort()).toEqual(['changedAt', 'dueAt', 'number', 'status']);
    expect(res.body).not.toContain(file!.citizen.fullName);
    expect(res.body).not.toContain(file!.citizen.idNumber);
  });

  it('finds none of 43 sequential numbers without their codes: the walk that found 43 of 43 files', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const files = await pushedFiles(counter, 43);
    const answers: number[] = [];
    for (const file of files) {
      answers.push((await app.inject({ url: API_PATHS.public.fileStatus.at(file.number) })).statusCode);
      answers.push((await app.inject({ url: API_PATHS.public.fileStatus.at(file.number, { code: newLookupCode() }) })).statusCode);
    }
    expect(answers.filter((c) => c === 200)).toEqual([]);
    expect(new Set(answers)).toEqual(new Set([400, 404]));
    // The same number with its own code is found.
    expect((await app.inject({ url: API_PATHS.public.fileStatus.at(files[7]!.number, { code: files[7]!.lookupCode }) })).statusCode).toBe(200);
  });

  it('answers a wrong code exactly as an unknown number, and a missing or malformed code with 400', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const [file] = await pushedFiles(counter, 1);
    const wrong = await app.inject({ url: API_PATHS.public.fileStatus.at(file!.number, { code: newLookupCode() }) });
    const unknown = await app.inject({ url: API_PATHS.public.fileStatus.at('VB11824-D09-20270301-0001', { code: file!.lookupCode }) });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(apiErrorSchema.parse(wrong.json()).error).toBe(apiErrorSchema.parse(unknown.json()).error);
    expect(apiErrorSchema.parse((await app.inject({ url: API_PATHS.public.fileStatus.at(file!.number) })).json()).error).toBe('missing_code');
    expect(apiErrorSchema.parse((await app.inject({ url: API_PATHS.public.fileStatus.at(file!.number, { code: 'O0O0I1I1' }) })).json()).error).toBe('invalid_code');
    for (const garbage of ['hello', 'VB11824-D01-20270231-0001', "x' OR 1=1"]) {
      const res = await app.inject({ url: API_PATHS.public.fileStatus.at(garbage, { code: file!.lookupCode }) });
      expect(res.statusCode, garbage).toBe(400);
      expect(apiErrorSchema.parse(res.json()).error).toBe('invalid_number');
    }
  });

  it('answers the latest status and when it changed, after a change on the server', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const [file] = await pushedFiles(counter, 1);
    const changed = await app.inject({ method: 'POST', url: API_PATHS.files.status.at(file!.id), headers: bearer(counter), payload: { status: 'processing', note: null } });
    expect(changed.statusCode, changed.body).toBe(200);
    const res = await app.inject({ url: API_PATHS.public.fileStatus.at(file!.number, { code: file!.lookupCode }) });
    expect(publicFileStatusSchema.parse(res.json())).toEqual({ number: file!.number, status: 'processing', dueAt: DUE, changedAt: FIXTURE_NOW.toISOString() });
  });
});

describe('ratings', () => {
  const rating = (overrides: Record<string, unknown> = {}) => ({ id: randomUUID(), fileNumber: null, score: 4, reasons: ['fast'], at: '2027-03-04T09:00:00+07:00', ...overrides });
  const figures = async () => {
    const summaries = await temp.store.fileSummaries({ centerCode: 'VB11824', fromMs: Date.UTC(2027, 1, 28), toMs: Date.UTC(2027, 2, 3) });
    if (!summaries.ok) throw new Error(summaries.error.reason);
    const stats = computeCenterStats(summaries.value, { from: '2027-03-01', to: '2027-03-02', now: FIXTURE_NOW, centerCode: 'VB11824', series: 'day' });
    if (!stats.ok) throw new Error(stats.error);
    return stats.value.total;
  };

  it("does not let an anonymous rating dated 2099 override a kiosk's: one counts per file, at the server's time", async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const kiosk = await enrolTestDevice(app, 'VB11824', undefined, 'kiosk');
    const [file] = await pushedFiles(counter, 1);
    const fromKiosk = await app.inject({ method: 'POST', url: API_PATHS.ratings, headers: bearer(kiosk), payload: rating({ fileNumber: file!.number, score: 4 }) });
    expect(fromKiosk.statusCode, fromKiosk.body).toBe(201);
    expect(ratingAnswerSchema.parse(fromKiosk.json())).toMatchObject({ status: 'applied', counted: true });

    // The attack as reported: an anonymous POST about the file, dated 2099, without the code.
    const attack = await app.inject({ method: 'POST', url: API_PATHS.public.ratings, payload: rating({ fileNumber: file!.number, score: 1, at: '2099-01-01T00:00:00+07:00' }) });
    expect(attack.statusCode).toBe(403);
    expect(apiErrorSchema.parse(attack.json()).error).toBe('lookup_code_required');
    // Even with the code, a second rating of the same file is kept but does not count.
    const second = await app.inject({ method: 'POST', url: API_PATHS.public.ratings, payload: rating({ fileNumber: file!.number, score: 1, at: '2099-01-01T00:00:00+07:00', lookupCode: file!.lookupCode }) });
    expect(ratingAnswerSchema.parse(second.json())).toMatchObject({ status: 'applied', counted: false });

    expect(await figures()).toMatchObject({ rated: 1, satisfied: 1 });
    const stored = await temp.store.listRatings('VB11824');
    expect(stored.ok && stored.value.map((r) => ({ score: r.score, at: r.at, counted: r.counted }))).toEqual([
      { score: 4, at: FIXTURE_NOW.toISOString(), counted: true },
      { score: 1, at: FIXTURE_NOW.toISOString(), counted: false },
    ]);
  });

  it('counts an anonymous rating that carries the lookup code, once per id: 201, 200 again, 409 for other content', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const [file] = await pushedFiles(counter, 1);
    const given = rating({ fileNumber: file!.number, lookupCode: file!.lookupCode, score: 2 });
    const first = await app.inject({ method: 'POST', url: API_PATHS.public.ratings, payload: given });
    expect(first.statusCode, first.body).toBe(201);
    expect(ratingAnswerSchema.parse(first.json()).counted).toBe(true);
    const again = await app.inject({ method: 'POST', url: API_PATHS.public.ratings, payload: given });
    expect(again.statusCode).toBe(200);
    const changed = await app.inject({ method: 'POST', url: API_PATHS.public.ratings, payload: { ...given, score: 1 } });
    expect(changed.statusCode).toBe(409);
    expect(await figures()).toMatchObject({ rated: 1, satisfied: 0 });
  });

  it("files a kiosk's home-screen rating under the kiosk's center (counted), an anonymous visit rating uncounted", async () => {
    const kiosk = await enrolTestDevice(app, 'VB11824', undefined, 'kiosk');
    const home = await app.inject({ method: 'POST', url: API_PATHS.ratings, headers: bearer(kiosk), payload: rating() });
    expect(ratingAnswerSchema.parse(home.json())).toMatchObject({ status: 'applied', counted: true });
    const anonymous = await app.inject({ method: 'POST', url: `${API_PATHS.public.ratings}?center=vb11824`, payload: rating({ score: 1 }) });
    expect(ratingAnswerSchema.parse(anonymous.json())).toMatchObject({ status: 'applied', counted: false });
    const stored = await temp.store.listRatings('VB11824');
    expect(stored.ok && stored.value.map((r) => [r.deviceId, r.counted])).toEqual([
      [kiosk.deviceId, true],
      [null, false],
    ]);
    const bad = await app.inject({ method: 'POST', url: API_PATHS.public.ratings, payload: rating({ score: 5 }) });
    expect(bad.statusCode).toBe(400);
  });
});

describe('public lookups are rate-limited', () => {
  it('answers 429 with a reason once one address asks too often, and only for the public routes', async () => {
    const url = API_PATHS.public.fileStatus.at('VB11824-D01-20270301-0001', { code: newLookupCode() });
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
