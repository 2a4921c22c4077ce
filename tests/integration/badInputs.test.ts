/**
 * The bad inputs of issue 8, tried on the device (the counter's own registry over IndexedDB, with its
 * clock) and on the server (a real push over SQLite, the server's clock): each is refused on both
 * sides where the side can know, with a reason code. The device cannot know that its own clock runs
 * ahead (it has nothing to compare with); the server refuses those. The walk prints the table.
 */
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { changeFileStatus } from '../../renderer/data/fileStatus.ts';
import { registerFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { formatFileNumber } from '../../shared/files/fileNumber.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import { pushResponseSchema, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import { statusMutation } from './lifecycleFixtures.ts';
import { bearer, cancelMutation, createMutation, enrolTestDevice, FIXTURE_NOW, makeFile } from '../support/syncFixtures.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let app: FastifyInstance;
let temp: TempStore;
useTestApp({ centers: ['VB11824'] }, (ready) => ({ app, temp } = ready));

let db: MotcuaDb;
let dbCount = 0;
beforeAll(async () => {
  db = openDb(`bad-inputs-${(dbCount += 1)}`, await createMemoryCipher());
});
afterAll(async () => {
  db.close();
  await db.delete();
});

const STAFF = { id: 's1', name: 'Trần Thị Bình' };
const HOUR = 3_600_000;

function identity(device: EnrolResponse): DeviceIdentity {
  return { key: 'device', ...device, serverUrl: 'http://server.test/', enrolledAt: FIXTURE_NOW.toISOString() };
}

function walkInput(overrides: Partial<NewFileInput> = {}): NewFileInput {
  const { id: _id, number: _n, centerCode: _c, locationCode: _l, deviceId: _d, receivedAt: _r, receivedBy: _b, lookupCode: _k, ...rest } = makeFile(
    { deviceId: 'x', deviceCode: 'D01', token: 'x'.repeat(20), centerCode: 'VB11824', centerName: 'x', locationCode: null, role: 'counter' },
    1,
  );
  return { ...rest, attachments: [], ...overrides };
}

/** What the device's registry answered: "saved" or the refusal's code. */
async function onDevice(device: EnrolResponse, input: NewFileInput, clock: Date): Promise<string> {
  const saved = await registerFile(db, input, { device: identity(device), staff: STAFF }, clock);
  if (saved.ok) return 'saved';
  return saved.error.kind === 'invalid' ? (saved.error.code ?? `invalid: ${saved.error.fields.join(', ')}`) : saved.error.kind;
}

let seq = 0;
/** What the server answered one pushed mutation: "applied" or "rejected <code>". */
async function onServer(device: EnrolResponse, mutation: (n: number) => Mutation): Promise<string> {
  seq += 1;
  const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations: [mutation(seq)] } });
  const result = pushResponseSchema.parse(res.json()).results[0]!;
  return result.status === 'rejected' ? `rejected ${result.code ?? result.reason}` : result.status;
}

/** A file received at `receivedAt`, numbered for that Vietnam day unless `number` says otherwise. */
function fileAt(device: EnrolResponse, n: number, receivedAt: string, overrides: Partial<FileRecord> = {}): FileRecord {
  return makeFile(device, n, { receivedAt, ...overrides });
}

const rows: string[] = [];
const row = (input: string, device: string, server: string) => rows.push(`| ${input} | ${device} | ${server} |`);

