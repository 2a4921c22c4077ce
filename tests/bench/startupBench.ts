/**
 * `npm run bench:startup`: how soon an old PC's kiosk is usable, and whether typing and scrolling
 * stay within a frame. The built app is served by the real server with the commune catalog, Chromium's
 * CPU throttled 4x over CDP (an old PC), the network on loopback (a center's LAN).
 *
 * 1. Cold online visits (a fresh browser profile each): time to a usable search box (the box is there,
 *    enabled and its search ready), and what the visit downloads until the app is installed for
 *    offline (requests and bytes on the wire, the service worker's precache included).
 * 2. Offline starts from the service worker, after one online visit: time to a usable search box,
 *    then from a tap on an on-screen key to painted results for what is typed.
 * 3. The counter's worklist with 2,000 files (sealed with the app's own key, in its own database),
 *    scrolled by a steady 40 px a frame: frame times and the most DOM nodes at once.
 *
 * Medians of RUNS runs (default 7; BENCH_RUNS). Prints tables and ends with one JSON line:
 * cold_start_4x_ms, first_results_4x_ms, initial_js_gzip_kb, and the rest. BENCH_WEB_ROOT serves
 * another build (e.g. an older one, for a before/after).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startTestServer } from '../e2e/support/testServer.ts';
import { CounterPage } from '../e2e/pageModels/CounterPage.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const THROTTLE = 4;
const KEYS = ['k', 'h', 'a', 'i'];
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const SCROLL_FRAMES = 240;
const WEB_ROOT = resolve(process.env.BENCH_WEB_ROOT ?? resolve(import.meta.dirname, '../../dist/renderer'));

/**
 * Runs before the app's own scripts. Usable: the search box is there, enabled, and not marked as
 * waiting for its search (`data-ready="false"`). Painted: after a key (timed from the touch's own
 * time stamp), the results show what is now typed (`data-query` of the results, when the app sets
 * it) and a frame has gone by.
 */
const PROBE = `
(() => {
  const marks = (window.__bench = { usableAt: null, scriptsAtUsable: [], keyAt: null, paintedAt: [], waiting: [] });
  // The harness waits on these instead of polling every frame over CDP (which would take the page's
  // thread from what is being measured).
  const wake = () => { for (const w of marks.waiting.splice(0)) w(); };
  marks.until = (done) => new Promise((resolve) => { const check = () => (done() ? resolve() : marks.waiting.push(check)); check(); });
  const input = () => document.querySelector('[data-testid="search-input"]');
  const seen = () => {
    const box = input();
    if (box && marks.usableAt === null && !box.disabled && box.dataset.ready !== 'false') {
      marks.usableAt = performance.now();
      marks.scriptsAtUsable = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'));
      // Told to the harness through a CDP binding: it asks the page nothing until then (see usableSignal).
      if (typeof window.__benchUsable === 'function') window.__benchUsable(String(marks.usableAt));
      wake();
    }
  };
  new MutationObserver((records) => {
    seen();
    if (marks.keyAt === null) return;
    const touched = records.some((r) => r.target instanceof Element && r.target.closest('[data-testid="results"], main'));
    if (!touched) return;
    const results = document.querySelector('[data-testid="results"]');
    if (results && results.dataset.query !== undefined && results.dataset.query !== input()?.value) return;
    const keyAt = marks.keyAt;
    marks.keyAt = null;
    requestAnimationFrame(() => setTimeout(() => { marks.paintedAt.push(performance.now() - keyAt); wake(); }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['disabled', 'data-ready', 'data-query'] });
  addEventListener('pointerdown', (e) => {
    // The touch's own time stamp: a key that had to wait for the page's thread counts the wait.
    if (e.target instanceof Element && e.target.closest('.keyboard')) marks.keyAt = e.timeStamp;
  }, true);
})();
`;

