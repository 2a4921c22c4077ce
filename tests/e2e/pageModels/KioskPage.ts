/** Page model of the kiosk: what a citizen does, in the words of the screen, not of the DOM. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOTS = resolve(import.meta.dirname, '../__screenshots__');

export class KioskPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await this.footer.waitFor();
  }

  get footer(): Locator {
    return this.page.getByTestId('catalog-footer');
  }
  get searchInput(): Locator {
    return this.page.getByTestId('search-input');
  }
  get results(): Locator {
    return this.page.locator('[data-testid="results"] .result-card');
  }
  get detail(): Locator {
    return this.page.getByTestId('procedure-detail');
  }

  async catalogOrigin(): Promise<string | null> {
    return this.footer.getAttribute('data-origin');
  }

  /** Taps the on-screen keys one by one, as a person would; a space is the space bar. */
  async tapType(text: string) {
    for (const ch of text) {
      const key = ch === ' ' ? '{space}' : ch;
      await this.page.locator(`.keyboard .hg-button[data-skbtn="${key}"]`).click();
    }
  }

  async tapKey(button: string) {
    await this.page.locator(`.keyboard .hg-button[data-skbtn="${button}"]`).click();
  }

  async resultCodes(): Promise<string[]> {
    return this.results.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code') ?? ''));
  }

  async openResult(code: string) {
    await this.page.locator(`.result-card[data-code="${code}"]`).click();
    await this.detail.waitFor();
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
  }

  /** Waits until the service worker controls the page, so the shell is cached for offline starts. */
  async waitForOfflineShell() {
    await this.page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return Boolean(reg.active) && navigator.serviceWorker.controller !== null;
    }, undefined, { timeout: 30_000 });
  }

  /** The hidden corner gesture (5 taps top-left), then the admin PIN on the pad: the kiosk's settings open. */
  async openAdminSettings(pin: string) {
    for (let i = 0; i < 5; i += 1) await this.page.mouse.click(20, 20);
    await this.page.getByTestId('admin-settings').waitFor();
    for (const d of pin) await this.page.locator(`.pin-key[data-pin="${d}"]`).click();
    await this.page.getByTestId('admin-unlock').click();
    await this.page.getByTestId('admin-enrol').waitFor();
  }

  /** In the open settings: enrols this kiosk with a center (its ratings then count there). */
  async enrolKiosk(centerCode: string, enrolmentCode: string, deviceName: string) {
    await this.page.getByTestId('enrol-center').fill(centerCode);
    await this.page.getByTestId('enrol-code').fill(enrolmentCode);
    await this.page.getByTestId('enrol-name').fill(deviceName);
    await this.page.getByTestId('enrol-submit').click();
    await this.page.getByTestId('admin-enrolled').waitFor();
  }
}