describe('bad inputs, on the device and on the server', () => {
  it('refuses nonsense file times with a reason code on both sides (where the side can know)', async () => {
    seq = 0;
    const counter = await enrolTestDevice(app, 'VB11824');
    const now = FIXTURE_NOW;
    let n = 100;
    const next = () => (n += 1);

    // Received in year 0000: a clock reset to nothing.
    const year0 = new Date('0000-06-01T03:00:00.000Z');
    const a = [await onDevice(counter, walkInput(), year0), await onServer(counter, (s) => createMutation(s, fileAt(counter, next(), year0.toISOString())))];
    row('received in year 0000', ...(a as [string, string]));
    expect(a).toEqual(['fileChecks.receivedTooEarly', 'rejected fileChecks.receivedTooEarly']);

    // Received in 9999 / 2099 / 7 hours ahead (a PC set to local time with the zone on UTC): only the server can tell.
    for (const [label, at] of [
      ['received in year 9999', new Date('9999-06-01T03:00:00.000Z')],
      ['received in 2099 (file number dated 20990601)', new Date('2099-06-01T03:00:00.000Z')],
      ['received 7 hours ahead of the server (time zone wrong)', new Date(now.getTime() + 7 * HOUR)],
    ] as const) {
      const b = [await onDevice(counter, walkInput(), at), await onServer(counter, (s) => createMutation(s, fileAt(counter, next(), at.toISOString())))];
      row(label, `${b[0]} (its own clock is its only reference)`, b[1]!);
      expect(b).toEqual(['saved', 'rejected fileChecks.receivedInFuture']);
    }

    // Within the allowed skew (10 minutes ahead): accepted by both.
    const skew = new Date(now.getTime() + 10 * 60_000);
    const c = [await onDevice(counter, walkInput(), skew), await onServer(counter, (s) => createMutation(s, fileAt(counter, next(), skew.toISOString())))];
    row('received 10 minutes ahead (within the 15-minute skew)', ...(c as [string, string]));
    expect(c).toEqual(['saved', 'applied']);

    // Due before received; due in 9999.
    const received = new Date(now.getTime() - HOUR);
    const dueBefore = new Date(received.getTime() - 24 * HOUR).toISOString();
    const d = [
      await onDevice(counter, walkInput({ dueAt: dueBefore }), received),
      await onServer(counter, (s) => createMutation(s, fileAt(counter, next(), received.toISOString(), { dueAt: dueBefore }))),
    ];
    row('due before received', ...(d as [string, string]));
    expect(d).toEqual(['fileChecks.dueBeforeReceived', 'rejected fileChecks.dueBeforeReceived']);
    const e = [
      await onDevice(counter, walkInput({ dueAt: '9999-12-31T10:00:00.000Z' }), received),
      await onServer(counter, (s) => createMutation(s, fileAt(counter, next(), received.toISOString(), { dueAt: '9999-12-31T10:00:00.000Z' }))),
    ];
    row('due in year 9999', ...(e as [string, string]));
    expect(e).toEqual(['fileChecks.dueTooFar', 'rejected fileChecks.dueTooFar']);

    // A file number dated 2099 on a file received today.
    const dated2099 = formatFileNumber({ centerCode: 'VB11824', deviceCode: counter.deviceCode, date: '2099-01-01', sequence: next() });
    const f = await onServer(counter, (s) => createMutation(s, fileAt(counter, n, received.toISOString(), { number: dated2099 })));
    row(`file number dated 2099 (${dated2099}), received today`, 'cannot be made (the registry numbers from its clock)', f);
    expect(f).toBe('rejected fileChecks.numberDateMismatch');

    // 23:30 Vietnam time: numbered with the Vietnam day, accepted (the control).
    const lateEvening = new Date('2027-03-01T16:30:00.000Z');
    const g = [await onDevice(counter, walkInput(), lateEvening), await onServer(counter, (s) => createMutation(s, fileAt(counter, next(), lateEvening.toISOString())))];
    row('received 23:30 Vietnam time, numbered with that Vietnam day (control)', ...(g as [string, string]));
    expect(g).toEqual(['saved', 'applied']);
  });

  it('refuses nonsense change times: stamped in 9999, before the reception, a withdrawal dated 0000', async () => {
    seq = 0;
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 500, { receivedAt: new Date(FIXTURE_NOW.getTime() - 2 * HOUR).toISOString() });
    expect(await onServer(counter, (s) => createMutation(s, file))).toBe('applied');

    const h = await onServer(counter, (s) => statusMutation(s, counter, file.id, 'received', 'processing', { when: '9999-01-01T00:00:00.000Z' }));
    row('status change stamped 9999', 'stamped by its own clock', h);
    expect(h).toBe('rejected fileChecks.timeInFuture');

    const before = new Date(Date.parse(file.receivedAt) - HOUR);
    const i = await onServer(counter, (s) => statusMutation(s, counter, file.id, 'received', 'processing', { when: before.toISOString() }));
    // The device: the same file on a counter whose clock went back an hour.
    const local = await registerFile(db, walkInput(), { device: identity(counter), staff: STAFF }, FIXTURE_NOW);
    if (!local.ok) throw new Error(local.error.reason);
    const moved = await changeFileStatus(db, local.value.id, 'processing', { staff: STAFF, device: identity(counter) }, new Date(FIXTURE_NOW.getTime() - HOUR));
    const deviceAnswer = moved.ok ? 'saved' : moved.error.kind === 'storage' && moved.error.error.kind === 'invalid' ? (moved.error.error.code ?? 'invalid') : moved.error.kind;
    row('status change dated before the file was received', deviceAnswer, i);
    expect([deviceAnswer, i]).toEqual(['fileChecks.timeBeforeReceived', 'rejected fileChecks.timeBeforeReceived']);

    const j = await onServer(counter, (s) => ({ ...cancelMutation(s, file.id), at: '0000-01-01T00:00:00.000Z' }));
    row('withdrawal dated year 0000', 'stamped by its own clock', j);
    expect(j).toBe('rejected fileChecks.timeTooEarly');
  });

  it('refuses what the public routes must not take: a rating dated 2099 without the code, a lookup by number alone', async () => {
    const counter = await enrolTestDevice(app, 'VB11824');
    const file = makeFile(counter, 900);
    await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(counter), payload: { mutations: [createMutation(1, file)] } });
    const rating = await app.inject({
      method: 'POST',
      url: API_PATHS.public.ratings,
      payload: { id: crypto.randomUUID(), fileNumber: file.number, score: 1, reasons: [], at: '2099-01-01T00:00:00+07:00' },
    });
    row('anonymous rating of a file, dated 2099, no lookup code', 'n/a (the kiosk sends the code it looked up with)', `${rating.statusCode} ${rating.json<{ error: string }>().error}`);
    expect(rating.statusCode).toBe(403);
    const lookup = await app.inject({ url: API_PATHS.public.fileStatus.at(file.number) });
    row('public lookup by the sequential number alone', 'asks for the code (lookup-need-code)', `${lookup.statusCode} ${lookup.json<{ error: string }>().error}`);
    expect(lookup.statusCode).toBe(400);
    const counted = await temp.store.listRatings('VB11824');
    expect(counted.ok && counted.value).toEqual([]);
  });

  it('records what the citizen fields get today (owned by the registration-form checks; listed, not asserted here)', async () => {
    seq = 0;
    const counter = await enrolTestDevice(app, 'VB11824');
    const base = walkInput().citizen;
    const received = new Date(FIXTURE_NOW.getTime() - HOUR);
    let n = 700;
    for (const [label, citizen] of [
      ['birth date 2025-99-99', { ...base, birthDate: '2025-99-99' }],
      ['birth date in 2999', { ...base, birthDate: '2999-01-01' }],
      ['name of control characters', { ...base, fullName: '\u0000\u0007\u001b\u0008' }],
      ['ID number 000000000000', { ...base, idNumber: '000000000000' }],
    ] as const) {
      n += 1;
      const device = await onDevice(counter, walkInput({ citizen }), received);
      const server = await onServer(counter, (s) => createMutation(s, fileAt(counter, n, received.toISOString(), { citizen })));
      row(`${label} (citizen field)`, device, server);
    }
    console.info(['| input | device (counter registry) | server (push) |', '|---|---|---|', ...rows].join('\n'));
    expect(rows.length).toBeGreaterThan(10);
  });
});
