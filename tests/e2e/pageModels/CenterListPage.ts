/** Page model of the center admin's list (danh mục niêm yết) and its posters, in the words of the screen. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from './KioskPage.ts';

export interface PostedValues {
  sameDayBefore?: string;
  workingDays?: string;
  fee?: 'free' | { amount: string } | { text: string };
  location?: string;
  counter?: string;
  note?: string;
}

export class CenterListPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-center-list').click();
    await this.page.getByTestId('center-list').waitFor();
  }

  get notice(): Locator {
    return this.page.getByTestId('center-list-notice');
  }

  row(code: string): Locator {
    return this.page.locator(`[data-testid="center-list-table"] tr[data-code="${code}"]`);
  }

  /** Finds a procedure by words, adds it and fills its values in the editor. */
  async add(query: string, code: string, values: PostedValues) {
    await this.page.getByTestId('center-list-search').fill(query);
    await this.page.locator(`[data-add="${code}"]`).click();
    await this.fill(values);
    await this.page.getByTestId('edit-apply').click();
    await this.page.getByTestId('center-list-search').fill('');
    await this.row(code).waitFor();
  }

  async fill(values: PostedValues) {
    const editor = this.page.getByTestId('entry-editor');
    await editor.waitFor();
    if (values.sameDayBefore) {
      await editor.locator('[data-unit="same_day"]').click();
      await this.page.getByTestId('edit-cutoff').fill(values.sameDayBefore);
    }
    if (values.workingDays) {
      await editor.locator('[data-unit="working_day"]').click();
      await this.page.getByTestId('edit-time-value').fill(values.workingDays);
    }
    if (values.fee === 'free') await editor.locator('[data-fee="free"]').click();
    else if (values.fee && 'amount' in values.fee) {
      await editor.locator('[data-fee="amount"]').click();
      await this.page.getByTestId('edit-fee-amount').fill(values.fee.amount);
    } else if (values.fee) {
      await editor.locator('[data-fee="text"]').click();
      await this.page.getByTestId('edit-fee-text').fill(values.fee.text);
    }
    if (values.location) await this.page.getByTestId('edit-location').fill(values.location);
    if (values.counter) await this.page.getByTestId('edit-counter').fill(values.counter);
    if (values.note) await this.page.getByTestId('edit-note').fill(values.note);
  }

  async save(): Promise<string> {
    await this.page.getByTestId('center-list-save').click();
    await this.page.locator('[data-testid="center-list-notice"].success').waitFor();
    return (await this.notice.textContent()) ?? '';
  }

  /** Chooses a table file as the admin would with the file picker. */
  async importFile(name: string, content: string | Buffer) {
    await this.page.getByTestId('center-list-import').setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream', buffer: Buffer.from(content) });
    await this.page.getByTestId('import-report').waitFor();
  }

  async reportRows(): Promise<{ row: number; verdict: string }[]> {
    return this.page.locator('[data-testid="import-report"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ row: Number(r.getAttribute('data-row')), verdict: r.getAttribute('data-verdict') ?? '' })),
    );
  }

  async openPoster(field: string, paper: 'A4' | 'A3') {
    if (!(await this.page.getByTestId('poster-screen').isVisible())) await this.page.getByTestId('center-list-poster').click();
    await this.page.locator(`.poster-controls [data-field="${field}"]`).click();
    await this.page.locator(`.poster-controls [data-paper="${paper}"]`).click();
    await this.page.locator(`[data-testid="poster"][data-paper="${paper}"]`).waitFor();
    // Every QR code drawn before anyone looks at (or prints) the poster.
    await this.page.waitForFunction(() => document.querySelectorAll('.poster .poster-qr-pending').length === 0);
  }

  poster(): Locator {
    return this.page.getByTestId('poster');
  }

  /**
   * The poster as the browser prints it: print media, the page's own print rule (only the poster
   * visible), at the paper's width, the whole length. Then back to the screen.
   */
  async screenshotAsPrinted(name: string, paper: 'A4' | 'A3') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const viewport = this.page.viewportSize();
    await this.page.emulateMedia({ media: 'print' });
    await this.page.evaluate(() => document.body.classList.add('printing-poster'));
    await this.page.setViewportSize({ width: paper === 'A4' ? 794 : 1123, height: 600 });
    const box = await this.poster().boundingBox();
    if (!box) throw new Error('the poster is not on the page');
    await this.page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width: box.width, height: box.height } });
    await this.page.evaluate(() => document.body.classList.remove('printing-poster'));
    await this.page.emulateMedia({ media: 'screen' });
    if (viewport) await this.page.setViewportSize(viewport);
  }

  async screenshot(name: string, element?: Locator) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = resolve(SCREENSHOTS, `${name}.png`);
    if (element) await element.screenshot({ path });
    else await this.page.screenshot({ path });
  }
}
