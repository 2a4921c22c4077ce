/**
 * Backup and restore of a PostgreSQL store as the README says to do it: pg_dump's custom format
 * while the server runs, pg_restore into an empty database, the server started on the restored one.
 * Everything pushed before the dump is there, devices keep their tokens and sequence numbers, and a
 * device that pushed after the dump is told to resend (409) and lands its files again.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { pushResponseSchema, sequenceGapSchema, type EnrolResponse, type Mutation } from '../../../shared/sync/protocol.ts';
import { API_PATHS } from '../../../shared/sync/apiPaths.ts';
import { createDatabase } from '../../support/postgresDatabases.ts';
import { postgresBinDir } from '../../support/postgresCluster.ts';
import { addTestCenter, bearer, createMutation, enrolTestDevice, fixtureClock, makeFile } from '../../support/syncFixtures.ts';
import { openStoreAt, openTempStore, type TempStore } from '../../support/tempStore.ts';
import { postgresServer } from '../../support/testStores.ts';

const run = promisify(execFile);

let temp: TempStore;
let app: FastifyInstance;
beforeEach(async () => {
  temp = await openTempStore('postgres');
  await addTestCenter(temp.store, 'VB11824');
  app = await createApp({ store: temp.store, webRoot: null, now: fixtureClock });
});
afterEach(async () => {
  await app.close();
  await temp.dispose();
});

const push = async (target: FastifyInstance, device: EnrolResponse, mutations: Mutation[]) =>
  target.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations } });

describe('PostgreSQL backup and restore', () => {
  it('restores a pg_dump taken while the server runs, and devices resend what came after it', async () => {
    if (temp.location.kind !== 'postgres') throw new Error('these tests need PostgreSQL');
    const counter = await enrolTestDevice(app, 'VB11824');
    const files = [1, 2, 3, 4, 5].map((n) => makeFile(counter, n));
    expect((await push(app, counter, files.slice(0, 3).map((f, i) => createMutation(i + 1, f)))).statusCode).toBe(200);

    const dump = join(temp.dir, 'motcua.dump');
    await run(join(postgresBinDir(), 'pg_dump'), ['--format=custom', `--file=${dump}`, temp.location.url]);
    // After the backup, two more files reach the server; then the database is lost.
    expect((await push(app, counter, files.slice(3).map((f, i) => createMutation(i + 4, f)))).statusCode).toBe(200);

    const restoredUrl = await createDatabase(postgresServer(), `restored_${Date.now()}`);
    await run(join(postgresBinDir(), 'pg_restore'), ['--no-owner', `--dbname=${restoredUrl}`, dump]);
    const restored = await openStoreAt({ kind: 'postgres', url: restoredUrl });
    const again = await createApp({ store: restored, webRoot: null, now: fixtureClock });
    try {
      expect(await restored.countFiles('VB11824')).toEqual({ ok: true, value: 3 });
      // The device's token still works; its next push is past what the backup holds: 409, then it resends.
      const gap = await push(again, counter, [createMutation(6, makeFile(counter, 6))]);
      expect(gap.statusCode).toBe(409);
      expect(sequenceGapSchema.parse(gap.json()).lastAppliedSeq).toBe(3);
      const resent = await push(again, counter, [...files.slice(3).map((f, i) => createMutation(i + 4, f)), createMutation(6, makeFile(counter, 6))]);
      expect(pushResponseSchema.parse(resent.json()).results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
      expect(await restored.countFiles('VB11824')).toEqual({ ok: true, value: 6 });
      expect(await restored.findDuplicateFiles('VB11824')).toEqual({ ok: true, value: [] });
      // The status feed goes on from where the backup left it, without reusing a cursor.
      const feed = await restored.statusesSince('VB11824', 0, 100);
      expect(feed.ok && [feed.value.cursor, feed.value.changes.length]).toEqual([6, 6]);
    } finally {
      await again.close();
      await restored.close();
    }
  });
});
