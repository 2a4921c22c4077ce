/**
 * Page models of the front-desk queue: the kiosk taking a number, the counter's calling bar and the
 * waiting-room display, in the words of the screens.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_CENTER } from '../../../shared/demo/demoCenter.ts';
import { accessibilityViolations } from '../support/accessibility.ts';
import { spokenSoFar, type SpokenUtterance } from '../support/fakeSpeech.ts';
import { expectScreenshot } from '../support/screenshots.ts';
import { counterVaryingRegions } from './CounterPage.ts';
import { KioskSettingsPage } from './KioskSettingsPage.ts';

export class QueueKioskPage {
  constructor(readonly page: Page) {}

  /**
   * Enrols this kiosk in its settings (the one place a kiosk enrols: corner gesture, admin PIN),
   * then opens #/queue-setup; answers its device code (the prefix of its offline numbers).
   */
  async setUp(url: string, adminPin: string, name = 'Kiosk sảnh', centerCode = DEMO_CENTER.code, enrolmentCode = DEMO_CENTER.enrolmentCode): Promise<string> {
    await this.page.goto(url);
    await this.page.getByTestId('home').waitFor();
    const settings = new KioskSettingsPage(this.page);
    await settings.open(adminPin);
    await settings.fillEnrolment(centerCode, enrolmentCode, name);
    await settings.submitEnrolment();
    await settings.close();
    await this.page.goto(`${url}/#/queue-setup`);
    await this.page.locator('[data-testid="queue-setup"][data-ready="true"]').waitFor({ timeout: 20_000 });
    return (await this.page.getByTestId('kiosk-code').textContent()) ?? '';
  }

  async goHome() {
    await this.page.getByTestId('queue-setup-done').click();
    await this.page.getByTestId('home').waitFor();
  }

  async openTakeNumber() {
    await this.page.getByTestId('home-take-number').click();
    await this.page.getByTestId('take-number').waitFor();
  }

  async choosePriority(category: string) {
    await this.page.locator(`.queue-priority [data-priority="${category}"]`).click();
  }

  /** Taps a service; answers the number the ticket shows. */
  async takeFor(serviceId: string): Promise<string> {
    await this.page.locator(`.queue-service[data-service="${serviceId}"]`).click();
    await this.page.getByTestId('ticket-overlay').waitFor();
    return (await this.page.getByTestId('overlay-number').textContent()) ?? '';
  }

  async printState(): Promise<string | null> {
    return this.page.getByTestId('ticket-overlay').getAttribute('data-printed');
  }

  async dismissTicket() {
    await this.page.getByTestId('ticket-done').click();
    await this.page.getByTestId('ticket-overlay').waitFor({ state: 'detached' });
  }

  /** What the page asked the (fake) shell to print, in order. */
  async printed(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __shell: { printed: string[] } }).__shell.printed);
  }

  async waitingCount(serviceId: string): Promise<string> {
    return (await this.page.locator(`.queue-service[data-service="${serviceId}"] .queue-service-waiting`).textContent()) ?? '';
  }

  /** Waits for the note that the kiosk gives its own numbers while the server is away. */
  async waitForOfflineNote() {
    await this.page.getByTestId('queue-offline-note').waitFor({ timeout: 60_000 });
  }

  /** axe-core on the take-number screen, or on the ticket when it is up. */
  async takeNumberViolations() {
    return accessibilityViolations(this.page, '[data-testid="take-number"]');
  }
  async ticketViolations() {
    return accessibilityViolations(this.page, '[data-testid="ticket-overlay"]');
  }

  /** The screen against its reference; the footer's catalog line and the server's port vary. */
  async expectScreenshot(name: string) {
    await expectScreenshot(this.page, name, { mask: [this.page.getByTestId('catalog-footer').locator('span').first(), this.page.getByTestId('enrol-server')] });
  }
}

/** Shows printed HTML on its own page, 80 mm wide, and photographs it "as printed". */
export async function photographPrinted(context: BrowserContext, html: string, name: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 600 });
  await page.setContent(html);
  await expectScreenshot(page.locator('.queue-ticket'), name);
  await page.close();
}

export class CallingBarPage {
  constructor(readonly page: Page) {}

  get bar() {
    return this.page.getByTestId('calling-bar');
  }

  async chooseDesk(counter: number) {
    await this.page.locator(`[data-testid="calling-bar"] [data-counter="${counter}"]`).click();
    await this.page.locator(`[data-testid="calling-bar"][data-counter="${counter}"]`).waitFor();
  }

  /** The number the desk calls or serves ('' for none). */
  async current(): Promise<string> {
    return (await this.bar.getAttribute('data-ticket')) ?? '';
  }

  async state(): Promise<string> {
    return (await this.bar.getAttribute('data-state')) ?? '';
  }

  async link(): Promise<string> {
    return (await this.page.getByTestId('calling-link').getAttribute('data-link')) ?? '';
  }

  async callNext() {
    await this.page.getByTestId('call-next').click();
  }

  async recall() {
    await this.page.getByTestId('call-recall').click();
  }

  async start() {
    await this.page.getByTestId('call-start').click();
    await this.page.locator('[data-testid="calling-bar"][data-state="serving"]').waitFor();
  }

  async finish() {
    await this.page.getByTestId('call-finish').click();
    await this.page.locator('[data-testid="calling-bar"][data-state="idle"]').waitFor();
  }

