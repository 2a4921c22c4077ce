/** Page model of the counter's worklist and a file's detail: what staff do there, in the words of the screen. */
import type { Locator, Page } from 'playwright-core';
import { expectScreenshot } from '../support/screenshots.ts';
import { counterVaryingRegions, waitForSyncRoundEnd } from './CounterPage.ts';

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
    await this.page.locator(`[data-filter="${which}"].active`).waitFor();
  }

  /** The row's due date as shown ("Hẹn trả 17:00 24/11"). */
  async dueShown(number: string): Promise<string> {
    return (await this.row(number).getByTestId('work-due').textContent()) ?? '';
  }

  /** The reason written on the row ("Lý do: ..."). */
  async noteShown(number: string): Promise<string> {
    return (await this.row(number).getByTestId('work-note').textContent()) ?? '';
  }

  /** The row's text (number, name, procedure, state). */
  async rowText(number: string): Promise<string> {
    return (await this.row(number).textContent()) ?? '';
  }

  /** What the row says of the citizen's personal data once it is removed. */
  async purgedNote(number: string): Promise<string> {
    return (await this.row(number).locator('[data-personal="purged"]').textContent()) ?? '';
  }

  /** The boxes of the row's action buttons (touch targets). */
  async actionBoxes(number: string): Promise<{ top: number; left: number; right: number; height: number }[]> {
    return this.row(number)
      .locator('.work-actions .button')
      .evaluateAll((buttons) => buttons.map((b) => {
        const r = b.getBoundingClientRect();
        return { top: r.top, left: r.left, right: r.right, height: r.height };
      }));
  }

  /** "Không có hồ sơ nào khớp": how many times the list says it. */
  noMatchShown(): Promise<number> {
    return this.page.getByText('Không có hồ sơ nào khớp').count();
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

  /** A move that leaves the open list (returned, rejected...): waits until the row has gone. */
  async moveOut(number: string, to: string) {
    await this.row(number).locator(`[data-to="${to}"]`).click();
    await this.row(number).waitFor({ state: 'detached' });
  }

  /** A move that asks for a reason first: its dialog opens. */
  async startMove(number: string, to: 'needs_supplement' | 'rejected') {
    await this.row(number).locator(`[data-to="${to}"]`).click();
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

  /** The correction form: fields, and a reason (required). */
  async correct(values: { fullName?: string; phone?: string }, reason: string) {
    await this.page.getByTestId('correction-form').waitFor();
    if (values.fullName !== undefined) await this.page.getByTestId('correct-full-name').fill(values.fullName);
    if (values.phone !== undefined) await this.page.getByTestId('correct-phone').fill(values.phone);
    await this.page.getByTestId('correct-reason').fill(reason);
    await this.page.getByTestId('correct-save').click();
  }

  async correctionProblem(): Promise<string> {
    return (await this.page.getByTestId('correct-problem').textContent()) ?? '';
  }

  dialogOpen(kind: 'supplement' | 'refusal' | 'due' | 'fee'): Promise<boolean> {
    return this.page.getByTestId(`${kind}-dialog`).isVisible();
  }

  /** The print panel is open (a slip to print, then "Đóng"). */
  async waitForPrintPanel() {
    await this.page.getByTestId('print-panel').waitFor();
  }

  /** What the slip on the print panel is ("supplement", "refusal", "apology", "receipt"). */
  async slipKind(): Promise<string | null> {
    return this.slip().getAttribute('data-slip');
  }

  /** The rows of the slip's document table. */
  slipDocuments(): Promise<number> {
    return this.slip().locator('[data-testid="slip-documents"] tbody tr').count();
  }

  async slipLine(line: 'slip-new-due' | 'slip-reason'): Promise<string> {
    return (await this.slip().getByTestId(line).textContent()) ?? '';
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

  /** The dialog's problem as it is now ('' when none). */
  async currentDialogProblem(): Promise<string> {
    const problem = this.page.getByTestId('dialog-problem');
    return (await problem.count()) === 0 ? '' : ((await problem.textContent()) ?? '');
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

  /** The counter window against its reference. */
  async expectScreenshot(name: string) {
    await waitForSyncRoundEnd(this.page);
    await expectScreenshot(this.page, name, { mask: counterVaryingRegions(this.page) });
  }

  /**
   * The HTML the shell was asked to print, opened on its own page of the paper's size and compared with
   * its reference. Left out: the random lookup code with its QR code.
   */
  async expectPrintedScreenshot(html: string, paper: 'A4' | 'A5', name: string) {
    const sheet = await this.page.context().newPage();
    await sheet.setViewportSize(PAPER_PX[paper]);
    await sheet.setContent(html, { waitUntil: 'load' });
    await expectScreenshot(sheet, name, { fullPage: true, mask: [sheet.locator('.receipt-code'), sheet.locator('.receipt-qr img')] });
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
