/**
 * What SQLite's single writer hides and PostgreSQL does not: writers side by side. Each race is run
 * two ways: for real over HTTP (a server on loopback, parallel requests on separate connections),
 * and step by step, where the first transaction is held open right after it took its lock while the
 * second one starts; the second must wait for the lock (seen in pg_stat_activity) and then find the
 * first one's work. Without the row locks (postgresSyncTransaction.ts) every step-by-step test here
 * fails: a push answered 503 or applied twice, a device code given twice, a status change lost, a
 * feed line a reader never sees.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { hashDeviceToken } from '../../../server/auth/secrets.ts';
import { createPool } from '../../../server/store/postgres/postgresSql.ts';
import { createPostgresSyncTransactions } from '../../../server/store/postgres/postgresSyncTransaction.ts';
import type { Device } from '../../../server/store/store.ts';
import { prepareMutation } from '../../../server/sync/prepareMutation.ts';
import { createSyncOperations } from '../../../server/sync/syncOperations.ts';
import type { SyncTransaction, SyncTransactions } from '../../../server/sync/syncTransaction.ts';
import { enrolResponseSchema, pushResponseSchema, statusPullResponseSchema, type EnrolResponse, type Mutation } from '../../../shared/sync/protocol.ts';
import { API_PATHS } from '../../../shared/sync/apiPaths.ts';
import { createMutation, FIXTURE_NOW, fixtureClock, addTestCenter, makeFile, testEnrolmentCode } from '../../support/syncFixtures.ts';
import { openTempStore, type TempStore } from '../../support/tempStore.ts';
import { statusMutation } from '../lifecycleFixtures.ts';

let temp: TempStore;
let app: FastifyInstance;
let url: string;
let pool: pg.Pool;
let base: string;
/** Gates still closed when a test fails: opened before cleaning up, so no transaction is left hanging. */
const gates: (() => void)[] = [];

