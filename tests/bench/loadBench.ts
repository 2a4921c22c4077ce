/**
 * `npm run bench:load`: simulated devices of a province or the country (tests/bench/loadFleet.ts)
 * running the real cycle against real server processes on loopback: push (two new files and a
 * status change of an earlier one), pull the center's status feed from their cursor, ask for
 * catalog changes. Per store:
 *
 * 1. an open loop at a fixed offered rate, BENCH_RPS (3,321 communes x 10 devices every 30 s is
 *    1,107 a second): requests are due at fixed times whatever the answers, and each latency runs
 *    from when the request was due, so a server that falls behind shows its queue in p99 instead
 *    of slowing the test down. A request that could not even be sent (every device of the fleet
 *    still waiting for an answer) is an error, as is any answer but 200 (429, 503 ...) and no answer.
 * 2. a closed loop (BENCH_CEILING_CONCURRENCY requests always in flight) for the ceiling, with the
 *    CPU each party used (the server processes, PostgreSQL, this load generator) per request, then
 *    the same for each kind of request alone (where the time goes);
 * 3. what the database holds against what the devices were told: files lost, files stored twice.
 *
 * Runs: SQLite; PostgreSQL with one server process; PostgreSQL with two stateless server processes
 * on one database ("run 2"), devices spread over both. A table per run and one JSON line per run.
 *
 * Bounds: BENCH_CENTERS (300), BENCH_DEVICES (10 per center), BENCH_RPS (1110), BENCH_SECONDS (20
 * at that rate), BENCH_CEILING_SECONDS (8), BENCH_KIND_SECONDS (3, the CPU of each kind of request
 * alone), BENCH_STORES (sqlite,postgres,postgres2), BENCH_POOL
 * (PostgreSQL connections per server process, 8). BENCH_STATEMENTS=1 prints PostgreSQL's statements
 * (pg_stat_statements); BENCH_PROFILE=DIR writes the server processes' CPU profiles there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, type StoreChoice } from '../../server/store/openStore.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { startPostgres, type PostgresCluster } from '../support/postgresCluster.ts';
import { createClient, nextIdle, REQUEST_KINDS, seedFleet, step, type Client, type RequestKind, type SimDevice } from './loadFleet.ts';

const CENTERS = Number(process.env.BENCH_CENTERS ?? 300);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 10);
const RPS = Number(process.env.BENCH_RPS ?? 1110);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CEILING_SECONDS = Number(process.env.BENCH_CEILING_SECONDS ?? 8);
const CEILING_CONCURRENCY = Number(process.env.BENCH_CEILING_CONCURRENCY ?? 48);
const KIND_SECONDS = Number(process.env.BENCH_KIND_SECONDS ?? 3);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres,postgres2').split(',');
const POOL = Number(process.env.BENCH_POOL ?? 8);
/** BENCH_STATEMENTS=1: PostgreSQL's statements during the measured runs (pg_stat_statements), by total time. */
const STATEMENTS = process.env.BENCH_STATEMENTS === '1';
const cpus = availableParallelism();

