/**
 * `npm run bench:stats`: the center's figures (shared/stats/centerStats.ts) for 100,000 generated
 * files, computed in Chromium as the admin screen would. Prints a table of the runs and the per-field
 * counts, and ends with one JSON line: files, stats_ms (median of the runs), and whether that median
 * is within the admin screen's budget (1 s for 100,000 files; the unit tests time nothing).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { CenterStats } from '../../shared/stats/centerStats.ts';
import { launchBrowser } from '../e2e/support/browser.ts';

const FILES = Number(process.env.BENCH_FILES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** The admin screen must show 100,000 files' figures within a second. */
const TARGET_MS = 1_000;

const bundle = await build({
  entryPoints: [resolve(import.meta.dirname, 'statsBenchPage.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  write: false,
});
const script = bundle.outputFiles[0]!.text;
const page = createServer((req, res) => {
  if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
});
await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));

const browser = await launchBrowser();
try {
  const tab = await (await browser.newContext()).newPage();
  await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
  await tab.waitForFunction(() => 'motcuaStatsBench' in window);
  type Bench = { generate(n: number, seed: number): number; run(runs: number): { times: number[]; stats: CenterStats } };
  const generateMs = await tab.evaluate((n) => (window as unknown as { motcuaStatsBench: Bench }).motcuaStatsBench.generate(n, 1), FILES);
  const { times, stats } = await tab.evaluate((runs) => (window as unknown as { motcuaStatsBench: Bench }).motcuaStatsBench.run(runs), RUNS);

  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const round = (ms: number) => +ms.toFixed(1);
  const pct = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);

  console.log(`stats benchmark: computeCenterStats over ${FILES.toLocaleString('en')} files in Chromium (${RUNS} runs after a warm-up; files generated in ${round(generateMs)} ms)`);
  console.log('');
  console.log('| files | runs | stats ms min | stats ms median | stats ms max | target ms | within target |');
  console.log('|------:|-----:|-------------:|----------------:|-------------:|----------:|:-------------:|');
  console.log(`| ${FILES} | ${RUNS} | ${round(sorted[0]!)} | ${round(median)} | ${round(sorted.at(-1)!)} | ${TARGET_MS} | ${median <= TARGET_MS ? 'yes' : 'NO'} |`);
  console.log('');
  console.log('| field | received | online | done | returned | early | on time | overdue | within period | on-time rate | satisfaction |');
  console.log('|-------|---------:|-------:|-----:|---------:|------:|--------:|--------:|--------------:|-------------:|-------------:|');
  for (const g of [...stats.byField, { ...stats.total, key: 'total' }]) {
    console.log(`| ${g.key} | ${g.received} | ${g.receivedOnline} | ${g.done} | ${g.returned} | ${g.early} | ${g.onTime} | ${g.overdue} | ${g.withinPeriod} | ${pct(g.onTimeRate)} | ${pct(g.satisfactionRate)} |`);
  }
  console.log('');
  console.log(`${stats.byCenter.length} centers, ${stats.byProcedure.length} procedures, ${stats.series.points.length} weekly points`);
  console.log(JSON.stringify({ files: FILES, stats_ms: round(median), stats_ms_min: round(sorted[0]!), stats_ms_max: round(sorted.at(-1)!), target_ms: TARGET_MS, within_target: median <= TARGET_MS }));
} finally {
  await browser.close();
  page.close();
}
