/** Page model of the kiosk's status lookup and satisfaction rating, in the citizen's words. */
import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, smallTouchTargets } from '../support/accessibility.ts';
import { waitForOfflineShell } from '../support/offlineShell.ts';
import { expectScreenshot } from '../support/screenshots.ts';

/** The lookup's answers other than a found file: the code is missing, nothing found, no link, not a file number. */
export type LookupAnswer = 'need-code' | 'not-found' | 'unreachable' | 'invalid';

export class LookupPage {
  constructor(readonly page: Page) {}

  /** The app installed for offline use (its screens' code precached): before the kiosk is unplugged. */
  async waitForOfflineShell() {
    await waitForOfflineShell(this.page);
  }

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

  /**
   * A USB scanner reads the receipt's QR ("NUMBER CODE"): a burst of keys a few milliseconds apart,
   * then Enter, with no field focused. The keys are sent from inside the page, as one burst: sent one
   * by one from the test (a round trip each), a busy machine can leave more than the 80 ms between two
   * keys by which the kiosk tells a scanner from a person, and the burst would not count.
   */
  async scanReceipt(number: string, code: string) {
    await this.anotherFile();
    await this.page.locator('.lookup-title').click();
    await this.page.evaluate((text) => {
      for (const key of [...text, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, `${number} ${code}`);
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

  /** Waits for one of the lookup's other answers. */
  async waitForAnswer(answer: LookupAnswer) {
    await this.page.getByTestId(`lookup-${answer}`).waitFor();
  }

  /** Waits until the result shows the file in this state (e.g. after the server moved it). */
  async waitForStatus(status: string) {
    await this.page.locator(`[data-testid="lookup-result"][data-status="${status}"]`).waitFor();
  }

  async dueShown(): Promise<string> {
    return (await this.page.getByTestId('lookup-due').textContent()) ?? '';
  }

  /** "Thông tin lúc ..." under an answer given offline from what the kiosk last knew. */
  async staleNote(): Promise<string> {
    return (await this.page.getByTestId('lookup-stale').textContent()) ?? '';
  }

  /** Everything on screen, as text (to check no name or ID number shows). */
  async screenText(): Promise<string> {
    return (await this.page.textContent('body')) ?? '';
  }

  /** Whether the result offers "Đánh giá" (only once the file was returned). */
  async offersRating(): Promise<boolean> {
    return (await this.page.getByTestId('lookup-rate').count()) > 0;
  }

  /** "Đánh giá mức độ hài lòng" on the home screen: a visit rating, no file named. */
  async rateFromHome() {
    await this.page.getByTestId('home-rate').click();
    await this.page.getByTestId('rating').waitFor();
  }

  /** Ticks a reason chip on the rating screen ("caring", "fast", "longWait"...). */
  async chooseReason(reason: string) {
    await this.page.locator(`.rating-chip[data-reason="${reason}"]`).click();
  }

  /** "Về trang đầu" after the thanks. */
  async homeAfterRating() {
    await this.page.getByTestId('rating-home').click();
    await this.page.getByTestId('home').waitFor();
  }

  /** The states of the ratings this kiosk keeps to send ("waiting", "sent"). */
  async ratingStatesOnDevice(): Promise<string[]> {
    return this.page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('ratings').objectStore('ratings').getAll();
            all.onsuccess = () => resolve((all.result as { state: string }[]).map((r) => r.state));
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  /** The browser says the link is back (Chromium does not always fire `online` for an emulated change). */
  async announceOnline() {
    await this.page.evaluate(() => window.dispatchEvent(new Event('online')));
  }

  isOnline(): Promise<boolean> {
    return this.page.evaluate(() => navigator.onLine);
  }

  /** The screen against its reference. Left out: the receipt's random lookup code as typed, and the catalog's import date in the footer. */
  async expectScreenshot(name: string) {
    await expectScreenshot(this.page, name, { mask: [this.page.getByTestId('lookup-code'), this.page.locator('[data-testid="catalog-footer"] span').first()] });
  }
}
