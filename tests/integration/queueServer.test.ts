/**
 * The queue on the real server (Fastify + SQLite in a temp folder): numbers from two kiosks at
 * once, numbering across a restart, offline tickets reconciled exactly once, call-next by the
 * priority rule, refusals with codes, who may do what, the live streams and the figures.
 */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { eventsPushResponseSchema, issueResponseSchema, nextResponseSchema, queueFiguresSchema } from '../../shared/queue/queueApi.ts';
import { queueBoardSchema } from '../../shared/queue/queueBoard.ts';
import type { QueueEvent } from '../../shared/queue/queueEvents.ts';
import type { EnrolResponse } from '../../shared/sync/protocol.ts';
import { addQueueCenter, auth, enrolAdmin, enrolAs } from '../support/queueDevices.ts';
import { demoSettings, queueEvents } from '../support/queueEvents.ts';
import { followSse } from '../support/sseClient.ts';
import { openTempStore, type TempStore } from '../support/tempStore.ts';

const CENTER = 'QTEST';
let temp: TempStore;
let app: FastifyInstance;
let kiosk1: EnrolResponse;
let kiosk2: EnrolResponse;
let counter: EnrolResponse;

const today = () => isoFromDayNumber(dayNumberOf(new Date()));

beforeEach(async () => {
  temp = await openTempStore();
  await addQueueCenter(temp.store, CENTER);
  app = await createApp({ store: temp.store, webRoot: null });
  kiosk1 = await enrolAs(app, CENTER, 'kiosk', 'Kiosk sảnh');
  kiosk2 = await enrolAs(app, CENTER, 'kiosk', 'Kiosk cửa');
  counter = await enrolAs(app, CENTER, 'counter', 'Quầy 1');
});

afterEach(async () => {
  await app.close();
  await temp.dispose();
});

