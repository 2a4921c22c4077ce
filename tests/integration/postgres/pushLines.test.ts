/**
 * PostgreSQL keeps a push's append-only lines (mutation log, history, feed) in memory and writes them
 * with the commit (postgresSyncTransaction.ts). An item the server fails on is rolled back with its
 * savepoint: the lines it had kept must go with it, and the items after it keep theirs.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hashDeviceToken } from '../../../server/auth/secrets.ts';
import { createPool } from '../../../server/store/postgres/postgresSql.ts';
import { createPostgresSyncTransactions } from '../../../server/store/postgres/postgresSyncTransaction.ts';
import type { PreparedMutation } from '../../../server/store/store.ts';
import { createSyncOperations } from '../../../server/sync/syncOperations.ts';
import type { SyncTransactions } from '../../../server/sync/syncTransaction.ts';
import { createApp } from '../../../server/app.ts';
import { addTestCenter, enrolTestDevice, fixtureClock, makeFile } from '../../support/syncFixtures.ts';
import { openTempStore, type TempStore } from '../../support/tempStore.ts';

let temp: TempStore;
let pool: pg.Pool;
beforeEach(async () => {
  temp = await openTempStore('postgres');
  if (temp.location.kind !== 'postgres') throw new Error('this test needs PostgreSQL');
  await addTestCenter(temp.store, 'VB11824');
  pool = createPool(temp.location.url, 2);
});
afterEach(async () => {
  await pool.end();
  await temp.dispose();
});

/** The store's transactions, with the first appendFeed throwing after the item has kept its history line. */
function failingFirstFeed(): SyncTransactions {
  const real = createPostgresSyncTransactions(pool);
  let failed = false;
  return {
    ...real,
    write: (work) =>
      real.write((tx) =>
        work({
          ...tx,
          savepoint: tx.savepoint.bind(tx),
          appendFeed: async (entry) => {
            if (!failed) {
              failed = true;
              throw new Error('a bug after the history line was kept');
            }
            return tx.appendFeed(entry);
          },
        }),
      ),
  };
}

it("drops the lines of an item rolled back by its savepoint, and keeps the other items' lines", async () => {
  const app = await createApp({ store: temp.store, webRoot: null, now: fixtureClock });
  const device = await enrolTestDevice(app, 'VB11824');
  await app.close();
  const found = await temp.store.findDeviceByTokenHash(hashDeviceToken(device.token));
  if (!found.ok || !found.value) throw new Error('no device');
  const files = [1, 2, 3].map((n) => makeFile(device, n));
  const items: PreparedMutation[] = files.map((file, i) => ({ seq: i + 1, id: randomUUID(), kind: 'file.create', at: file.receivedAt, action: 'create', file }));
  const pushed = await createSyncOperations(failingFirstFeed()).applyPush(found.value.id, items);
  expect(pushed.ok && pushed.value.results.map((r) => [r.status, r.code ?? null])).toEqual([
    ['rejected', 'syncReason.internal'],
    ['applied', null],
    ['applied', null],
  ]);
  expect(await temp.store.findFile('VB11824', files[0]!.id)).toEqual({ ok: true, value: null });
  expect(await temp.store.statusHistory('VB11824', files[0]!.id)).toEqual({ ok: true, value: [] });
  const feed = await temp.store.statusesSince('VB11824', 0, 100);
  expect(feed.ok && feed.value.changes.map((c) => c.fileId)).toEqual([files[1]!.id, files[2]!.id]);
  expect(feed.ok && feed.value.cursor).toBe(2);
  // Every number is logged, the refused one too, so a resend is answered the same.
  const { rows } = await pool.query<{ seq: number; status: string }>("SELECT seq::int, status FROM mutations WHERE center_code = 'VB11824' ORDER BY seq");
  expect(rows).toEqual([
    { seq: 1, status: 'rejected' },
    { seq: 2, status: 'applied' },
    { seq: 3, status: 'applied' },
  ]);
});