beforeEach(async () => {
  temp = await openTempStore('postgres');
  if (temp.location.kind !== 'postgres') throw new Error('these tests need PostgreSQL');
  url = temp.location.url;
  await addTestCenter(temp.store, 'VB11824');
  app = await createApp({ store: temp.store, webRoot: null, now: fixtureClock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  pool = createPool(url, 6);
});
afterEach(async () => {
  for (const open of gates.splice(0)) open();
  await app.close();
  await pool.end();
  await temp.dispose();
});

async function enrol(name = 'Quầy 1'): Promise<EnrolResponse> {
  const res = await fetch(`${base}${API_PATHS.devices.enrol}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ centerCode: 'VB11824', enrolmentCode: testEnrolmentCode('VB11824'), locationCode: 'Q1', deviceName: name, role: 'counter' }),
  });
  if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
  return enrolResponseSchema.parse(await res.json());
}

async function push(device: EnrolResponse, mutations: Mutation[]): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${API_PATHS.sync.push}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
    body: JSON.stringify({ mutations }),
  });
  return { status: res.status, body: await res.json() };
}

async function storedDevice(device: EnrolResponse): Promise<Device> {
  const found = await temp.store.findDeviceByTokenHash(hashDeviceToken(device.token));
  if (!found.ok || !found.value) throw new Error('device not found');
  return found.value;
}

/**
 * The store's transactions, with the first one to call `step` held open right after that step
 * until `release()`; `held` settles once it is held. The port holds writes on the socket until its
 * next read (postgresSyncTransaction.ts), so a read follows the step: when the gate closes, the step
 * has reached the database and taken its locks.
 */
function holdAfter(step: keyof SyncTransaction): { txs: SyncTransactions; held: Promise<void>; release(): void } {
  const real = createPostgresSyncTransactions(pool);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  gates.push(release);
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  let used = false;
  const txs: SyncTransactions = {
    ...real,
    write: (work) =>
      real.write((tx) =>
        work(
          new Proxy(tx, {
            get(target, prop, receiver) {
              const value = Reflect.get(target, prop, receiver) as unknown;
              if (prop !== step || used || typeof value !== 'function') return value;
              return async (...args: unknown[]) => {
                const result = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
                await target.ratingById('00000000-0000-4000-8000-000000000000');
                used = true;
                reached();
                await gate;
                return result;
              };
            },
          }),
        ),
      ),
  };
  return { txs, held, release };
}

/**
 * The store's transactions over a pool whose first COMMIT is held back until `release()`: the
 * transaction has sent everything else (its feed lines among them, so their locks are taken) and
 * stays open; `held` settles then.
 */
function holdCommit(): { txs: SyncTransactions; held: Promise<void>; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  gates.push(release);
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  let used = false;
  const holding = new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop !== 'connect') return Reflect.get(target, prop, receiver) as unknown;
      return async () => {
        const client = await target.connect();
        return new Proxy(client, {
          get(c, key, r) {
            const value = Reflect.get(c, key, r) as unknown;
            if (key !== 'query' || typeof value !== 'function') return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(c) : value;
            return (...args: unknown[]) => {
              const query = value as (...a: unknown[]) => Promise<unknown>;
              if (used || args[0] !== 'COMMIT') return query.apply(c, args);
              used = true;
              // Everything before COMMIT reaches the database: a read on the same connection answers after it.
              return (query.call(c, 'SELECT 1') as Promise<unknown>).then(() => {
                reached();
                return gate.then(() => query.apply(c, args));
              });
            };
          },
        });
      };
    },
  });
  return { txs: createPostgresSyncTransactions(holding), held, release };
}

/** Waits until `work` has settled or is waiting for a lock in PostgreSQL, whichever comes first. */
async function settledOrWaiting(work: Promise<unknown>): Promise<'settled' | 'waiting'> {
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 400; i += 1) {
    if (settled) return 'settled';
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if ((rows[0]?.n ?? 0) > 0) return 'waiting';
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the second transaction neither finished nor waited');
}

describe('one device pushing the same batch on two connections at once', () => {
  it('applies each file once over HTTP, however the pushes interleave', async () => {
    const device = await enrol();
    const batch = Array.from({ length: 20 }, (_, i) => createMutation(i + 1, makeFile(device, i + 1)));
    const answers = await Promise.all(Array.from({ length: 8 }, () => push(device, batch)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const parsed = answers.map((a) => pushResponseSchema.parse(a.body));
    expect(parsed.every((a) => a.lastAppliedSeq === 20)).toBe(true);
    // Across all eight answers each number was applied exactly once, and answered duplicate otherwise.
    for (let seq = 1; seq <= 20; seq += 1) {
      const statuses = parsed.map((a) => a.results.find((r) => r.seq === seq)?.status);
      expect(statuses.filter((s) => s === 'applied'), `seq ${seq}`).toHaveLength(1);
      expect(statuses.filter((s) => s === 'duplicate'), `seq ${seq}`).toHaveLength(7);
    }
    expect(await temp.store.countFiles('VB11824')).toEqual({ ok: true, value: 20 });
    expect(await temp.store.findDuplicateFiles('VB11824')).toEqual({ ok: true, value: [] });
  });

  it('makes the second push wait for the first, then answers it duplicate', async () => {
    const enrolled = await enrol();
    const device = await storedDevice(enrolled);
    const files = [1, 2, 3].map((n) => makeFile(enrolled, n));
    const prepared = files.map((f, i) => prepareMutation(createMutation(i + 1, f), device, FIXTURE_NOW));
    const first = holdAfter('lockDevice');
    const firstPush = createSyncOperations(first.txs).applyPush(device.id, prepared);
    await first.held;
    const secondPush = createSyncOperations(createPostgresSyncTransactions(pool)).applyPush(device.id, prepared);
    expect(await settledOrWaiting(secondPush)).toBe('waiting');
    first.release();
    const [a, b] = await Promise.all([firstPush, secondPush]);
    expect(a).toEqual({ ok: true, value: { lastAppliedSeq: 3, results: [1, 2, 3].map((seq) => ({ seq, status: 'applied', reason: null })) } });
    expect(b).toEqual({ ok: true, value: { lastAppliedSeq: 3, results: [1, 2, 3].map((seq) => ({ seq, status: 'duplicate', reason: null })) } });
    expect(await temp.store.countFiles('VB11824')).toEqual({ ok: true, value: 3 });
  });
});

describe('two devices of one center pushing at once', () => {
  it('keeps every file of ten devices, and the status feed numbered without a gap or a repeat', async () => {
    const devices = await Promise.all(Array.from({ length: 10 }, (_, i) => enrol(`Quầy ${i + 1}`)));
    const answers = await Promise.all(
      devices.map((device) => {
        const files = Array.from({ length: 12 }, (_, i) => makeFile(device, i + 1));
        return push(device, [
          ...files.map((f, i) => createMutation(i + 1, f)),
          ...files.slice(0, 4).map((f, i) => statusMutation(13 + i, device, f.id, 'received', 'processing')),
        ]);
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(await temp.store.countFiles('VB11824')).toEqual({ ok: true, value: 120 });
    const feed = statusPullResponseSchema.parse(
      await (await fetch(`${base}${API_PATHS.sync.statuses}?since=0&limit=500`, { headers: { authorization: `Bearer ${devices[0]!.token}` } })).json(),
    );
    expect(feed.changes).toHaveLength(160);
    const { rows } = await pool.query<{ cursor: number }>("SELECT cursor::int FROM status_feed WHERE center_code = 'VB11824' ORDER BY cursor");
    expect(rows.map((r) => r.cursor)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
  });

  it('hands out feed cursors in commit order: a reader never skips a line committed late', async () => {
    const [one, two] = await Promise.all([enrol('Quầy 1'), enrol('Quầy 2')]);
    const [a, b] = await Promise.all([storedDevice(one), storedDevice(two)]);
    // Feed lines take their cursors at commit: the first push is held with its lines written and its COMMIT not yet sent.
    const first = holdCommit();
    const firstPush = createSyncOperations(first.txs).applyPush(a.id, [prepareMutation(createMutation(1, makeFile(one, 1)), a, FIXTURE_NOW)]);
    await first.held;
    const secondPush = createSyncOperations(createPostgresSyncTransactions(pool)).applyPush(b.id, [prepareMutation(createMutation(1, makeFile(two, 1)), b, FIXTURE_NOW)]);
    const second = await settledOrWaiting(secondPush);
    // A device pulling now must not be handed a cursor past a line that is yet to commit.
    const early = await temp.store.statusesSince('VB11824', 0, 100);
    expect(second).toBe('waiting');
    first.release();
    await Promise.all([firstPush, secondPush]);
    if (!early.ok) throw new Error(early.error.reason);
    const late = await temp.store.statusesSince('VB11824', early.value.cursor, 100);
    const seen = [...early.value.changes, ...(late.ok ? late.value.changes : [])].map((c) => c.number).sort();
    expect(seen).toEqual([makeNumber(one, 1), makeNumber(two, 1)].sort());
  });
});

const makeNumber = (device: EnrolResponse, n: number) => makeFile(device, n).number;

describe('two enrolments at once', () => {
  it('gives twenty devices enrolled at once twenty different codes', async () => {
    const enrolled = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        temp.store.enrolDevice({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, centerCode: 'VB11824', name: `Máy ${i}`, locationCode: null, role: 'counter', tokenHash: `hash-${i}` }),
      ),
    );
    expect(enrolled.every((e) => e.ok)).toBe(true);
    const codes = enrolled.map((e) => (e.ok ? e.value.code : '')).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`));
  });
});

