/** Page models of pre-registration: the citizen's steps at the kiosk, and the clerk opening one at the counter. */
import type { Locator, Page } from 'playwright-core';
import { expectScreenshot } from '../support/screenshots.ts';
import { counterVaryingRegions } from './CounterPage.ts';
import { KioskPage } from './KioskPage.ts';

export class KioskPreregPage extends KioskPage {
  constructor(page: Page) {
    super(page);
  }

  get screen(): Locator {
    return this.page.getByTestId('prereg');
  }

  /**
   * The screen against its reference; the slip's code is drawn at random for every draft, so it is
   * masked: on the ticket its whole line, since the line is centred and moves with the code's width.
   */
  override async expectScreenshot(name: string, ...mask: Locator[]) {
    await super.expectScreenshot(name, this.page.getByTestId('prereg-code'), this.page.getByTestId('ticket-prereg').locator('p').first(), ...mask);
  }

  /** What the screen says about a scan it could not take. */
  async scanProblem(): Promise<string> {
    return (await this.page.getByTestId('prereg-scan-problem').textContent()) ?? '';
  }

  /** What the (hidden) scan field holds: empty after an idle reset. */
  async scanInputValue(): Promise<string> {
    return this.page.getByTestId('prereg-scan-input').inputValue();
  }

  /** Waits until the procedure step lists this procedure among its hits. */
  async waitForHit(code: string) {
    await this.page.locator(`.prereg-hit[data-code="${code}"]`).waitFor();
  }

  /** From a procedure page's "pre-register" button. */
  async startFromProcedurePage() {
    await this.page.getByTestId('detail-prereg').click();
    await this.waitForStep('who');
  }

  async waitForProcedurePageOffer() {
    await this.page.getByTestId('detail-prereg').waitFor();
  }

  /** Chooses the name field of the typed form (the touch keyboard then types into it). */
  async chooseNameField() {
    await this.page.getByTestId('prereg-name').click();
  }

  async nameValue(): Promise<string> {
    return this.page.getByTestId('prereg-name').inputValue();
  }

  /** The home screen offers a number once the kiosk holds its center's queue settings. */
  async waitForTakeNumberOffer() {
    await this.page.getByTestId('home-take-number').waitFor({ timeout: 20_000 });
  }

  /** The home screen after an idle reset (the kiosk's idle time, then the warning's countdown). */
  async waitForIdleReset() {
    await this.page.getByTestId('home').waitFor({ timeout: 30_000 });
  }

  /** The draft as IndexedDB keeps it (raw, no key): after sending, only its code and state are left. */
  async storedDraft(id: string): Promise<unknown> {
    return this.page.evaluate(
      (draftId) =>
        new Promise<unknown>((done) => {
          const open = indexedDB.open('motcua');
          open.onsuccess = () => {
            const get = open.result.transaction('preregDrafts', 'readonly').objectStore('preregDrafts').get(draftId);
            get.onsuccess = () => done(get.result);
          };
        }),
      id,
    );
  }