async function issue(device: EnrolResponse, serviceId = 'ho-tich', extra: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: API_PATHS.queue.tickets,
    headers: auth(device),
    payload: { id: randomUUID(), serviceId, priority: null, procedureCode: null, draftId: null, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode} ${res.body}`);
  return issueResponseSchema.parse(res.json()).ticket;
}

async function next(device: EnrolResponse, counterNumber: number, id = randomUUID()) {
  const res = await app.inject({ method: 'POST', url: API_PATHS.queue.next.at(String(counterNumber)), headers: auth(device), payload: { id } });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

async function send(device: EnrolResponse, events: unknown[]) {
  const res = await app.inject({ method: 'POST', url: API_PATHS.queue.events, headers: auth(device), payload: { events } });
  if (res.statusCode !== 200) throw new Error(`events: ${res.statusCode} ${res.body}`);
  return eventsPushResponseSchema.parse(res.json()).results;
}

async function issuedNumbers(): Promise<string[]> {
  const events = await temp.store.queueEventsOfDay(CENTER, today(), 0, 10_000);
  if (!events.ok) throw new Error(events.error.reason);
  return events.value.flatMap((e) => (e.kind === 'issue' ? [e.number] : []));
}

describe('queue numbers on the server', () => {
  it('gives two kiosks asking at once distinct numbers, in sequence, per service', async () => {
    const asked = await Promise.all(Array.from({ length: 40 }, (_, i) => issue(i % 2 === 0 ? kiosk1 : kiosk2, i % 4 === 3 ? 'dat-dai' : 'ho-tich')));
    const numbers = asked.map((t) => t.number);
    expect(new Set(numbers).size).toBe(40);
    const a = numbers.filter((n) => n.startsWith('A')).sort();
    const b = numbers.filter((n) => n.startsWith('B')).sort();
    expect(a).toEqual(Array.from({ length: 30 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect(b).toEqual(Array.from({ length: 10 }, (_, i) => `B${String(i + 1).padStart(3, '0')}`));
    expect((await temp.store.duplicateQueueNumbers(CENTER)).ok && (await issuedNumbers()).length).toBe(40);
  });

  it('answers a resent request (lost answer) with the same number, and gives the next one after', async () => {
    const id = randomUUID();
    const first = await issue(kiosk1, 'ho-tich', { id });
    const again = await issue(kiosk1, 'ho-tich', { id });
    expect(again.number).toBe(first.number);
    expect((await issue(kiosk1)).number).toBe('A002');
    expect(await issuedNumbers()).toEqual(['A001', 'A002']);
  });

  it('tells how many wait before and estimates the wait from the service', async () => {
    await issue(kiosk1);
    await issue(kiosk1);
    const third = await issue(kiosk2);
    // Two ahead, 8 minutes each (demo settings), two counters serve ho-tich.
    expect(third).toMatchObject({ number: 'A003', ahead: 2, estimateMinutes: 8, origin: 'server' });
  });

  it('keeps counting after a restart: no number is given again', async () => {
    await issue(kiosk1);
    await issue(kiosk1);
    await app.close();
    const reopened = await temp.reopen();
    app = await createApp({ store: reopened, webRoot: null });
    expect((await issue(kiosk2)).number).toBe('A003');
    const dup = await reopened.duplicateQueueNumbers(CENTER);
    expect(dup.ok && dup.value).toEqual([]);
  });

  it('refuses an unknown service and a center without settings, with codes', async () => {
    const res = await app.inject({ method: 'POST', url: API_PATHS.queue.tickets, headers: auth(kiosk1), payload: { id: randomUUID(), serviceId: 'nope', priority: null, procedureCode: null, draftId: null } });
    expect([res.statusCode, res.json().error]).toEqual([400, 'queue.error.unknownService']);
    await addQueueCenter(temp.store, 'QBARE', { settings: false });
    const bare = await enrolAs(app, 'QBARE', 'kiosk', 'Kiosk');
    const none = await app.inject({ method: 'POST', url: API_PATHS.queue.tickets, headers: auth(bare), payload: { id: randomUUID(), serviceId: 'ho-tich', priority: null, procedureCode: null, draftId: null } });
    expect([none.statusCode, none.json().error]).toEqual([409, 'queue.error.noSettings']);
  });
});

describe('offline numbers reconciled', () => {
  it('takes a kiosk’s offline numbers exactly once, however often they are sent', async () => {
    const q = queueEvents(today(), Date.now() - 3_600_000);
    const offline = [q.issue(`${kiosk1.deviceCode}-A001`, { origin: 'offline' }), q.issue(`${kiosk1.deviceCode}-A002`, { origin: 'offline', priority: 'elderly' })];
    expect((await send(kiosk1, offline)).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await send(kiosk1, offline)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    // Again after a restart, as a kiosk whose answer was lost would.
    await app.close();
    app = await createApp({ store: await temp.reopen(), webRoot: null });
    expect((await send(kiosk1, offline)).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(await issuedNumbers()).toEqual([`${kiosk1.deviceCode}-A001`, `${kiosk1.deviceCode}-A002`]);
  });

  it('refuses a kiosk sending numbers with another kiosk’s code, or a server-style number', async () => {
    const q = queueEvents(today(), Date.now() - 3_600_000);
    const [stolen, serverStyle] = await send(kiosk1, [q.issue(`${kiosk2.deviceCode}-A001`, { origin: 'offline' }), q.issue('A001', { origin: 'offline' })]);
    expect(stolen).toMatchObject({ status: 'rejected', code: 'queue.error.notYourNumber' });
    expect(serverStyle).toMatchObject({ status: 'rejected', code: 'queue.error.notYourNumber' });
    expect(await issuedNumbers()).toEqual([]);
  });

  it('lets a counter call an offline number by hand before its kiosk is back, then joins the two', async () => {
    const q = queueEvents(today(), Date.now() - 3_600_000);
    const number = `${kiosk1.deviceCode}-A001`;
    const [called] = await send(counter, [q.manualCall(number, 1, 'ho-tich')]);
    expect(called!.status).toBe('applied');
    const [issued] = await send(kiosk1, [q.issue(number, { origin: 'offline' })]);
    expect(issued!.status).toBe('applied');
    const board = queueBoardSchema.parse((await app.inject({ method: 'GET', url: API_PATHS.public.queueBoard.at(CENTER) })).json());
    expect(board.counters.find((c) => c.number === 1)).toMatchObject({ status: 'called', ticket: number });
  });

  it('voids a number whose answer never reached its kiosk, so nobody is called for it', async () => {
    const id = randomUUID();
    await issue(kiosk1, 'ho-tich', { id });
    const [voided] = await send(kiosk1, [queueEvents(today(), Date.now() - 3_600_000).voidIssue(id)]);
    expect(voided!.status).toBe('applied');
    expect((await next(counter, 1)).body).toEqual({ event: null });
  });
});

describe('calling', () => {
  it('calls next by the priority rule, refuses while the counter is busy, and serves to the end', async () => {
    await issue(kiosk1);
    await issue(kiosk1, 'ho-tich', { priority: 'elderly' });
    // Demo rule: one priority after every 3 ordinary; with one ordinary called before... first call takes A001.
    const first = nextResponseSchema.parse((await next(counter, 1)).body).event!;
    expect(first).toMatchObject({ kind: 'call', number: 'A001', counter: 1 });
    const busy = await next(counter, 1);
    expect([busy.status, busy.body.error]).toEqual([409, 'queue.error.counterBusy']);
    const q = queueEvents(today(), Date.now() - 3_600_000);
    const results = await send(counter, [q.start('A001', 1), q.finish('A001', 1)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const second = nextResponseSchema.parse((await next(counter, 1)).body).event!;
    expect(second.kind === 'call' && second.number).toBe('A002');
    expect(nextResponseSchema.parse((await next(counter, 3)).body).event).toBeNull();
  });

  it('answers a resent call-next with the same call', async () => {
    await issue(kiosk1);
    await issue(kiosk1);
    const id = randomUUID();
    const once = (await next(counter, 2, id)).body;
    const twice = (await next(counter, 2, id)).body;
    expect(twice).toEqual(once);
  });

  it('refuses illegal moves with their code, and answers a resend of one the same way', async () => {
    await issue(kiosk1);
    const q = queueEvents(today(), Date.now() - 3_600_000);
    const early = q.finish('A001', 1);
    const [refused] = await send(counter, [early]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'queue.error.notServing' });
    // Even now that it would apply, the same event id keeps its answer.
    await next(counter, 1);
    await send(counter, [q.start('A001', 1)]);
    const [again] = await send(counter, [early]);
    expect(again).toMatchObject({ status: 'rejected', code: 'queue.error.notServing' });
    const [bad] = await send(counter, [{ id: 'x', kind: 'call' }]);
    expect(bad).toMatchObject({ status: 'rejected', code: 'queue.error.invalid' });
    const [unknown] = await send(counter, [q.transfer('A001', 1, { service: 'nope' })]);
    expect(unknown).toMatchObject({ status: 'rejected', code: 'queue.error.unknownService' });
  });
});

describe('who may do what', () => {
  it('lets kiosks take numbers, counters call, admins set up; the board is public', async () => {
    const admin = await enrolAdmin(app, CENTER);
    const noToken = await app.inject({ method: 'POST', url: API_PATHS.queue.tickets, payload: {} });
    expect(noToken.statusCode).toBe(401);
    const counterIssues = await app.inject({ method: 'POST', url: API_PATHS.queue.tickets, headers: auth(counter), payload: {} });
    expect(counterIssues.statusCode).toBe(403);
    expect((await next(kiosk1, 1)).status).toBe(403);
    const kioskCounterEvent = await send(kiosk1, [queueEvents(today(), Date.now() - 3_600_000).pause(1)]);
    expect(kioskCounterEvent[0]).toMatchObject({ status: 'rejected', code: 'queue.error.notAllowed' });
    const counterIssueEvent = await send(counter, [queueEvents(today(), Date.now() - 3_600_000).issue(`${counter.deviceCode}-A001`, { origin: 'offline' })]);
    expect(counterIssueEvent[0]).toMatchObject({ status: 'rejected', code: 'queue.error.notAllowed' });

    const write = (device: EnrolResponse, baseRevision: number | null) =>
      app.inject({ method: 'PUT', url: API_PATHS.queue.settings, headers: auth(device), payload: { settings: demoSettings(), baseRevision } });
    expect((await write(counter, 1)).statusCode).toBe(403);
    expect((await write(kiosk1, 1)).statusCode).toBe(403);
    const saved = await write(admin, 1);
    expect([saved.statusCode, saved.json().revision]).toEqual([200, 2]);
    // Another admin's save in between: a conflict, not a silent overwrite.
    expect((await write(admin, 1)).json()).toMatchObject({ error: 'queue.error.settingsConflict', revision: 2 });
    // The admin's device may call like a counter.
    await issue(kiosk1);
    expect((await next(admin, 1)).status).toBe(200);

    const figures = (device: EnrolResponse) => app.inject({ method: 'GET', url: `${API_PATHS.queue.figures}?from=${today()}&to=2999-01-01`, headers: auth(device) });
    expect((await figures(counter)).statusCode).toBe(403);
    const board = await app.inject({ method: 'GET', url: API_PATHS.public.queueBoard.at(CENTER) });
    expect(board.statusCode).toBe(200);
    expect(JSON.stringify(board.json())).not.toMatch(/elderly|procedureCode|draftId|priority/);
  });

  it('refuses bad settings with their codes', async () => {
    const admin = await enrolAdmin(app, CENTER);
    const settings = demoSettings();
    const res = await app.inject({
      method: 'PUT',
      url: API_PATHS.queue.settings,
      headers: auth(admin),
      payload: { settings: { ...settings, services: settings.services.map((s) => ({ ...s, prefix: 'A' })) }, baseRevision: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().reason).toContain('queue.settings.error.duplicatePrefix');
  });
});

describe('live streams and figures', () => {
  it('streams the day’s log, then each new event, and resumes from a cursor', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    await issue(kiosk1);
    const stream = await followSse(`${address}${API_PATHS.queue.stream}`, auth(counter));
    const backlog = await stream.waitFor((e) => e.event === 'queue');
    expect(JSON.parse(backlog.data)).toMatchObject({ kind: 'issue', number: 'A001' });
    await issue(kiosk2);
    const live = await stream.waitFor((e) => e.event === 'queue' && JSON.parse(e.data).number === 'A002');
    stream.close();
    const resumed = await followSse(`${address}${API_PATHS.queue.stream}?since=${live.id}`, auth(kiosk1));
    await issue(kiosk2);
    const after = await resumed.waitFor((e) => e.event === 'queue');
    expect(JSON.parse(after.data).number).toBe('A003');
    resumed.close();
    // A kiosk stream without a token is refused.
    await expect(followSse(`${address}${API_PATHS.queue.stream}`)).rejects.toThrow(/401/);
  });

  it('tells the public board stream of each call, with the board after it, and ends streams when the server closes', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    await issue(kiosk1);
    const board = await followSse(`${address}${API_PATHS.public.queueBoardStream.at(CENTER)}`);
    const first = await board.waitFor((e) => e.event === 'board');
    expect(queueBoardSchema.parse(JSON.parse(first.data)).services.find((s) => s.id === 'ho-tich')?.next).toEqual(['A001']);
    await next(counter, 2);
    const call = await board.waitFor((e) => e.event === 'call');
    expect(JSON.parse(call.data)).toMatchObject({ number: 'A001', counter: 2, recall: false });
    await send(counter, [queueEvents(today(), Date.now() - 3_600_000).recall('A001', 2)]);
    expect(JSON.parse((await board.waitFor((e) => e.event === 'call' && JSON.parse(e.data).recall === true)).data).number).toBe('A001');
    const shown = await board.waitFor((e) => e.event === 'board' && JSON.parse(e.data).counters.some((c: { ticket: string | null }) => c.ticket === 'A001'));
    expect(queueBoardSchema.parse(JSON.parse(shown.data)).counters.find((c) => c.number === 2)?.status).toBe('called');
    await app.close();
    await board.ended;
  });

  it('gives the figures of a period as JSON and CSV to an admin', async () => {
    const admin = await enrolAdmin(app, CENTER);
    await issue(kiosk1);
    await issue(kiosk1);
    await next(counter, 1);
    const q = queueEvents(today(), Date.now() - 3_600_000);
    await send(counter, [q.noShow('A001', 1)]);
    const url = `${API_PATHS.queue.figures}?from=${today()}&to=${isoFromDayNumber(dayNumberOf(new Date()) + 1)}`;
    const figures = queueFiguresSchema.parse((await app.inject({ method: 'GET', url, headers: auth(admin) })).json());
    expect(figures.total).toMatchObject({ tickets: 2, called: 1, noShows: 1 });
    const csv = await app.inject({ method: 'GET', url: url.replace('/figures?', '/figures.csv?'), headers: auth(admin) });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Vắng mặt');
    const bad = await app.inject({ method: 'GET', url: `${API_PATHS.queue.figures}?from=2027-03-05&to=2027-03-01`, headers: auth(admin) });
    expect(bad.statusCode).toBe(400);
  });
});

// Kept for the type checker: events built by helpers are QueueEvents.
export type _Events = QueueEvent;
