/**
 * `npm run bench:startup`: how soon an old PC's kiosk is usable. The built app is served by the real
 * server with the commune catalog; one visit online installs the service worker and stores the
 * catalog; then, offline and with Chromium's CPU throttled 4x over CDP, each run opens a new tab
 * (served by the service worker) and measures the time from navigation to a usable search box, and
 * from a tap on an on-screen key to painted results. Median of RUNS runs (default 7). Prints a table
 * and ends with one JSON line: cold_start_4x_ms, first_results_4x_ms, initial_js_gzip_kb.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startTestServer } from '../e2e/support/testServer.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const THROTTLE = 4;
const KEYS = ['k', 'h', 'a', 'i'];
const WEB_ROOT = resolve(import.meta.dirname, '../../dist/renderer');

/** Runs before the app's own scripts: notes when the search box appears and when results paint after a key. */
const PROBE = `
(() => {
  const marks = (window.__bench = { usableAt: null, keyAt: null, paintedAt: [] });
  const seen = () => {
    const input = document.querySelector('[data-testid="search-input"]');
    if (input && marks.usableAt === null && !input.disabled) marks.usableAt = performance.now();
  };
  new MutationObserver((records) => {
    seen();
    if (marks.keyAt === null) return;
    const touched = records.some((r) => r.target instanceof Element && r.target.closest('[data-testid="results"], main'));
    if (!touched) return;
    const keyAt = marks.keyAt;
    marks.keyAt = null;
    requestAnimationFrame(() => setTimeout(() => marks.paintedAt.push(performance.now() - keyAt), 0));
  }).observe(document, { childList: true, subtree: true, characterData: true });
  addEventListener('pointerdown', (e) => {
    if (e.target instanceof Element && e.target.closest('.keyboard')) marks.keyAt = performance.now();
  }, true);
})();
`;

interface Run {
  usableMs: number;
  keyMs: number[];
  scripts: string[];
}

async function measure(page: Page, url: string): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.addInitScript(PROBE);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: { usableAt: number | null } }).__bench.usableAt !== null, undefined, { timeout: 60_000 });
  const usableMs = await page.evaluate(() => (window as unknown as { __bench: { usableAt: number } }).__bench.usableAt);
  const keyMs: number[] = [];
  for (const [i, key] of KEYS.entries()) {
    await page.locator(`.keyboard .hg-button[data-skbtn="${key}"]`).click();
    await page.waitForFunction((n) => (window as unknown as { __bench: { paintedAt: number[] } }).__bench.paintedAt.length > n, i, { timeout: 30_000 });
    keyMs.push(await page.evaluate((n) => (window as unknown as { __bench: { paintedAt: number[] } }).__bench.paintedAt[n]!, i));
  }
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js') && !p.endsWith('sw.js') && !/workbox-/.test(p)),
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return { usableMs, keyMs, scripts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

const server = await startTestServer({ catalogPath: join(sharedDataDir(), COMMUNE_CATALOG), demoCenter: false, webRoot: WEB_ROOT });
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  // The first visit, online: the service worker installs and the catalog is stored on the device.
  const first = await context.newPage();
  await first.goto(server.url);
  await first.getByTestId('catalog-footer').waitFor({ timeout: 60_000 });
  await first.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await first.waitForFunction(() => document.querySelector('[data-testid="catalog-footer"]')?.getAttribute('data-origin') !== 'bundled', undefined, { timeout: 60_000 });
  await first.close();
  await context.setOffline(true);

  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await context.newPage();
    runs.push(await measure(page, server.url));
    await page.close();
  }

  const scripts = [...new Set(runs[0]!.scripts)];
  const gzipBytes = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(WEB_ROOT, path))).length, 0);
  const usable = runs.map((r) => r.usableMs);
  const firstKey = runs.map((r) => r.keyMs[0]!);
  const allKeys = runs.flatMap((r) => r.keyMs);

  console.log(`startup benchmark: built app, commune catalog, offline from the service worker, CPU throttled ${THROTTLE}x, ${RUNS} runs; keys ${KEYS.join(' ')}`);
  console.log('');
  console.log('| run | usable search box ms | first key → painted ms | keys → painted ms |');
  console.log('|----:|---------------------:|-----------------------:|:------------------|');
  runs.forEach((r, i) => console.log(`| ${i + 1} | ${round(r.usableMs)} | ${round(r.keyMs[0]!)} | ${r.keyMs.map(round).join(' / ')} |`));
  console.log(`| median | ${round(median(usable))} | ${round(median(firstKey))} | all keys median ${round(median(allKeys))}, max ${round(Math.max(...allKeys))} |`);
  console.log('');
  console.log(`initial scripts (${scripts.length}): ${scripts.join(', ')} — ${(gzipBytes / 1024).toFixed(1)} KB gzip`);
  console.log(
    JSON.stringify({
      runs: RUNS,
      cold_start_4x_ms: round(median(usable)),
      first_results_4x_ms: round(median(firstKey)),
      keystroke_4x_median_ms: round(median(allKeys)),
      initial_js_gzip_kb: Number((gzipBytes / 1024).toFixed(1)),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
