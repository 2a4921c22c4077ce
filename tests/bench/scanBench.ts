/**
 * `npm run bench:scans`: scans with the real device code in Chromium (IndexedDB, the app's scan
 * preparation and sync engine) against the real server (SQLite) on loopback.
 *
 *   1. storage: 200 files with a 1 MiB scan each (PDFs, stored as they are): IndexedDB usage
 *      (navigator.storage.estimate) before and after sync, and what opening the worklist and the
 *      outbox reads (time, JS heap).
 *   2. photos: camera photos of a page made smaller on the device: picked vs stored bytes.
 *   3. slow line: ten 5 MiB scans through the faulty proxy throttled to ~1 Mbit/s with dropped
 *      requests and answers; every scan checked byte for byte (sha256) on the server.
 *
 * Prints a table and ends with one JSON line. BENCH_FILES, BENCH_PHOTOS, BENCH_BIG_SCANS,
 * BENCH_BIG_MB, BENCH_KBPS shorten or change the runs.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startTestServer } from '../e2e/support/testServer.ts';
import { ONE_MBIT_PER_SECOND, startFaultyProxy } from '../support/faultyProxy.ts';

const FILES = Number(process.env.BENCH_FILES ?? 200);
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 30);
const BIG_SCANS = Number(process.env.BENCH_BIG_SCANS ?? 10);
const BIG_BYTES = Math.round(Number(process.env.BENCH_BIG_MB ?? 5) * 1024 * 1024);
const LINE_BYTES_PER_SECOND = process.env.BENCH_KBPS ? Number(process.env.BENCH_KBPS) * 125 : ONE_MBIT_PER_SECOND;
const MiB = 1024 * 1024;

const bundle = await build({
  entryPoints: [resolve(import.meta.dirname, 'scanBenchPage.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
  define: { 'import.meta.env.DEV': 'false' },
});
const script = bundle.outputFiles[0]!.text;
const page = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
});
await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
const pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`;

const server = await startTestServer({ web: false });
const proxy = await startFaultyProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) }, { seed: 20270301 });
const browser = await launchBrowser(['--enable-precise-memory-info']);
const tab = await (await browser.newContext()).newPage();
await tab.goto(pageUrl);
await tab.waitForFunction(() => 'motcuaScanBench' in window);

type Drained = { seconds: number; cycles: number; failedCycles: number; pendingFiles: number; pendingScans: number; rejectedScans: number; scanBytes: number; recordsSeconds: number };
type Bench = {
  setup(db: string, enrolUrl: string, syncUrl: string): Promise<string>;
  register(count: number, kind: 'pdf' | 'photo', pdfBytes: number): Promise<{ saveMs: number[]; pickedBytes: number; storedBytes: number; firstOffset: number }>;
  usage(): Promise<number>;
  drain(timeoutMs: number, requestTimeoutMs: number): Promise<Drained>;
  openLists(): Promise<{ worklistMs: number; outboxMs: number; heapBefore: number; heapAfter: number; files: number }>;
  close(): Promise<void>;
};
const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
  tab.evaluate(
    ([n, a]) => (window as unknown as { motcuaScanBench: Record<string, (...x: unknown[]) => unknown> }).motcuaScanBench[n as string]!(...(a as unknown[])),
    [name, args] as const,
  ) as ReturnType<Bench[K]>;

const mb = (bytes: number) => +(bytes / MiB).toFixed(1);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Every scan of the device's files on the server, checked against the sha256 its record gives. */
async function scansOnServer(deviceId: string): Promise<{ whole: number; damaged: number; missing: number; largest: number }> {
  const listed = await server.store.listFiles('DEMO', { limit: 100_000 });
  if (!listed.ok) throw new Error(listed.error.reason);
  const tally = { whole: 0, damaged: 0, missing: 0, largest: 0 };
  for (const summary of listed.value.files.filter((f) => f.deviceId === deviceId)) {
    const file = await server.store.findFile('DEMO', summary.id);
    if (!file.ok || !file.value) throw new Error(`file ${summary.id} unreadable`);
    for (const ref of file.value.attachments) {
      const scan = await server.store.readScan('DEMO', ref.id);
      if (!scan.ok || !scan.value) tally.missing += 1;
      else if (createHash('sha256').update(scan.value.data).digest('hex') !== ref.sha256) tally.damaged += 1;
      else {
        tally.whole += 1;
        tally.largest = Math.max(tally.largest, scan.value.data.length);
      }
    }
  }
  return tally;
}

// 1. Storage: 200 files with a 1 MiB scan each.
const empty = await call('usage');
const storageDevice = await call('setup', 'bench-storage', server.url, server.url);
const stored = await call('register', FILES, 'pdf', MiB);
const beforeSync = await call('usage');
const listsBefore = await call('openLists');
const storageDrain = await call('drain', 600_000, 20_000);
const afterSync = await call('usage');
const listsAfter = await call('openLists');
const storageCheck = await scansOnServer(storageDevice);
await call('close');

// 2. Photos of a page, made smaller on the device.
const beforePhotos = await call('usage');
await call('setup', 'bench-photos', server.url, server.url);
const photos = await call('register', PHOTOS, 'photo', 0);
const afterPhotos = await call('usage');
await call('close');