  async noShow() {
    await this.page.getByTestId('call-no-show').click();
    await this.page.locator('[data-testid="calling-bar"][data-state="idle"]').waitFor();
  }

  async callByHand(number: string) {
    await this.page.getByTestId('call-by-hand').click();
    await this.page.getByTestId('by-hand-number').fill(number);
    await this.page.getByTestId('by-hand-call').click();
  }

  async transferToService(serviceId: string) {
    await this.page.getByTestId('call-transfer').click();
    await this.page.locator(`[data-transfer-service="${serviceId}"]`).click();
    await this.page.locator('[data-testid="calling-bar"][data-state="idle"]').waitFor();
  }

  async pause(reason: string) {
    await this.page.getByTestId('call-pause').click();
    await this.page.locator(`[data-pause="${reason}"]`).click();
    await this.page.locator('[data-testid="calling-bar"][data-state="paused"]').waitFor();
  }

  async resume() {
    await this.page.getByTestId('call-resume').click();
    await this.page.locator('[data-testid="calling-bar"][data-state="idle"]').waitFor();
  }

  async message(): Promise<string> {
    return (await this.page.getByTestId('calling-message').textContent()) ?? '';
  }

  async pending(): Promise<number> {
    const badge = this.page.getByTestId('calling-pending');
    return (await badge.count()) === 0 ? 0 : Number(/\d+/.exec((await badge.textContent()) ?? '')?.[0] ?? 0);
  }

  /** The counter's screen with the bar, against its reference (counterVaryingRegions masked). */
  async expectScreenshot(name: string) {
    await expectScreenshot(this.page, name, { mask: counterVaryingRegions(this.page) });
  }
}

export class DisplayPage {
  constructor(readonly page: Page) {}

  async open(url: string, center = 'DEMO') {
    await this.page.goto(`${url}/#/display/${center}`);
    await this.page.locator('[data-testid="display"][data-link="live"]').waitFor({ timeout: 20_000 });
  }

  async ticketAt(counter: number): Promise<string> {
    return (await this.page.locator(`.display-row[data-counter="${counter}"]`).getAttribute('data-ticket')) ?? '';
  }

  async isFresh(counter: number): Promise<boolean> {
    return (await this.page.locator(`.display-row.fresh[data-counter="${counter}"]`).count()) === 1;
  }

  async nextNumbers(serviceId: string): Promise<string> {
    return (await this.page.locator(`.display-service[data-service="${serviceId}"] .display-next-numbers`).textContent()) ?? '';
  }

  /** What the display asked the (fake) system voice to say (tests/e2e/support/fakeSpeech.ts). */
  spoken(): Promise<SpokenUtterance[]> {
    return spokenSoFar(this.page);
  }

  async link(): Promise<string> {
    return (await this.page.getByTestId('display').getAttribute('data-link')) ?? '';
  }

  async announcement(): Promise<string> {
    return (await this.page.getByTestId('display-announcement').textContent()) ?? '';
  }

  /** What the row of a desk says (its number, or that it is paused). */
  async deskRow(counter: number): Promise<string> {
    return (await this.page.locator(`.display-row[data-counter="${counter}"]`).textContent()) ?? '';
  }

  async expectScreenshot(name: string) {
    await expectScreenshot(this.page, name);
  }
}

/** The admin's queue set-up on a counter (over the calling bar), and the queue's figures in the admin's report. */
export class QueueAdminPage {
  constructor(readonly page: Page) {}

  /** Opens the set-up, makes priority numbers go first, saves; answers what the form says. */
  async savePriorityFirst(): Promise<string> {
    await this.page.getByTestId('queue-settings-open').click();
    await this.page.getByTestId('priority-first').check();
    await this.page.getByTestId('queue-settings-save').click();
    await this.page.getByTestId('queue-settings-message').waitFor();
    return (await this.page.getByTestId('queue-settings-message').textContent()) ?? '';
  }

  async settingsMessage(): Promise<string> {
    return (await this.page.getByTestId('queue-settings-message').textContent()) ?? '';
  }

  async closeSettings() {
    await this.page.getByRole('button', { name: 'Đóng' }).click();
    await this.page.getByTestId('queue-settings-save').waitFor({ state: 'detached' });
  }

  /** The admin's report, with the queue's figures loaded. */
  async openFigures() {
    await this.page.getByTestId('nav-stats').click();
    await this.page.locator('[data-testid="queue-figures"][data-state="ready"]').waitFor({ timeout: 20_000 });
  }

  async figure(name: 'tickets' | 'noShows' | 'served'): Promise<number> {
    return Number(await this.page.getByTestId(`queue-figure-${name}`).getAttribute('data-value'));
  }

  async waitForCounterRow(key: string) {
    await this.page.locator(`[data-testid="queue-by-counter"] tr[data-key="${key}"]`).waitFor();
  }

  /** Downloads the figures as CSV; answers the file's text. */
  async downloadCsv(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('queue-figures-csv').click();
    return readFileSync(await (await download).path(), 'utf8');
  }

  /** The figures counted in minutes (cards and table cells): they follow the clock, not the test's steps. */
  minuteFigures(): Locator[] {
    return [this.page.locator('[data-testid$="MinutesAvg"] .stats-card-value'), this.page.locator('td[data-column*="Minutes"]')];
  }

  async showFigures() {
    await this.page.getByTestId('queue-figures').scrollIntoViewIfNeeded();
  }
}