  /** How many drafts IndexedDB holds. */
  async storedDraftCount(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((done) => {
          const open = indexedDB.open('motcua');
          open.onsuccess = () => {
            const count = open.result.transaction('preregDrafts', 'readonly').objectStore('preregDrafts').count();
            count.onsuccess = () => done(count.result);
          };
        }),
    );
  }

  /** From the home screen's "pre-register" action. */
  async startFromHome() {
    await this.page.getByTestId('home-prereg').click();
    await this.waitForStep('who');
  }

  async step(): Promise<string | null> {
    return this.screen.getAttribute('data-step');
  }

  async waitForStep(step: string) {
    await this.page.locator(`[data-testid="prereg"][data-step="${step}"]`).waitFor();
  }

  /** The QR scanner is a keyboard wedge: the card's text arrives as typed keys, then Enter; no field needs the focus. */
  async scanCard(qr: string) {
    await this.page.keyboard.type(qr, { delay: 2 });
    await this.page.keyboard.press('Enter');
  }

  /** "No card? Type your details": the fields and the touch keyboard. */
  async openTypedForm() {
    await this.page.getByTestId('prereg-type').click();
    await this.page.getByTestId('prereg-name').waitFor();
  }

  /** Each field of the open typed form (the touch keyboard types into the one chosen; here filled), then next. */
  async typeDetails(details: { name: string; id: string; birth: string; sex: 'male' | 'female' }) {
    await this.page.getByTestId('prereg-name').fill(details.name);
    await this.page.getByTestId('prereg-id').fill(details.id);
    await this.page.getByTestId('prereg-birth').fill(details.birth);
    await this.page.locator(`.prereg-sex [data-sex="${details.sex}"]`).click();
    await this.page.getByTestId('prereg-typed-next').click();
  }

  /** Searches with the on-screen keyboard and picks the procedure. */
  async pickProcedure(query: string, code: string) {
    await this.waitForStep('procedure');
    await this.tapType(query);
    await this.page.locator(`.prereg-hit[data-code="${code}"]`).click();
    await this.waitForStep('documents');
  }

  /** Ticks the n first documents of the checklist; answers their names. */
  async tickDocuments(n: number): Promise<string[]> {
    const docs = this.page.locator('[data-testid="prereg-docs"] label');
    const names: string[] = [];
    for (let i = 0; i < n; i += 1) {
      await docs.nth(i).locator('input').check();
      names.push((await docs.nth(i).locator('span').first().textContent()) ?? '');
    }
    return names;
  }

  async documentsNext() {
    await this.page.getByTestId('prereg-documents-next').click();
    await this.waitForStep('confirm');
  }

  async summary(): Promise<string> {
    return (await this.page.getByTestId('prereg-summary').textContent()) ?? '';
  }

  /** Confirms; answers the code and the draft's id shown on "your number". */
  async confirm(): Promise<{ code: string; draftId: string }> {
    await this.page.getByTestId('prereg-confirm').click();
    await this.waitForStep('done');
    return { code: (await this.page.getByTestId('prereg-code').textContent()) ?? '', draftId: (await this.page.getByTestId('prereg-done').getAttribute('data-draft-id')) ?? '' };
  }

  /** The queue number taken with the draft, shown (and printed) with the draft's code and whether it reached the counter. */
  async ticketShown(): Promise<{ number: string; code: string }> {
    await this.page.getByTestId('ticket-overlay').waitFor();
    await this.page.getByTestId('ticket-prereg').waitFor();
    return { number: (await this.page.getByTestId('overlay-number').textContent()) ?? '', code: (await this.page.getByTestId('ticket-prereg-code').textContent()) ?? '' };
  }

  async ticketLinkState(): Promise<string | null> {
    return this.page.getByTestId('ticket-prereg-link').getAttribute('data-state');
  }

  /** "Done" on the ticket: the next person finds the kiosk at home. */
  async dismissTicket() {
    await this.page.getByTestId('ticket-done').click();
    await this.page.getByTestId('home').waitFor();
  }

  /** Whether the draft has reached the server ('sent') or waits ('pending'). */
  async draftLinkState(): Promise<string | null> {
    return this.page.getByTestId('prereg-link').getAttribute('data-state');
  }

  async linkText(): Promise<string> {
    return (await this.page.getByTestId('prereg-link').textContent()) ?? '';
  }

  /** Everything the screen shows (to check that nothing personal is left). */
  async visibleText(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  async finish() {
    await this.page.getByTestId('prereg-finish').click();
    await this.page.getByTestId('home').waitFor();
  }
}

export class CounterPreregPage {
  constructor(readonly page: Page) {}

  /** "Open a pre-registration", the code from the citizen's slip, then the form opens filled. */
  async openByCode(code: string) {
    await this.page.getByTestId('nav-prereg').click();
    await this.page.getByTestId('prereg-open-code').fill(code);
    await this.page.getByTestId('prereg-open-submit').click();
  }

  /** The called number came with a pre-registration: the calling bar's "open" action. */
  async openCalled() {
    await this.page.getByTestId('call-open-prereg').click();
  }

  async waitForFilledForm() {
    await this.page.getByTestId('register-form').waitFor();
    await this.page.getByTestId('register-notice').waitFor();
  }

  /** Khai sinh has no usable time in the catalog: the clerk picks the first working day offered. */
  async pickFirstDueDate() {
    await this.page.locator('[data-testid="due-date-grid"] [data-date]:not([disabled])').first().click();
  }

  async problem(): Promise<string> {
    const alert = this.page.getByTestId('prereg-open-problem');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  /** The form opened from a draft against its reference; the notice names the draft's random code, so it is masked. */
  async expectFilledFormScreenshot(name: string) {
    await expectScreenshot(this.page, name, { mask: [...counterVaryingRegions(this.page), this.page.getByTestId('register-notice')] });
  }

  async notice(): Promise<string> {
    return (await this.page.getByTestId('register-notice').textContent()) ?? '';
  }

  /** What the form holds: the citizen's fields, the chosen procedure, the documents ticked as received. */
  async form(): Promise<{ name: string; id: string; birth: string; address: string; procedure: string; received: string[] }> {
    const received = await this.page.locator('[data-testid="checklist"] li').evaluateAll((items) =>
      items.filter((li) => li.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).map((li) => li.querySelector('label span')?.textContent ?? ''),
    );
    return {
      name: await this.page.getByTestId('full-name').inputValue(),
      id: await this.page.getByTestId('id-number').inputValue(),
      birth: await this.page.getByTestId('birth-date').inputValue(),
      address: await this.page.getByTestId('address').inputValue(),
      procedure: (await this.page.getByTestId('chosen-procedure').textContent()) ?? '',
      received,
    };
  }
}
