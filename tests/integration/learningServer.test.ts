/**
 * Learning from kiosk searches on the real server (Fastify inject, real SQLite, the real commune
 * catalog): kiosks send searches once, scrubbed again on the server; an admin's device lists what
 * found nothing or was abandoned, teaches a phrase (proved by a real search before it goes out) and
 * devices pull the new vocabulary version; searches go after 90 days, at start and on a timer; each
 * route only for its roles.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { centerVocabularySchema, type LearnedEntry } from '../../shared/learning/centerVocabulary.ts';
import { taughtAnswerSchema, teachAnswerSchema, teachProblemSchema, unmatchedAnswerSchema, type TeachRequest } from '../../shared/learning/learningApi.ts';
import { sessionUploadAnswerSchema, type SearchSession } from '../../shared/learning/searchSession.ts';
import type { EnrolResponse } from '../../shared/sync/protocol.ts';
import { enrolAs, searchSession } from '../support/learningFixtures.ts';
import { addTestCenter, bearer } from '../support/syncFixtures.ts';
import { openTempStore, type TempStore } from '../support/tempStore.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const DAY = 24 * 60 * 60 * 1000;
const SINGLE_STATUS = '1.004873';
let procedures: Procedure[];
let clock: Date;
let temp: TempStore;
let app: FastifyInstance;

beforeAll(async () => {
  const source = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
  if (!source.ok) throw new Error(source.error);
  procedures = source.value.procedures;
}, 60_000);

async function start(purgeEveryMs?: number): Promise<void> {
  app = await createApp({ store: temp.store, webRoot: null, learning: { now: () => clock, ...(purgeEveryMs ? { purgeEveryMs } : {}) } });
}

beforeEach(async () => {
  clock = new Date('2027-03-05T02:00:00Z');
  temp = await openTempStore();
  for (const center of ['C1', 'C2']) await addTestCenter(temp.store, center);
  const imported = await temp.store.replaceCatalog(procedures, 'procedures_commune.json');
  if (!imported.ok) throw new Error(imported.error.reason);
});
afterEach(async () => {
  await app.close();
  await temp.dispose();
});

const send = (device: EnrolResponse, sessions: unknown[]) => app.inject({ method: 'POST', url: API_PATHS.learning.sessions, headers: bearer(device), payload: { sessions } });
const unmatched = async (device: EnrolResponse) => {
  const res = await app.inject({ method: 'GET', url: API_PATHS.learning.unmatched, headers: bearer(device) });
  expect(res.statusCode, res.body).toBe(200);
  return unmatchedAnswerSchema.parse(res.json());
};
const teach = (device: EnrolResponse, request: TeachRequest) => app.inject({ method: 'POST', url: API_PATHS.learning.taught, headers: bearer(device), payload: request });
const ago = (days: number) => new Date(clock.getTime() - days * DAY);
const conSon: TeachRequest = { phrases: ['còn son', 'vẫn còn son'], target: { kind: 'procedures', codes: [SINGLE_STATUS] }, query: 'làm giấy còn son', by: { staffId: 's1', staffName: 'Nguyễn Thị Lan' } };

describe('kiosk searches on the server', () => {
  beforeEach(() => start());

  it('stores each search once, and a resend is a duplicate', async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    const sessions = [searchSession('làm giấy còn son', ago(1)), searchSession('khai sinh', ago(1), { outcome: 'chosen' })];
    const first = await send(kiosk, sessions);
    expect(first.statusCode, first.body).toBe(200);
    expect(sessionUploadAnswerSchema.parse(first.json()).results.map((r) => r.status)).toEqual(['stored', 'stored']);
    const again = await send(kiosk, sessions);
    expect(sessionUploadAnswerSchema.parse(again.json()).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await temp.store.countSearchSessions('C1')).toEqual({ ok: true, value: 2 });
  });

  it('refuses a bad search alone with its reason, keeps the rest, and does not keep expired ones', async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    const good = searchSession('làm giấy còn son', ago(2));
    const chosenWithoutCode = { ...searchSession('khai sinh', ago(2)), outcome: 'chosen' };
    const future = searchSession('giấy ở vậy', new Date(clock.getTime() + 3 * DAY));
    const old = searchSession('xin giấy còn son', ago(91));
    const onlyNumber = searchSession('001203004567', ago(1));
    const res = await send(kiosk, [good, chosenWithoutCode, future, old, onlyNumber, 'not a search']);
    expect(res.statusCode, res.body).toBe(200);
    const results = sessionUploadAnswerSchema.parse(res.json()).results;
    expect(results.map((r) => r.status)).toEqual(['stored', 'rejected', 'rejected', 'expired', 'rejected', 'rejected']);
    expect(results[1]!.reason).toMatch(/chosen/);
    expect(results[2]!.reason).toMatch(/clock/);
    expect(results[4]!.reason).toMatch(/numbers and names/);
    expect(await temp.store.countSearchSessions('C1')).toEqual({ ok: true, value: 1 });
  });

  it('scrubs numbers and names again, whatever the kiosk sent', async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    const admin = await enrolAs(app, 'C1', 'admin');
    await send(kiosk, [searchSession('giấy còn son cho Nguyễn Văn An cccd 001203004567', ago(1))]);
    const list = await unmatched(admin);
    expect(list.queries.map((q) => q.text)).toEqual(['giấy còn son cho cccd']);
  });

  it("lists a center's searches that found nothing or were abandoned, by folded query, most frequent first", async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    const otherCenter = await enrolAs(app, 'C2', 'kiosk');
    const admin = await enrolAs(app, 'C1', 'admin');
    await send(kiosk, [
      searchSession('làm giấy còn son', ago(3)),
      searchSession('lam giay con son', ago(2)),
      searchSession('Làm giấy còn son', ago(1), { outcome: 'abandoned' }),
      searchSession('làm giấy còn son', ago(5)),
      searchSession('giấy ở vậy', ago(4), { outcome: 'abandoned' }),
      searchSession('khai sinh', ago(1), { outcome: 'chosen' }),
    ]);
    await send(otherCenter, [searchSession('giấy của trung tâm khác', ago(1))]);
    const list = await unmatched(admin);
    expect(list.retentionDays).toBe(90);
    expect(list.since).toBe(ago(90).toISOString());
    expect(list.queries).toEqual([
      { key: 'lam giai con son', text: 'làm giấy còn son', count: 4, none: 3, abandoned: 1, lastSeen: ago(1).toISOString() },
      { key: 'giai o vai', text: 'giấy ở vậy', count: 1, none: 0, abandoned: 1, lastSeen: ago(4).toISOString() },
    ]);
  });
});

describe('teaching a phrase', () => {
  beforeEach(() => start());

  it('maps a phrase to a procedure: a new vocabulary version that kiosks pull, and the search leaves the list', async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    const admin = await enrolAs(app, 'C1', 'admin');
    await send(kiosk, [searchSession('làm giấy còn son', ago(2)), searchSession('lam giay con son', ago(1))]);
    expect((await unmatched(admin)).queries.map((q) => q.key)).toEqual(['lam giai con son']);

    const before = await app.inject({ method: 'GET', url: API_PATHS.learning.vocabulary, headers: bearer(kiosk) });
    expect(centerVocabularySchema.parse(before.json())).toMatchObject({ centerCode: 'C1', version: 0, entries: [] });

    const taught = await teach(admin, conSon);
    expect(taught.statusCode, taught.body).toBe(201);
    const answer = teachAnswerSchema.parse(taught.json());
    expect(answer.version).toBe(1);
    expect(answer.entry).toMatchObject({ id: 'learned.con-son', kind: 'learned', say: ['còn son', 'vẫn còn son'], procedures: [SINGLE_STATUS] });

    const pulled = await app.inject({ method: 'GET', url: API_PATHS.learning.vocabulary, headers: bearer(kiosk) });
    expect(pulled.statusCode).toBe(200);
    const vocabulary = centerVocabularySchema.parse(pulled.json());
    expect(vocabulary.version).toBe(1);
    expect(vocabulary.entries.map((e) => e.id)).toEqual(['learned.con-son']);
    const etag = pulled.headers.etag;
    expect(etag).toBe('"vocabulary-C1-1"');
    const unchanged = await app.inject({ method: 'GET', url: API_PATHS.learning.vocabulary, headers: { ...bearer(kiosk), 'if-none-match': String(etag) } });
    expect(unchanged.statusCode).toBe(304);

    // Taught: the old failures no longer count; a failure after the teaching does.
    expect((await unmatched(admin)).queries).toEqual([]);
    clock = new Date(clock.getTime() + DAY);
    await send(kiosk, [searchSession('làm giấy còn son', ago(0), { outcome: 'abandoned' })]);
    expect((await unmatched(admin)).queries.map((q) => [q.key, q.count])).toEqual([['lam giai con son', 1]]);

    // Another center's devices see only their own vocabulary.
    const other = await enrolAs(app, 'C2', 'kiosk');
    const theirs = await app.inject({ method: 'GET', url: API_PATHS.learning.vocabulary, headers: bearer(other) });
    expect(centerVocabularySchema.parse(theirs.json())).toMatchObject({ centerCode: 'C2', version: 0, entries: [] });
  });

  it('maps a phrase to an existing concept (sameAs), and lists what was taught, by whom', async () => {
    const admin = await enrolAs(app, 'C1', 'admin');
    const taught = await teach(admin, { ...conSon, target: { kind: 'concept', id: 'event.single' } });
    expect(taught.statusCode, taught.body).toBe(201);
    expect(teachAnswerSchema.parse(taught.json()).entry).toMatchObject({ sameAs: 'event.single', procedures: [] });
    const list = await app.inject({ method: 'GET', url: API_PATHS.learning.taught, headers: bearer(admin) });
    const answer = taughtAnswerSchema.parse(list.json());
    expect(answer.version).toBe(1);
    expect(answer.entries).toEqual([{ entry: expect.objectContaining({ id: 'learned.con-son' }), taughtAt: clock.toISOString(), taughtBy: 'Nguyễn Thị Lan' }]);
  });

  it('refuses a mapping with one real phrasing, and one the kiosk would still not find, saying why', async () => {
    const admin = await enrolAs(app, 'C1', 'admin');
    const twins = await teach(admin, { ...conSon, phrases: ['còn son', 'con son'] });
    expect(twins.statusCode).toBe(400);
    expect(teachProblemSchema.parse(twins.json())).toMatchObject({ code: 'same_phrasing', subject: 'con son' });

    // The citizen's search is about land; teaching "còn son" does not make it find the single-status paper.
    const unrelated = await teach(admin, { ...conSon, query: 'cấp giấy chứng nhận quyền sử dụng đất lần đầu' });
    expect(unrelated.statusCode).toBe(400);
    expect(teachProblemSchema.parse(unrelated.json())).toMatchObject({ code: 'not_found_after', subject: 'cấp giấy chứng nhận quyền sử dụng đất lần đầu' });

    const unknown = await teach(admin, { ...conSon, target: { kind: 'procedures', codes: ['9.999999'] } });
    expect(teachProblemSchema.parse(unknown.json())).toMatchObject({ code: 'unknown_procedure', subject: '9.999999' });
    const body = await teach(admin, { ...conSon, phrases: ['còn son'] });
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({ error: 'invalid_request' });
    expect((await app.inject({ method: 'GET', url: API_PATHS.learning.taught, headers: bearer(admin) })).json()).toEqual({ version: 0, entries: [] });
  });

  it('takes a taught phrase back in a new version, and its searches come back on the list', async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    const admin = await enrolAs(app, 'C1', 'admin');
    await send(kiosk, [searchSession('làm giấy còn son', ago(1))]);
    expect((await teach(admin, conSon)).statusCode).toBe(201);
    expect((await unmatched(admin)).queries).toEqual([]);
    const removed = await app.inject({ method: 'DELETE', url: API_PATHS.learning.taughtEntry.at('learned.con-son'), headers: bearer(admin) });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ version: 2 });
    const vocabulary = centerVocabularySchema.parse((await app.inject({ method: 'GET', url: API_PATHS.learning.vocabulary, headers: bearer(kiosk) })).json());
    expect(vocabulary).toMatchObject({ version: 2, entries: [] });
    expect((await unmatched(admin)).queries.map((q) => q.key)).toEqual(['lam giai con son']);
    const again = await app.inject({ method: 'DELETE', url: API_PATHS.learning.taughtEntry.at('learned.con-son'), headers: bearer(admin) });
    expect(again.statusCode).toBe(404);
  });

  it('refuses a teaching made on a version that moved meanwhile (two admins at once)', async () => {
    const admin = await enrolAs(app, 'C1', 'admin');
    expect((await teach(admin, conSon)).statusCode).toBe(201);
    const entry: LearnedEntry = { id: 'learned.o-vay', kind: 'learned', say: ['ở vậy', 'vẫn ở vậy'], means: [], asks: [], procedures: [SINGLE_STATUS], examples: [{ query: 'ở vậy', expect: [SINGLE_STATUS] }] };
    const stale = await temp.store.teach('C1', { entry, queryKeys: ['o vai'], at: clock.toISOString(), by: null, deviceId: admin.deviceId }, 0);
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict', version: 1 } });
  });
});

describe('who may call what', () => {
  beforeEach(() => start());

  it('takes searches only from kiosks, admin routes only from admin devices, the vocabulary from any device of the center', async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    const counter = await enrolAs(app, 'C1', 'counter');
    const admin = await enrolAs(app, 'C1', 'admin');
    const session = [searchSession('làm giấy còn son', ago(1))];
    expect((await send(counter, session)).statusCode).toBe(403);
    expect((await send(admin, session)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: API_PATHS.learning.sessions, payload: { sessions: session } })).statusCode).toBe(401);
    for (const device of [kiosk, counter]) {
      expect((await app.inject({ method: 'GET', url: API_PATHS.learning.unmatched, headers: bearer(device) })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: API_PATHS.learning.taught, headers: bearer(device) })).statusCode).toBe(403);
      expect((await teach(device, conSon)).statusCode).toBe(403);
      expect((await app.inject({ method: 'DELETE', url: API_PATHS.learning.taughtEntry.at('learned.con-son'), headers: bearer(device) })).statusCode).toBe(403);
    }
    for (const device of [kiosk, counter, admin]) {
      expect((await app.inject({ method: 'GET', url: API_PATHS.learning.vocabulary, headers: bearer(device) })).statusCode).toBe(200);
    }
    expect((await app.inject({ method: 'GET', url: API_PATHS.learning.vocabulary })).statusCode).toBe(401);
    expect(await temp.store.countSearchSessions('C1')).toEqual({ ok: true, value: 0 });
  });

  it('lets no revoked kiosk send, and no device enrol itself as an admin device', async () => {
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    expect((await temp.store.revokeDevice(kiosk.deviceId)).ok).toBe(true);
    expect((await send(kiosk, [searchSession('làm giấy còn son', ago(1))])).statusCode).toBe(401);
    const selfMade = await app.inject({ method: 'POST', url: '/api/devices/enrol', payload: { centerCode: 'C1', enrolmentCode: 'enrol-C1', locationCode: null, deviceName: 'x', role: 'admin' } });
    expect(selfMade.statusCode).toBe(400);
  });
});

describe('90 days', () => {
  const store = (sessions: SearchSession[], deviceId: string) =>
    temp.store.addSearchSessions('C1', deviceId, sessions.map((s) => ({ ...s, queryKey: s.query })), clock.toISOString());

  it('deletes searches older than 90 days when the server starts, then on its timer as time passes', async () => {
    // Searches stored by an earlier run of the server.
    await start();
    const kiosk = await enrolAs(app, 'C1', 'kiosk');
    await app.close();
    await store([searchSession('cũ lắm rồi', ago(100)), searchSession('mới đây', ago(10))], kiosk.deviceId);
    expect(await temp.store.countSearchSessions('C1')).toEqual({ ok: true, value: 2 });

    await start(20);
    await expect.poll(async () => temp.store.countSearchSessions('C1'), { timeout: 5_000 }).toEqual({ ok: true, value: 1 });
    clock = new Date(clock.getTime() + 79 * DAY);
    // 89 days old now: kept, while one stored meanwhile at 95 days goes at the timer's next run.
    await store([searchSession('lâu rồi', ago(95))], kiosk.deviceId);
    await expect.poll(async () => temp.store.countSearchSessions('C1'), { timeout: 5_000 }).toEqual({ ok: true, value: 1 });
    expect(await temp.store.unmatchedQueries('C1', ago(365).toISOString(), 10)).toMatchObject({ ok: true, value: [{ text: 'mới đây' }] });
    clock = new Date(clock.getTime() + 2 * DAY);
    await expect.poll(async () => temp.store.countSearchSessions('C1'), { timeout: 5_000 }).toEqual({ ok: true, value: 0 });
  });
});
