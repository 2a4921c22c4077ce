/**
 * Two server processes on one database, as a province runs them: what one keeps in memory (the
 * device behind a token, the catalog's version, postgresNotices.ts) must never let it answer what
 * the other, or a command, has changed. A revoked device is refused at once by every process: the
 * revocation returns only when each has dropped it. A new catalog is served by both soon after.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTENER_NAME } from '../../../server/store/postgres/postgresNotices.ts';
import { createPool } from '../../../server/store/postgres/postgresSql.ts';
import { demoCatalog } from '../../../shared/catalog/demoCatalog.ts';
import { apiErrorSchema, catalogChangesSchema, enrolResponseSchema, type EnrolResponse } from '../../../shared/sync/protocol.ts';
import { API_PATHS } from '../../../shared/sync/apiPaths.ts';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess.ts';
import { addTestCenter, createMutation, makeFile, testEnrolmentCode } from '../../support/syncFixtures.ts';
import { openTempStore, type TempStore } from '../../support/tempStore.ts';

let temp: TempStore;
let servers: ServerProcess[] = [];
let pool: pg.Pool;

beforeAll(async () => {
  temp = await openTempStore('postgres');
  if (temp.location.kind !== 'postgres') throw new Error('these tests need PostgreSQL');
  await addTestCenter(temp.store, 'VB11824');
  const url = temp.location.url;
  servers = await Promise.all([startServerProcess(url), startServerProcess(url)]);
  pool = createPool(url, 1);
}, 60_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await pool.end();
  await temp.dispose();
});

const bearer = (device: EnrolResponse) => ({ authorization: `Bearer ${device.token}` });

/** Both processes listen for changes (their caches serve from memory only from then on). */
async function bothListening(): Promise<void> {
  // A first request makes each process start listening.
  for (const s of servers) await fetch(`${s.url}${API_PATHS.catalog.changes}?since=0`);
  await expect
    .poll(async () => {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
        LISTENER_NAME,
      ]);
      return rows[0]?.n;
    })
    .toBe(2);
}

describe('several server processes on one database', () => {
  it('refuses a revoked device at once on every process, for reads and pushes alike', async () => {
    await bothListening();
    const enrolled = await fetch(`${servers[0]!.url}${API_PATHS.devices.enrol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ centerCode: 'VB11824', enrolmentCode: testEnrolmentCode('VB11824'), locationCode: 'Q1', deviceName: 'Quầy 1', role: 'counter' }),
    });
    const device = enrolResponseSchema.parse(await enrolled.json());
    // Each process now holds the device in memory.
    for (const s of servers) expect((await fetch(`${s.url}${API_PATHS.sync.statuses}`, { headers: bearer(device) })).status).toBe(200);

    // As `npm run device:revoke` does, from a connection of its own.
    const revoked = await temp.store.revokeDevice(device.deviceId);
    expect(revoked.ok).toBe(true);

    for (const s of servers) {
      const read = await fetch(`${s.url}${API_PATHS.sync.statuses}`, { headers: bearer(device) });
      expect(read.status).toBe(401);
      expect(apiErrorSchema.parse(await read.json()).error).toBe('revoked_device');
      const push = await fetch(`${s.url}${API_PATHS.sync.push}`, {
        method: 'POST',
        headers: { ...bearer(device), 'content-type': 'application/json' },
        body: JSON.stringify({ mutations: [createMutation(1, makeFile(device, 1))] }),
      });
      expect(push.status).toBe(401);
    }
    expect(await temp.store.countFiles('VB11824')).toEqual({ ok: true, value: 0 });
  });

  it('serves a newly imported catalog from every process', async () => {
    await bothListening();
    const before = await Promise.all(servers.map(async (s) => catalogChangesSchema.parse(await (await fetch(`${s.url}${API_PATHS.catalog.changes}?since=0`)).json()).version));
    const imported = await temp.store.replaceCatalog(demoCatalog.procedures.slice(0, 3), 'test');
    if (!imported.ok) throw new Error(imported.error.reason);
    const version = imported.value.catalog.version;
    expect(before.every((v) => v !== version)).toBe(true);
    for (const s of servers) {
      await expect
        .poll(async () => catalogChangesSchema.parse(await (await fetch(`${s.url}${API_PATHS.catalog.changes}?since=0`)).json()).version, { timeout: 5_000 })
        .toBe(version);
    }
  });
});