const quantile = (sorted: Float64Array, q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
const sortedOf = (xs: number[]) => Float64Array.from(xs).sort();

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The PostgreSQL cluster's processes: the postmaster and its children. */
function clusterPids(cluster: PostgresCluster): number[] {
  const postmaster = Number(readFileSync(join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return [postmaster, ...children];
}

/** Why requests failed, by reason, for the table: never hidden, every one is an error. */
type Failures = Map<string, number>;
const count = (failures: Failures, why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
const describeFailures = (failures: Failures) =>
  [...failures]
    .sort((a, b) => b[1] - a[1])
    .map(([why, n]) => `${n} ${why}`)
    .join(', ');
const total = (failures: Failures) => [...failures.values()].reduce((a, b) => a + b, 0);

interface OpenLoopResult {
  due: number;
  sent: number;
  answered: number;
  seconds: number;
  /** Answered 200 per second of the run. */
  rps: number;
  p50: number;
  p99: number;
  byKind: Record<RequestKind, { n: number; p50: number; p99: number }>;
  failures: Failures;
  /** This generator's event loop, busy share: high, and its own queue would show in the latencies. */
  generatorBusy: number;
  /** p99 of the requests due in each WINDOW_S of the run: a stall shows where it happened. */
  p99ByWindow: number[];
}

const WINDOW_S = 2;

/** Open loop: one request due every 1/RPS s for SECONDS, whatever the answers; latency from when each was due. */
async function openLoop(client: Client, devices: SimDevice[], catalogVersion: number): Promise<OpenLoopResult> {
  const due = Math.round(RPS * SECONDS);
  const latencies: number[] = [];
  const windows: number[][] = Array.from({ length: Math.ceil(SECONDS / WINDOW_S) }, () => []);
  const byKind = new Map<RequestKind, number[]>(REQUEST_KINDS.map((k) => [k, []]));
  const failures: Failures = new Map();
  let issued = 0;
  let sent = 0;
  let answered = 0;
  let cursor = 0;
  const inFlight = new Set<Promise<void>>();
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  while (issued < due) {
    const wait = start + (issued * 1000) / RPS - performance.now();
    // A timer, at least a millisecond, then every request due by then: a loop that never awaited
    // would starve this process's event loop (no answer read), and one that spun on setImmediate
    // would burn a core the servers need. A request sent up to a millisecond late carries that
    // millisecond in its latency.
    await new Promise((r) => setTimeout(r, Math.max(1, wait)));
    while (issued < due && start + (issued * 1000) / RPS <= performance.now()) {
      const dueAt = start + (issued * 1000) / RPS;
      issued += 1;
      const device = nextIdle(devices, cursor);
      if (!device) {
        // Every device still waits for an answer: the server is that far behind.
        count(failures, 'not sent: every device still waiting');
        continue;
      }
      cursor = device.index + 1;
      device.busy = true;
      sent += 1;
      const p = step(client, device, catalogVersion).then((outcome) => {
        const ms = performance.now() - dueAt;
        latencies.push(ms);
        windows[Math.min(windows.length - 1, Math.floor((dueAt - start) / 1000 / WINDOW_S))]!.push(ms);
        byKind.get(outcome.kind)!.push(ms);
        if (outcome.failure) count(failures, outcome.failure);
        else answered += 1;
        device.busy = false;
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  const sorted = sortedOf(latencies);
  const kinds = Object.fromEntries(
    REQUEST_KINDS.map((k) => {
      const s = sortedOf(byKind.get(k)!);
      return [k, { n: s.length, p50: quantile(s, 0.5), p99: quantile(s, 0.99) }];
    }),
  ) as OpenLoopResult['byKind'];
  return {
    due,
    sent,
    answered,
    seconds,
    rps: answered / seconds,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    byKind: kinds,
    failures,
    generatorBusy: performance.eventLoopUtilization(elu).utilization,
    p99ByWindow: windows.map((w) => quantile(sortedOf(w), 0.99)),
  };
}

/** Closed loop: CEILING_CONCURRENCY requests always in flight for `seconds` (of one kind only, if given): the most this setup answers. */
async function closedLoop(client: Client, devices: SimDevice[], catalogVersion: number, seconds: number, only?: RequestKind) {
  let done = 0;
  const failures: Failures = new Map();
  let cursor = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: CEILING_CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const device = nextIdle(devices, cursor);
        if (!device) break;
        cursor = device.index + 1;
        device.busy = true;
        const outcome = await step(client, device, catalogVersion, only);
        if (outcome.failure) count(failures, outcome.failure);
        device.busy = false;
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { rps: done / elapsed, requests: done, failures };
}

function startServer(where: string, poolSize: number): Promise<{ child: ChildProcess; port: number }> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = fork(resolve(import.meta.dirname, 'loadServer.ts'), [where, String(poolSize)], { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
}
interface LoopStats {
  elu: number;
  delayMaxMs: number;
  delayP99Ms: number;
}
/** A server process's event loop since the last question: busy share, and how long it was held at a stretch. */
const ask = (child: ChildProcess): Promise<LoopStats> =>
  new Promise((ok) => {
    child.once('message', (m) => ok(m as LoopStats));
    child.send('elu');
  });
const stopServer = (child: ChildProcess): Promise<void> =>
  new Promise((ok) => {
    child.once('exit', () => ok());
    child.send('stop');
  });

/** pg_stat_statements: 'reset' before the measured runs, 'print' the statements after them (calls, total and mean time). */
async function statementStats(url: string, what: 'reset' | 'print'): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (what === 'reset') {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query('SELECT pg_stat_statements_reset()');
      return;
    }
    const { rows } = await client.query<{ calls: string; total: number; mean: number; query: string }>(
      `SELECT calls, total_exec_time AS total, mean_exec_time AS mean, query FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
    );
    console.log('| calls | total ms | mean ms | statement |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.calls} | ${r.total.toFixed(0)} | ${r.mean.toFixed(3)} | ${r.query.replace(/\s+/g, ' ').slice(0, 110)} |`);
  } finally {
    await client.end();
  }
}

interface StoreRun {
  name: string;
  label: string;
  postgres: boolean;
  processes: number;
}

const RUNS: StoreRun[] = [
  { name: 'sqlite', label: 'sqlite', postgres: false, processes: 1 },
  { name: 'postgres', label: 'postgres', postgres: true, processes: 1 },
  { name: 'postgres2', label: 'postgres x2', postgres: true, processes: 2 },
];

/**
 * The server processes reach PostgreSQL through its unix socket: on one machine that is what a
 * province would configure (`?host=/socket/folder`), and it spares every statement the TCP stack.
 */
const socketUrl = (cluster: PostgresCluster) => `postgres://motcua@localhost:${cluster.port}/motcua?host=${encodeURIComponent(cluster.dir)}`;

const lines: string[] = [];
for (const run of RUNS.filter((r) => STORES.includes(r.name))) {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-load-'));
  // Durability on, as in production: every answered push is on disk (fsync, synchronous_commit).
  const cluster = run.postgres
    ? await startPostgres({ settings: { max_connections: '100', shared_buffers: '256MB', ...(STATEMENTS ? { shared_preload_libraries: 'pg_stat_statements' } : {}) } })
    : null;
  const choice: StoreChoice = cluster ? { kind: 'postgres', url: socketUrl(cluster), poolSize: POOL } : { kind: 'sqlite', dataDir: dir };
  const seeded = await openStore(choice);
  if (!seeded.ok) throw new Error(seeded.error);
  const seedStart = performance.now();
  const catalog = await seeded.value.replaceCatalog(demoCatalog.procedures, 'bench');
  if (!catalog.ok) throw new Error(catalog.error.reason);
  const catalogVersion = catalog.value.catalog.version;
  const devices = await seedFleet(seeded.value, CENTERS, DEVICES);
  await seeded.value.close();
  console.error(`${run.label}: ${devices.length} devices of ${CENTERS} centers set up in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const where = choice.kind === 'sqlite' ? `sqlite:${choice.dataDir}` : choice.url;
  const servers = await Promise.all(Array.from({ length: run.processes }, () => startServer(where, POOL)));
  const client = createClient(
    servers.map((s) => s.port),
    // Enough connections for every device that may wait at once, as devices each hold their own.
    Math.ceil(512 / run.processes),
  );

  // Warm up (connections, prepared statements, the JIT, what the servers keep in memory) before anything is measured.
  await closedLoop(client, devices, catalogVersion, 3);
  if (STATEMENTS && cluster) await statementStats(cluster.url, 'reset');
  for (const s of servers) await ask(s.child);
  const open = await openLoop(client, devices, catalogVersion);
  const openLoops = await Promise.all(servers.map((s) => ask(s.child)));
  /** CPU seconds each party used while `work` ran. */
  const cpuOf = async <T>(work: () => Promise<T>): Promise<{ result: T; cpu: { server: number; pg: number; client: number } }> => {
    const serverCpu = () => servers.reduce((n, s) => n + cpuSeconds(s.child.pid!), 0);
    const pgCpu = () => (cluster ? clusterPids(cluster).reduce((n, p) => n + cpuSeconds(p), 0) : 0);
    const before = { server: serverCpu(), pg: pgCpu(), client: process.cpuUsage() };
    const result = await work();
    const u = process.cpuUsage(before.client);
    return { result, cpu: { server: serverCpu() - before.server, pg: pgCpu() - before.pg, client: (u.user + u.system) / 1e6 } };
  };
  for (const s of servers) await ask(s.child);
  const { result: ceiling, cpu } = await cpuOf(() => closedLoop(client, devices, catalogVersion, CEILING_SECONDS));
  const elu = await Promise.all(servers.map((s) => ask(s.child)));
  // Where the time goes per kind of request: a closed loop of that kind alone.
  const perKind: { kind: RequestKind; requests: number; cpu: { server: number; pg: number; client: number } }[] = [];
  for (const kind of REQUEST_KINDS) {
    const { result, cpu: used } = await cpuOf(() => closedLoop(client, devices, catalogVersion, KIND_SECONDS, kind));
    perKind.push({ kind, requests: result.requests, cpu: used });
    for (const [why, n] of result.failures) ceiling.failures.set(why, (ceiling.failures.get(why) ?? 0) + n);
  }
  if (STATEMENTS && cluster) await statementStats(cluster.url, 'print');

  // Whatever a device still holds unanswered is sent again, as a device would, before counting.
  for (let round = 0; round < 5 && devices.some((d) => d.pending); round += 1) {
    await Promise.all(devices.filter((d) => d.pending).map((d) => step(client, d, catalogVersion)));
  }
  await client.close();
  for (const s of servers) await stopServer(s.child);

  const { inspectPostgres, inspectSqlite } = await import('../support/storeInspection.ts');
  const inspection = choice.kind === 'sqlite' ? inspectSqlite(choice.dataDir) : inspectPostgres(choice.url);
  const reader = await openStore(choice);
  if (!reader.ok) throw new Error(reader.error);
  let lost = 0;
  let duplicated = 0;
  let stored = 0;
  let acked = 0;
  const byCenter = new Map<string, SimDevice[]>();
  for (const d of devices) byCenter.set(d.enrol.centerCode, [...(byCenter.get(d.enrol.centerCode) ?? []), d]);
  for (const [center, members] of byCenter) {
    const listed = await reader.value.listFiles(center, { limit: 1000 });
    const duplicates = await inspection.findDuplicateFiles(center);
    if (!listed.ok || !duplicates.ok) throw new Error(`cannot read center ${center}`);
    const ids = new Set(listed.value.files.map((f) => f.id));
    if (listed.value.total > ids.size) throw new Error(`center ${center} holds ${listed.value.total} files, more than the ${ids.size} listed: raise the limit`);
    stored += listed.value.total;
    for (const d of members) {
      acked += d.acked.size;
      for (const id of d.acked) if (!ids.has(id)) lost += 1;
    }
    const sent = new Set(members.flatMap((d) => [...d.sent]));
    // A file stored twice, or a file no device ever sent, is a duplicate the exactly-once rules let through.
    duplicated += duplicates.value.reduce((n, g) => n + g.length - 1, 0) + [...ids].filter((id) => !sent.has(id)).length;
  }
  await inspection.close();
  await reader.value.close();
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });

  const used = (s: number) => `${((s / CEILING_SECONDS) * 100).toFixed(0)}%`;
  // CPU per request does not depend on what else runs on the machine: what this setup needs alone.
  const perRequest = (s: number) => (s * 1000) / Math.max(1, ceiling.requests);
  const cpuPerRequest = perRequest(cpu.server) + perRequest(cpu.pg) + perRequest(cpu.client);
  const errors = total(open.failures) + total(ceiling.failures);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `\n${run.label}: ${devices.length} devices (${CENTERS} centers x ${DEVICES}), ${run.processes} server process${run.processes > 1 ? 'es' : ''}` +
      `${cluster ? `, ${POOL} PostgreSQL connections each` : ''}; machine load ${loadavg()[0]!.toFixed(1)} on ${cpus} cores`,
  );
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| open loop: offered | ${open.due} requests due at ${RPS}/s over ${SECONDS} s |`);
  console.log(`| sent / answered 200 / achieved | ${open.sent} / ${open.answered} in ${open.seconds.toFixed(1)} s = ${open.rps.toFixed(0)}/s |`);
  console.log(`| latency from when each was due: p50 / p99 | ${ms(open.p50)} / ${ms(open.p99)} |`);
  for (const k of REQUEST_KINDS) console.log(`| ${k} (${open.byKind[k].n}): p50 / p99 | ${ms(open.byKind[k].p50)} / ${ms(open.byKind[k].p99)} |`);
  console.log(`| p99 of each ${WINDOW_S} s of the run | ${open.p99ByWindow.map((x) => x.toFixed(0)).join(', ')} ms |`);
  console.log(`| errors in the open loop, by kind | ${total(open.failures)}${open.failures.size > 0 ? ` (${describeFailures(open.failures)})` : ''} |`);
  console.log(
    `| server event loop in the open loop: busy, longest hold, p99 hold | ${openLoops.map((l) => `${(l.elu * 100).toFixed(0)}%, ${l.delayMaxMs.toFixed(0)} ms, ${l.delayP99Ms.toFixed(0)} ms`).join('; ')} |`,
  );
  console.log(`| load generator's event loop busy in the open loop | ${(open.generatorBusy * 100).toFixed(0)}% |`);
  console.log(`| closed loop (${CEILING_CONCURRENCY} in flight): ceiling | ${ceiling.rps.toFixed(0)} requests/s${ceiling.failures.size > 0 ? `, errors: ${describeFailures(ceiling.failures)}` : ''} |`);
  console.log(`| CPU during the ceiling run (1 core = 100%): server / PostgreSQL / load generator | ${used(cpu.server)} / ${used(cpu.pg)} / ${used(cpu.client)} |`);
  console.log(`| server event loop busy during the ceiling run | ${elu.map((e) => `${(e.elu * 100).toFixed(0)}%`).join(', ')} |`);
  console.log(`| CPU per request: server / PostgreSQL / load generator | ${perRequest(cpu.server).toFixed(2)} / ${perRequest(cpu.pg).toFixed(2)} / ${perRequest(cpu.client).toFixed(2)} ms |`);
  for (const k of perKind) {
    const per = (x: number) => ((x * 1000) / Math.max(1, k.requests)).toFixed(2);
    console.log(`| CPU per ${k.kind} alone (${KIND_SECONDS} s closed loop): server / PostgreSQL / load generator | ${per(k.cpu.server)} / ${per(k.cpu.pg)} / ${per(k.cpu.client)} ms |`);
  }
  console.log(`| what ${cpus} cores give at that cost, with nothing else running | ${((cpus * 1000) / cpuPerRequest).toFixed(0)} requests/s |`);
  console.log(`| files acknowledged / stored / lost / duplicated | ${acked} / ${stored} / ${lost} / ${duplicated} |`);
  lines.push(
    JSON.stringify({
      store: run.label,
      rps: Math.round(open.rps),
      p50_ms: Number(open.p50.toFixed(1)),
      p99_ms: Number(open.p99.toFixed(1)),
      errors,
      lost,
      duplicated,
      offered_rps: RPS,
      ceiling_rps: Math.round(ceiling.rps),
      cpu_ms_per_request: { server: Number(perRequest(cpu.server).toFixed(3)), postgres: Number(perRequest(cpu.pg).toFixed(3)), generator: Number(perRequest(cpu.client).toFixed(3)) },
      machine_load: Number(loadavg()[0]!.toFixed(1)),
    }),
  );
}
console.log('');
for (const line of lines) console.log(line);
process.exit(0);