// 3. Ten 5 MiB scans through the faulty proxy at about 1 Mbit/s.
const slowDevice = await call('setup', 'bench-slow', server.url, proxy.url);
await call('register', BIG_SCANS, 'pdf', BIG_BYTES);
proxy.setFaults({ bytesPerSecond: LINE_BYTES_PER_SECOND, dropRequestRate: 0.05, dropResponseRate: 0.05, delayRate: 0.05, delayMs: 3000, maxFaults: Infinity });
const slow = await call('drain', 3_600_000, 20_000);
const faults = proxy.stats();
const slowCheck = await scansOnServer(slowDevice);
const idealSeconds = (BIG_SCANS * BIG_BYTES) / LINE_BYTES_PER_SECOND;

const result = {
  files: FILES,
  scan_mib: 1,
  idb_empty_mb: mb(empty),
  idb_before_sync_mb: mb(beforeSync),
  idb_after_sync_mb: mb(afterSync),
  idb_mb_per_scan_mb: +((beforeSync - empty) / (FILES * MiB)).toFixed(2),
  save_p50_ms: +quantile(stored.saveMs, 0.5).toFixed(1),
  save_p95_ms: +quantile(stored.saveMs, 0.95).toFixed(1),
  worklist_open_ms: +listsBefore.worklistMs.toFixed(1),
  outbox_open_ms: +listsBefore.outboxMs.toFixed(1),
  heap_mb: mb(listsBefore.heapAfter),
  storage_sync_s: +storageDrain.seconds.toFixed(1),
  storage_scans_whole: storageCheck.whole,
  photos: PHOTOS,
  photo_picked_kb: Math.round(photos.pickedBytes / PHOTOS / 1024),
  photo_stored_kb: Math.round(photos.storedBytes / PHOTOS / 1024),
  photo_idb_kb_per_file: Math.round((afterPhotos - beforePhotos) / PHOTOS / 1024),
  slow_scans: BIG_SCANS,
  slow_scan_bytes: BIG_BYTES,
  line_kbit_s: Math.round((LINE_BYTES_PER_SECOND * 8) / 1000),
  slow_sync_s: +slow.seconds.toFixed(1),
  slow_ideal_s: +idealSeconds.toFixed(1),
  slow_records_s: +slow.recordsSeconds.toFixed(1),
  slow_scans_whole: slowCheck.whole,
  slow_scans_damaged: slowCheck.damaged,
  slow_scans_missing: slowCheck.missing,
  largest_scan_synced_bytes: Math.max(slowCheck.largest, storageCheck.largest),
  dropped_requests: faults.droppedRequests,
  dropped_answers: faults.droppedResponses,
};

console.log(`scan benchmark: the device's own code in Chromium (IndexedDB, scan preparation, sync engine) -> motcua server (SQLite) on loopback`);
console.log('');
console.log(`1. ${FILES} files with a 1 MiB scan each (PDF, stored as it is)`);
console.log('| IndexedDB (navigator.storage.estimate) | MB |');
console.log('|---|---:|');
console.log(`| empty | ${result.idb_empty_mb} |`);
console.log(`| after saving ${FILES} files | ${result.idb_before_sync_mb} |`);
console.log(`| after all were sent (${storageDrain.cycles} cycles, ${result.storage_sync_s} s on loopback) | ${result.idb_after_sync_mb} |`);
console.log(`| per MB of scan | ${result.idb_mb_per_scan_mb} |`);
console.log('');
console.log('| opening, with all files on the device | before sync | after sync |');
console.log('|---|---:|---:|');
console.log(`| worklist reads ${listsBefore.files} records (ms) | ${result.worklist_open_ms} | ${listsAfter.worklistMs.toFixed(1)} |`);
console.log(`| outbox lists entries with their files (ms) | ${result.outbox_open_ms} | ${listsAfter.outboxMs.toFixed(1)} |`);
console.log(`| JS heap after opening (MB) | ${mb(listsBefore.heapAfter)} | ${mb(listsAfter.heapAfter)} |`);
console.log(`save with its scan: p50 ${result.save_p50_ms} ms, p95 ${result.save_p95_ms} ms; on the server: ${storageCheck.whole} scans whole, ${storageCheck.damaged} damaged, ${storageCheck.missing} missing`);
console.log('');
console.log(`2. ${PHOTOS} camera photos of a page (2400 x 1800 JPEG), made smaller on the device`);
console.log(`| picked, per photo | stored, per photo | IndexedDB per file |`);
console.log('|---:|---:|---:|');
console.log(`| ${result.photo_picked_kb} KB | ${result.photo_stored_kb} KB | ${result.photo_idb_kb_per_file} KB |`);
console.log('');
console.log(`3. ${BIG_SCANS} scans of ${mb(BIG_BYTES)} MiB through the faulty proxy at ${result.line_kbit_s} kbit/s (5% requests and 5% answers dropped, 5% delayed 3 s)`);
console.log('| records on the server | all scans on the server | line-speed minimum | sync cycles (failed) | scans whole / damaged / missing | largest scan synced |');
console.log('|---:|---:|---:|---:|---|---:|');
console.log(
  `| ${result.slow_records_s} s | ${result.slow_sync_s} s | ${result.slow_ideal_s} s | ${slow.cycles} (${slow.failedCycles}) | ${slowCheck.whole} / ${slowCheck.damaged} / ${slowCheck.missing} | ${result.largest_scan_synced_bytes} bytes |`,
);
console.log(`proxy: ${faults.droppedRequests} requests and ${faults.droppedResponses} answers dropped, ${faults.delayed} delayed, ${mb(faults.bytesUp)} MiB up`);
console.log(JSON.stringify(result));

await browser.close();
await proxy.close();
await server.close();
page.close();
