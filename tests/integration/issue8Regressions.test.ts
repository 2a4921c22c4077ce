/**
 * Issue 8's findings replayed as they were reported, through the HTTP API and the store only (no
 * helper added by the fix), so the same file runs against the code before the fix (where each one
 * failed) and after it. The detailed behaviour is tested in routeRoles, publicLookupServer,
 * enrolmentLimits, badInputs and serverOperations.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { addCenter } from '../../server/centers/addCenter.ts';
import { openSqliteStore, SQLITE_FILE } from '../../server/store/sqliteStore.ts';
import type { SyncStore } from '../../server/store/store.ts';
import { computeCenterStats } from '../../shared/stats/centerStats.ts';
import { enrolResponseSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { makeFile } from '../support/syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const CODE = 'enrolment-code-VB11824';
const NOW = new Date('2027-03-05T02:00:00Z');
let dir: string;
let store: SyncStore;
let app: FastifyInstance;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-issue8-'));
  const opened = openSqliteStore(dir);
  if (!opened.ok) throw new Error(opened.error);
  store = opened.value;
  const added = await addCenter(store, { code: 'VB11824', name: 'Trung tâm', enrolmentCode: CODE });
  if (!added.ok) throw new Error(added.error);
  // A short enrolment slow-down keeps the test quick; the code before the fix had no such option.
  app = await createApp({
    store,
    webRoot: null,
    now: () => NOW,
    enrolmentGuard: { perAddress: 10, perCenter: 30, windowMs: 60_000, lockedIntervalMs: 20, maxWaitMs: 5_000, concurrentChecks: 2 },
  });
});
afterEach(async () => {
  await app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const enrol = async (role: 'kiosk' | 'counter', remoteAddress = '10.0.0.1'): Promise<EnrolResponse> => {
  const res = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, remoteAddress, payload: { centerCode: 'VB11824', enrolmentCode: CODE, locationCode: null, deviceName: role, role } });
  return enrolResponseSchema.parse(res.json());
};
const auth = (d: EnrolResponse) => ({ authorization: `Bearer ${d.token}` });
const push = (d: EnrolResponse, files: unknown[]) =>
  app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: auth(d), payload: { mutations: files.map((payload, i) => ({ seq: i + 1, id: randomUUID(), kind: 'file.create', at: NOW.toISOString(), payload })) } });

describe('issue 8, as reported', () => {
  it('a kiosk token cannot list the files, read a citizen or move a file to done', async () => {
    const counter = await enrol('counter');
    const kiosk = await enrol('kiosk');
    const file = makeFile(counter, 1);
    await push(counter, [file]);
    const answers = [
      await app.inject({ url: '/api/files', headers: auth(kiosk) }),
      await app.inject({ url: `/api/files/${file.id}`, headers: auth(kiosk) }),
      await app.inject({ method: 'POST', url: `/api/files/${file.id}/status`, headers: auth(kiosk), payload: { status: 'processing', note: null } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403]);
    expect(answers.map((a) => a.body).join('')).not.toContain(file.citizen.idNumber);
  });

  it("one anonymous POST dated 2099 does not override a kiosk's rating in the figures", async () => {
    const counter = await enrol('counter');
    const file = makeFile(counter, 1);
    await push(counter, [file]);
    // An enrolled device rates the file 4 (as the kiosk does); then the anonymous post says 1, dated 2099.
    await app.inject({ method: 'POST', url: API_PATHS.ratings, headers: auth(counter), payload: { id: randomUUID(), fileNumber: file.number, score: 4, reasons: [], at: NOW.toISOString() } });
    await app.inject({ method: 'POST', url: '/api/public/ratings', payload: { id: randomUUID(), fileNumber: file.number, score: 1, reasons: [], at: '2099-01-01T00:00:00+07:00' } });
    const summaries = await store.fileSummaries({ centerCode: 'VB11824', fromMs: Date.UTC(2027, 1, 28), toMs: Date.UTC(2027, 2, 3) });
    if (!summaries.ok) throw new Error(summaries.error.reason);
    expect(summaries.value.map((s) => s.rating)).toEqual([4]);
    const stats = computeCenterStats(summaries.value, { from: '2027-03-01', to: '2027-03-02', now: NOW, centerCode: 'VB11824', series: 'day' });
    expect(stats.ok && stats.value.total.satisfied).toBe(1);
  });

  it('sequential numbers alone do not find files through the public lookup', async () => {
    const counter = await enrol('counter');
    const files = Array.from({ length: 5 }, (_, i) => makeFile(counter, i + 1));
    await push(counter, files);
    const found = [];
    for (const f of files) found.push((await app.inject({ url: `/api/public/files/${f.number}` })).statusCode);
    expect(found.filter((c) => c === 200)).toEqual([]);
  });

  it('the right enrolment code from an address that guessed wrong 20 times enrols', async () => {
    for (let i = 0; i < 20; i += 1) {
      await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, remoteAddress: '10.9.9.9', payload: { centerCode: 'VB11824', enrolmentCode: `wrong-guess-number-${i}`, locationCode: null, deviceName: 'x', role: 'counter' } });
    }
    const right = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, remoteAddress: '10.9.9.9', payload: { centerCode: 'VB11824', enrolmentCode: CODE, locationCode: null, deviceName: 'x', role: 'counter' } });
    expect(right.statusCode).toBe(201);
  });

  it('the enrolment answer does not tell whether a center exists', async () => {
    const body = { enrolmentCode: 'wrong-enrolment-code', locationCode: null, deviceName: 'x', role: 'counter' };
    const wrong = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { ...body, centerCode: 'VB11824' } });
    const unknown = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { ...body, centerCode: 'NOWHERE' } });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.body).toBe(wrong.body);
  });

  it('a 4-character enrolment code cannot be set up', async () => {
    const added = await addCenter(store, { code: 'XA01', name: 'Xã', enrolmentCode: 'abcd' });
    expect(added.ok).toBe(false);
  });

  it('the enrolment route does not read a 5 MB unauthenticated body', async () => {
    const res = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pad: 'x'.repeat(5 * 1024 * 1024) }) });
    expect(res.statusCode).toBe(413);
  });

  it('a file received in year 0000, or due before it was received, is refused', async () => {
    const counter = await enrol('counter');
    const res = await push(counter, [makeFile(counter, 1, { receivedAt: '0000-06-01T03:00:00.000Z' }), makeFile(counter, 2, { dueAt: '2027-02-01T10:00:00.000Z' })]);
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('an empty 0-byte database does not start as a new, empty server', async () => {
    const other = await mkdtemp(join(tmpdir(), 'motcua-issue8-empty-'));
    await writeFile(join(other, SQLITE_FILE), '');
    const opened = openSqliteStore(other);
    if (opened.ok) await opened.value.close();
    await rm(other, { recursive: true, force: true });
    expect(opened.ok).toBe(false);
  });

  it('answers with security headers', async () => {
    const res = await app.inject('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
