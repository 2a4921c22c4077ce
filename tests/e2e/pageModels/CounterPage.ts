/** Page model of the counter: what staff do, in the words of the screen. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_CENTER } from '../../../shared/demo/demoCenter.ts';
import { SCREENSHOTS } from './KioskPage.ts';

export interface Applicant {
  /** The căn cước QR payload, typed by the "scanner" as a fast burst ending in Enter. */
  cardQr: string;
  phone?: string;
}

export class CounterPage {
  /** The lookup code printed on the receipt of the file saved last (the kiosk lookup needs it with the number). */
  lastLookupCode = '';

  constructor(readonly page: Page) {}

  /** A new counter in `context`: opened, enrolled with the demo center, first admin signed in. */
  static async enrolled(context: BrowserContext, url: string, admin = { name: 'Nguyễn Thị Lan', pin: '2468' }): Promise<CounterPage> {
    const counter = new CounterPage(await context.newPage());
    await counter.open(url);
    await counter.enrol();
    await counter.createFirstAdmin(admin.name, admin.pin);
    return counter;
  }

  async open(url: string) {
    await this.page.goto(`${url}#/counter`);
    await this.page.getByTestId('counter').waitFor();
  }

  /** Enrols this counter; `admin`: as the center admin's device (the admin enrolment code), which sees the server's figures. */
  async enrol(centerCode: string = DEMO_CENTER.code, enrolmentCode: string = DEMO_CENTER.enrolmentCode, deviceName = 'Quầy 1', admin = false) {
    if (admin) await this.page.getByTestId('enrol-role-admin').click();
    await this.page.getByTestId('enrol-center').fill(centerCode);
    await this.page.getByTestId('enrol-code').fill(enrolmentCode);
    await this.page.getByTestId('enrol-name').fill(deviceName);
    await this.page.getByTestId('enrol-submit').click();
  }

  async tapPin(pin: string) {
    for (const d of pin) await this.page.locator(`.pin-key[data-pin="${d}"]`).click();
  }

  async createFirstAdmin(name: string, pin: string) {
    await this.page.getByTestId('staff-name').fill(name);
    await this.tapPin(pin);
    await this.page.getByTestId('create-admin').click();
    await this.page.getByTestId('register-form').waitFor();
  }

  async signIn(name: string, pin: string) {
    await this.page.getByRole('button', { name }).click();
    await this.tapPin(pin);
    await this.page.getByTestId('sign-in-button').click();
    await this.page.getByTestId('register-form').waitFor();
  }

  async pickProcedure(query: string, code: string) {
    await this.page.getByTestId('procedure-search').fill(query);
    await this.page.locator(`.pick[data-code="${code}"]`).click();
    await this.page.getByTestId('chosen-procedure').waitFor();
  }

  /** A USB scanner types into whatever has the focus, very fast, then presses Enter. */
  async scanCard(qr: string, focusTestId = 'full-name') {
    await this.page.getByTestId(focusTestId).focus();
    await this.page.keyboard.type(qr, { delay: 2 });
    await this.page.keyboard.press('Enter');
  }

  async tickAllDocuments() {
    const boxes = this.page.locator('[data-testid="checklist"] input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).check();
  }

  async save(): Promise<string> {
    await this.page.getByTestId('save-file').click();
    const receipt = this.page.getByTestId('saved-receipt');
    await receipt.waitFor();
    this.lastLookupCode = (await receipt.getAttribute('data-lookup-code')) ?? '';
    return (await receipt.getAttribute('data-number')) ?? '';
  }

  async registerWalkIn(applicant: Applicant, procedure = { query: 'khai sinh', code: '1.001193' }): Promise<string> {
    await this.pickProcedure(procedure.query, procedure.code);
    await this.scanCard(applicant.cardQr);
    await this.page.getByTestId('register-notice').waitFor();
    if (applicant.phone) await this.page.getByTestId('phone').fill(applicant.phone);
    const number = await this.save();
    await this.page.getByTestId('register-next').click();
    await this.page.getByTestId('register-form').waitFor();
    return number;
  }

  async pendingCount(): Promise<number> {
    return Number(await this.page.getByTestId('sync-bar').getAttribute('data-pending'));
  }

  async link(): Promise<string | null> {
    return this.page.getByTestId('sync-bar').getAttribute('data-link');
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`) });
  }
}

/** A valid căn cước QR payload for the n-th test citizen (male, born in Hà Nội in 1990). */
export function testCardQr(n: number): string {
  const id = `00109${String(n).padStart(7, '0')}`; // 001 Hà Nội, 0 = man born 1900s, 90 = 1990
  return `${id}||Nguyễn Văn Thử ${n}|04051990|Nam|Thôn ${n}, xã Vĩnh Bảo, Hải Phòng|01072021`;
}
