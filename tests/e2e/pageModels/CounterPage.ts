/** Page model of the counter: what staff do, in the words of the screen. */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_CENTER } from '../../../shared/demo/demoCenter.ts';
import { expectScreenshot } from '../support/screenshots.ts';

export interface Applicant {
  /** The căn cước QR payload, typed by the "scanner" as a fast burst ending in Enter. */
  cardQr: string;
  phone?: string;
}

/** The applicant's fields on the registration form, by their test ids. */
export type CitizenField = 'full-name' | 'id-number' | 'birth-date' | 'phone' | 'address';

/** A line of the receipt and appointment slip. */
export type ReceiptLine = 'due' | 'time' | 'where' | 'fee';

/**
 * What differs on a counter screen from one run to the next besides times of day (support/screenshots.ts
 * masks those): the receipt's random lookup code and the QR code that carries it, the idle warning's
 * countdown, the camera's picture and the test server's port.
 */
export function counterVaryingRegions(page: Page): Locator[] {
  return [
    page.locator('.receipt-code'),
    page.locator('.receipt-qr img'),
    page.locator('[data-testid="idle-sign-out-warning"] p'),
    page.locator('[data-testid="camera-scanner"] video'),
    page.getByTestId('enrol-server'),
  ];
}

/**
 * Waits until no sync round is running ("Gửi ngay" rather than "Đang gửi…" in the status bar): the
 * engine syncs by itself every so often, and a picture must not depend on catching one.
 */
