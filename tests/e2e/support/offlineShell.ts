/**
 * Waits until the app's service worker is active and controls the page: from then on every screen's
 * code comes from its precache, so the page works without the network (what a kiosk needs before it
 * can be unplugged).
 */
import type { Page } from 'playwright-core';

export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const reg = await navigator.serviceWorker.ready;
      return Boolean(reg.active) && navigator.serviceWorker.controller !== null;
    },
    undefined,
    { timeout: 30_000 },
  );
}
