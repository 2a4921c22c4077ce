/** Page model of the kiosk's status lookup and satisfaction rating, in the citizen's words. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, smallTouchTargets } from '../support/accessibility.ts';
import { SCREENSHOTS } from './KioskPage.ts';

export class LookupPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await this.page.getByTestId('home').waitFor();
  }

  /** What axe-core (WCAG 2.x A/AA) finds wrong on the screen as it is now; [] when nothing. */
  accessibilityViolations(within?: string): Promise<string[]> {
    return accessibilityViolations(this.page, within);
  }

  /** Visible buttons smaller than 48 px. */
  smallTouchTargets(): Promise<string[]> {
    return smallTouchTargets(this.page);
  }

  /** The big "Tra cứu hồ sơ" button on the home screen. */
  async startLookup() {
    await this.page.getByTestId('home-lookup').click();
    await this.page.getByTestId('lookup').waitFor();
  }

  get result(): Locator {
    return this.page.getByTestId('lookup-result');
  }
  get status(): Locator {
    return this.page.getByTestId('lookup-status');
  }

  /** Taps `text` into one field on the on-screen keyboard (after clearing it). */
  private async tapInto(testId: 'lookup-input' | 'lookup-code', text: string) {
    await this.page.getByTestId(testId).click();
    await this.page.locator('.keyboard .hg-button[data-skbtn="{clear}"]').click();
    for (const ch of text) await this.page.locator(`.keyboard .hg-button[data-skbtn="${ch}"]`).click();
  }

  /** Taps the number, then the lookup code printed beside it, on the on-screen keyboard, then "Tra cứu". */
  async typeNumber(number: string, code = '') {
    await this.anotherFile();
    await this.tapInto('lookup-input', number);
    await this.tapInto('lookup-code', code);
    await this.page.getByTestId('lookup-submit').click();
  }

  /** A USB scanner reads the receipt's QR ("NUMBER CODE"): a very fast burst of keys, then Enter, with no field focused. */
  async scanReceipt(number: string, code: string) {
    await this.anotherFile();
    await this.page.locator('.lookup-title').click();
    await this.page.keyboard.type(`${number} ${code}`, { delay: 2 });
    await this.page.keyboard.press('Enter');
  }

  /** Back to an empty lookup when a result is on screen. */
  async anotherFile() {
    const again = this.page.getByTestId('lookup-again');
    if (await again.isVisible()) await again.click();
  }

  /** Waits for the answer and gives its state as shown, e.g. "Đã tiếp nhận". */
  async shownStatus(): Promise<string> {
    await this.result.waitFor();
    return (await this.status.textContent()) ?? '';
  }

  async rateFromResult() {
    await this.page.getByTestId('lookup-rate').click();
    await this.page.getByTestId('rating').waitFor();
  }

  async rate(score: 1 | 2 | 3 | 4, reasons: string[] = []) {
    for (const reason of reasons) await this.page.locator(`.rating-chip[data-reason="${reason}"]`).click();
    await this.page.locator(`.rating-face[data-score="${score}"]`).click();
    await this.page.getByTestId('rating-thanks').waitFor();
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
  }
}
