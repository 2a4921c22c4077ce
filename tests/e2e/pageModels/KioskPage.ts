/** Page model of the kiosk: what a citizen does, in the words of the screen, not of the DOM. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, smallTouchTargets } from '../support/accessibility.ts';

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

  /**
   * Taps a Vietnamese sentence on the on-screen keyboard as a person would: each syllable's letters
   * (â ă ê ô ơ ư đ have keys of their own), then its tone from the tone row, then the space bar.
   */
  async tapTypeVietnamese(text: string) {
    const TONES: Record<string, string> = { '\u0301': '{sac}', '\u0300': '{huyen}', '\u0309': '{hoi}', '\u0303': '{nga}', '\u0323': '{nang}' };
    const SHAPED: Record<string, string> = { 'a\u0302': 'â', 'a\u0306': 'ă', 'e\u0302': 'ê', 'o\u0302': 'ô', 'o\u031b': 'ơ', 'u\u031b': 'ư' };
    const syllables = text.normalize('NFC').split(' ');
    for (const [i, syllable] of syllables.entries()) {
      let tone: string | null = null;
      for (const ch of syllable.toLowerCase()) {
        const parts = [...ch.normalize('NFD')];
        const toneMark = parts.find((p) => TONES[p]);
        if (toneMark) tone = TONES[toneMark]!;
        const base = parts.filter((p) => !TONES[p]).join('');
        await this.tapKey(SHAPED[base] ?? base.normalize('NFC'));
      }
      if (tone) await this.tapKey(tone);
      if (i < syllables.length - 1) await this.tapKey('{space}');
    }
  }

  async tapKey(button: string) {
    await this.page.locator(`.keyboard .hg-button[data-skbtn="${button}"]`).click();
  }

  /** The answer done elsewhere (province, ministry), shown before the commune's own procedures. */
  get elsewhere(): Locator {
    return this.page.getByTestId('elsewhere');
  }

  /** Types with a USB keyboard into the search box, as a person at the kiosk may. */
  async typeWithKeyboard(text: string) {
    await this.searchInput.click();
    await this.page.keyboard.type(text);
  }

  /** "Why it matched" under the result with this code. */
  async matchedText(code: string): Promise<string> {
    return (await this.page.locator(`.result-card[data-code="${code}"] [data-testid="matched"]`).first().textContent()) ?? '';
  }

  async resultCodes(): Promise<string[]> {
    return this.results.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code') ?? ''));
  }

  async openResult(code: string) {
    await this.page.locator(`.result-card[data-code="${code}"]`).click();
    await this.detail.waitFor();
  }

  /** What axe-core (WCAG 2.x A/AA) finds wrong on the screen as it is now; [] when nothing. */
  accessibilityViolations(within?: string): Promise<string[]> {
    return accessibilityViolations(this.page, within);
  }

  /** Visible buttons smaller than 48 px. */
  smallTouchTargets(): Promise<string[]> {
    return smallTouchTargets(this.page);
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
