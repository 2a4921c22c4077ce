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

  /**
   * A new counter in `context`: opened (with `search`, e.g. "?counterIdle=6"), enrolled with the demo
   * center (`adminDevice`: as the center admin's device, with the admin code), first admin signed in.
   */
  static async enrolled(context: BrowserContext, url: string, admin = { name: 'Nguyễn Thị Lan', pin: '2468' }, search = '', adminDevice = false): Promise<CounterPage> {
    const counter = new CounterPage(await context.newPage());
    await counter.open(url, search);
    if (adminDevice) await counter.enrol(DEMO_CENTER.code, DEMO_CENTER.adminEnrolmentCode, 'Quầy 1', true);
    else await counter.enrol();
    await counter.createFirstAdmin(admin.name, admin.pin);
    return counter;
  }

  async open(url: string, search = '') {
    await this.page.goto(`${url}${search}#/counter`);
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

  /** `name` as the sign-in tile shows it, with the distinguishing detail if any: "Phạm Văn Minh (sinh 1990)". */
  async chooseStaff(name: string) {
    await this.page.locator(`.staff-tile[data-staff="${name}"]`).click();
  }

  /** Types a PIN on the keyboard's number keys (the focus away from any text field) and presses Enter. */
  async typePin(pin: string) {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
  }

  async signIn(name: string, pin: string) {
    await this.chooseStaff(name);
    await this.tapPin(pin);
    await this.page.getByTestId('sign-in-button').click();
    await this.page.getByTestId('register-form').waitFor();
  }

  /** The staff admin's row for a person, by the label it shows. */
  staffRow(name: string) {
    return this.page.locator(`.staff-row[data-staff="${name}"]`);
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

  /** Save with nothing ticked: the counter asks first, and staff confirm. */
  async saveWithoutDocuments(): Promise<string> {
    await this.page.getByTestId('save-file').click();
    await this.page.getByTestId('confirm-no-documents-save').click();
    const receipt = this.page.getByTestId('saved-receipt');
    await receipt.waitFor();
    return (await receipt.getAttribute('data-number')) ?? '';
  }

  /** Pastes `text` into a field with Ctrl+V through the real clipboard. */
  async paste(testId: string, text: string) {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.getByTestId(testId).focus();
    await this.page.keyboard.press('Control+V');
  }

  /** A day on the due-date grid, paging forward month by month until it is shown. */
  async dueDay(isoDate: string) {
    const day = this.page.locator(`[data-testid="due-date-grid"] [data-date="${isoDate}"]`);
    for (let i = 0; i < 13 && (await day.count()) === 0; i += 1) await this.page.getByTestId('due-date-next').click();
    return day;
  }

  async pickDueDate(isoDate: string) {
    await (await this.dueDay(isoDate)).click();
  }

  /** The id of a saved file, read from this device's IndexedDB by its number. */
  async fileIdOf(number: string): Promise<string> {
    return this.page.evaluate(
      (n) =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('files').objectStore('files').index('number').get(n);
            get.onsuccess = () => (get.result ? resolve((get.result as { id: string }).id) : reject(new Error(`no file ${n}`)));
            get.onerror = () => reject(get.error);
          };
        }),
      number,
    );
  }

  /** The message next to a field, or null when it has none. */
  async errorFor(field: string): Promise<string | null> {
    const message = this.page.locator(`[data-error-for="${field}"]`);
    return (await message.count()) === 0 ? null : message.textContent();
  }

  /** The test id of the element that has the focus. */
  async focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }

  async registerWalkIn(applicant: Applicant, procedure = { query: 'khai sinh', code: '1.001193' }): Promise<string> {
    await this.pickProcedure(procedure.query, procedure.code);
    await this.scanCard(applicant.cardQr);
    await this.page.getByTestId('register-notice').waitFor();
    if (applicant.phone) await this.page.getByTestId('phone').fill(applicant.phone);
    await this.tickAllDocuments();
    const number = await this.save();
    await this.page.getByTestId('register-next').click();
    await this.page.getByTestId('register-form').waitFor();
    return number;
  }

  /** Picks files in the scans field (as the OS file dialog would) and waits until they are prepared. */
  async attachScans(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.getByTestId('attachments').setInputFiles(files);
    await this.page.getByTestId('scan-preparing').waitFor({ state: 'detached', timeout: 60_000 });
    await this.page.waitForFunction(() => !(document.querySelector('[data-testid="attachments"]') as HTMLInputElement | null)?.disabled);
  }

  /** The scans listed on the form: id, size and type as they will be stored. */
  async formScans(): Promise<{ id: string; size: number; type: string; text: string }[]> {
    return this.page.locator('[data-testid="scan-list"] li').evaluateAll((items) =>
      items.map((li) => ({
        id: li.getAttribute('data-scan-id') ?? '',
        size: Number(li.getAttribute('data-size')),
        type: li.getAttribute('data-type') ?? '',
        text: li.textContent ?? '',
      })),
    );
  }

  /** The messages shown next to the scans field. */
  async scanProblems(): Promise<string[]> {
    return this.page.locator('[data-error-for="attachments"] li').allTextContents();
  }

  /** Opens the worklist and the scans of one file, as staff would. */
  async openScansOf(number: string) {
    await this.page.getByTestId('nav-worklist').click();
    // A file's scans open from its detail: lists never load them.
    await this.page.locator(`.work-row[data-number="${number}"] [data-testid="open-file"]`).click();
    await this.page.getByTestId('file-detail').waitFor();
    await this.page.getByTestId('open-scans').click();
    await this.page.getByTestId('scan-viewer').waitFor();
  }

  async scansWaiting(): Promise<number> {
    return Number(await this.page.getByTestId('sync-bar').getAttribute('data-scans-pending'));
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