export async function waitForSyncRoundEnd(page: Page) {
  await page.waitForFunction(() => !(document.querySelector('[data-testid="sync-now"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 20_000 });
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
    await this.waitUntilShown();
  }

  async waitUntilShown() {
    await this.page.getByTestId('counter').waitFor();
  }

  /** Opens the counter where it cannot start (no OS keystore in the shell): the reason it gives. */
  async openExpectingKeyProblem(url: string): Promise<string> {
    await this.page.goto(`${url}#/counter`);
    const problem = this.page.getByTestId('key-unavailable');
    await problem.waitFor();
    return (await problem.textContent()) ?? '';
  }

  /** The PC restarts: the page reloads and waits for the sign-in screen. */
  async restart() {
    await this.page.reload();
    await this.waitForSignIn();
  }

  /** Enrols this counter; `admin`: as the center admin's device (the admin enrolment code), which sees the server's figures. */
  async enrol(centerCode: string = DEMO_CENTER.code, enrolmentCode: string = DEMO_CENTER.enrolmentCode, deviceName = 'Quầy 1', admin = false, location?: string) {
    if (admin) await this.page.getByTestId('enrol-role-admin').click();
    if (location) await this.page.getByTestId('enrol-location').fill(location);
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

  /** How many sign-in tiles show this name (0 once the person is disabled). */
  staffTiles(name: string): Promise<number> {
    return this.page.locator(`.staff-tile[data-staff="${name}"]`).count();
  }

  /** Types a PIN on the keyboard's number keys (the focus away from any text field) and presses Enter. */
  async typePin(pin: string) {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
  }

  /** "Đăng nhập" on the sign-in screen, with whatever PIN is on the pad. */
  async pressSignIn() {
    await this.page.getByTestId('sign-in-button').click();
  }

  /** Signs in; the counter then shows the screen in its address (the registration form unless a reload kept another). */
  async signIn(name: string, pin: string) {
    await this.chooseStaff(name);
    await this.tapPin(pin);
    await this.pressSignIn();
    await this.page.getByTestId('sign-out').waitFor();
  }

  /** The counter's screen address (#/counter/worklist, ...). */
  address(): Promise<string> {
    return this.page.evaluate(() => window.location.hash);
  }

  /** Signs in again after an idle sign-out: the counter comes back to the screen it was left on. */
  async signInAgain(name: string, pin: string) {
    await this.chooseStaff(name);
    await this.tapPin(pin);
    await this.pressSignIn();
    await this.page.getByTestId('sign-out').waitFor();
  }

  /** What the sign-in screen says went wrong ("Mã PIN không đúng. Còn 4 lần thử."). */
  async signInProblem(): Promise<string> {
    return (await this.page.getByTestId('sign-in-problem').textContent()) ?? '';
  }

  async signOut() {
    await this.page.getByTestId('sign-out').click();
    await this.waitForSignIn();
  }

  async waitForSignIn(timeout = 15_000) {
    await this.page.getByTestId('sign-in').waitFor({ timeout });
  }

  // Navigation in the header.
  async openRegister() {
    await this.page.getByTestId('nav-register').click();
    await this.page.getByTestId('register-form').waitFor();
  }
  async openOutbox() {
    await this.page.getByTestId('nav-outbox').click();
    await this.page.getByTestId('outbox').waitFor();
  }
  async openStaff() {
    await this.page.getByTestId('nav-staff').click();
    await this.page.getByTestId('new-staff-name').waitFor();
  }
  /** Whether the header offers the staff admin screen (admins only). */
  async offersStaffScreen(): Promise<boolean> {
    return (await this.page.getByTestId('nav-staff').count()) > 0;
  }

  // The staff admin screen.
  /** Adds a colleague; `byKeyboard`: the PIN typed on the number keys and submitted with Enter. */
  async addStaff(name: string, pin: string, options: { detail?: string; byKeyboard?: boolean } = {}) {
    await this.page.getByTestId('new-staff-name').fill(name);
    if (options.detail !== undefined) await this.page.getByTestId('new-staff-detail').fill(options.detail);
    if (options.byKeyboard) {
      await this.typePin(pin);
      return;
    }
    await this.tapPin(pin);
    await this.page.getByTestId('add-staff').click();
  }
  async addStaffMessage(): Promise<string> {
    return (await this.page.getByTestId('add-staff-message').textContent()) ?? '';
  }
  async staffListMessage(): Promise<string> {
    return (await this.page.getByTestId('staff-list-message').textContent()) ?? '';
  }
  /** The staff admin's row for a person, by the label it shows. */
  staffRow(name: string) {
    return this.page.locator(`.staff-row[data-staff="${name}"]`);
  }
  async resetPin(name: string, pin: string) {
    await this.staffRow(name).locator('[data-action="reset-pin"]').click();
    await this.tapPin(pin);
    await this.page.getByTestId('save-new-pin').click();
  }
  /** "Tắt" / "Bật" on a person's row. */
  async toggleStaff(name: string) {
    await this.staffRow(name).locator('[data-action="toggle"]').click();
  }
  async staffActive(name: string): Promise<string | null> {
    return this.staffRow(name).getAttribute('data-active');
  }

  // The registration form.
  async pickProcedure(query: string, code: string) {
    await this.page.getByTestId('procedure-search').fill(query);
    await this.page.locator(`.pick[data-code="${code}"]`).click();
    await this.page.getByTestId('chosen-procedure').waitFor();
  }

  /** Words typed into the procedure search, without picking anything. */
  async searchProcedures(words: string) {
    await this.page.getByTestId('procedure-search').fill(words);
  }

  /** A USB scanner types into whatever has the focus, very fast, then presses Enter. */
  async scanCard(qr: string, focusTestId: CitizenField = 'full-name') {
    await this.page.getByTestId(focusTestId).focus();
    await this.page.keyboard.type(qr, { delay: 2 });
    await this.page.keyboard.press('Enter');
  }

  /** A scanned card fills the form: the notice above it says so (or why it did not). */
  async scanCardAndWait(qr: string, focusTestId: CitizenField = 'full-name') {
    await this.scanCard(qr, focusTestId);
    await this.waitForNotice();
  }

  async waitForNotice() {
    await this.page.getByTestId('register-notice').waitFor();
  }

  /** The notice above the form (what a scan filled, what is wrong, a restored draft). */
  async notice(): Promise<string> {
    return (await this.page.getByTestId('register-notice').textContent()) ?? '';
  }

  async fieldValue(field: CitizenField): Promise<string> {
    return this.page.getByTestId(field).inputValue();
  }

  async fill(field: CitizenField, value: string) {
    await this.page.getByTestId(field).fill(value);
  }

  /** Types into a field key by key after emptying it (the date field puts its slashes in by itself). */
  async typeInto(field: CitizenField | 'due-date', text: string) {
    await this.page.getByTestId(field).fill('');
    await this.page.keyboard.type(text);
  }

  /** Text arriving in one piece with no Enter (an on-screen keyboard or a helper app typing it). */
  async insertText(field: CitizenField, text: string) {
    await this.page.getByTestId(field).fill('');
    await this.page.getByTestId(field).focus();
    await this.page.keyboard.insertText(text);
  }

  /** How many fields are marked invalid. */
  invalidFields(): Promise<number> {
    return this.page.locator('[aria-invalid="true"]').count();
  }

  /** The colours of a wrong field's message, border and label (they must all be the error red). */
  async errorColours(field: 'fullName'): Promise<{ message: string; border: string; label: string }> {
    return this.page.evaluate((f) => {
      const style = (selector: string, prop: 'color' | 'borderColor') => getComputedStyle(document.querySelector(selector)!)[prop];
      return { message: style(`[data-error-for="${f}"]`, 'color'), border: style('[data-testid="full-name"]', 'borderColor'), label: style('.field.invalid > span', 'color') };
    }, field);
  }

  async tickAllDocuments() {
    const boxes = this.page.locator('[data-testid="checklist"] input[type="checkbox"]');
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).check();
  }

  /** Ticks the first `n` required documents. */
  async tickRequired(n: number) {
    const required = this.page.locator('[data-testid="checklist-required"] input[type="checkbox"]');
    for (let i = 0; i < n; i += 1) await required.nth(i).check();
  }

  /** How many documents the checklist lists as required and as "only if it applies". */
  async checklistCounts(): Promise<{ required: number; conditional: number }> {
    return {
      required: await this.page.locator('[data-testid="checklist-required"] li').count(),
      conditional: await this.page.locator('[data-testid="checklist-conditional"] li').count(),
    };
  }

  /** "còn thiếu 3" / "đủ giấy tờ". */
  async missingCount(): Promise<string> {
    return (await this.page.getByTestId('missing-count').textContent()) ?? '';
  }

  /** "Lưu hồ sơ" when the form is not ready: the counter answers with messages or a question, not a receipt. */
  async trySave() {
    await this.page.getByTestId('save-file').click();
  }

  async save(): Promise<string> {
    await this.trySave();
    return this.savedNumber();
  }

  private async savedNumber(): Promise<string> {
    const receipt = this.page.getByTestId('saved-receipt');
    await receipt.waitFor();
    this.lastLookupCode = (await receipt.getAttribute('data-lookup-code')) ?? '';
    return (await receipt.getAttribute('data-number')) ?? '';
  }

  /** Save with nothing ticked: the counter asks first. */
  async saveAskingAboutDocuments() {
    await this.trySave();
    await this.page.getByTestId('confirm-no-documents').waitFor();
  }

  /** "Quay lại" on the question: back to the form, nothing saved. */
  async backFromNoDocuments() {
    await this.page.getByTestId('confirm-no-documents-back').click();
    await this.page.getByTestId('confirm-no-documents').waitFor({ state: 'detached' });
  }

  /** Save with nothing ticked: the counter asks first, and staff confirm. */
  async saveWithoutDocuments(): Promise<string> {
    await this.saveAskingAboutDocuments();
    await this.page.getByTestId('confirm-no-documents-save').click();
    return this.savedNumber();
  }

  /** "Tiếp nhận hồ sơ mới" after a save: an empty form. */
  async nextFile() {
    await this.page.getByTestId('register-next').click();
    await this.page.getByTestId('register-form').waitFor();
  }

  /** Pastes `text` into a field with Ctrl+V through the real clipboard. */
  async paste(field: CitizenField, text: string) {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.getByTestId(field).focus();
    await this.page.keyboard.press('Control+V');
  }

  // The due date when the catalog gives no time.
  /** Whether the form asks staff for the due date (the catalog and the center give no time). */
  async asksForDueDate(): Promise<boolean> {
    return (await this.page.getByTestId('due-entry').count()) > 0;
  }
  async waitForDueEntry() {
    await this.page.getByTestId('due-entry').waitFor();
  }
  /** Whether the form shows a due date it computed itself. */
  async showsComputedDue(): Promise<boolean> {
    return (await this.page.getByTestId('due-computed').count()) > 0;
  }

  /** A day on the due-date grid, paging forward month by month until it is shown. */
  async dueDay(isoDate: string) {
    const day = this.page.locator(`[data-testid="due-date-grid"] [data-date="${isoDate}"]`);
    for (let i = 0; i < 13 && (await day.count()) === 0; i += 1) await this.page.getByTestId('due-date-next').click();
    return day;
  }

  /** Whether a day of the grid cannot be tapped (the reception day, rest days, holidays). */
  async dueDayDisabled(isoDate: string): Promise<boolean> {
    return (await this.dueDay(isoDate)).isDisabled();
  }

  async pickDueDate(isoDate: string) {
    await (await this.dueDay(isoDate)).click();
  }

  /** The first day of the grid staff may choose. */
  async firstChoosableDueDay(): Promise<string> {
    return (await this.page.locator('[data-testid="due-date-grid"] [data-date]:not([disabled])').first().getAttribute('data-date')) ?? '';
  }

  async dueDateValue(): Promise<string> {
    return this.page.getByTestId('due-date').inputValue();
  }

  // The receipt after a save.
  receipt(): Locator {
    return this.page.getByTestId('receipt');
  }

  async receiptLine(line: ReceiptLine): Promise<string> {
    return (await this.page.getByTestId(`receipt-${line}`).textContent()) ?? '';
  }

  /** The receipt's QR code, once drawn. */
  async waitForReceiptQr() {
    await this.receipt().locator('img').waitFor();
  }

  /** A5, A4 or the 80 mm roll, in the receipt's paper choice. */
  async choosePaper(paper: 'A5' | 'A4' | 'roll80') {
    await this.page.locator(`[data-paper="${paper}"]`).click();
    await this.page.locator(`[data-testid="receipt"].paper-${paper}`).waitFor();
  }

  /** "In giấy tiếp nhận": in the shell, the receipt goes to the printer without a dialog. */
  async printReceipt() {
    await this.page.getByTestId('print-receipt').click();
    await this.page.getByText('Đã gửi lệnh in.').waitFor();
  }

  /** "In giấy tiếp nhận" where it cannot print (no printer): what the counter says instead. */
  async printReceiptExpectingProblem(): Promise<string> {
    await this.page.getByTestId('print-receipt').click();
    const result = this.page.getByTestId('print-result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  /** "Lưu PDF", offered when the receipt could not be printed: where the counter says the file went. */
  async saveReceiptAsPdf(): Promise<string> {
    await this.page.getByTestId('save-pdf').click();
    const result = this.page.getByTestId('pdf-result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  /** The receipt on its own, photographed whole in a tall window (the header would cover a scrolled one). */
  async expectReceiptScreenshot(name: string) {
    const viewport = this.page.viewportSize() ?? { width: 1366, height: 768 };
    await this.page.setViewportSize({ width: viewport.width, height: 1600 });
    await expectScreenshot(this.receipt(), name, { mask: counterVaryingRegions(this.page) });
    await this.page.setViewportSize(viewport);
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

  /** How many searches this device keeps to send (kiosks record them; a counter never should). */
  async searchSessionsOnDevice(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('searchSessions', 'readonly').objectStore('searchSessions').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
  }

  /** The message next to a field, or null when it has none. */
  async errorFor(field: string): Promise<string | null> {
    const message = this.page.locator(`[data-error-for="${field}"]`);
    return (await message.count()) === 0 ? null : message.textContent();
  }

  /** Waits until the field shows a message. */
  async waitForError(field: string) {
    await this.page.locator(`[data-error-for="${field}"]`).waitFor();
  }

  /** The test id of the element that has the focus. */
  async focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }

  async registerWalkIn(applicant: Applicant, procedure = { query: 'khai sinh', code: '1.001193' }): Promise<string> {
    await this.pickProcedure(procedure.query, procedure.code);
    await this.scanCardAndWait(applicant.cardQr);
    if (applicant.phone) await this.fill('phone', applicant.phone);
    await this.tickAllDocuments();
    const number = await this.save();
    await this.nextFile();
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

  /** In the scan viewer: how many scans are marked uploaded. */
  uploadedScansShown(): Promise<number> {
    return this.page.getByTestId('scan-viewer').locator('li[data-upload="uploaded"]').count();
  }

  /** In the scan viewer: opens the first scan and gives the shown image's width in pixels. */
  async openFirstScan(): Promise<void> {
    await this.page.getByTestId('scan-viewer').locator('li').first().getByRole('button').click();
  }

  async shownScanWidth(): Promise<number> {
    return this.page.getByTestId('scan-image').evaluate((img) => (img as HTMLImageElement).naturalWidth);
  }

  /** The outbox's count of scans waiting to upload. */
  async outboxScansPending(): Promise<string | null> {
    return this.page.getByTestId('scan-uploads').getAttribute('data-pending');
  }

  async scansWaiting(): Promise<number> {
    return Number(await this.page.getByTestId('sync-bar').getAttribute('data-scans-pending'));
  }

  async pendingCount(): Promise<number> {
    return Number(await this.page.getByTestId('sync-bar').getAttribute('data-pending'));
  }

  /** "N hồ sơ chờ gửi" in the status bar. */
  async waitingText(): Promise<string> {
    return (await this.page.getByTestId('waiting-count').textContent()) ?? '';
  }

  /** Whether the queue's calling bar (or, for an admin of a center without a queue, its set-up line) is on screen. */
  async callingBarShown(): Promise<boolean> {
    return (await this.page.getByTestId('calling-bar').count()) > 0;
  }

  async link(): Promise<string | null> {
    return this.page.getByTestId('sync-bar').getAttribute('data-link');
  }

  /** "Gửi ngay" in the status bar. */
  async syncNow() {
    await this.page.getByTestId('sync-now').click();
  }

  // The outbox.
  outboxEntry(number: string, state?: 'pending' | 'sent' | 'rejected' | 'cancelled'): Locator {
    return this.page.locator(`[data-testid="outbox"] tr[data-number="${number}"]${state ? `[data-state="${state}"]` : ''}`);
  }

  async waitForOutboxEntry(number: string, state: 'pending' | 'sent' | 'rejected' | 'cancelled', timeout = 30_000) {
    await this.outboxEntry(number, state).waitFor({ timeout });
  }

  /** Waits until the outbox lists some entry still waiting. */
  async waitForPendingEntries() {
    await this.page.locator('[data-testid="outbox"] tr[data-state="pending"]').first().waitFor();
  }

  async outboxReason(number: string, state: 'pending' | 'rejected'): Promise<{ code: string | null; text: string }> {
    const reason = this.outboxEntry(number, state).getByTestId('outbox-reason');
    return { code: await reason.getAttribute('data-code'), text: (await reason.textContent()) ?? '' };
  }

  async outboxWords(number: string, state: 'pending' | 'sent' | 'rejected' | 'cancelled'): Promise<string> {
    return (await this.outboxEntry(number, state).getByTestId('outbox-words').textContent()) ?? '';
  }

  async outboxText(): Promise<string> {
    return (await this.page.getByTestId('outbox').textContent()) ?? '';
  }

  /** "Gửi ngay" on the outbox screen. */
  async syncNowFromOutbox() {
    await this.page.getByTestId('outbox-sync-now').click();
  }

  /** Staff read a refusal and set the change aside ("Đã hiểu, bỏ qua"). */
  async acknowledgeRefusal(number: string) {
    await this.outboxEntry(number, 'rejected').getByTestId('outbox-acknowledge').click();
    await this.waitForOutboxEntry(number, 'cancelled');
  }

  // Idle sign-out.
  async waitForIdleWarning() {
    await this.page.getByTestId('idle-sign-out-warning').waitFor({ timeout: 15_000 });
  }
  async stayAfterIdleWarning() {
    await this.page.getByTestId('idle-stay').click();
    await this.page.getByTestId('idle-sign-out-warning').waitFor({ state: 'detached' });
  }
  async formShown(): Promise<boolean> {
    return this.page.getByTestId('register-form').isVisible();
  }
  /** How many applicant name fields are on screen (none once signed out). */
  nameFields(): Promise<number> {
    return this.page.getByTestId('full-name').count();
  }

  /** How far right the page, the counter and its header reach (a portrait screen must hold them all). */
  async widths(): Promise<{ pageWidth: number; counterWidth: number; widestHeaderItem: number }> {
    return this.page.evaluate(() => {
      const right = (el: Element) => el.getBoundingClientRect().right;
      return {
        pageWidth: document.documentElement.scrollWidth,
        counterWidth: document.querySelector('[data-testid="counter"]')!.scrollWidth,
        widestHeaderItem: Math.max(...[...document.querySelectorAll('.counter-header button, .counter-header h1')].map(right)),
      };
    });
  }

  // The camera.
  /** "Quét bằng camera": the scanner opens and shows the camera's picture (its size sets the dialog's). */
  async openCamera() {
    await this.page.getByTestId('open-camera').click();
    await this.page.getByTestId('camera-scanner').waitFor();
    await this.page.waitForFunction(() => {
      const video = document.querySelector('[data-testid="camera-scanner"] video') as HTMLVideoElement | null;
      return video !== null && video.readyState >= 2 && video.videoWidth > 0;
    });
  }
  async waitForCameraClosed() {
    await this.page.getByTestId('camera-scanner').waitFor({ state: 'detached', timeout: 20_000 });
  }

  // App updates.
  async waitForUpdateOffer() {
    await this.page.getByTestId('update-ready').waitFor({ timeout: 20_000 });
  }
  async updateButtonDisabled(): Promise<boolean> {
    return this.page.getByTestId('apply-update').isDisabled();
  }
  async applyUpdate() {
    await this.page.getByTestId('apply-update').click();
  }

  /** The whole counter window against its committed reference; `mask`: more regions that vary on this screen. */
  async expectScreenshot(name: string, ...mask: Locator[]) {
    await waitForSyncRoundEnd(this.page);
    await expectScreenshot(this.page, name, { mask: [...counterVaryingRegions(this.page), ...mask] });
  }

  /** The window while a sync round is held up on purpose (a slow link): the round's state is part of the picture. */
  async expectScreenshotWhileSyncing(name: string) {
    await expectScreenshot(this.page, name, { mask: counterVaryingRegions(this.page) });
  }
}

/** A valid căn cước QR payload for the n-th test citizen (male, born in Hà Nội in 1990). */
export function testCardQr(n: number): string {
  const id = `00109${String(n).padStart(7, '0')}`; // 001 Hà Nội, 0 = man born 1900s, 90 = 1990
  return `${id}||Nguyễn Văn Thử ${n}|04051990|Nam|Thôn ${n}, xã Vĩnh Bảo, Hải Phòng|01072021`;
}
