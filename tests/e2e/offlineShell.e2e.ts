/**
 * The offline app shell: after one online visit the app cold-starts from the service worker with
 * the network down, searches and registers; a new build is detected and applied only when safe
 * (kiosk idle; counter with no unsaved form, after staff accept the prompt).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { KioskPage } from './pageModels/KioskPage.ts';

let browser: Browser;
let server: TestServer;
let webRoot: string;

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'motcua-shell-'));
  await cp(resolve(import.meta.dirname, '../../dist/renderer'), webRoot, { recursive: true });
  browser = await launchBrowser();
  server = await startTestServer({ webRoot });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(webRoot, { recursive: true, force: true });
});

/** Ships a "new version": the service worker script changes byte for byte, as after a rebuild. */
async function shipNewBuild(tag: string) {
  const sw = join(webRoot, 'sw.js');
  await writeFile(sw, `${await readFile(sw, 'utf8')}\n// build ${tag}\n`);
}

async function askForUpdate(page: Page) {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
}

const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
/**
 * The app asked the new worker to take over, or the page already reloaded into it. Chromium sometimes
 * holds the activation back for a while; the page then reloads when it happens, or at the next start.
 */
const appliedOrReloaded = (page: Page) =>
  page
    .evaluate(() => document.documentElement.dataset.update === 'applying' || !(window as unknown as { __sameDocument?: boolean }).__sameDocument)
    .catch(() => true);
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

describe('the offline app shell', () => {
  it('cold-starts offline, searches and registers, from the service worker', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
    const counter = await CounterPage.enrolled(context, server.url);
    await new KioskPage(counter.page).waitForOfflineShell();

    await context.setOffline(true);
    await counter.page.close();
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(server.url);
    await kiosk.tapType('khai sinh');
    await expect.poll(() => kiosk.resultCodes().then((c) => c.length)).toBeGreaterThan(0);
    await kiosk.page.close();

    const offlineCounter = new CounterPage(await context.newPage());
    await offlineCounter.open(server.url);
    await offlineCounter.signIn('Nguyễn Thị Lan', '2468');
    await offlineCounter.registerWalkIn({ cardQr: testCardQr(7) });
    expect(await offlineCounter.pendingCount()).toBe(1);
    await context.close();
  });

  it('applies a new version on the kiosk only when it is idle', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(server.url);
    await kiosk.waitForOfflineShell();
    await kiosk.tapType('khai tu');
    await markPage(kiosk.page);

    await shipNewBuild('kiosk');
    await askForUpdate(kiosk.page);
    // The app has seen the new version and is holding it back: someone is using the kiosk.
    await kiosk.page.waitForFunction(() => document.documentElement.dataset.update === 'ready', undefined, { timeout: 20_000 });
    expect(await sameDocument(kiosk.page)).toBe(true);
    expect(await kiosk.searchInput.inputValue()).toBe('khai tu');

    await kiosk.page.getByTestId('home-button').click();
    // Idle now: the app asks the new worker to take over at once.
    await expect.poll(() => appliedOrReloaded(kiosk.page), { timeout: 15_000 }).toBe(true);
    await context.close();
  });

  it('asks the counter before updating, and never over an unsaved form', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const counter = await CounterPage.enrolled(context, server.url, { name: 'Trần Văn Nam', pin: '1357' });
    await new KioskPage(counter.page).waitForOfflineShell();
    await counter.page.getByTestId('full-name').fill('Đang nhập dở');
    await markPage(counter.page);

    await shipNewBuild('counter');
    await askForUpdate(counter.page);
    await counter.page.getByTestId('update-ready').waitFor({ timeout: 20_000 });
    expect(await counter.page.getByTestId('apply-update').isDisabled()).toBe(true);
    await counter.screenshot('counter-update-ready');

    await counter.page.getByTestId('nav-outbox').click();
    await expect.poll(() => counter.page.getByTestId('apply-update').isDisabled()).toBe(false);
    expect(await sameDocument(counter.page)).toBe(true);
    await counter.page.getByTestId('apply-update').click();
    await expect.poll(() => appliedOrReloaded(counter.page), { timeout: 15_000 }).toBe(true);
    await counter.page.getByTestId('counter').waitFor();
    await context.close();
  });
});
