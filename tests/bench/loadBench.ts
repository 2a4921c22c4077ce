/**
 * `npm run bench:load`: simulated devices of a province or the country running the real cycle
 * against real server processes on loopback: push (two new files, and a status change of an
 * earlier one), pull the center's status feed from their cursor, ask for catalog changes. One
 * request per device per tick, ticks spread so the whole fleet sends BENCH_RPS requests a second
 * (3,321 communes x 10 devices every 30 s is 1,107 a second). Per store: an open-loop run at that
 * rate (latency measured from when each request was due, so a slow server cannot hide its queue),
 * then a closed-loop run for the ceiling with the CPU each part used (server processes, PostgreSQL,
 * this load generator), then what the database holds against what the devices were told (lost,
 * duplicated). Stores: SQLite; PostgreSQL with one server process; PostgreSQL with two stateless
 * server processes on one database ("run 2"). A table per store and one JSON line per store.
 *
 * BENCH_CENTERS (300), BENCH_DEVICES (10 per center), BENCH_RPS (1150), BENCH_SECONDS (20 at that
 * rate), BENCH_CEILING_SECONDS (8), BENCH_STORES (sqlite,postgres,postgres2) bound it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UNUSABLE_CODE_HASH } from '../../server/auth/secrets.ts';
import { openStore, type StoreChoice } from '../../server/store/openStore.ts';
import type { SyncStore } from '../../server/store/store.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { statusMutation } from '../integration/lifecycleFixtures.ts';
import { startPostgres, type PostgresCluster } from '../support/postgresCluster.ts';
import { makeFile } from '../support/syncFixtures.ts';

const CENTERS = Number(process.env.BENCH_CENTERS ?? 300);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 10);
const RPS = Number(process.env.BENCH_RPS ?? 1150);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CEILING_SECONDS = Number(process.env.BENCH_CEILING_SECONDS ?? 8);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres,postgres2').split(',');
const CEILING_CONCURRENCY = 48;
/** BENCH_STATEMENTS=1: PostgreSQL's statements during the measured runs (pg_stat_statements), by total time. */
const STATEMENTS = process.env.BENCH_STATEMENTS === '1';
const cpus = availableParallelism();

