/** Page model of a province device: enrolled with the province's code, its figures screen. */
import type { Download, Page } from 'playwright-core';
import { expectScreenshot } from '../support/screenshots.ts';

export class ProvincePage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(`${url}#/counter`);
    await this.page.getByTestId('counter').waitFor();
  }

  /** Enrols this device as the province's, with the province's code. */
  async enrol(provinceCode: string, enrolmentCode: string, deviceName = 'Máy Sở Nội vụ') {
    await this.page.getByTestId('enrol-role-province').click();
    await this.page.getByTestId('enrol-center').fill(provinceCode);
    await this.page.getByTestId('enrol-code').fill(enrolmentCode);
    await this.page.getByTestId('enrol-name').fill(deviceName);
    await this.page.getByTestId('enrol-submit').click();
  }

  /** The first person on this device sets a name and PIN, then sees the province's figures. */
  async createFirstUser(name: string, pin: string) {
    await this.page.getByTestId('staff-name').fill(name);
    for (const d of pin) await this.page.locator(`.pin-key[data-pin="${d}"]`).click();
    await this.page.getByTestId('create-admin').click();
    await this.page.getByTestId('province-screen').waitFor();
  }

  /** Chooses the period by its first and last day and waits for the figures. */
  async showPeriod(first: string, last: string) {
    await this.page.getByTestId('province-period-custom').click();
    await this.page.getByTestId('province-from').fill(first);
    await this.page.getByTestId('province-to').fill(last);
    await this.page.getByTestId('province-apply').click();
    await this.page.locator(`[data-testid="province-period"]:has-text("${first.split('-').reverse().join('/')}")`).waitFor();
  }

  async figure(key: string): Promise<number> {
    return Number(await this.page.getByTestId(`province-figure-${key}`).getAttribute('data-value'));
  }

  /** The centers' table as [center name, received, on-time rate text] rows. */
  async centerRows(): Promise<string[][]> {
    return this.page.locator('[data-testid="province-by-center"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
        return [cells[1]!, cells[2]!, cells[cells.length - 1]!];
      }),
    );
  }

  /** Whether the header offers the registration form (a province device has no counter). */
  async offersRegistration(): Promise<boolean> {
    return (await this.page.getByTestId('nav-register').count()) > 0;
  }

  async waitForChart() {
    await this.page.getByTestId('province-chart').locator('canvas').waitFor();
  }

  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('province-export-csv').click()]);
    return download;
  }

  async exportXlsx(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('province-export-xlsx').click()]);
    return download;
  }

  /** A tall office screen. */
  async turnPortrait() {
    await this.page.setViewportSize({ width: 1080, height: 1920 });
  }

  async expectScreenshot(name: string) {
    await expectScreenshot(this.page, name, { fullPage: true });
  }
}
