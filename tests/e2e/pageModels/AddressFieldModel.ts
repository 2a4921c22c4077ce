/** Page model of the counter's address field (registration and correction): what the clerk types, sees and picks. */
import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility.ts';

export class AddressFieldModel {
  constructor(readonly page: Page) {}

  get input(): Locator {
    return this.page.getByTestId('address');
  }

  get options(): Locator {
    return this.page.getByTestId('address-option');
  }

  /** Clears the box and types `text` key by key, as a clerk does. */
  async type(text: string) {
    await this.input.click();
    await this.input.press('Control+A');
    await this.input.press('Delete');
    await this.input.pressSequentially(text, { delay: 15 });
  }

  /** The suggestions as read on screen, one line each. */
  async optionTexts(): Promise<string[]> {
    return this.options.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  }

  /** The header of each split old unit in the list. */
  async splitHeads(): Promise<string[]> {
    return this.page.locator('[data-testid="address-split"] .address-group-head').allInnerTexts();
  }

  /** Arrow down `times` from the box, then Enter. */
  async pickWithKeyboard(times = 1) {
    for (let i = 0; i < times; i += 1) await this.input.press('ArrowDown');
    await this.input.press('Enter');
  }

  /** A tap on the suggestion for the commune `code` (the first, when several lead there). */
  async tapOption(code: string) {
    await this.page.locator(`[data-testid="address-option"][data-code="${code}"]`).first().tap();
  }

  /** The picked commune's code and line, or null when none is picked. */
  async chosen(): Promise<{ code: string; text: string } | null> {
    const chip = this.page.getByTestId('address-unit');
    if ((await chip.count()) === 0) return null;
    return { code: (await chip.getAttribute('data-code')) ?? '', text: (await chip.innerText()).replace(/\s+/g, ' ').trim() };
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('address-status').innerText()).trim();
  }

  /** The box's combobox state as assistive technology reads it. */
  async expanded(): Promise<string | null> {
    return this.input.getAttribute('aria-expanded');
  }

  /** The code of the split unit's option whose line has `text`. */
  async splitOptionCode(text: string): Promise<string> {
    return (await this.page.locator('[data-testid="address-split"] [data-testid="address-option"]', { hasText: text }).getAttribute('data-code')) ?? '';
  }

  /** Drops the picked commune (the text stays). */
  async clearPick() {
    await this.page.getByTestId('address-unit-clear').click();
  }

  /** The address line as the receipt prints it. */
  async printedOnReceipt(): Promise<string> {
    return (await this.page.locator('[data-testid="receipt"] [data-testid="receipt-address"]').innerText()).trim();
  }

  /** axe-core on the field and its open list. */
  async violations() {
    return accessibilityViolations(this.page, '[data-testid="address-field"]');
  }

  /** How far the page runs past the window's width (0 or less: nothing hidden sideways). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
