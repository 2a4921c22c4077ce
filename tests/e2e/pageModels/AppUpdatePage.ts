/**
 * Page model of the app's own update (the service worker of a new build): asking the browser to look
 * for one, whether the app holds it back, and whether it was applied (the page reloaded into it).
 */
import type { Page } from 'playwright-core';

export class AppUpdatePage {
  constructor(readonly page: Page) {}

  /** Marks the current document, so a reload into the new version can be told apart. */
  async markDocument() {
    await this.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  }

  /** Whether the page is still the marked document (no reload happened). */
  sameDocument(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
  }

  /** Asks the browser to check for a new service worker now, as it does by itself from time to time. */
  async askForUpdate() {
    await this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
  }

  /** The app has seen the new version and holds it back (`data-update="ready"` on the page). */
  async waitUntilHeldBack() {
    await this.page.waitForFunction(() => document.documentElement.dataset.update === 'ready', undefined, { timeout: 20_000 });
  }

  /**
   * The app asked the new worker to take over, or the page already reloaded into it. Chromium sometimes
   * holds the activation back for a while; the page then reloads when it happens, or at the next start.
   */
  appliedOrReloaded(): Promise<boolean> {
    return this.page
      .evaluate(() => document.documentElement.dataset.update === 'applying' || !(window as unknown as { __sameDocument?: boolean }).__sameDocument)
      .catch(() => true);
  }
}
