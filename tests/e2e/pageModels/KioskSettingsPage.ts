/** Page model of the kiosk's hidden settings (inside the shell): gesture, PIN, and enrolling the kiosk with its center. */
import type { Page } from 'playwright-core';

export class KioskSettingsPage {
  constructor(readonly page: Page) {}

  /** Five taps in the top-left corner, then the admin PIN on the pad. */
  async open(pin: string) {
    for (let i = 0; i < 5; i += 1) await this.page.mouse.click(20, 20);
    await this.page.getByTestId('admin-settings').waitFor();
    for (const d of pin) await this.page.locator(`.pin-key[data-pin="${d}"]`).click();
    await this.page.getByTestId('admin-unlock').click();
    await this.page.getByTestId('admin-save').waitFor();
  }

  /** Fills the enrolment form for this kiosk, as the center admin does once when setting it up. */
  async fillEnrolment(centerCode: string, enrolmentCode: string, deviceName: string) {
    await this.page.getByTestId('admin-enrol').waitFor();
    await this.page.getByTestId('enrol-center').fill(centerCode);
    await this.page.getByTestId('enrol-code').fill(enrolmentCode);
    await this.page.getByTestId('enrol-name').fill(deviceName);
  }

  async submitEnrolment() {
    await this.page.getByTestId('enrol-submit').click();
    await this.page.getByTestId('admin-enrolled').waitFor();
  }

  async enrolledText(): Promise<string> {
    return (await this.page.getByTestId('admin-enrolled').textContent()) ?? '';
  }

  async close() {
    await this.page.getByTestId('admin-close').click();
    await this.page.getByTestId('admin-settings').waitFor({ state: 'detached' });
  }
}
