/**
 * `npm run bench:queue`: a front-desk day against the real server process (`server/index.ts`, SQLite),
 * restarted twice mid-day: 3 kiosks give numbers (the app's own ticketing, replica and IndexedDB code
 * over fake-indexeddb), 8 counters call, serve, mark absent (the same replica and outbox), and the
 * waiting-room display runs in Chromium (#/display/BENCH), where each number is timed from the
 * clerk's "call next" (which first sends the desk's last finish) to the moment it is on the screen;
 * the table also gives the time from the server's call to the screen, and the machine's load. At the end every printed number is looked
 * up on the server: lost (printed, not on the server) and duplicate numbers (printed twice, or two
 * issues of one number in the server's log) are counted. Ends with one JSON line.
 *
 * BENCH_TICKETS=N (default 2000) sets the size of the day.
 */
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus as cpuList, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addCenter } from '../../server/centers/addCenter.ts';
import { openSqliteStore } from '../../server/store/sqliteStore.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';
import { issueTicket } from '../../renderer/queue/kioskTicketing.ts';
import { createCounterDesk, type CounterDesk } from '../../renderer/queue/counterDesk.ts';
import { createQueueReplica, type QueueReplica } from '../../renderer/queue/queueReplica.ts';
import { enrol } from '../../renderer/sync/syncClient.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import type { IssuedTicket } from '../../shared/queue/queueApi.ts';
import { queueSettingsSchema, type QueueSettingsInput } from '../../shared/queue/queueSettings.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { seededRandom } from '../support/seededRandom.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 2000);
const CENTER = 'BENCH';
const ENROLMENT = 'bench-enrolment-code';
const ROOT = resolve(import.meta.dirname, '../..');
const random = seededRandom(20261201);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(weighted: readonly (readonly [T, number])[]): T => {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) if ((r -= w) <= 0) return v;
  return weighted[weighted.length - 1]![0];
};
const quantile = (xs: number[], q: number) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!);

const SETTINGS: QueueSettingsInput = {
  format: 1,
  services: [
    { id: 'ho-tich', prefix: 'A', name: 'Hộ tịch – Chứng thực', fields: ['Hộ tịch', 'Chứng thực'] },
    { id: 'dat-dai', prefix: 'B', name: 'Đất đai – Xây dựng', fields: ['Đất đai'] },
    { id: 'xa-hoi', prefix: 'C', name: 'Lao động – Chính sách xã hội', fields: ['Người có công'] },
    { id: 'khac', prefix: 'D', name: 'Các thủ tục khác' },
  ],
  counters: [
    { number: 1, name: 'Quầy 1', services: ['ho-tich'] },
    { number: 2, name: 'Quầy 2', services: ['ho-tich'] },
    { number: 3, name: 'Quầy 3', services: ['ho-tich', 'khac'] },
    { number: 4, name: 'Quầy 4', services: ['dat-dai'] },
    { number: 5, name: 'Quầy 5', services: ['dat-dai', 'khac'] },
    { number: 6, name: 'Quầy 6', services: ['xa-hoi'] },
    { number: 7, name: 'Quầy 7', services: ['khac', 'xa-hoi'] },
    { number: 8, name: 'Quầy 8', services: ['ho-tich', 'khac'] },
  ],
  priority: { mode: 'every', every: 3 },
};
const SERVICE_MIX = [
  ['ho-tich', 45],
  ['dat-dai', 25],
  ['xa-hoi', 12],
  ['khac', 18],
] as const;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}

// ---- the server process ----------------------------------------------------------------------
const dataDir = await mkdtemp(join(tmpdir(), 'motcua-bench-queue-'));
{
  const opened = openSqliteStore(dataDir);
  if (!opened.ok) throw new Error(opened.error);
  const added = await addCenter(opened.value, { code: CENTER, name: 'Trung tâm PVHCC (bench)', enrolmentCode: ENROLMENT });
  if (!added.ok) throw new Error(added.error);
  const saved = await opened.value.saveQueueSettings(CENTER, queueSettingsSchema.parse(SETTINGS), null, null);
  if (!saved.ok) throw new Error(saved.error.reason);
  await opened.value.close();
}
const port = await freePort();
const serverUrl = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;
const restartTimes: { downMs: number }[] = [];

