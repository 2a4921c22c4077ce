/**
 * `npm run bench:atrest`: what sealing citizens' data costs the worklist. 2,000 files sealed with
 * the browser platform's non-extractable AES-GCM key and stored in Chromium's IndexedDB, then the
 * worklist's list function (read + decrypt every personal part) cold (nothing cached, as after a
 * restart) and warm (a live list re-reading after one change), a search by name without tones,
 * and one whole file opened (the receipt). Prints a table and ends with one JSON line (medians).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { launchBrowser } from '../e2e/support/browser.ts';

const FILES = Number(process.env.BENCH_FILES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const bundle = await build({
  entryPoints: [resolve(import.meta.dirname, 'atRestBenchPage.ts')],
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

type Run = { readMs: number; coldMs: number; warmMs: number; searchMs: number; openOneMs: number; shown: number; found: number };
type Bench = { setup(n: number): Promise<{ sealMs: number; storeMs: number }>; run(): Promise<Run> };

const browser = await launchBrowser();
try {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(`http://localhost:${(page.address() as AddressInfo).port}/`);
  await tab.waitForFunction(() => 'motcuaAtRestBench' in window);
  const bench = (name: keyof Bench, arg?: number) =>
    tab.evaluate(([n, a]) => (window as unknown as { motcuaAtRestBench: Record<string, (x?: number) => unknown> }).motcuaAtRestBench[n]!(a), [name, arg] as const);

  const setup = (await bench('setup', FILES)) as Awaited<ReturnType<Bench['setup']>>;
  await bench('run'); // warm-up: JIT, IndexedDB caches
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push((await bench('run')) as Run);

  const median = (pick: (r: Run) => number) => {
    const xs = runs.map(pick).sort((a, b) => a - b);
    return +xs[Math.floor(xs.length / 2)]!.toFixed(1);
  };
  const range = (pick: (r: Run) => number) => {
    const xs = runs.map(pick);
    return `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
  };
  const rows: [string, (r: Run) => number][] = [
    ['read rows only (no decryption)', (r) => r.readMs],
    ['worklist list, cold (read + decrypt all)', (r) => r.coldMs],
    ['worklist list, warm (cached)', (r) => r.warmMs],
    ['search "le duc minh" (warm)', (r) => r.searchMs],
    ['open one whole file (receipt)', (r) => r.openOneMs],
  ];

  console.log(`at-rest benchmark: ${FILES.toLocaleString('en')} sealed files in Chromium IndexedDB (AES-GCM 256, non-extractable key), ${RUNS} runs after a warm-up`);
  console.log(`sealing ${FILES} files took ${setup.sealMs.toFixed(1)} ms (${((setup.sealMs / FILES) * 1000).toFixed(0)} µs a file); storing them ${setup.storeMs.toFixed(1)} ms`);
  console.log('');
  console.log('| step | median ms | min–max ms |');
  console.log('|------|----------:|-----------:|');
  for (const [label, pick] of rows) console.log(`| ${label} | ${median(pick)} | ${range(pick)} |`);
  console.log('');
  console.log(`files listed: ${runs[0]!.shown}, found by the search: ${runs[0]!.found}`);
  console.log(
    JSON.stringify({
      files: FILES,
      seal_ms: +setup.sealMs.toFixed(1),
      read_ms: median((r) => r.readMs),
      list_cold_ms: median((r) => r.coldMs),
      list_warm_ms: median((r) => r.warmMs),
      search_ms: median((r) => r.searchMs),
      open_one_ms: median((r) => r.openOneMs),
    }),
  );
} finally {
  await browser.close();
  page.close();
}
