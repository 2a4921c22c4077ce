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
  const context = await harness.browser.newContext({ viewport, locale: 'vi-VN' });
  return { context, kiosk: new KioskPage(await context.newPage()) };
}

describe('the citizen kiosk', () => {
  it('imports the commune catalog, then searches it offline after a restart', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(harness.server.url);
    await expect.poll(() => kiosk.catalogOrigin()).toBe('server');
    await expect.poll(() => kiosk.footer.textContent()).toContain('588');
    await kiosk.waitForOfflineShell();
    await kiosk.screenshot('home-landscape');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);

    // Unplug the cable and restart the kiosk: a new page in the same profile.
    await context.setOffline(true);
    await kiosk.page.close();
    const restarted = new KioskPage(await context.newPage());
    await restarted.open(harness.server.url);
    expect(await restarted.catalogOrigin()).toBe('device');
    await expect.poll(() => restarted.page.getByTestId('link-state').textContent()).toContain('Mất mạng');

    await restarted.tapType('khai sinh');
    await expect(restarted.searchInput.inputValue()).resolves.toBe('khai sinh');
    await expect.poll(() => restarted.resultCodes().then((codes) => codes[0])).toBe('1.001193');
    await restarted.screenshot('results-landscape');
    expect(await restarted.accessibilityViolations()).toEqual([]);
    expect(await restarted.smallTouchTargets()).toEqual([]);

    await restarted.openResult('1.001193');
    await expect(restarted.detail.locator('h2').textContent()).resolves.toContain('khai sinh');
    const documents = restarted.page.getByTestId('documents');
    await expect(documents.textContent()).resolves.toContain('Giấy chứng sinh');
    await expect(documents.locator('.badge.original').count()).resolves.toBeGreaterThan(0);
    const qr = restarted.page.getByTestId('portal-qr').locator('img');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await restarted.screenshot('detail-landscape');
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
    const names = await kiosk.results.locator('.result-name').allTextContents();
    expect(names[0]?.toLowerCase()).toContain('kết hôn');
    await context.close();
  });

  it('returns to a clean home screen when the citizen walks away', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(`${harness.server.url}?idle=4`);
    await kiosk.tapType('so do');
    await kiosk.page.getByTestId('lang-en').click();
    await kiosk.results.first().waitFor();
    await kiosk.page.getByTestId('idle-warning').waitFor({ timeout: 10_000 });
    await kiosk.screenshot('idle-warning');
    expect(await kiosk.accessibilityViolations('[data-testid="idle-warning"]')).toEqual([]);
    await kiosk.page.getByTestId('home').waitFor({ timeout: 10_000 });
    expect(await kiosk.searchInput.inputValue()).toBe('');
    expect(await kiosk.page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await kiosk.page.getByTestId('idle-warning').count()).toBe(0);
    await context.close();
  });

  it('keeps the screen when the citizen answers the idle warning', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(`${harness.server.url}?idle=4`);
    await kiosk.tapType('khai tu');
    await kiosk.page.getByTestId('idle-warning').getByRole('button').click({ timeout: 10_000 });
    expect(await kiosk.searchInput.inputValue()).toBe('khai tu');
    await context.close();
  });

  it('switches every interface text between Vietnamese and English', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(harness.server.url);
    await kiosk.page.getByTestId('lang-en').click();
    await expect.poll(() => kiosk.page.locator('h1').textContent()).toBe('Public Administrative Service Center');
    await kiosk.tapType('chung thuc');
    await expect.poll(() => kiosk.page.locator('.results-summary').textContent()).toMatch(/matching procedure/);
    const facts = await kiosk.results.first().locator('.fact-label').allTextContents();
    expect(facts).toEqual(['Time:', 'Fee:']);
    await kiosk.screenshot('results-english');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.page.getByTestId('lang-vi').click();
    await expect.poll(() => kiosk.page.locator('h1').textContent()).toBe('Trung tâm Phục vụ hành chính công');
    await context.close();
  });

  it('offers the nearest matches and the fields when nothing matches', async () => {
    const { context, kiosk } = await newKiosk();
    await kiosk.open(harness.server.url);
    // A word nothing matches is left out, and the kiosk says so.
    await kiosk.searchInput.fill('khai sinh zzzqqq');
    await kiosk.page.getByTestId('unread').waitFor();
    await expect(kiosk.page.getByTestId('unread').textContent()).resolves.toContain('zzzqqq');
    // Words that no single procedure answers: the nearest ones and the fields to browse.
    await kiosk.searchInput.fill('khai sinh hợp tác xã');
    await kiosk.page.getByTestId('no-result').waitFor();
    await kiosk.page.getByTestId('no-result').getByRole('button').click();
    await kiosk.page.getByTestId('field-list').waitFor();
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    await context.close();
  });

  it('fits a 1080x1920 portrait kiosk', async () => {
    const { context, kiosk } = await newKiosk(PORTRAIT);
    await kiosk.open(harness.server.url);
    await kiosk.screenshot('home-portrait');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.tapType('lam can cuoc');
    await kiosk.results.first().waitFor();
    await kiosk.screenshot('results-portrait');
    const first = await kiosk.resultCodes();
    await kiosk.openResult(first[0]!);
    await kiosk.screenshot('detail-portrait');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    const overflow = await kiosk.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await context.close();
  });

  it('falls back to the bundled sample catalog when the server cannot be reached on first run', async () => {
    const { context, kiosk } = await newKiosk();
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await kiosk.open(harness.server.url);
    await kiosk.page.getByTestId('demo-banner').waitFor();
    expect(await kiosk.catalogOrigin()).toBe('bundled');
    await kiosk.tapType('khai sinh');
    await expect.poll(() => kiosk.resultCodes().then((c) => c[0])).toBe('1.001193');
    await context.close();
  });
});
