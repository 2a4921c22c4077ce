/** Page model of the kiosk's hidden settings (inside the shell): gesture, PIN, printer, idle time, logs, and enrolling the kiosk with its center. */
import type { Page } from 'playwright-core';

export class KioskSettingsPage {
  constructor(readonly page: Page) {}

  /** Taps in the top-left corner (five within 3 s open the PIN pad). */
  async tapCorner(times: number) {
    for (let i = 0; i < times; i += 1) await this.page.mouse.click(20, 20);
  }

  /** A tap somewhere in the middle of the screen. */
  async tapElsewhere() {
    await this.page.mouse.click(600, 400);
  }

  /** Whether the settings (PIN pad or the settings themselves) are on screen. */
  async shown(): Promise<boolean> {
    return (await this.page.getByTestId('admin-settings').count()) > 0;
  }

  /** Five taps in the top-left corner: the PIN pad shows. */
  async openPinPad() {
    await this.tapCorner(5);
    await this.page.getByTestId('admin-settings').waitFor();
  }

  /** Enters a PIN on the pad and presses "Mở". */
  async enterPin(pin: string) {
    for (const d of pin) await this.page.locator(`.pin-key[data-pin="${d}"]`).click();
    await this.page.getByTestId('admin-unlock').click();
  }

  /** The pad's answer to a wrong PIN. */
  async waitForWrongPin() {
    await this.page.getByText('Sai mã PIN quản trị.').waitFor();
  }

  /** Five taps in the top-left corner, then the admin PIN on the pad: the settings open. */
  async open(pin: string) {
    await this.openPinPad();
    await this.enterPin(pin);
    await this.page.getByTestId('admin-save').waitFor();
  }

  /** Chooses a printer from the shell's list and an idle time, then "Lưu". */
  async saveSettings(printer: string, idleSeconds: string) {
    await this.page.locator(`[data-printer="${printer}"]`).click();
    await this.page.getByTestId('admin-idle').fill(idleSeconds);
    await this.page.getByTestId('admin-save').click();
    await this.page.getByTestId('admin-message').waitFor();
  }

  /** "Xuất nhật ký" (the shell asks for a folder). */
  async exportLogs() {
    await this.page.getByTestId('admin-export-logs').click();
  }

  async message(): Promise<string> {
    return (await this.page.getByTestId('admin-message').textContent()) ?? '';
  }

  /** The idle time the kiosk keeps for itself (local storage, read at start). */
  storedIdleSeconds(): Promise<string | null> {
    return this.page.evaluate(() => localStorage.getItem('motcua.kiosk.idleSeconds'));
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

  /** Submits an enrolment the server refuses: the reason shows, nothing is enrolled. */
  async submitRefusedEnrolment(): Promise<string> {
    await this.page.getByTestId('enrol-submit').click();
    const problem = this.page.getByTestId('enrol-problem');
    await problem.waitFor();
    return (await problem.textContent()) ?? '';
  }

  async enrolledText(): Promise<string> {
    return (await this.page.getByTestId('admin-enrolled').textContent()) ?? '';
  }

  async close() {
    await this.page.getByTestId('admin-close').click();
    await this.page.getByTestId('admin-settings').waitFor({ state: 'detached' });
  }
}
