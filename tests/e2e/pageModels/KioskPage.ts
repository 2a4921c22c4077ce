/** Page model of the kiosk: what a citizen does, in the words of the screen, not of the DOM. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations, smallTouchTargets } from '../support/accessibility.ts';
import { expectScreenshot } from '../support/screenshots.ts';
import { waitForOfflineShell } from '../support/offlineShell.ts';

export class KioskPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await this.footer.waitFor();
  }

  /** Opens the kiosk; the scripts (file names) the page had asked for when its search box first took keys. */
  async openCountingScripts(url: string): Promise<string[]> {
    const asked: string[] = [];
    const seen = (request: { url(): string }) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) asked.push(path.slice(path.lastIndexOf('/') + 1));
    };
    // The page says when the box is ready (the suite's clock is fake, so not by time): the requests
    // reported before that message are those it had made.
    let atReady: string[] | null = null;
    await this.page.exposeBinding('motcuaSearchReady', () => {
      atReady ??= [...asked];
    });
    await this.page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const box = document.querySelector<HTMLInputElement>('[data-testid="search-input"]');
        if (box === null || box.disabled || box.dataset.ready === 'false') return;
        observer.disconnect();
        void (window as unknown as { motcuaSearchReady(): Promise<void> }).motcuaSearchReady();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'data-ready'] });
    });
    this.page.on('request', seen);
    await this.page.goto(url);
    await this.searchInput.waitFor();
    await expect.poll(() => atReady).not.toBeNull();
    this.page.off('request', seen);
    return atReady ?? [];
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
  get idleWarning(): Locator {
    return this.page.getByTestId('idle-warning');
  }

  async catalogOrigin(): Promise<string | null> {
    return this.footer.getAttribute('data-origin');
  }

  /** Where the catalog's check with the server stands (the footer's last words): checking, current, updated, offline or failed. */
  async catalogUpdate(): Promise<string | null> {
    return this.footer.getAttribute('data-update');
  }

  /** The header's link state ("Có mạng", "Mất mạng"). */
  async linkState(): Promise<string> {
    return (await this.page.getByTestId('link-state').textContent()) ?? '';
  }

  /** The screen's title in the header. */
  async title(): Promise<string> {
    return (await this.page.locator('h1').textContent()) ?? '';
  }

  /** The language the page declares (`<html lang>`). */
  documentLanguage(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** Whether the page is wider than the screen (it must never scroll sideways). */
  overflowsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  }

  /** Whether the "cannot open this device's data key" screen shows (a kiosk keeps no personal data, so never). */
  async showsKeyProblem(): Promise<boolean> {
    return (await this.page.getByTestId('key-unavailable').count()) > 0;
  }

  /** "Tiếng Việt" / "English" in the header. */
  async chooseLanguage(language: 'vi' | 'en') {
    await this.page.getByTestId(`lang-${language}`).click();
  }

  /** "Trang đầu" in the header. */
  async goHome() {
    await this.page.getByTestId('home-button').click();
  }

  async waitForHome() {
    await this.page.getByTestId('home').waitFor({ timeout: 15_000 });
  }

  /** The idle warning shows up by itself when nobody touches the kiosk. */
  async waitForIdleWarning(timeout = 15_000) {
    await this.idleWarning.waitFor({ timeout });
  }

  /** "Tôi vẫn đang dùng" on the idle warning. */
  async stayAfterIdleWarning() {
    await this.idleWarning.getByRole('button').click({ timeout: 15_000 });
  }

  /** The bundled sample catalog's banner (the server was never reached). */
  async waitForDemoBanner() {
    await this.page.getByTestId('demo-banner').waitFor();
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

  /** Puts a whole query in the search box at once (pasted, or a helper app typing it). */
  async enterQuery(text: string) {
    await this.searchInput.fill(text);
  }

  /** "Why it matched" under the result with this code. */
  async matchedText(code: string): Promise<string> {
    return (await this.page.locator(`.result-card[data-code="${code}"] [data-testid="matched"]`).first().textContent()) ?? '';
  }

  async resultCodes(): Promise<string[]> {
    // The cards past the first few are drawn right after the key (SearchResults.tsx): read the list once it is whole.
    await this.page.locator('[data-testid="results"][data-complete="false"]').waitFor({ state: 'detached' });
    return this.results.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code') ?? ''));
  }

  /** From before the page starts: how many result cards are drawn after each change of the screen that changes it. */
  async recordCardsDrawn() {
    await this.page.addInitScript(() => {
      const counts: number[] = [];
      (window as unknown as { motcuaCardsDrawn: number[] }).motcuaCardsDrawn = counts;
      new MutationObserver(() => {
        const n = document.querySelectorAll('[data-testid="results"] .result-list > li').length;
        if (n > 0 && counts.at(-1) !== n) counts.push(n);
      }).observe(document, { childList: true, subtree: true });
    });
  }

  /** The counts recordCardsDrawn has seen, in order. */
  cardsDrawn(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { motcuaCardsDrawn: number[] }).motcuaCardsDrawn);
  }

  async resultNames(): Promise<string[]> {
    return this.results.locator('.result-name').allTextContents();
  }

  /** "N thủ tục phù hợp" above the results. */
  async resultsSummary(): Promise<string> {
    return (await this.page.locator('.results-summary').textContent()) ?? '';
  }

  /** What kind of answer the results are ("match", or the nearest ones when nothing matched). */
  async resultsKind(): Promise<string | null> {
    return this.page.getByTestId('results').getAttribute('data-kind');
  }

  /** The labels of the facts on the first result card ("Time:", "Fee:"). */
  async firstResultFactLabels(): Promise<string[]> {
    return this.results.first().locator('.fact-label').allTextContents();
  }

  /** The words of the query the kiosk could not read, as it says so. */
  async unreadWords(): Promise<string> {
    await this.page.getByTestId('unread').waitFor();
    return (await this.page.getByTestId('unread').textContent()) ?? '';
  }

  async waitForNoResult() {
    await this.page.getByTestId('no-result').waitFor();
  }

  /** Nothing matched: "Xem theo lĩnh vực" leads to the list of fields. */
  async browseFieldsFromNoResult() {
    await this.waitForNoResult();
    await this.page.getByTestId('no-result').getByRole('button').click();
    await this.page.getByTestId('field-list').waitFor();
  }

  async openResult(code: string) {
    await this.page.locator(`.result-card[data-code="${code}"]`).click();
    await this.detail.waitFor();
  }

  async detailTitle(): Promise<string> {
    return (await this.detail.locator('h2').textContent()) ?? '';
  }

  /** The procedure's documents as shown, and how many are marked "bản chính". */
  async documents(): Promise<{ text: string; originals: number }> {
    const documents = this.page.getByTestId('documents');
    return { text: (await documents.textContent()) ?? '', originals: await documents.locator('.badge.original').count() };
  }

  /** The portal QR code's image, once drawn. */
  async portalQrSource(): Promise<string | null> {
    const qr = this.page.getByTestId('portal-qr').locator('img');
    await qr.waitFor();
    return qr.getAttribute('src');
  }

  /** A fact of the open procedure ("time", "fee", "place"). */
  detailFact(fact: 'time' | 'fee' | 'place'): Locator {
    return this.detail.locator(`[data-fact="${fact}"]`);
  }

  /** The center's own note on the open procedure. */
  async centerNote(): Promise<string> {
    return (await this.detail.getByTestId('center-note').textContent()) ?? '';
  }

  /** How many "Theo niêm yết của Trung tâm" marks the open procedure shows. */
  centerMarks(): Promise<number> {
    return this.detail.getByTestId('center-mark').count();
  }

  /** Opens a procedure straight from its address (as a QR code on a poster does). */
  async openProcedure(url: string, code: string) {
    await this.page.goto(`${url}#/p/${code}`);
    await this.detail.waitFor();
  }

  /** The kiosk restarts (a reload): the catalog and the vocabulary are pulled again. */
  async restart() {
    await this.page.reload();
    await this.footer.waitFor();
  }

  /** What axe-core (WCAG 2.x A/AA) finds wrong on the screen as it is now; [] when nothing. */
  accessibilityViolations(within?: string): Promise<string[]> {
    return accessibilityViolations(this.page, within);
  }

  /** Visible buttons smaller than 48 px. */
  smallTouchTargets(): Promise<string[]> {
    return smallTouchTargets(this.page);
  }

  /**
   * The screen as it is now against its committed reference (support/screenshots.ts). Left out: the
   * catalog's date in the footer (the server's import day, by its own clock), the idle warning's
   * countdown (its second depends on when the picture is taken) and the test server's port.
   */
  async expectScreenshot(name: string, ...mask: Locator[]) {
    await expectScreenshot(this.page, name, { mask: [this.footer.locator('span').first(), this.idleWarning.locator('p'), this.page.getByTestId('enrol-server'), ...mask] });
  }

  /** Waits until the service worker controls the page, so the shell is cached for offline starts. */
  async waitForOfflineShell() {
    await waitForOfflineShell(this.page);
  }
}
