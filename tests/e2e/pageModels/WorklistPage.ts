/** Page model of the counter's worklist and a file's detail: what staff do there, in the words of the screen. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from './KioskPage.ts';

/** Page widths at 96 dpi, so a printed page is photographed at its paper's size. */
const PAPER_PX = { A4: { width: 794, height: 1123 }, A5: { width: 559, height: 794 } } as const;

export class WorklistPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-worklist').click();
    await this.page.getByTestId('worklist').waitFor();
  }

  row(number: string): Locator {
    return this.page.locator(`.work-row[data-number="${number}"]`);
  }

  async filter(which: 'open' | 'overdue' | 'all') {
    await this.page.locator(`[data-filter="${which}"]`).click();
  }

  async search(query: string) {
    await this.page.getByTestId('worklist-search').fill(query);
  }

  /** The numbers of the rows shown, in order. */
  async numbersShown(): Promise<string[]> {
    return this.page.locator('.work-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number') ?? ''));
  }

  /** A move without a slip, waiting until the row shows the new status. */
  async move(number: string, to: string) {
    await this.row(number).locator(`[data-to="${to}"]`).click();
    await this.page.locator(`.work-row[data-number="${number}"][data-status="${to}"]`).waitFor();
  }

  async openFile(number: string) {
    await this.row(number).getByTestId('open-file').click();
    await this.page.locator(`[data-testid="file-detail"][data-number="${number}"]`).waitFor();
  }

  /** Brings the top of the open file (its number and state) into view. */
  async scrollToTop() {
    await this.page.locator('[data-testid="file-detail"] h2').scrollIntoViewIfNeeded();
    await this.page.evaluate(() => document.querySelector('[data-testid="file-detail"]')?.scrollIntoView({ block: 'start' }));
  }

  async action(key: string) {
    await this.page.locator(`[data-testid="file-actions"] [data-action="${key}"]`).click();
  }

  async backToList() {
    await this.page.getByTestId('back-to-list').click();
    await this.page.getByTestId('worklist').waitFor();
  }

  /** The open dialog's problem, once it shows one. */
  async dialogProblem(): Promise<string> {
    const problem = this.page.getByTestId('dialog-problem');
    await problem.waitFor();
    return (await problem.textContent()) ?? '';
  }

  async confirmDialog() {
    await this.page.getByTestId('dialog-confirm').click();
  }

  async fillRefusal(reason: string) {
    await this.page.getByTestId('refusal-dialog').waitFor();
    await this.page.getByTestId('refusal-reason').fill(reason);
  }

  /** In the supplement dialog: tick exactly these checklist documents (by position) and write the rest. */
  async fillSupplement(tick: number[], text: string) {
    const dialog = this.page.getByTestId('supplement-dialog');
    await dialog.waitFor();
    const boxes = dialog.locator('input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).setChecked(tick.includes(i));
    await this.page.getByTestId('status-note').fill(text);
  }

  async fillDue(date: string, time: string, reason: string) {
    await this.page.getByTestId('due-dialog').waitFor();
    await this.page.getByTestId('due-date').fill(date);
    await this.page.getByTestId('due-time').fill(time);
    await this.page.getByTestId('due-reason').fill(reason);
  }

  async fillFee(amount: string, receiptNo: string) {
    await this.page.getByTestId('fee-dialog').waitFor();
    await this.page.getByTestId('fee-amount').fill(amount);
    await this.page.getByTestId('fee-receipt').fill(receiptNo);
  }

  /** The print panel for a slip: choose the paper, print, wait for the shell's answer. */
  async printSlip(paper: 'A4' | 'A5'): Promise<string> {
    await this.page.getByTestId('print-panel').waitFor();
    await this.page.locator(`[data-testid="print-panel"] [data-paper="${paper}"]`).click();
    await this.page.locator(`[data-testid="print-panel"] .receipt.paper-${paper}`).waitFor();
    await this.page.getByTestId('print-slip').click();
    return (await this.page.getByTestId('print-result').textContent()) ?? '';
  }

  /** The HTML the shell was asked to print, opened on its own page of the paper's size and photographed. */
  async screenshotPrinted(html: string, paper: 'A4' | 'A5', name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const sheet = await this.page.context().newPage();
    await sheet.setViewportSize(PAPER_PX[paper]);
    await sheet.setContent(html, { waitUntil: 'load' });
    await sheet.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
    await sheet.close();
  }

  slip(): Locator {
    return this.page.getByTestId('slip');
  }

  async closePrint() {
    await this.page.getByTestId('print-close').click();
    await this.page.getByTestId('file-detail').waitFor();
  }

  detail(field: 'name' | 'phone' | 'due' | 'fee' | 'status-note' | 'sync'): Locator {
    return this.page.getByTestId(`detail-${field}`);
  }
}
