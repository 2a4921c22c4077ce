/** Page model of the center admin's "Câu tìm kiếm chưa có kết quả" and its teaching dialog, in the words of the screen. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from './KioskPage.ts';

export interface UnmatchedLine {
  query: string;
  count: number;
}

export class LearningPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByTestId('nav-learning').click();
    await this.page.getByTestId('learning').waitFor();
  }

  async reload() {
    await this.page.getByTestId('learning-reload').click();
  }

  get notice(): Locator {
    return this.page.getByTestId('learning-notice');
  }
  get dialog(): Locator {
    return this.page.getByTestId('teach-dialog');
  }

  /** The searches listed, most frequent first. */
  async unmatched(): Promise<UnmatchedLine[]> {
    if ((await this.page.getByTestId('unmatched').count()) === 0) return [];
    return this.page.locator('[data-testid="unmatched"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({ query: r.querySelector('.learning-query')?.textContent ?? '', count: Number(r.querySelector('[data-count]')?.textContent ?? 'NaN') })),
    );
  }

  /** Opens the teaching dialog for a listed search (by its folded key). */
  async teach(key: string) {
    await this.page.locator(`[data-teach="${key}"]`).click();
    await this.dialog.waitFor();
  }

  async setPhrase(n: number, text: string) {
    await this.page.getByTestId(`teach-phrase-${n}`).fill(text);
  }

  /** Looks for procedures by words in the dialog; the candidates are listed. */
  async searchProcedure(words: string) {
    await this.page.locator('[data-target-kind="procedures"]').click();
    await this.page.getByTestId('teach-search').fill(words);
    await this.page.locator('.teach-picks [data-code]').first().waitFor();
  }

  /** Looks for an existing concept of the lexicon by the way people say it. */
  async searchConcept(words: string, id: string) {
    await this.page.locator('[data-target-kind="concept"]').click();
    await this.page.getByTestId('teach-search').fill(words);
    await this.page.locator(`.teach-picks [data-concept="${id}"]`).waitFor();
  }

  async pickProcedure(code: string) {
    await this.page.locator(`.teach-picks [data-code="${code}"]`).click();
    await this.page.getByTestId('teach-chosen').waitFor();
  }

  /** Submits; answers the refusal shown, or null once the dialog has closed. */
  async submit(): Promise<string | null> {
    await this.page.getByTestId('teach-submit').click();
    const problem = this.page.getByTestId('teach-problem');
    await Promise.race([problem.waitFor(), this.dialog.waitFor({ state: 'detached' })]);
    return (await problem.count()) > 0 ? await problem.textContent() : null;
  }

  /** Phrasings of what was taught, one line per entry. */
  async taught(): Promise<string[]> {
    if ((await this.page.getByTestId('taught').count()) === 0) return [];
    return this.page.locator('[data-testid="taught"] tbody tr .learning-query').allTextContents();
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
  }
}
