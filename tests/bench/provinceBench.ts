/**
 * `npm run bench:province`: a province's figures with 1,000,000 files in PostgreSQL. The files of
 * BENCH_PROVINCE_CENTERS centers over three years (about 280 a month each, as a commune receives)
 * are written straight into the database in bulk (the figures read the same columns the exactly-once
 * rules write), then a province device asks GET /api/province/stats over HTTP on loopback for a
 * month, a quarter and a year: authentication, the one read of the centers' file summaries, the
 * figures and the JSON answer, timed end to end. A table and one JSON line.
 *
 * BENCH_PROVINCE_FILES (1000000), BENCH_PROVINCE_CENTERS (100), BENCH_RUNS (5).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createApp } from '../../server/app.ts';
import { UNUSABLE_CODE_HASH } from '../../server/auth/secrets.ts';
import { openPostgresStore } from '../../server/store/postgres/postgresStore.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { computeProvinceStats, provinceStatsSchema } from '../../shared/stats/provinceStats.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { startPostgres } from '../support/postgresCluster.ts';
import { addTestProvince, enrolTestDevice } from '../support/syncFixtures.ts';

const FILES = Number(process.env.BENCH_PROVINCE_FILES ?? 1_000_000);
const CENTERS = Number(process.env.BENCH_PROVINCE_CENTERS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const cluster = await startPostgres({ settings: { shared_buffers: '512MB', max_wal_size: '4GB' } });
const opened = await openPostgresStore(cluster.url);
if (!opened.ok) throw new Error(opened.error);
const store = opened.value;
await store.replaceCatalog(demoCatalog.procedures, 'bench');
await addTestProvince(store, 'HP');
const centers = Array.from({ length: CENTERS }, (_, i) => `HP${String(i + 1).padStart(3, '0')}`);
for (const code of centers) {
  const added = await store.addCenter({ code, name: `Trung tâm ${code}`, enrolmentCodeHash: UNUSABLE_CODE_HASH, adminCodeHash: null, provinceCode: 'HP' });
  if (!added.ok) throw new Error(added.error.reason);
}

// Three years of files, spread evenly over the centers and the days: 30% online, most done within
// their 5 days, a few late, the last weeks still in progress, one in four rated.
const started = performance.now();
const db = new pg.Client({ connectionString: cluster.url });
await db.connect();
const codes = demoCatalog.procedures.map((p) => p.code);
const names = demoCatalog.procedures.map((p) => p.name);
const CHUNK = 200_000;
for (let first = 0; first < FILES; first += CHUNK) {
  await db.query(
    `INSERT INTO files (center_code, id, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at, due_at,
                        location_code, lookup_code, channel, procedure_name, attachments, done_at, returned_at, rating)
     SELECT g.center, md5('f' || g.i)::uuid::text, g.center || '-D01-' || to_char(g.t, 'YYYYMMDD') || '-' || lpad(g.i::text, 7, '0'),
            'bench-device', ($3::text[])[g.p], g.status, '{}', md5(g.i::text), to_char(g.t, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), to_char(g.t, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            to_char(g.t + interval '5 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'Q1', NULL,
            CASE WHEN g.i % 10 < 3 THEN 'online' ELSE 'in_person' END, ($4::text[])[g.p], 1,
            CASE WHEN g.status IN ('done', 'returned') THEN to_char(g.t + (g.i % 7) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END,
            CASE WHEN g.status = 'returned' THEN to_char(g.t + (g.i % 7 + 1) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END,
            CASE WHEN g.i % 4 = 0 THEN 1 + (g.i / 4) % 4 END
     FROM (
       SELECT i, ($5::text[])[1 + i % $6] AS center, 1 + (i / $6) % cardinality($3::text[]) AS p,
              timestamp '2024-01-01 01:00' + (i::float8 / $7) * interval '1095 days' AS t,
              CASE WHEN i > $7 * 0.98 THEN 'processing' WHEN i % 3 = 0 THEN 'done' ELSE 'returned' END AS status
       FROM generate_series($1::int, $2::int) AS i
     ) g`,
    [first, Math.min(FILES, first + CHUNK) - 1, codes, names, centers, CENTERS, FILES],
  );
}
await db.query('ANALYZE files');
await db.end();
const seeded = (performance.now() - started) / 1000;

const app = await createApp({ store, webRoot: null, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const device = await enrolTestDevice(app, 'HP', undefined, 'province');

/** Where one answer's time goes, measured in this process: the store's read, then the figures. */
async function parts(from: string, to: string): Promise<{ readMs: number; figuresMs: number }> {
  const centerList = await store.provinceCenters('HP');
  if (!centerList.ok) throw new Error(centerList.error.reason);
  const t = performance.now();
  const summaries = await store.fileSummaries({ centerCodes: centerList.value.map((c) => c.code), fromMs: Date.parse(`${from}T00:00:00+07:00`), toMs: Date.parse(`${to}T00:00:00+07:00`) });
  const read = performance.now() - t;
  if (!summaries.ok) throw new Error(summaries.error.reason);
  const u = performance.now();
  computeProvinceStats(summaries.value, { code: 'HP', name: 'Tỉnh HP' }, centerList.value, { from, to, now: new Date() });
  return { readMs: read, figuresMs: performance.now() - u };
}

async function timed(from: string, to: string): Promise<{ median: number; max: number; files: number; centers: number; readMs: number; figuresMs: number }> {
  const times: number[] = [];
  let files = 0;
  let centersSeen = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const t = performance.now();
    const res = await fetch(`${base}${API_PATHS.province.figures}?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${device.token}` } });
    const body = provinceStatsSchema.parse(await res.json());
    times.push(performance.now() - t);
    files = body.total.received;
    centersSeen = body.byCenter.length;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, files, centers: centersSeen, ...(await parts(from, to)) };
}

const month = await timed('2026-03-01', '2026-04-01');
const quarter = await timed('2026-01-01', '2026-04-01');
const year = await timed('2025-01-01', '2026-01-01');
await app.close();
await store.close();
await cluster.stop();

console.log(`\nprovince figures: ${FILES.toLocaleString('en')} files of ${CENTERS} centers in PostgreSQL (written in ${seeded.toFixed(0)} s), GET ${API_PATHS.province.figures} over HTTP, ${RUNS} runs each`);
console.log('| period | files counted | centers | median | slowest | of which: store read / figures |');
console.log('|---|---|---|---|---|---|');
for (const [label, r] of [['a month (2026-03)', month], ['a quarter (2026 Q1)', quarter], ['a year (2025)', year]] as const) {
  console.log(`| ${label} | ${r.files.toLocaleString('en')} | ${r.centers} | ${r.median.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.readMs.toFixed(0)} / ${r.figuresMs.toFixed(0)} ms |`);
}
console.log(
  JSON.stringify({ store: 'postgres', files: FILES, centers: CENTERS, month_ms: Math.round(month.median), quarter_ms: Math.round(quarter.median), year_ms: Math.round(year.median), year_files: year.files }),
);
process.exit(0);
