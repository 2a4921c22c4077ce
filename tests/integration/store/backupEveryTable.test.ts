/**
 * A backup restored holds every row of every table, on every store, taken the way the README says:
 * SQLite's verified online backup and `npm run restore` (server/store/sqliteBackup.ts), PostgreSQL's
 * pg_dump --format=custom while the server runs and pg_restore into an empty database. The tables
 * are read from the database's own schema, so a table added later is compared too (and fails here
 * until tests/support/everyTable.ts writes a row into it). The restored copy then opens as a store
 * and serves what it holds.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../../server/store/sqliteBackup.ts';
import { createDatabase } from '../../support/postgresDatabases.ts';
import { postgresBinDir } from '../../support/postgresCluster.ts';
import { fillEveryTable, readEveryTable } from '../../support/everyTable.ts';
import { FIXTURE_NOW } from '../../support/syncFixtures.ts';
import { openStoreAt, type StoreLocation, type TempStore } from '../../support/tempStore.ts';
import { useTestApp } from '../../support/testApp.ts';
import { postgresServer } from '../../support/testStores.ts';

const run = promisify(execFile);

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: [] }, (ready) => ({ app, temp } = ready));

/** The store's own backup, restored somewhere new; where the restored data is. */
const backUpAndRestore: Record<TempStore['kind'], (from: StoreLocation) => Promise<StoreLocation>> = {
  sqlite: async (from) => {
    if (from.kind !== 'sqlite') throw new Error('a SQLite location');
    const backup = await backupDatabase(from.dir, join(temp.dir, 'backups'), FIXTURE_NOW);
    if (!backup.ok) throw new Error(backup.error);
    const restoredDir = join(temp.dir, 'restored');
    const restored = restoreDatabase(restoredDir, backup.value.path);
    if (!restored.ok) throw new Error(restored.error);
    return { kind: 'sqlite', dir: restoredDir };
  },
  postgres: async (from) => {
    if (from.kind !== 'postgres') throw new Error('a PostgreSQL location');
    const dump = join(temp.dir, 'motcua.dump');
    await run(join(postgresBinDir(), 'pg_dump'), ['--format=custom', `--file=${dump}`, from.url]);
    const url = await createDatabase(postgresServer(), `restored_${Date.now()}`);
    await run(join(postgresBinDir(), 'pg_restore'), ['--no-owner', `--dbname=${url}`, dump]);
    return { kind: 'postgres', url };
  },
};

describe('backup and restore of every table', () => {
  it('brings back every row of every table, and the restored copy serves as a store', async () => {
    await fillEveryTable(app, temp.store, temp.location, FIXTURE_NOW);
    const before = await readEveryTable(temp.location);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(Object.entries(before).filter(([, rows]) => rows.length === 0).map(([table]) => table), 'tables the fixture leaves empty').toEqual([]);

    const restoredAt = await backUpAndRestore[temp.kind](temp.location);
    const after = await readEveryTable(restoredAt);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    const restored = await openStoreAt(restoredAt);
    try {
      expect(await restored.countFiles('VB01')).toEqual({ ok: true, value: 3 });
      const drafts = await restored.countDrafts();
      expect(drafts).toEqual({ ok: true, value: 1 });
    } finally {
      await restored.close();
    }
  });
});