async function startServer(): Promise<void> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['server/index.ts', '--web', '--demo', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    // No holiday table or administrative units to import: the queue does not need them.
    env: { ...process.env, MOTCUA_CALENDAR: '/nonexistent', MOTCUA_ADMIN_UNITS: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  await new Promise<void>((resolveReady, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('listening on')) resolveReady();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child) return;
  server = null;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await exited;
}

async function restartServer(): Promise<void> {
  const started = Date.now();
  await stopServer();
  await sleep(1000);
  await startServer();
  restartTimes.push({ downMs: Date.now() - started });
}

// ---- devices -----------------------------------------------------------------------------------
interface Device {
  name: string;
  db: MotcuaDb;
  replica: QueueReplica;
}

async function device(name: string, role: 'kiosk' | 'counter'): Promise<Device> {
  const answer = await enrol(serverUrl, { centerCode: CENTER, enrolmentCode: ENROLMENT, locationCode: null, deviceName: name, role });
  if (!answer.ok) throw new Error(`${name}: ${answer.error.reason}`);
  const db = openDb(`bench-${name}`, await createMemoryCipher());
  const saved = await saveDevice(db, createMemoryPlatform().deviceToken, serverUrl, answer.value);
  if (!saved.ok) throw new Error(saved.error.reason);
  const replica = createQueueReplica(db, saved.value, { timeouts: { glance: 5000, normal: 5000 } });
  replica.start();
  return { name, db, replica };
}

await startServer();
const kiosks = await Promise.all(['kiosk-1', 'kiosk-2', 'kiosk-3'].map((n) => device(n, 'kiosk')));
const counters = await Promise.all(SETTINGS.counters.map((c) => device(`quay-${c.number}`, 'counter')));
const everyone = [...kiosks, ...counters];
while (!everyone.every((d) => d.replica.view().settings && d.replica.view().link === 'live')) await sleep(100);

// ---- the display, in Chromium ------------------------------------------------------------------
const browser = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
/** When each number first showed at a counter on the screen (ms since epoch, the page's clock = this machine's). */
const shownAt = new Map<string, number>();
await tv.exposeBinding('reportShown', (_source, number: string, at: number) => {
  if (!shownAt.has(number)) shownAt.set(number, at);
});
// As a string: tsx would wrap a function's inner names in a helper the page does not have.
await tv.addInitScript(`
  // The system voice is outside the bench: a silent stand-in.
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: { getVoices: () => [], speak() {}, cancel() {}, addEventListener() {} } });
  new MutationObserver(() => {
    for (const row of document.querySelectorAll('.display-row[data-ticket]')) {
      if (row.dataset.ticket) window.reportShown(row.dataset.ticket, Date.now());
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ticket'] });
`);
if (process.env.BENCH_DEBUG) {
  tv.on('console', (m) => console.error(`tv: ${m.text()}`));
  tv.on('pageerror', (e) => console.error(`tv error: ${e.message}`));
}
await tv.goto(`${serverUrl}/#/display/${CENTER}`);
await tv.locator('[data-testid="display"][data-link="live"]').waitFor({ timeout: 30_000 });

// ---- the day -----------------------------------------------------------------------------------
const printed: IssuedTicket[] = [];
const issueMs: number[] = [];
const refusedIssues: string[] = [];
/** When a counter asked for the next number, by the number it got. */
const calledAt = new Map<string, number>();
let dayOver = false;
const stats = { calls: 0, served: 0, noShows: 0, nobody: 0, offlineCalls: 0, refused: 0 };

async function kioskLoop(k: Device): Promise<void> {
  while (!dayOver && printed.length < TICKETS) {
    const started = performance.now();
    const issued = await issueTicket(k.db, k.replica, { serviceId: pick(SERVICE_MIX), priority: random() < 0.1 ? 'elderly' : null });
    issueMs.push(performance.now() - started);
    if (issued.ok) printed.push(issued.value);
    else refusedIssues.push(`${issued.error.kind}: ${issued.error.reason}`);
    await sleep(120 + random() * 260);
  }
}

/** Waits (a few seconds at most) until this desk's copy of the queue shows `number` at the desk. */
async function heldHere(c: Device, counter: number, number: string): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    const t = c.replica.view().state.tickets.get(number);
    if (t && t.counter === counter && (t.status === 'called' || t.status === 'serving')) return true;
    await sleep(50);
  }
  return false;
}