describe('a status change racing a push', () => {
  it('lets the second see the first: the push that expected the old status is refused as stale', async () => {
    const counter = await enrol();
    const file = makeFile(counter, 1);
    expect((await push(counter, [createMutation(1, file)])).status).toBe(200);
    const device = await storedDevice(counter);
    const office = holdAfter('lockFile');
    const officeChange = createSyncOperations(office.txs).changeStatus({
      centerCode: 'VB11824',
      fileId: file.id,
      from: null,
      status: 'processing',
      note: 'another office',
      at: FIXTURE_NOW.toISOString(),
      by: null,
      location: null,
      deviceId: device.id,
    });
    await office.held;
    const counterPush = createSyncOperations(createPostgresSyncTransactions(pool)).applyPush(device.id, [
      prepareMutation(statusMutation(2, counter, file.id, 'received', 'processing'), device, FIXTURE_NOW),
    ]);
    expect(await settledOrWaiting(counterPush)).toBe('waiting');
    office.release();
    const [moved, pushed] = await Promise.all([officeChange, counterPush]);
    expect(moved.ok).toBe(true);
    expect(pushed.ok && pushed.value.results[0]).toMatchObject({ status: 'rejected', code: 'fileStatus.error.staleStatus' });
    const history = await temp.store.statusHistory('VB11824', file.id);
    expect(history.ok && history.value.map((h) => h.status)).toEqual(['received', 'processing']);
  });

  it('keeps every file history a legal chain when office changes and pushes race over HTTP', async () => {
    const counter = await enrol();
    const admin = await enrol('Văn phòng');
    const files = Array.from({ length: 15 }, (_, i) => makeFile(counter, i + 1));
    expect((await push(counter, files.map((f, i) => createMutation(i + 1, f)))).status).toBe(200);
    const office = files.map((f) =>
      fetch(`${base}${API_PATHS.files.status.at(f.id)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({ status: 'processing', note: null }),
      }),
    );
    const pushed = push(counter, files.map((f, i) => statusMutation(16 + i, counter, f.id, 'received', 'processing')));
    const [officeAnswers, pushAnswer] = await Promise.all([Promise.all(office), pushed]);
    const pushedResults = pushResponseSchema.parse(pushAnswer.body).results;
    for (const [i, f] of files.entries()) {
      const history = await temp.store.statusHistory('VB11824', f.id);
      // Whoever came second found the file moved: exactly one of the two changes took.
      expect(history.ok && history.value.map((h) => h.status), f.number).toEqual(['received', 'processing']);
      const officeTook = officeAnswers[i]!.status === 200;
      const counterTook = pushedResults[i]!.status === 'applied';
      expect(officeTook !== counterTook, f.number).toBe(true);
    }
  });
});
