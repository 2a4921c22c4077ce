/**
 * `npm run bench:province`: a province's figures with 1,000,000 files in PostgreSQL. The files of
 * BENCH_PROVINCE_CENTERS centers over three years (about 280 a month each, as a commune receives)
 * are written straight into the database in bulk (the figures read the same columns the exactly-once
 * rules write; each row carries a record the size of a real registration, ~1 KB, so the table is as
 * large as a real one), vacuumed and analysed as autovacuum leaves a table of past years, then a
 * province device asks GET /api/province/stats over HTTP on loopback for a month, a quarter and a
 * year: authentication, the database's count per center and field (store/figureCountsSql.ts), the
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
import { statsPeriod } from '../../shared/stats/centerStats.ts';
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
/** A registration's record as a counter sends it (shape of shared/files/fileRecord.ts), the same for every row: only its size matters here. */
const record = JSON.stringify({
  id: '00000000-0000-4000-8000-000000000000',
  number: 'HP001-D01-20250101-0001',
  centerCode: 'HP001',
  locationCode: 'Q1',
  deviceId: 'bench-device',
  procedureCode: codes[0],
  procedureName: names[0],
  channel: 'in_person',
  citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: '031090000001', sex: 'male', phone: '0912345678', address: 'Thôn 3, xã Vĩnh Bảo, thành phố Hải Phòng' },
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 },
    { name: 'Giấy chứng sinh do cơ sở y tế cấp', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 },
    { name: 'Giấy tờ tùy thân của người đi đăng ký', originalsExpected: 0, copiesExpected: 1, originalsReceived: 0, copiesReceived: 1 },
  ],
  attachments: [{ id: '00000000-0000-4000-8000-000000000001', name: 'scan-1.pdf', type: 'application/pdf', size: 182_344, sha256: 'a'.repeat(64) }],
  notes: 'Công dân bổ sung bản sao giấy tờ tùy thân khi nhận kết quả',
  receivedAt: '2025-01-01T08:00:00+07:00',
  receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' },
  dueAt: '2025-01-02T17:00:00+07:00',
  lookupCode: 'K7Q2M9',
});
const CHUNK = 200_000;
for (let first = 0; first < FILES; first += CHUNK) {
  await db.query(
    `INSERT INTO files (center_code, id, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at, due_at,
                        location_code, lookup_code, channel, procedure_name, attachments, done_at, returned_at, rating)
     SELECT g.center, md5('f' || g.i)::uuid::text, g.center || '-D01-' || to_char(g.t, 'YYYYMMDD') || '-' || lpad(g.i::text, 7, '0'),
            'bench-device', ($3::text[])[g.p], g.status, $8, md5(g.i::text), to_char(g.t, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), to_char(g.t, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
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
    [first, Math.min(FILES, first + CHUNK) - 1, codes, names, centers, CENTERS, FILES, record],
  );
}
await db.query('VACUUM (ANALYZE) files');
const [size] = (await db.query<{ bytes: string }>(`SELECT pg_total_relation_size('files')::text AS bytes`)).rows;
await db.end();
const seeded = (performance.now() - started) / 1000;

const app = await createApp({ store, webRoot: null, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const device = await enrolTestDevice(app, 'HP', undefined, 'province');

/** Where one answer's time goes, measured in this process: the database's count, then the figures from the counts. */
async function parts(from: string, to: string): Promise<{ readMs: number; figuresMs: number; groups: number }> {
  const centerList = await store.provinceCenters('HP');
  if (!centerList.ok) throw new Error(centerList.error.reason);
  const now = new Date();
  const period = statsPeriod({ from, to, now });
  if (!period.ok) throw new Error(period.error);
  const t = performance.now();
  const counts = await store.figureCounts({ centerCodes: centerList.value.map((c) => c.code), ...period.value });
  const read = performance.now() - t;
  if (!counts.ok) throw new Error(counts.error.reason);
  const u = performance.now();
  computeProvinceStats(counts.value, { code: 'HP', name: 'Tỉnh HP' }, centerList.value, { from, to, now });
  return { readMs: read, figuresMs: performance.now() - u, groups: counts.value.length };
}

async function timed(from: string, to: string): Promise<{ median: number; max: number; files: number; centers: number; readMs: number; figuresMs: number; groups: number }> {
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

const tableMb = Number(size?.bytes ?? 0) / 1024 / 1024;
console.log(
  `\nprovince figures: ${FILES.toLocaleString('en')} files of ${CENTERS} centers in PostgreSQL (written in ${seeded.toFixed(0)} s, files table with its indexes ${tableMb.toFixed(0)} MB), GET ${API_PATHS.province.figures} over HTTP, ${RUNS} runs each`,
);
console.log('| period | files counted | centers | median | slowest | of which: database count (rows) / figures |');
console.log('|---|---|---|---|---|---|');
for (const [label, r] of [['a month (2026-03)', month], ['a quarter (2026 Q1)', quarter], ['a year (2025)', year]] as const) {
  console.log(`| ${label} | ${r.files.toLocaleString('en')} | ${r.centers} | ${r.median.toFixed(0)} ms | ${r.max.toFixed(0)} ms | ${r.readMs.toFixed(0)} ms (${r.groups}) / ${r.figuresMs.toFixed(1)} ms |`);
}
console.log(
  JSON.stringify({ store: 'postgres', files: FILES, centers: CENTERS, month_ms: Math.round(month.median), quarter_ms: Math.round(quarter.median), year_ms: Math.round(year.median), year_files: year.files }),
);
process.exit(0);