/** What the clerk does with the person at the desk: mostly serve them, sometimes mark them absent. */
async function serve(c: Device, desk: CounterDesk, counter: number, number: string): Promise<void> {
  // Right after a server restart the desk's copy may not have caught up with its own call yet.
  if (!(await heldHere(c, counter, number))) return;
  await sleep(60 + random() * 120);
  if (c.replica.view().state.tickets.get(number)?.status === 'called') {
    if (random() < 0.05) {
      if ((await desk.onCurrent(counter, 'no_show')).ok) stats.noShows += 1;
      return;
    }
    if (!(await desk.onCurrent(counter, 'start')).ok) return;
  }
  await sleep(150 + random() * 450);
  if ((await desk.onCurrent(counter, 'finish')).ok) stats.served += 1;
}

/** One clerk's day, through the calling bar's own desk logic (renderer/queue/counterDesk.ts). */
async function counterLoop(c: Device, counter: number): Promise<void> {
  const desk = createCounterDesk(c.replica);
  for (;;) {
    const asked = Date.now();
    const next = await desk.callNext(counter);
    if (!next.ok) {
      if (process.env.BENCH_DEBUG) console.error(`counter ${counter}: ${JSON.stringify(next.error)}`);
      if (next.error.kind === 'nobody') {
        stats.nobody += 1;
        if (dayOver && everyone.every((d) => d.replica.view().pending === 0)) {
          const waiting = [...c.replica.view().state.tickets.values()].some((t) => t.status === 'waiting');
          if (!waiting) return;
        }
        await sleep(250);
        continue;
      }
      if (next.error.kind === 'offline') stats.offlineCalls += 1;
      else stats.refused += 1;
      // The desk still holds someone (the bar shows who): the clerk finishes with them first.
      const held = c.replica.view().state.counters.get(counter)?.current;
      if (next.error.kind === 'refused' && held) await serve(c, desk, counter, held);
      else await sleep(300);
      continue;
    }
    stats.calls += 1;
    if (!calledAt.has(next.value)) calledAt.set(next.value, asked);
    await serve(c, desk, counter, next.value);
  }
}

const began = Date.now();
const loadAtStart = loadavg()[0]!;
const cpus = cpuList().length;
const restarts = (async () => {
  for (const share of [1 / 3, 2 / 3]) {
    while (printed.length < TICKETS * share) await sleep(100);
    await restartServer();
  }
})();
// The TV in the middle of the day, eight counters at work, to look at (not a compared reference:
// the bench's numbers differ on every run, so it goes with the other artifacts, ignored by git).
const midday = (async () => {
  while (printed.length < TICKETS / 2) await sleep(200);
  await tv.screenshot({ path: resolve(ROOT, 'tests/e2e/__artifacts__/bench/queue-display-bench.png') });
})();
const desks = Promise.all(counters.map((c, i) => counterLoop(c, SETTINGS.counters[i]!.number)));
await Promise.all(kiosks.map(kioskLoop));
dayOver = true;
const dayMs = Date.now() - began;
await restarts;
await midday;
// The counters serve whoever is left (the kiosks' offline numbers included, once they reach the server).
await Promise.race([desks, sleep(300_000)]);
await Promise.race([(async () => { while (!everyone.every((d) => d.replica.view().pending === 0)) await sleep(200); })(), sleep(60_000)]);
const totalMs = Date.now() - began;
await sleep(1500);