interface SimDevice {
  index: number;
  token: string;
  enrol: EnrolResponse;
  tick: number;
  seq: number;
  files: number;
  cursor: number;
  busy: boolean;
  /** A push not yet answered 200: sent again as is (the protocol makes that a no-op if it landed). */
  pending: Mutation[] | null;
  /** Files the server acknowledged (applied or duplicate), by id. */
  acked: Set<string>;
  sent: Set<string>;
  /** Ids of this device's files still 'received' on the server, for the next status change. */
  received: string[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const quantile = (xs: Float64Array | number[], q: number) => {
  const sorted = Float64Array.from(xs).sort();
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

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

async function seed(store: SyncStore): Promise<SimDevice[]> {
  const catalog = await store.replaceCatalog(demoCatalog.procedures, 'bench');
  if (!catalog.ok) throw new Error(catalog.error.reason);
  const devices: SimDevice[] = [];
  for (let c = 0; c < CENTERS; c += 1) {
    const centerCode = `C${String(c).padStart(4, '0')}`;
    const added = await store.addCenter({ code: centerCode, name: `Trung tâm ${centerCode}`, enrolmentCodeHash: UNUSABLE_CODE_HASH, adminCodeHash: null });
    if (!added.ok) throw new Error(added.error.reason);
    for (let d = 0; d < DEVICES; d += 1) {
      const token = randomBytes(24).toString('base64url');
      const id = `${sha256(`${centerCode}-${d}`).slice(0, 8)}-0000-4000-8000-${String(c * 100 + d).padStart(12, '0')}`;
      const enrolled = await store.enrolDevice({ id, centerCode, name: `Quầy ${d + 1}`, locationCode: 'Q1', role: 'counter', tokenHash: sha256(token) });
      if (!enrolled.ok) throw new Error(enrolled.error.reason);
      devices.push({
        index: devices.length,
        token,
        enrol: { centerCode, centerName: `Trung tâm ${centerCode}`, deviceCode: enrolled.value.code, deviceId: id, locationCode: 'Q1', token, role: 'counter' },
        tick: d % 3,
        seq: 0,
        files: 0,
        cursor: 0,
        busy: false,
        pending: null,
        acked: new Set(),
        sent: new Set(),
        received: [],
      });
    }
  }
  return devices;
}

interface Answer {
  status: number;
  body: string;
}

function createClient(ports: number[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  return (device: SimDevice, method: 'GET' | 'POST', path: string, body?: string): Promise<Answer> =>
    new Promise((done) => {
      const req = request(
        {
          host: '127.0.0.1',
          // Devices are spread over the server processes, as a load balancer would.
          port: ports[device.index % ports.length],
          method,
          path,
          agent,
          headers: { authorization: `Bearer ${device.token}`, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
          timeout: 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', () => done({ status: 0, body: '' }));
        },
      );
      req.on('timeout', () => req.destroy());
      req.on('error', () => done({ status: 0, body: '' }));
      req.end(body);
    });
}

type Send = ReturnType<typeof createClient>;

/** The device's next request (push, status pull, catalog changes, in turn); resolves true when it succeeded. */
/** Why requests failed, by status (0: no answer), for the table. */
const failures = new Map<number, number>();
const failed = (answer: Answer): false => {
  failures.set(answer.status, (failures.get(answer.status) ?? 0) + 1);
  return false;
};

async function step(send: Send, device: SimDevice, catalogVersion: number): Promise<boolean> {
  const kind = device.pending ? 0 : device.tick % 3;
  device.tick += 1;
  if (kind === 0) {
    if (!device.pending) {
      const now = Date.now();
      const batch: Mutation[] = [];
      for (let i = 0; i < 2; i += 1) {
        device.files += 1;
        const file = makeFile(device.enrol, device.files, { receivedAt: new Date(now - 5_000 + i).toISOString() });
        device.sent.add(file.id);
        batch.push({ seq: ++device.seq, id: randomUUID(), kind: 'file.create', at: new Date(now).toISOString(), payload: file });
      }
      const moving = device.received.shift();
      if (moving) batch.push(statusMutation(++device.seq, device.enrol, moving, 'received', 'processing', { when: new Date(now).toISOString() }));
      device.pending = batch;
    }
    const answer = await send(device, 'POST', API_PATHS.sync.push, JSON.stringify({ mutations: device.pending }));
    if (answer.status !== 200) return failed(answer);
    const parsed = JSON.parse(answer.body) as { results: { seq: number; status: string }[] };
    for (const [i, m] of device.pending.entries()) {
      const r = parsed.results[i];
      if (m.kind === 'file.create' && r && r.status !== 'rejected') {
        const id = (m.payload as { id: string }).id;
        device.acked.add(id);
        device.received.push(id);
      }
    }
    device.pending = null;
    return true;
  }
  if (kind === 1) {
    const answer = await send(device, 'GET', `${API_PATHS.sync.statuses}?since=${device.cursor}&limit=100`);
    if (answer.status !== 200) return failed(answer);
    device.cursor = (JSON.parse(answer.body) as { cursor: number }).cursor;
    return true;
  }
  const answer = await send(device, 'GET', `${API_PATHS.catalog.changes}?since=${catalogVersion}`);
  return answer.status === 200 || failed(answer);
}

/** Next idle device after `from`, round robin (a device never sends two requests at once). */
function nextIdle(devices: SimDevice[], from: number): SimDevice | null {
  for (let i = 0; i < devices.length; i += 1) {
    const d = devices[(from + i) % devices.length]!;
    if (!d.busy) return d;
  }
  return null;
}

/** Open loop: one request every 1/RPS s for SECONDS, whatever the answers; latency from when each was due. */
async function openLoop(send: Send, devices: SimDevice[], catalogVersion: number) {
  const total = Math.round(RPS * SECONDS);
  const latencies = new Float64Array(total);
  let errors = 0;
  let issued = 0;
  let cursor = 0;
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();
  while (issued < total) {
    const due = start + (issued * 1000) / RPS;
    const wait = due - performance.now();
    // Always yield, even when the next slot is under a millisecond away (1,150/s is 0.87 ms apart):
    // a loop that never awaits starves this process's own event loop, no answer is read until the
    // run ends, and every latency becomes the run's length.
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    else await new Promise((r) => setImmediate(r));
    while (issued < total && start + (issued * 1000) / RPS <= performance.now()) {
      const device = nextIdle(devices, cursor);
      const slot = issued;
      const dueAt = start + (slot * 1000) / RPS;
      issued += 1;
      if (!device) {
        // Every device is still waiting for an answer: the server is behind. Counted as an error,
        // left out of the latencies (which are those of requests actually sent).
        errors += 1;
        failures.set(-1, (failures.get(-1) ?? 0) + 1);
        latencies[slot] = Number.NaN;
        continue;
      }
      cursor = device.index + 1;
      device.busy = true;
      const p = step(send, device, catalogVersion).then((ok) => {
        latencies[slot] = performance.now() - dueAt;
        if (!ok) errors += 1;
        device.busy = false;
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  const sent = latencies.filter((l) => !Number.isNaN(l));
  return { requests: sent.length, seconds, rps: sent.length / seconds, p50: quantile(sent, 0.5), p99: quantile(sent, 0.99), errors };
}

/** Closed loop: CEILING_CONCURRENCY requests always in flight for CEILING_SECONDS: the most this setup answers. */
async function closedLoop(send: Send, devices: SimDevice[], catalogVersion: number, seconds = CEILING_SECONDS) {
  let done = 0;
  let errors = 0;
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
        if (!(await step(send, device, catalogVersion))) errors += 1;
        device.busy = false;
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { rps: done / elapsed, requests: done, errors };
}

function startServer(where: string, poolSize: number): Promise<{ child: ChildProcess; port: number }> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = fork(resolve(import.meta.dirname, 'loadServer.ts'), [where, String(poolSize)], { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
}
const ask = (child: ChildProcess): Promise<number> =>
  new Promise((ok) => {
    child.once('message', (m) => ok((m as { elu: number }).elu));
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
  choice: (dataDir: string, cluster: PostgresCluster | null) => StoreChoice;
  processes: number;
  postgres: boolean;
}

const RUNS: StoreRun[] = [
  { name: 'sqlite', choice: (dir) => ({ kind: 'sqlite', dataDir: dir }), processes: 1, postgres: false },
  { name: 'postgres', choice: (_dir, c) => ({ kind: 'postgres', url: c!.url, poolSize: 16 }), processes: 1, postgres: true },
  { name: 'postgres2', choice: (_dir, c) => ({ kind: 'postgres', url: c!.url, poolSize: 16 }), processes: 2, postgres: true },
];

const lines: string[] = [];
for (const run of RUNS.filter((r) => STORES.includes(r.name))) {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-load-'));
  // Durability on, as in production: every answered push is on disk (fsync, synchronous_commit).
  const cluster = run.postgres
    ? await startPostgres({ settings: { max_connections: '100', shared_buffers: '256MB', ...(STATEMENTS ? { shared_preload_libraries: 'pg_stat_statements' } : {}) } })
    : null;
  const choice = run.choice(dir, cluster);
  const seeded = await openStore(choice);
  if (!seeded.ok) throw new Error(seeded.error);
  const seedStart = performance.now();
  const devices = await seed(seeded.value);
  const catalog = await seeded.value.currentCatalog();
  const catalogVersion = catalog.ok && catalog.value ? catalog.value.version : 0;
  await seeded.value.close();
  console.error(`${run.name}: ${devices.length} devices of ${CENTERS} centers set up in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const where = choice.kind === 'sqlite' ? `sqlite:${choice.dataDir}` : choice.url;
  const servers = await Promise.all(Array.from({ length: run.processes }, () => startServer(where, choice.kind === 'postgres' ? choice.poolSize : 1)));
  const send = createClient(servers.map((s) => s.port));

  // Warm up (connections, prepared statements, the JIT) before anything is measured.
  await closedLoop(send, devices, catalogVersion, 3);
  failures.clear();
  if (STATEMENTS && cluster) await statementStats(cluster.url, 'reset');
  const open = await openLoop(send, devices, catalogVersion);
  for (const s of servers) await ask(s.child);
  const cpuBefore = { server: servers.reduce((n, s) => n + cpuSeconds(s.child.pid!), 0), pg: cluster ? clusterPids(cluster).reduce((n, p) => n + cpuSeconds(p), 0) : 0, client: process.cpuUsage() };
  const ceiling = await closedLoop(send, devices, catalogVersion);
  const elu = await Promise.all(servers.map((s) => ask(s.child)));
  const cpu = {
    server: servers.reduce((n, s) => n + cpuSeconds(s.child.pid!), 0) - cpuBefore.server,
    pg: cluster ? clusterPids(cluster).reduce((n, p) => n + cpuSeconds(p), 0) - cpuBefore.pg : 0,
    client: (() => {
      const u = process.cpuUsage(cpuBefore.client);
      return (u.user + u.system) / 1e6;
    })(),
  };

  if (STATEMENTS && cluster) await statementStats(cluster.url, 'print');
  // Whatever a device still holds unanswered is sent again, as a device would, before counting.
  for (let round = 0; round < 5 && devices.some((d) => d.pending); round += 1) {
    await Promise.all(devices.filter((d) => d.pending).map((d) => step(send, d, catalogVersion)));
  }
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
  console.log(`\n${run.name}: ${devices.length} devices (${CENTERS} centers x ${DEVICES}), ${run.processes} server process${run.processes > 1 ? 'es' : ''}; machine load ${loadavg()[0]!.toFixed(1)} on ${cpus} cores`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| open loop: ${Math.round(RPS * SECONDS)} requests due at ${RPS}/s over ${SECONDS} s; sent and answered | ${open.requests} in ${open.seconds.toFixed(1)} s = ${open.rps.toFixed(0)}/s |`);
  console.log(`| latency of those, from when each was due: p50 / p99 | ${open.p50.toFixed(1)} ms / ${open.p99.toFixed(1)} ms |`);
  const why = [...failures].map(([status, n]) => `${n} ${status === -1 ? 'no idle device' : status === 0 ? 'no answer' : `HTTP ${status}`}`).join(', ');
  console.log(`| errors (non-200, timeouts, no idle device) | ${open.errors + ceiling.errors}${why ? ` (${why})` : ''} |`);
  failures.clear();
  console.log(`| closed loop (${CEILING_CONCURRENCY} in flight): ceiling | ${ceiling.rps.toFixed(0)} requests/s |`);
  console.log(`| CPU during the ceiling run (1 core = 100%): server / PostgreSQL / load generator | ${used(cpu.server)} / ${used(cpu.pg)} / ${used(cpu.client)} |`);
  console.log(`| server event loop busy during the ceiling run | ${elu.map((e) => `${(e * 100).toFixed(0)}%`).join(', ')} |`);
  console.log(`| CPU per request: server / PostgreSQL / load generator | ${perRequest(cpu.server).toFixed(2)} / ${perRequest(cpu.pg).toFixed(2)} / ${perRequest(cpu.client).toFixed(2)} ms |`);
  console.log(`| what ${cpus} cores give at that cost, with nothing else running | ${((cpus * 1000) / cpuPerRequest).toFixed(0)} requests/s |`);
  console.log(`| files acknowledged / stored / lost / duplicated | ${acked} / ${stored} / ${lost} / ${duplicated} |`);
  lines.push(
    JSON.stringify({
      store: run.processes > 1 ? `${run.name.replace(/\d$/, '')} x${run.processes}` : run.name,
      rps: Math.round(open.rps),
      p50_ms: Number(open.p50.toFixed(1)),
      p99_ms: Number(open.p99.toFixed(1)),
      errors: open.errors + ceiling.errors,
      lost,
      duplicated,
      ceiling_rps: Math.round(ceiling.rps),
      cpu_server: Number((cpu.server / CEILING_SECONDS).toFixed(2)),
      cpu_postgres: Number((cpu.pg / CEILING_SECONDS).toFixed(2)),
      cpu_client: Number((cpu.client / CEILING_SECONDS).toFixed(2)),
      cpu_ms_per_request: Number(cpuPerRequest.toFixed(2)),
    }),
  );
}
console.log('');
for (const line of lines) console.log(line);
process.exit(0);
