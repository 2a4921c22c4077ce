/**
 * Migration 3 on a province database that already holds files: the times it adds as milliseconds
 * are filled for every existing row (as Date.parse reads the stored text), and the province's
 * figures counted from them are the figures the center's definition gives for the same files.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../server/store/postgres/postgresStore.ts';
import { POSTGRES_MIGRATIONS } from '../../../server/store/postgres/postgresMigrations.ts';
import type { SyncStore } from '../../../server/store/store.ts';
import { demoCatalog } from '../../../shared/catalog/demoCatalog.ts';
import { computeCenterStats, statsPeriod } from '../../../shared/stats/centerStats.ts';
import { computeProvinceStats } from '../../../shared/stats/provinceStats.ts';
import { createDatabase, dropDatabase } from '../../support/postgresDatabases.ts';
import { postgresServer } from '../../support/testStores.ts';

const name = `before_figures_${randomUUID().replaceAll('-', '')}`;
let store: SyncStore | null = null;
afterEach(async () => {
  await store?.close();
  await dropDatabase(postgresServer(), name);
});

/** A file row as migration 2's schema holds it: times as text, as the devices sent them. */
interface OldFile {
  center: string;
  received: string;
  due: string | null;
  done: string | null;
  returned: string | null;
  status: string;
  channel: string;
  rating: number | null;
}

const OLD_FILES: OldFile[] = [
  { center: 'VB01', received: '2027-03-01T00:00:00+07:00', due: '2027-03-04T17:00:00+07:00', done: '2027-03-04T09:00:00+07:00', returned: '2027-03-05T08:00:00Z', status: 'returned', channel: 'online', rating: 4 },
  { center: 'VB01', received: '2027-02-28T16:59:59.999Z', due: null, done: null, returned: null, status: 'received', channel: 'in_person', rating: null },
  { center: 'VB01', received: '2027-03-31T23:59:59.9999+07:00', due: '2027-04-02T17:00:00+07:00', done: null, returned: null, status: 'processing', channel: 'postal', rating: null },
  { center: 'VB01', received: '2027-03-10T08:00:00+07:00', due: '2027-03-12T17:00:00+07:00', done: '2027-03-13T00:00:00+07:00', returned: null, status: 'done', channel: 'in_person', rating: 2 },
  { center: 'VB02', received: '2027-03-15T02:00:00Z', due: '2027-03-16T10:00:00Z', done: null, returned: null, status: 'rejected', channel: 'online', rating: null },
  { center: 'VB02', received: '2027-03-20T08:00:00-05:00', due: '2027-03-25T17:00:00+07:00', done: null, returned: null, status: 'processing', channel: 'in_person', rating: 3 },
];

describe('PostgreSQL migration 3 (file times as milliseconds, the figures index)', () => {
  it('fills the new columns of the files already there, and the figures count them as the center would', async () => {
    const url = await createDatabase(postgresServer(), name);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await db.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const [step, migration] of POSTGRES_MIGRATIONS.slice(0, 2).entries()) {
        await db.query(migration);
        await db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [step + 1]);
      }
      const procedure = demoCatalog.procedures[0]!;
      for (const center of ['HP', 'VB01', 'VB02']) {
        await db.query(`INSERT INTO centers (code, name, enrolment_code_hash, kind, province_code, created_at) VALUES ($1, $1, 'x', $2, $3, '2027-01-01T00:00:00Z')`, [
          center,
          center === 'HP' ? 'province' : 'center',
          center === 'HP' ? null : 'HP',
        ]);
      }
      for (const [i, f] of OLD_FILES.entries()) {
        await db.query(
          `INSERT INTO files (center_code, id, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at, due_at,
                              channel, procedure_name, attachments, done_at, returned_at, rating)
           VALUES ($1, $2, $3, 'd', $4, $5, '{}', 'h', $6, $6, $7, $8, $9, 0, $10, $11, $12)`,
          [f.center, randomUUID(), `${f.center}-D01-${i}`, procedure.code, f.status, f.received, f.due, f.channel, procedure.name, f.done, f.returned, f.rating],
        );
      }
    } finally {
      await db.end();
    }

    const opened = await openPostgresStore(url, { poolSize: 2 });
    if (!opened.ok) throw new Error(opened.error);
    store = opened.value;
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const { rows } = await check.query<Record<string, string | null>>(
        `SELECT received_at, received_ms::text, due_at, due_ms::text, done_at, done_ms::text, returned_at, returned_ms::text FROM files ORDER BY number`,
      );
      const asMs = (text: string | null) => (text === null ? null : String(Date.parse(text)));
      expect(rows.map((r) => [r.received_ms, r.due_ms, r.done_ms, r.returned_ms])).toEqual(rows.map((r) => [asMs(r.received_at!), asMs(r.due_at!), asMs(r.done_at!), asMs(r.returned_at!)]));
      const versions = await check.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations');
      expect(versions.rows[0]!.v).toBe(POSTGRES_MIGRATIONS.length);
    } finally {
      await check.end();
    }

    const centers = [{ code: 'VB01', name: 'VB01' }, { code: 'VB02', name: 'VB02' }];
    for (const [period, now] of [
      [{ from: '2027-03-01', to: '2027-04-01' }, new Date('2027-06-01T00:00:00Z')],
      [{ from: '2027-03-01', to: '2027-04-01' }, new Date('2027-03-12T12:00:00+07:00')],
    ] as const) {
      const instants = statsPeriod({ ...period, now });
      if (!instants.ok) throw new Error(instants.error);
      const counts = await store.figureCounts({ centerCodes: ['VB01', 'VB02'], ...instants.value });
      const summaries = await store.fileSummaries({ centerCodes: ['VB01', 'VB02'], fromMs: instants.value.fromMs, toMs: instants.value.toMs });
      if (!counts.ok || !summaries.ok) throw new Error('store read failed');
      const province = computeProvinceStats(counts.value, { code: 'HP', name: 'HP' }, centers, { ...period, now });
      const center = computeCenterStats(summaries.value, { ...period, now });
      expect(province.ok && province.value.total).toEqual(center.ok && center.value.total);
      expect(province.ok && province.value.total.received).toBe(5);
    }
  });
});
