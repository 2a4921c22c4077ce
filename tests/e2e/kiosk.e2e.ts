/**
 * The citizen kiosk end to end, in Debian's Chromium against the real server on loopback:
 * first load online, then the network goes away and the kiosk still finds "khai sinh".
 */
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { useBrowserAndServer } from './support/harness.ts';
import { KioskPage } from './pageModels/KioskPage.ts';

const LANDSCAPE = { width: 1366, height: 768 };
const PORTRAIT = { width: 1080, height: 1920 };

const harness = useBrowserAndServer({ server: { catalogPath: join(sharedDataDir(), COMMUNE_CATALOG) } });

async function newKiosk(viewport = LANDSCAPE): Promise<{ context: BrowserContext; kiosk: KioskPage }> {
  const context = await harness.newContext({ viewport });
  return { context, kiosk: new KioskPage(await context.newPage()) };
}

describe('the citizen kiosk', () => {
  it('imports the commune catalog, then searches it offline after a restart', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(harness.server.url);
    await expect.poll(() => kiosk.catalogOrigin()).toBe('server');
    await expect.poll(() => kiosk.footer.textContent()).toContain('588');
    await kiosk.waitForOfflineShell();
    await kiosk.expectScreenshot('home-landscape');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);

    // Unplug the cable and restart the kiosk: a new page in the same profile.
    await context.setOffline(true);
    await kiosk.page.close();
    const restarted = new KioskPage(await context.newPage());
    // Its start asks for few scripts (the build groups each start's code: 7 files, then its
    // background work's, which begins as the search becomes ready), none of the counter's.
    const scripts = await restarted.openCountingScripts(harness.server.url);
    expect(scripts.filter((name) => /^(counter|counterStart|CounterApp)-/.test(name))).toEqual([]);
    expect(scripts.length, scripts.join(' ')).toBeLessThanOrEqual(20);
    await restarted.footer.waitFor();
    expect(await restarted.catalogOrigin()).toBe('device');
    await expect.poll(() => restarted.linkState()).toContain('Mất mạng');

    await restarted.tapType('khai sinh');
    await expect(restarted.searchInput.inputValue()).resolves.toBe('khai sinh');
    await expect.poll(() => restarted.resultCodes().then((codes) => codes[0])).toBe('1.001193');
    // The background's check with the server waits for the typing to pause (kioskStart.tsx): then it says the link is down.
    await expect.poll(() => restarted.catalogUpdate()).toBe('offline');
    await restarted.expectScreenshot('results-landscape');
    expect(await restarted.accessibilityViolations()).toEqual([]);
    expect(await restarted.smallTouchTargets()).toEqual([]);

    await restarted.openResult('1.001193');
    expect(await restarted.detailTitle()).toContain('khai sinh');
    const documents = await restarted.documents();
    expect(documents.text).toContain('Giấy chứng sinh');
    expect(documents.originals).toBeGreaterThan(0);
    expect(await restarted.portalQrSource()).toMatch(/^data:image\/png;base64,/);
    await restarted.expectScreenshot('detail-landscape');
    expect(await restarted.accessibilityViolations()).toEqual([]);
    expect(await restarted.smallTouchTargets()).toEqual([]);
    await context.close();
  });

  it('marks tones from the tone row and still finds the procedure', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(harness.server.url);
    await kiosk.tapType('ket');
    await kiosk.tapKey('{sac}');
    expect(await kiosk.searchInput.inputValue()).toBe('két');
    await kiosk.tapKey('{bksp}');
    await kiosk.tapKey('{bksp}');
    await kiosk.tapType('êt');
    await kiosk.tapKey('{sac}');
    await kiosk.tapType(' hôn');
    expect(await kiosk.searchInput.inputValue()).toBe('kết hôn');
    await expect.poll(async () => (await kiosk.resultNames())[0]?.toLowerCase()).toContain('kết hôn');
    await context.close();
  });

  it('returns to a clean home screen when the citizen walks away', async () => {
    const { context, kiosk } = await newKiosk();
    // Idle after 20 s, so the warning stays 4 s: long enough to photograph and check it.
    await kiosk.open(`${harness.server.url}?idle=20`);
    await kiosk.tapType('so do');
    await kiosk.chooseLanguage('en');
    await kiosk.results.first().waitFor();
    await kiosk.waitForIdleWarning(30_000);
    await kiosk.expectScreenshot('idle-warning');
    expect(await kiosk.accessibilityViolations('[data-testid="idle-warning"]')).toEqual([]);
    await kiosk.waitForHome();
    expect(await kiosk.searchInput.inputValue()).toBe('');
    expect(await kiosk.documentLanguage()).toBe('vi');
    expect(await kiosk.idleWarning.count()).toBe(0);
    await context.close();
  });

  it('keeps the screen when the citizen answers the idle warning', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(`${harness.server.url}?idle=4`);
    await kiosk.tapType('khai tu');
    await kiosk.stayAfterIdleWarning();
    expect(await kiosk.searchInput.inputValue()).toBe('khai tu');
    await context.close();
  });

  it('switches every interface text between Vietnamese and English', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(harness.server.url);
    await kiosk.chooseLanguage('en');
    await expect.poll(() => kiosk.title()).toBe('Public Administrative Service Center');
    await kiosk.tapType('chung thuc');
    await expect.poll(() => kiosk.resultsSummary()).toMatch(/matching procedure/);
    expect(await kiosk.firstResultFactLabels()).toEqual(['Time:', 'Fee:']);
    await kiosk.expectScreenshot('results-english');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.chooseLanguage('vi');
    await expect.poll(() => kiosk.title()).toBe('Trung tâm Phục vụ hành chính công');
    await context.close();
  });

  it('draws the cards in view with the first key, and the rest once that frame is on screen', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.recordCardsDrawn();
    await kiosk.open(harness.server.url);
    await kiosk.tapType('k');
    const codes = await kiosk.resultCodes();
    // The first key mounts the results: it too draws only the first few cards, as every key does.
    const [first, ...after] = await kiosk.cardsDrawn();
    expect(first).toBeGreaterThanOrEqual(2);
    expect(first).toBeLessThan(codes.length);
    expect(after.at(-1)).toBe(codes.length);
    await context.close();
  });

  it('offers the nearest matches and the fields when nothing matches', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(harness.server.url);
    // A word nothing matches is left out, and the kiosk says so.
    await kiosk.enterQuery('khai sinh zzzqqq');
    expect(await kiosk.unreadWords()).toContain('zzzqqq');
    // Words that no single procedure answers: the nearest ones and the fields to browse.
    await kiosk.enterQuery('khai sinh hợp tác xã');
    await kiosk.browseFieldsFromNoResult();
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    await context.close();
  });

  it('fits a 1080x1920 portrait kiosk', async () => {
    const { context, kiosk } = await newKiosk(PORTRAIT);
    await kiosk.open(harness.server.url);
    await kiosk.expectScreenshot('home-portrait');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.tapType('lam can cuoc');
    await kiosk.results.first().waitFor();
    await kiosk.expectScreenshot('results-portrait');
    const first = await kiosk.resultCodes();
    await kiosk.openResult(first[0]!);
    await kiosk.expectScreenshot('detail-portrait');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.overflowsSideways()).toBe(false);
    await context.close();
  });

  it('falls back to the bundled sample catalog when the server cannot be reached on first run', async () => {
    const { context, kiosk } = await newKiosk();
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await kiosk.open(harness.server.url);
    await kiosk.waitForDemoBanner();
    expect(await kiosk.catalogOrigin()).toBe('bundled');
    await kiosk.tapType('khai sinh');
    await expect.poll(() => kiosk.resultCodes().then((c) => c[0])).toBe('1.001193');
    await context.close();
  });
});
