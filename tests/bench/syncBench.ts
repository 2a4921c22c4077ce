/**
 * `npm run bench:sync`: 1,000 registrations saved into IndexedDB in Chromium (save latency), then
 * drained to the real server on loopback, once over a clean link and once through the faulty proxy
 * (30% of requests dropped, 30% of responses dropped after the server committed). Lost and
 * duplicated files are counted on the server against what was saved. Ends with one JSON line.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startTestServer } from '../e2e/support/testServer.ts';
import { startFaultyProxy } from '../support/faultyProxy.ts';

const FILES = Number(process.env.BENCH_FILES ?? 1000);

const bundle = await build({
  entryPoints: [resolve(import.meta.dirname, 'syncBenchPage.ts')],
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
const serverUrl = server.url;
const serverPort = Number(new URL(serverUrl).port);
const proxy = await startFaultyProxy({ host: '127.0.0.1', port: serverPort }, { seed: 20261122 });
const browser = await launchBrowser();
const tab = await (await browser.newContext()).newPage();
await tab.goto(pageUrl);
await tab.waitForFunction(() => 'motcuaBench' in window);

type Bench = {
  setup(db: string, enrolUrl: string, syncUrl: string): Promise<string>;
  register(n: number): Promise<number[]>;
  drain(timeoutMs: number): Promise<{ seconds: number; cycles: number; failedCycles: number; pending: number }>;
};
const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
  tab.evaluate(([n, a]) => ((window as unknown as { motcuaBench: Record<string, (...x: unknown[]) => unknown> }).motcuaBench[n as string]!)(...(a as unknown[])), [name, args] as const) as ReturnType<Bench[K]>;

const count = async () => {
  const c = await server.store.countFiles('DEMO');
  const d = await server.store.findDuplicateFiles('DEMO');
  if (!c.ok || !d.ok) throw new Error('cannot count files on the server');
  return { files: c.value, duplicates: d.value.length };
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

// 1. Save latency and a clean drain.
await call('setup', 'bench-normal', serverUrl, serverUrl);
const times = await call('register', FILES);
const normal = await call('drain', 300_000);
const afterNormal = await count();

// 2. A lossy link: the same amount through the faulty proxy.
await call('setup', 'bench-lossy', serverUrl, proxy.url);
await call('register', FILES);
proxy.setFaults({ dropRequestRate: 0.3, dropResponseRate: 0.3, delayRate: 0, delayMs: 0, maxFaults: Infinity });
const lossy = await call('drain', 600_000);
const faults = proxy.stats();
const afterLossy = await count();

const saved = 2 * FILES;
const lost = saved - afterLossy.files;
const result = {
  files: FILES,
  save_p50_ms: +quantile(times, 0.5).toFixed(2),
  save_p95_ms: +quantile(times, 0.95).toFixed(2),
  save_max_ms: +Math.max(...times).toFixed(2),
  drain_s: +normal.seconds.toFixed(2),
  lossy_drain_s: +lossy.seconds.toFixed(2),
  lost,
  duplicated: afterLossy.duplicates,
};

console.log(`sync benchmark: ${FILES} registrations per run, Chromium IndexedDB -> motcua server (SQLite) on loopback`);
console.log('');
console.log('| run    | files | save p50 ms | save p95 ms | drain s | sync cycles | failed cycles | left pending |');
console.log('|--------|------:|------------:|------------:|--------:|------------:|--------------:|-------------:|');
console.log(`| normal | ${FILES} | ${result.save_p50_ms} | ${result.save_p95_ms} | ${result.drain_s} | ${normal.cycles} | ${normal.failedCycles} | ${normal.pending} |`);
console.log(`| lossy  | ${FILES} | – | – | ${result.lossy_drain_s} | ${lossy.cycles} | ${lossy.failedCycles} | ${lossy.pending} |`);
console.log('');
console.log(`proxy faults: ${faults.droppedRequests} requests dropped, ${faults.droppedResponses} responses dropped after commit, ${faults.forwarded} forwarded`);
console.log(`server holds ${afterLossy.files} files for ${saved} saved (${afterNormal.files} after the clean run): lost ${lost}, duplicated ${afterLossy.duplicates}`);
console.log(JSON.stringify(result));

await browser.close();
await proxy.close();
await server.close();
page.close();