type Bench = { usableAt: number | null; scriptsAtUsable: string[]; paintedAt: number[]; until(done: () => boolean): Promise<void> };
const bench = (page: Page) =>
  page.evaluate(() => {
    const { usableAt, scriptsAtUsable, paintedAt } = (window as unknown as { __bench: Bench }).__bench;
    return { usableAt, scriptsAtUsable, paintedAt };
  });

async function throttle(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/**
 * Until the box is usable the harness does not touch the page: the probe calls a CDP binding.
 * (Asking through Playwright would first evaluate its injected script, a few hundred KB, in the
 * page: about 60 ms of the page's thread at 4x, in the middle of the start being measured.)
 * Set up before the page loads; the returned promise is the time the box became usable.
 */
async function usableSignal(cdp: CDPSession): Promise<{ usable: Promise<number> }> {
  const usable = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the search box did not become usable within 120 s')), 120_000);
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name !== '__benchUsable') return;
      clearTimeout(timer);
      resolve(Number(event.payload));
    });
  });
  // Bindings report only to a session with the Runtime domain on (Playwright's own session has it on already).
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__benchUsable' });
  // Wrapped: a bare promise returned from an async function would be awaited here, before the page loads.
  return { usable };
}

/**
 * What went over the network, counted where it leaves: the server's sockets (bytes written, headers
 * and compressed bodies included) and the requests it answered. Answers from the service worker or
 * the browser's HTTP cache never reach it.
 */
function countTraffic(http: Server) {
  const traffic = { requests: 0, bytes: 0, scripts: new Map<string, number>(), last: Date.now() };
  const sockets = new Set<Socket>();
  let stopped = false;
  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      if (stopped) return;
      traffic.bytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  };
  const onRequest = (request: IncomingMessage) => {
    traffic.requests += 1;
    traffic.last = Date.now();
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path.endsWith('.js')) traffic.scripts.set(path, (traffic.scripts.get(path) ?? 0) + 1);
  };
  http.on('connection', onConnection);
  http.on('request', onRequest);
  return {
    traffic,
    stop() {
      stopped = true;
      http.off('connection', onConnection);
      http.off('request', onRequest);
      // Keep-alive sockets still open: what they have written so far.
      for (const socket of sockets) traffic.bytes += socket.bytesWritten;
      return traffic;
    },
  };
}

interface OnlineRun {
  usableMs: number;
  requests: number;
  kb: number;
  /** Scripts downloaded more than once in the visit (page and precache). */
  twice: number;
}

async function coldOnlineVisit(context: BrowserContext, url: string, http: Server): Promise<OnlineRun> {
  const counting = countTraffic(http);
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const cdp = await throttle(page, THROTTLE);
  const { usable } = await usableSignal(cdp);
  await page.goto(url);
  const usableMs = await usable;
  // Installed for offline: the service worker controls the page and the catalog is on the device.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
  await page.getByTestId('catalog-footer').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="catalog-footer"]')?.getAttribute('data-origin') !== 'bundled', undefined, { timeout: 120_000 });
  // Then until the network has been quiet for 3 s (the precache and any background pull done).
  while (Date.now() - counting.traffic.last < 3000) await page.waitForTimeout(500);
  await page.close();
  const traffic = counting.stop();
  const twice = [...traffic.scripts.values()].filter((n) => n > 1).length;
  return { usableMs, requests: traffic.requests, kb: traffic.bytes / 1024, twice };
}

interface OfflineRun {
  usableMs: number;
  keyMs: number[];
  scripts: string[];
}

