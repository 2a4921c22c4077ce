/** Page model of the kiosk's question flows and personal checklist, in the citizen's words. */
import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';
import { expectScreenshot } from '../support/screenshots.ts';
import { KioskPage } from './KioskPage.ts';

/** 80 mm of paper at the 96 dpi a browser lays out with. */
const ROLL_80MM_PX = 302;

export class GuidancePage extends KioskPage {
  get question(): Locator {
    return this.page.getByTestId('flow-question');
  }
  get checklist(): Locator {
    return this.page.getByTestId('checklist');
  }
  get offer(): Locator {
    return this.page.getByTestId('flow-offer');
  }

  /**
   * Types what the citizen typed on the on-screen keyboard and takes the offer to answer questions
   * for that family. Today's e2e types "khai tu" / "ket hon"; once the new search engine is merged the
   * same step takes "bố tôi mất rồi" or "tôi muốn lấy vợ người Lào".
   */
  async searchAndOpenFamily(query: string, family: string) {
    await this.tapType(query);
    await this.openOfferedFamily(family);
  }

  /** "Trả lời vài câu hỏi để chọn đúng thủ tục" above the results or on a procedure page. */
  async openOfferedFamily(family: string) {
    await this.offer.locator(`[data-flow="${family}"]`).click();
    await this.question.waitFor();
  }

  /** The life-event tile on the home screen ("Gia đình có người mất"). */
  async openLifeEvent(family: string) {
    await this.page.getByTestId('life-events').locator(`[data-flow="${family}"]`).click();
    await this.question.waitFor();
  }

  /** The checklist's "Lấy số thứ tự", once the kiosk's queue switches it on; answers the number the ticket shows. */
  async takeNumberFromChecklist(): Promise<string> {
    const button = this.checklist.getByTestId('take-number');
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await button.click();
    await this.page.getByTestId('ticket-overlay').waitFor();
    return (await this.page.getByTestId('overlay-number').textContent()) ?? '';
  }

  async currentQuestion(): Promise<string | null> {
    return this.question.getAttribute('data-question');
  }

  async answerTexts(): Promise<string[]> {
    return this.question.locator('.answer-button').allTextContents();
  }

  /** Taps one answer and waits for what comes next: another question, the checklist or the plain list. */
  async answer(answerId: string) {
    const asked = await this.currentQuestion();
    await this.question.locator(`[data-answer="${answerId}"]`).click();
    await this.page
      .locator(`[data-testid="flow-question"]:not([data-question="${asked}"]), [data-testid="checklist"], [data-testid="family-list"]`)
      .waitFor();
  }

  async answerAll(...answerIds: string[]) {
    for (const id of answerIds) await this.answer(id);
  }

  /** "Đổi" beside an earlier answer: that question is asked again. */
  async changeAnswer(questionId: string) {
    await this.page.getByTestId(`change-${questionId}`).click();
    await this.page.locator(`[data-testid="flow-question"][data-question="${questionId}"]`).waitFor();
  }

  /** "Không phải? chọn khác": the plain list of the family. */
  async leaveForList() {
    await this.page.getByTestId('flow-leave').click();
    await this.page.getByTestId('family-list').waitFor();
  }