if (process.env.BENCH_DEBUG) {
  console.error(`tv saw ${shownAt.size} numbers; rows: ${await tv.locator('.display-row').count()}; binding: ${await tv.evaluate(() => typeof (window as unknown as { reportShown?: unknown }).reportShown)}`);
  await tv.screenshot({ path: '/tmp/bench-tv.png' });
  for (const d of everyone) {
    const rows = await d.db.queueOutbox.where('state').notEqual('sent').toArray();
    for (const r of rows.slice(0, 3)) console.error(`${d.name}: ${r.state} ${r.event.kind} ${'number' in r.event ? r.event.number : ''} ${r.code ?? ''} ${r.reason ?? ''}`);
    const v = d.replica.view();
    console.error(`${d.name}: link ${v.link} pending ${v.pending} cursor ${v.cursor}`);
  }
}
// ---- counting on the server --------------------------------------------------------------------
for (const d of everyone) d.replica.stop();
await browser.close();
await stopServer();
const store = openSqliteStore(dataDir);
if (!store.ok) throw new Error(store.error);
const day = isoFromDayNumber(dayNumberOf(new Date()));
const logged = await store.value.queueEventsOfDay(CENTER, day, 0, 1_000_000);
const duplicatesOnServer = await store.value.duplicateQueueNumbers(CENTER);
if (!logged.ok || !duplicatesOnServer.ok) throw new Error('cannot read the server log');
await store.value.close();
const issuedOnServer = new Set(logged.value.flatMap((e) => (e.kind === 'issue' ? [e.number] : [])));
const numbers = printed.map((t) => t.number);
const printedTwice = numbers.length - new Set(numbers).size;
const lost = numbers.filter((n) => !issuedOnServer.has(n)).length;
const offline = printed.filter((t) => t.origin === 'offline').length;
const latencies = [...calledAt.entries()].flatMap(([n, at]) => (shownAt.has(n) ? [shownAt.get(n)! - at] : []));
// From the server's call (its event time, same machine clock) to the screen: the part the server and the display own.
const serverCalls = logged.value.flatMap((e) => (e.kind === 'call' && shownAt.has(e.number) ? [shownAt.get(e.number)! - Date.parse(e.at)] : []));
const unseen = [...calledAt.keys()].filter((n) => !shownAt.has(n)).length;
const kinds = new Map<string, number>();
for (const e of logged.value) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
await rm(dataDir, { recursive: true, force: true });

const result = {
  tickets: printed.length,
  lost,
  duplicate_numbers: printedTwice + duplicatesOnServer.value.reduce((s, d) => s + d.count - 1, 0),
  call_to_display_p95_ms: Math.round(quantile(latencies, 0.95)),
};
console.log(`queue benchmark: 3 kiosks, 8 counters and a Chromium display against the server process (SQLite), restarted twice`);
console.log('');
console.log('| measure | value |');
console.log('|---|---:|');
console.log(`| numbers printed (server / kiosks' own while it was down) | ${printed.length} (${printed.length - offline} / ${offline}) |`);
console.log(`| issue refusals | ${refusedIssues.length} |`);
console.log(`| server restarts (down, ms) | ${restartTimes.map((r) => r.downMs).join(', ')} |`);
console.log(`| calls / served / absent | ${stats.calls} / ${stats.served} / ${stats.noShows} |`);
console.log(`| call-next answered "nobody" / without a server | ${stats.nobody} / ${stats.offlineCalls} |`);
console.log(`| events in the server's log | ${[...kinds.entries()].map(([k, n]) => `${k} ${n}`).join(', ')} |`);
console.log(`| issue time p50 / p95 / max (ms) | ${quantile(issueMs, 0.5).toFixed(1)} / ${quantile(issueMs, 0.95).toFixed(1)} / ${Math.max(...issueMs).toFixed(1)} |`);
console.log(`| counter's click → on the display p50 / p95 / max (ms) | ${quantile(latencies, 0.5)} / ${quantile(latencies, 0.95)} / ${Math.max(...latencies)} |`);
console.log(`| server's call → on the display p50 / p95 / max (ms) | ${quantile(serverCalls, 0.5)} / ${quantile(serverCalls, 0.95)} / ${Math.max(...serverCalls)} |`);
console.log(`| calls never seen on the display | ${unseen} |`);
console.log(`| machine load (1-min average at start / end; ${cpus} cores) | ${loadAtStart.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} |`);
console.log(`| lost / duplicate numbers | ${lost} / ${result.duplicate_numbers} |`);
console.log(`| day / day and drain (s) | ${(dayMs / 1000).toFixed(1)} / ${(totalMs / 1000).toFixed(1)} |`);
if (refusedIssues.length > 0) console.log(`first refusal: ${refusedIssues[0]}`);
console.log(JSON.stringify(result));
process.exit(0);
