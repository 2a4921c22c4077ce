/**
 * The kiosk holding the whole national catalog (2,642) beside the commune's own procedures, in
 * Chromium against the real server: "mất sổ đỏ" is answered with the province procedure, said to be
 * done elsewhere and where, before any commune procedure; each result says why it matched.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FULL_CATALOG_DIR, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { useBrowserAndServer } from './support/harness.ts';
import { KioskPage } from './pageModels/KioskPage.ts';

const harness = useBrowserAndServer({ server: { catalogPath: join(sharedDataDir(), FULL_CATALOG_DIR) } });

describe('what the kiosk understands', () => {
  it('says a lost land certificate is not done at the commune and where to go', async () => {
    for (const [viewport, name] of [
      [{ width: 1366, height: 768 }, 'search-elsewhere-landscape'],
      [{ width: 1080, height: 1920 }, 'search-elsewhere-portrait'],
    ] as const) {
      const context = await harness.browser.newContext({ viewport, locale: 'vi-VN' });
      const kiosk = new KioskPage(await context.newPage());
      await kiosk.open(harness.server.url);
      await expect.poll(() => kiosk.footer.textContent(), { timeout: 30_000 }).toContain('2642');
      await kiosk.typeWithKeyboard('mất sổ đỏ');
      await kiosk.elsewhere.first().waitFor({ timeout: 15_000 });
      expect(await kiosk.elsewhere.first().getAttribute('data-code')).toBe('1.012786');
      const text = (await kiosk.elsewhere.first().textContent()) ?? '';
      expect(text).toContain('không làm tại trung tâm xã');
      expect(text).toContain('Văn phòng đăng ký đất đai');
      expect(text).toMatch(/sổ đỏ.*→.*giấy chứng nhận quyền sử dụng đất/i);
      // The commune's own procedures that follow are commune procedures only.
      const own = (await kiosk.resultCodes()).filter((c) => c !== '1.012786');
      expect(own).not.toContain('1.012786');
      await kiosk.screenshot(name);
      await context.close();
    }
  });

  it('shows why a result matched, and finds a death from everyday words', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.typeWithKeyboard('bố tôi mất rồi ');
    await expect.poll(() => kiosk.resultCodes().then((codes) => codes[0]), { timeout: 15_000 }).toBe('1.000656');
    expect(await kiosk.matchedText('1.000656')).toMatch(/mất rồi.*→.*khai tử/);
    await expect(kiosk.elsewhere.count()).resolves.toBe(0);
    await kiosk.screenshot('search-matched');
    await context.close();
  });
});