  /** The codes in the plain list of the family. */
  async familyCodes(): Promise<string[]> {
    return this.page.getByTestId('family-list').locator('.result-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code') ?? ''));
  }

  /** The searches this kiosk recorded (learning from what citizens type), as IndexedDB holds them. */
  async recordedSearches(): Promise<{ query: string; outcome: string; chosen: string | null; flowPath: string[] | null }[]> {
    return this.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('searchSessions').objectStore('searchSessions').getAll();
            all.onsuccess = () => resolve((all.result as { session: { query: string; outcome: string; chosen: string | null; flowPath: string[] | null } }[]).map((r) => r.session));
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  async checklistCode(): Promise<string | null> {
    await this.checklist.waitFor();
    return this.checklist.getAttribute('data-code');
  }

  async checklistLines(): Promise<string[]> {
    return this.checklist.getByTestId('checklist-line').allInnerTexts();
  }

  /** Reads the checklist's QR code off the screen, as a phone would (jsQR on the drawn pixels). */
  async readChecklistQr(): Promise<string | null> {
    const img = this.checklist.getByTestId('checklist-qr').locator('img');
    await img.waitFor();
    const pixels = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode();
      const canvas = document.createElement('canvas');
      canvas.width = el.naturalWidth;
      canvas.height = el.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(el, 0, 0);
      return { width: canvas.width, height: canvas.height, data: Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data) };
    });
    return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
  }

  async printChecklist(): Promise<string | null> {
    await this.checklist.getByTestId('print-checklist').click();
    return this.page.getByTestId('print-state').textContent();
  }

  /**
   * Lays out printed HTML on 80 mm of paper, as the slip comes out of the printer, and compares it
   * with its reference; answers the slip's length in pixels.
   */
  async expectPrintedSlipScreenshot(html: string, name: string): Promise<number> {
    const paper = await this.page.context().newPage();
    await paper.setViewportSize({ width: ROLL_80MM_PX, height: 600 });
    await paper.setContent(html);
    await paper.locator('.checklist-slip img').evaluate((el: HTMLImageElement) => el.decode());
    await expectScreenshot(paper, name, { fullPage: true });
    const height = await paper.evaluate(() => document.body.scrollHeight);
    await paper.close();
    return height;
  }

  /** The families offered above the results, by flow id. */
  async offeredFamilies(): Promise<(string | null)[]> {
    return this.offer.locator('[data-flow]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-flow')));
  }

  /** "Quay lại" in the header: the previous question. */
  async back() {
    await this.page.getByTestId('back-button').click();
    await this.question.waitFor();
  }

  /** "Xem đầy đủ thủ tục" on the checklist: the procedure's full legal detail. */
  async openFullDetail() {
    await this.page.getByTestId('full-detail').click();
    await this.detail.waitFor();
  }

  /** The front desk's "take a number": whether it is on the page, and whether it is hidden. */
  async takeNumber(): Promise<{ present: number; hidden: boolean }> {
    const button = this.page.getByTestId('take-number');
    return { present: await button.count(), hidden: await button.isHidden() };
  }

  /** The flow's outcome is not in this catalog: the plain list instead. */
  async waitForFallback() {
    await this.page.getByTestId('flow-fallback').waitFor();
  }

  /** "Trả lời lại từ đầu". */
  async restartFlow() {
    await this.page.getByTestId('flow-restart').click();
    await this.question.waitFor();
  }

  /** "Đọc to" on the question (or, with `onChecklist`, on the checklist). */
  async readAloud(onChecklist = false) {
    await (onChecklist ? this.checklist : this.page).getByTestId('read-aloud').first().click();
  }

  /** Whether "Đọc to" is offered at all. */
  async offersReadAloud(): Promise<boolean> {
    return (await this.page.getByTestId('read-aloud').count()) > 0;
  }

  async waitForReadAloud() {
    await this.page.getByTestId('read-aloud').waitFor();
  }

  /** The system's voices have arrived (they come late, as on Windows). */
  async waitForVoices() {
    await this.page.waitForFunction(() => window.speechSynthesis.getVoices().length > 0);
  }

  /** "Chữ to" / "Tương phản cao" in the header. */
  async toggleDisplay(choice: 'large-text' | 'high-contrast') {
    await this.page.getByTestId(`toggle-${choice}`).click();
  }

  async displayPressed(choice: 'large-text' | 'high-contrast'): Promise<string | null> {
    return this.page.getByTestId(`toggle-${choice}`).getAttribute('aria-pressed');
  }

  /** The display choices the page carries (`data-text`, `data-contrast` on <html>). */
  displayChoices(): Promise<Record<string, string | undefined>> {
    return this.page.evaluate(() => ({ ...document.documentElement.dataset }));
  }

  /** The root font size in pixels (large text makes it larger). */
  rootFontSize(): Promise<number> {
    return this.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  }

  /** Left alone through the warning, the kiosk resets itself to its home screen. */
  async waitForIdleReset() {
    await this.waitForIdleWarning();
    await this.idleWarning.waitFor({ state: 'detached', timeout: 15_000 });
    await this.waitForHome();
  }
}