async function offlineStart(page: Page, url: string): Promise<OfflineRun> {
  await page.addInitScript(PROBE);
  const cdp = await throttle(page, THROTTLE);
  const { usable } = await usableSignal(cdp);
  await page.goto(url);
  const usableMs = await usable;
  const { scriptsAtUsable } = await bench(page);
  const keyMs: number[] = [];
  for (const [i, key] of KEYS.entries()) {
    await page.locator(`.keyboard .hg-button[data-skbtn="${key}"]`).click();
    await page.evaluate((n) => {
      const marks = (window as unknown as { __bench: Bench }).__bench;
      return marks.until(() => marks.paintedAt.length > n);
    }, i);
    keyMs.push((await bench(page)).paintedAt[i]!);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return { usableMs, keyMs, scripts: scriptsAtUsable.filter((p) => !p.endsWith('sw.js') && !/workbox-/.test(p)) };
}

interface ScrollRun {
  frameMedianMs: number;
  frameP95Ms: number;
  over50Pct: number;
  maxNodes: number;
  rowsShown: number;
}

/** Scrolls the worklist a steady 40 px a frame and times the frames (requestAnimationFrame to requestAnimationFrame). */
async function scrollWorklist(page: Page): Promise<ScrollRun> {
  const cdp = await throttle(page, THROTTLE);
  const result = await page.evaluate(async (frames) => {
    const scroller = document.querySelector('.worklist-scroll') as HTMLElement;
    scroller.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const gaps: number[] = [];
    let maxNodes = 0;
    let last = performance.now();
    for (let i = 0; i < frames; i += 1) {
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      gaps.push(now - last);
      last = now;
      maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length);
      scroller.scrollTop += 40;
    }
    return { gaps, maxNodes, rowsShown: document.querySelectorAll('.work-row').length };
  }, SCROLL_FRAMES);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  const gaps = result.gaps.slice(1).sort((a, b) => a - b);
  return {
    frameMedianMs: gaps[Math.floor(gaps.length / 2)]!,
    frameP95Ms: gaps[Math.floor(gaps.length * 0.95)]!,
    over50Pct: (100 * gaps.filter((g) => g > 50).length) / gaps.length,
    maxNodes: result.maxNodes,
    rowsShown: result.rowsShown,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const round = (x: number) => Math.round(x);
const one = (x: number) => Math.round(x * 10) / 10;

const seedScript = (await build({ entryPoints: [resolve(import.meta.dirname, 'worklistSeedPage.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, define: { 'import.meta.env.DEV': 'false' } })).outputFiles[0]!.text;

const server = await startTestServer({ catalogPath: join(sharedDataDir(), COMMUNE_CATALOG), webRoot: WEB_ROOT });
const browser = await launchBrowser();
const viewport = { width: 1366, height: 768 };
try {
  // 1. Cold online visits, each in a fresh profile.
  const online: OnlineRun[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({ viewport, timezoneId: 'Asia/Ho_Chi_Minh' });
    online.push(await coldOnlineVisit(context, server.url, server.app.server));
    await context.close();
  }

  // 2. Offline starts, after one online visit installed the app and stored the catalog.
  const context = await browser.newContext({ viewport, timezoneId: 'Asia/Ho_Chi_Minh' });
  await coldOnlineVisit(context, server.url, server.app.server);
  await context.setOffline(true);
  const offline: OfflineRun[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await context.newPage();
    offline.push(await offlineStart(page, server.url));
    await page.close();
  }
  await context.close();

  // 3. The worklist with FILES files, on an enrolled counter.
  // The seeding script is injected inline, which the app's Content-Security-Policy rightly refuses.
  const counterContext = await browser.newContext({ viewport, timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  const counter = await CounterPage.enrolled(counterContext, server.url);
  await counter.page.addScriptTag({ content: seedScript });
  const stored = await counter.page.evaluate((n) => (window as unknown as { motcuaSeedFiles(n: number): Promise<number> }).motcuaSeedFiles(n), FILES);
  await counter.page.reload();
  await counter.page.getByTestId('counter').waitFor();
  await counter.signIn('Nguyễn Thị Lan', '2468');
  await counter.page.getByTestId('nav-worklist').click();
  await counter.page.locator('.work-row').first().waitFor({ timeout: 60_000 });
  const scrolls: ScrollRun[] = [];
  for (let i = 0; i < RUNS; i += 1) scrolls.push(await scrollWorklist(counter.page));
  await counterContext.close();

  const scripts = [...new Set(offline[0]!.scripts)];
  const gzipBytes = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(WEB_ROOT, path))).length, 0);
  const allKeys = offline.flatMap((r) => r.keyMs);

  console.log(`startup benchmark: ${WEB_ROOT}, commune catalog, CPU throttled ${THROTTLE}x, ${RUNS} runs each`);
  console.log('');
  console.log('1. cold online visit (fresh profile, loopback network)');
  console.log('| run | usable search box ms | requests | KB on the wire | scripts downloaded twice |');
  console.log('|----:|---------------------:|---------:|---------------:|-------------------------:|');
  online.forEach((r, i) => console.log(`| ${i + 1} | ${round(r.usableMs)} | ${r.requests} | ${round(r.kb)} | ${r.twice} |`));
  console.log(`| median | ${round(median(online.map((r) => r.usableMs)))} | ${median(online.map((r) => r.requests))} | ${round(median(online.map((r) => r.kb)))} | ${median(online.map((r) => r.twice))} |`);
  console.log('');
  console.log(`2. offline start from the service worker, then keys ${KEYS.join(' ')} on the on-screen keyboard`);
  console.log('| run | usable search box ms | first key → painted ms | keys → painted ms |');
  console.log('|----:|---------------------:|-----------------------:|:------------------|');
  offline.forEach((r, i) => console.log(`| ${i + 1} | ${round(r.usableMs)} | ${round(r.keyMs[0]!)} | ${r.keyMs.map(round).join(' / ')} |`));
  console.log(`| median | ${round(median(offline.map((r) => r.usableMs)))} | ${round(median(offline.map((r) => r.keyMs[0]!)))} | all keys median ${round(median(allKeys))}, p95 ${round(p95(allKeys))} |`);
  console.log('');
  console.log(`initial scripts (${scripts.length}): ${scripts.join(', ')} — ${(gzipBytes / 1024).toFixed(1)} KB gzip`);
  console.log('');
  console.log(`3. worklist of ${stored} files scrolled ${SCROLL_FRAMES} frames at 40 px a frame`);
  console.log('| run | frame median ms | frame p95 ms | frames over 50 ms | most DOM nodes | rows in the DOM |');
  console.log('|----:|----------------:|-------------:|------------------:|---------------:|----------------:|');
  scrolls.forEach((r, i) => console.log(`| ${i + 1} | ${one(r.frameMedianMs)} | ${one(r.frameP95Ms)} | ${one(r.over50Pct)} % | ${r.maxNodes} | ${r.rowsShown} |`));
  console.log(`| median | ${one(median(scrolls.map((r) => r.frameMedianMs)))} | ${one(median(scrolls.map((r) => r.frameP95Ms)))} | ${one(median(scrolls.map((r) => r.over50Pct)))} % | ${median(scrolls.map((r) => r.maxNodes))} | |`);
  console.log(
    JSON.stringify({
      runs: RUNS,
      cold_start_4x_ms: round(median(offline.map((r) => r.usableMs))),
      first_results_4x_ms: round(median(offline.map((r) => r.keyMs[0]!))),
      initial_js_gzip_kb: one(gzipBytes / 1024),
      keystroke_4x_median_ms: round(median(allKeys)),
      keystroke_4x_p95_ms: round(p95(allKeys)),
      cold_online_4x_ms: round(median(online.map((r) => r.usableMs))),
      cold_online_requests: median(online.map((r) => r.requests)),
      cold_online_kb: round(median(online.map((r) => r.kb))),
      cold_online_scripts_twice: median(online.map((r) => r.twice)),
      worklist_files: stored,
      worklist_frame_median_4x_ms: one(median(scrolls.map((r) => r.frameMedianMs))),
      worklist_frames_over_50ms_pct: one(median(scrolls.map((r) => r.over50Pct))),
      worklist_max_dom_nodes: median(scrolls.map((r) => r.maxNodes)),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
