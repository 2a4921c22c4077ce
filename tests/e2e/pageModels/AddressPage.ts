/** Page model of the kiosk's "new address" screen: what a citizen does and sees, in the screen's words. */
import type { Locator, Page } from 'playwright-core';
import { KioskPage } from './KioskPage.ts';

export class AddressPage extends KioskPage {
  constructor(page: Page) {
    super(page);
  }

  /** From the home screen, the "Địa chỉ mới" button. */
  async startAddressLookup() {
    await this.page.getByTestId('home-address').click();
    await this.page.getByTestId('address').waitFor();
  }

  /**
   * Opens the address lookup straight from its address, as after a restart. Offline, the navigation
   * itself may report an error before the service worker answers; the screen is what counts.
   */
  async openAddressLookup(url: string) {
    await this.page.goto(`${url}#/address`).catch(() => undefined);
    await this.page.getByTestId('address').waitFor({ timeout: 30_000 });
  }

  get answers(): Locator {
    return this.page.getByTestId('address-answer');
  }

  /** Clears the box with the on-screen backspace, then taps the words in. */
  async typeAddress(text: string) {
    const input = this.page.getByTestId('address-input');
    while (((await input.inputValue()) ?? '') !== '') await this.tapKey('{bksp}');
    await this.tapType(text);
  }

  async answerTexts(): Promise<string[]> {
    return this.answers.evaluateAll((cards) => cards.map((c) => (c as HTMLElement).innerText.replace(/\s+/g, " ").trim()));
  }
}
