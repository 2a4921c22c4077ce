/**
 * The offline app shell: after one online visit the app cold-starts from the service worker with
 * the network down, searches and registers; a new build is detected and applied only when safe
 * (kiosk idle; counter with no unsaved form, after staff accept the prompt).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { AppUpdatePage } from './pageModels/AppUpdatePage.ts';
import { KioskPage } from './pageModels/KioskPage.ts';

// A copy of the built app the test can change, as a new build would, made before the server starts.
const webRoot = await mkdtemp(join(tmpdir(), 'motcua-shell-'));
await cp(resolve(import.meta.dirname, '../../dist/renderer'), webRoot, { recursive: true });
const harness = useBrowserAndServer({ server: { webRoot } });
afterAll(async () => {
  await rm(webRoot, { recursive: true, force: true });
});

/** Ships a "new version": the service worker script changes byte for byte, as after a rebuild. */
async function shipNewBuild(tag: string) {
  const sw = join(webRoot, 'sw.js');
  await writeFile(sw, `${await readFile(sw, 'utf8')}\n// build ${tag}\n`);
}

describe('the offline app shell', () => {
  it('cold-starts offline, searches and registers, from the service worker', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await new KioskPage(counter.page).waitForOfflineShell();

    await context.setOffline(true);
    await counter.page.close();
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.tapType('khai sinh');
    await expect.poll(() => kiosk.resultCodes().then((c) => c.length)).toBeGreaterThan(0);
    const [code] = await kiosk.resultCodes();
    await kiosk.page.close();

    // Started straight on a procedure's address: its documents, which a start reads after the
    // search (they are stored apart), are read for it and shown.
    const detail = new KioskPage(await context.newPage());
    await detail.openProcedure(harness.server.url, code!);
    expect((await detail.documents()).text).toMatch(/\S/);
    await detail.page.close();

    const offlineCounter = new CounterPage(await context.newPage());
    await offlineCounter.open(harness.server.url);
    await offlineCounter.signIn('Nguyễn Thị Lan', '2468');
    await offlineCounter.registerWalkIn({ cardQr: testCardQr(7) });
    expect(await offlineCounter.pendingCount()).toBe(1);
    await context.close();
  });

  it('applies a new version on the kiosk only when it is idle', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.waitForOfflineShell();
    await kiosk.tapType('khai tu');
    const update = new AppUpdatePage(kiosk.page);
    await update.markDocument();

    await shipNewBuild('kiosk');
    await update.askForUpdate();
    // The app has seen the new version and is holding it back: someone is using the kiosk.
    await update.waitUntilHeldBack();
    expect(await update.sameDocument()).toBe(true);
    expect(await kiosk.searchInput.inputValue()).toBe('khai tu');

    await kiosk.goHome();
    // Idle now: the app asks the new worker to take over at once.
    await expect.poll(() => update.appliedOrReloaded(), { timeout: 15_000 }).toBe(true);
    await context.close();
  });

  it('asks the counter before updating, and never over an unsaved form', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    const counter = await CounterPage.enrolled(context, harness.server.url, { name: 'Trần Văn Nam', pin: '1357' });
    await new KioskPage(counter.page).waitForOfflineShell();
    await counter.fill('full-name', 'Đang nhập dở');
    const update = new AppUpdatePage(counter.page);
    await update.markDocument();

    await shipNewBuild('counter');
    await update.askForUpdate();
    await counter.waitForUpdateOffer();
    expect(await counter.updateButtonDisabled()).toBe(true);
    await counter.expectScreenshot('counter-update-ready');

    await counter.openOutbox();
    await expect.poll(() => counter.updateButtonDisabled()).toBe(false);
    expect(await update.sameDocument()).toBe(true);
    await counter.applyUpdate();
    await expect.poll(() => update.appliedOrReloaded(), { timeout: 15_000 }).toBe(true);
    await counter.waitUntilShown();
    await context.close();
  });
});
