/** Page model of the center admin's figures (thống kê): the period, the figures, exports and the printed report. */
import type { Download, Page } from 'playwright-core';
import { expectScreenshot } from '../support/screenshots.ts';

export interface Figure {
  value: number;
  /** The tile as shown: the number and its label. */
  text: string;
}

export class StatsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-stats').click();
    await this.page.getByTestId('stats-screen').waitFor();
  }

  /** A period of the admin's choosing (yyyy-mm-dd), optionally one location, then "Xem". */
  async chooseCustomPeriod(from: string, to: string, location = '') {
    await this.page.getByTestId('stats-period-custom').click();
    await this.page.getByTestId('stats-from').fill(from);
    await this.page.getByTestId('stats-to').fill(to);
    await this.page.getByTestId('stats-location').fill(location);
  }

  /** "Xem" again: the report is computed where it can be (the server, else this counter). */
  async apply(expectedSource: 'server' | 'local') {
    await this.page.getByTestId('stats-apply').click();
    await this.page.locator(`[data-testid="stats-report"][data-source="${expectedSource}"]`).waitFor();
  }

  async period(): Promise<string> {
    return (await this.page.getByTestId('stats-period').textContent()) ?? '';
  }

  /** Where the figures come from, in words ("Số liệu toàn trung tâm..."). */
  async source(): Promise<string> {
    return (await this.page.getByTestId('stats-source').textContent()) ?? '';
  }

  async figure(key: string): Promise<Figure> {
    const tile = this.page.getByTestId(`figure-${key}`);
    return { value: Number(await tile.getAttribute('data-value')), text: await tile.innerText() };
  }

  /** Rows of the "by field" table. */
  fieldRows(): Promise<number> {
    return this.page.locator('[data-testid="stats-by-field"] tbody tr').count();
  }

  /** "Tải CSV" / "Tải Excel": the file the browser receives. */
  async export(kind: 'csv' | 'xlsx'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`stats-export-${kind}`).click()]);
    return download;
  }

  /**
   * The report as it goes to paper (print styles, a page as wide as A4 landscape at 96 dpi) against its
   * reference. Then back to the screen.
   */
  async expectPrintedScreenshot(name: string) {
    const viewport = this.page.viewportSize();
    await this.page.setViewportSize({ width: 1123, height: 2400 });
    await this.page.evaluate(() => document.body.classList.add('printing-stats'));
    await this.page.emulateMedia({ media: 'print' });
    await expectScreenshot(this.page.getByTestId('stats-report'), name);
    await this.page.emulateMedia({ media: 'screen' });
    await this.page.evaluate(() => document.body.classList.remove('printing-stats'));
    if (viewport) await this.page.setViewportSize(viewport);
  }
}
