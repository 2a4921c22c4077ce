/**
 * Pre-registration end to end in Chromium with a real server, a kiosk and a counter on separate
 * pages: a citizen scans the căn cước QR at the kiosk (the scanner types it), picks khai sinh on
 * the touch keyboard, ticks what they brought and confirms; the kiosk then shows only a code. The
 * counter opens the draft by that code: the form is filled as declared, and nothing is filed until
 * the clerk saves. A second visit while the kiosk is offline: the draft waits sealed on the kiosk,
 * the screen says the clerk will ask if it has not arrived, and it leaves once the link is back.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import { CounterPage } from './pageModels/CounterPage.ts';
import { KioskSettingsPage } from './pageModels/KioskSettingsPage.ts';
import { CounterPreregPage, KioskPreregPage } from './pageModels/PreregPage.ts';
import { CallingBarPage } from './pageModels/QueuePages.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { queueSettingsSchema } from '../../shared/queue/queueSettings.ts';
import demoSettings from '../../shared/queue/demoQueueSettings.json';
import { installFakeBridge } from './support/fakeBridge.ts';
import { useBrowserAndServer } from './support/harness.ts';
import { testNow } from './support/testClock.ts';

const harness = useBrowserAndServer({ server: { catalogPath: join(sharedDataDir(), COMMUNE_CATALOG) } });
const BIRTH = '1.001193';
/** A woman born in Sơn La in 1992 (014, 1 = woman of the 1900s, 92), as her card's QR holds it. */
const CARD = '014192000123||Lò Thị Mai|09081992|Nữ|Bản Mòng, xã Chiềng Cơi, tỉnh Sơn La|01012022';
const contextOptions = { viewport: { width: 1366, height: 768 } } as const;

const storedDrafts = async () => {
  const counted = await harness.server.store.countDrafts();
  if (!counted.ok) throw new Error(counted.error.reason);
  return counted.value;
};

async function enrolledKiosk(): Promise<KioskPreregPage> {
  const context = await harness.newContext(contextOptions);
  await installFakeBridge(context, { adminPin: '2580' });
  const kiosk = new KioskPreregPage(await context.newPage());
  await kiosk.open(harness.server.url);
  const settings = new KioskSettingsPage(kiosk.page);
  await settings.open('2580');
  await settings.fillEnrolment(DEMO_CENTER.code, DEMO_CENTER.enrolmentCode, 'Ki-ốt sảnh');
  await settings.submitEnrolment();
  await settings.close();
  return kiosk;
}

describe('pre-registration at the kiosk', () => {
  it('a scanned card, a procedure and the documents brought reach the counter, which opens them filled and files only on save', async () => {
    const kiosk = await enrolledKiosk();
    await kiosk.startFromHome();
    await kiosk.expectScreenshot('prereg-who');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);

    // A scan that is not a card, or a card read only in part, is refused with words, and nothing moves on.
    await kiosk.scanCard('https://dichvucong.gov.vn/p/home');
    expect(await kiosk.scanProblem()).toContain('không phải mã QR của thẻ căn cước');
    await kiosk.scanCard(CARD.split('|').slice(0, 4).join('|'));
    await expect.poll(() => kiosk.scanProblem()).toContain('đọc chưa đủ');
    await kiosk.expectScreenshot('prereg-scan-refused');
    expect(await kiosk.step()).toBe('who');

    await kiosk.scanCard(CARD);
    await kiosk.waitForStep('procedure');
    await kiosk.tapType('khai sinh');
    await kiosk.waitForHit(BIRTH);
    await kiosk.expectScreenshot('prereg-procedure');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.pickProcedure('', BIRTH);

    const ticked = await kiosk.tickDocuments(2);
    expect(ticked.every((name) => name.length > 0)).toBe(true);
    await kiosk.expectScreenshot('prereg-documents');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    await kiosk.page.setViewportSize({ width: 1080, height: 1920 });
    await kiosk.expectScreenshot('prereg-documents-portrait');
    await kiosk.page.setViewportSize(contextOptions.viewport);
    await kiosk.documentsNext();

    const summary = await kiosk.summary();
    expect(summary).toContain('Lò Thị Mai');
    expect(summary).toContain('•••• •••• 0123');
    expect(summary).not.toContain('014192000123');
    await kiosk.expectScreenshot('prereg-confirm');
    expect(await kiosk.accessibilityViolations()).toEqual([]);

    const before = await storedDrafts();
    const { code, draftId } = await kiosk.confirm();
    expect(code).toMatch(/^[A-Z0-9]{1,6}-[23456789ACEHKMNPRTXY]{4}$/);
    await expect.poll(() => kiosk.draftLinkState(), { timeout: 20_000 }).toBe('sent');
    expect(await storedDrafts()).toBe(before + 1);
    // "Your number" shows nothing personal: no name, no ID digits, no address.
    const shown = await kiosk.visibleText();
    for (const secret of ['Lò Thị Mai', '0123', 'Chiềng Cơi', '09/08/1992']) expect(shown).not.toContain(secret);
    await kiosk.expectScreenshot('prereg-done');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    await kiosk.page.setViewportSize({ width: 1080, height: 1920 });
    await kiosk.expectScreenshot('prereg-done-portrait');
    await kiosk.page.setViewportSize(contextOptions.viewport);
    // And IndexedDB keeps only the code: the sealed draft went once the server had it.
    const kept = await kiosk.storedDraft(draftId);
    expect(kept).toMatchObject({ id: draftId, code, state: 'sent', payload: null });
    await kiosk.finish();

    // The counter: the code from the slip opens the form, filled as the citizen declared.
    const counterContext = await harness.newContext(contextOptions);
    const counter = await CounterPage.enrolled(counterContext, harness.server.url);
    const prereg = new CounterPreregPage(counter.page);
    await prereg.openByCode('XYZ-2345');
    expect(await prereg.problem()).toContain('Không có đăng ký trước nào');
    await prereg.openByCode(code.toLowerCase());
    await prereg.waitForFilledForm();
    expect(await prereg.notice()).toContain(code);
    const form = await prereg.form();
    expect(form).toMatchObject({ name: 'Lò Thị Mai', id: '014192000123', birth: '09/08/1992', address: 'Bản Mòng, xã Chiềng Cơi, tỉnh Sơn La' });
    expect(form.procedure).toContain(BIRTH);
    expect([...form.received].sort()).toEqual([...ticked].sort());
    await prereg.expectFilledFormScreenshot('prereg-counter-filled');
    // Nothing is filed before the clerk saves.
    expect(await counter.pendingCount()).toBe(0);
    await counter.tickAllDocuments();
    await prereg.pickFirstDueDate();
    const number = await counter.save();
    expect(number).toMatch(/^DEMO-/);
    await counter.expectScreenshot('prereg-counter-saved');
    await counterContext.close();
    await kiosk.page.context().close();
  });

  it('offline, the draft waits sealed on the kiosk, the screen says the clerk will ask, and it leaves when the link is back', async () => {
    const kiosk = await enrolledKiosk();
    await kiosk.open(`${harness.server.url}#/p/${BIRTH}`);
    await kiosk.waitForProcedurePageOffer();
    await kiosk.expectScreenshot('prereg-detail-entry');
    await kiosk.startFromProcedurePage();
    await kiosk.openTypedForm();
    await kiosk.chooseNameField();
    await kiosk.tapTypeVietnamese('lò văn');
    expect(await kiosk.nameValue()).toBe('lò văn');
    await kiosk.expectScreenshot('prereg-typed');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await kiosk.smallTouchTargets()).toEqual([]);
    await kiosk.typeDetails({ name: 'lò văn hùng', id: '014090000456', birth: '02031990', sex: 'male' });
    // The procedure came with the visit: straight to the documents.
    await kiosk.waitForStep('documents');
    await kiosk.documentsNext();
    expect(await kiosk.summary()).toContain('Lò Văn Hùng');

    const before = await storedDrafts();
    await kiosk.page.context().setOffline(true);
    const { code } = await kiosk.confirm();
    expect(await kiosk.draftLinkState()).toBe('pending');
    expect(await kiosk.linkText()).toContain('cán bộ sẽ hỏi lại');
    await kiosk.expectScreenshot('prereg-done-offline');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    expect(await storedDrafts()).toBe(before);

    await kiosk.page.context().setOffline(false);
    await expect.poll(() => kiosk.draftLinkState(), { timeout: 30_000 }).toBe('sent');
    expect(await storedDrafts()).toBe(before + 1);
    const counterContext = await harness.newContext(contextOptions);
    const counter = await CounterPage.enrolled(counterContext, harness.server.url, { name: 'Trần Văn Bình', pin: '1357' });
    const prereg = new CounterPreregPage(counter.page);
    await prereg.openByCode(code);
    await prereg.waitForFilledForm();
    expect((await prereg.form()).name).toBe('Lò Văn Hùng');
    await counterContext.close();
    await kiosk.page.context().close();
  });

  it('with a queue, confirming takes a number that carries the draft, and the counter that calls it opens the filled form', async () => {
    const saved = await harness.server.store.saveQueueSettings(DEMO_CENTER.code, queueSettingsSchema.parse(demoSettings), null, null);
    if (!saved.ok) throw new Error(saved.error.reason);
    const kiosk = await enrolledKiosk();
    // The kiosk gives numbers once it holds the center's queue settings.
    await kiosk.waitForTakeNumberOffer();
    await kiosk.startFromHome();
    await kiosk.scanCard(CARD);
    await kiosk.pickProcedure('khai sinh', BIRTH);
    const ticked = await kiosk.tickDocuments(1);
    await kiosk.documentsNext();
    const { code, draftId } = await kiosk.confirm();
    const shown = await kiosk.ticketShown();
    const ticket = shown.number;
    expect(ticket).toMatch(/^A\d{3}$/);
    expect(shown.code).toBe(code);
    await expect.poll(() => kiosk.ticketLinkState(), { timeout: 20_000 }).toBe('sent');
    await kiosk.expectScreenshot('prereg-ticket');
    expect(await kiosk.accessibilityViolations()).toEqual([]);
    for (const secret of ['Lò Thị Mai', '0123', 'Chiềng Cơi']) expect(await kiosk.visibleText()).not.toContain(secret);
    await kiosk.dismissTicket();
    // The server's ticket carries the draft.
    const events = await harness.server.store.queueEventsOfDay(DEMO_CENTER.code, isoFromDayNumber(dayNumberOf(testNow())), 0, 1000);
    if (!events.ok) throw new Error(events.error.reason);
    expect(events.value.filter((e) => e.kind === 'issue' && e.number === ticket).map((e) => ('draftId' in e ? e.draftId : null))).toEqual([draftId]);

    const counterContext = await harness.newContext(contextOptions);
    const counter = await CounterPage.enrolled(counterContext, harness.server.url, { name: 'Phạm Thị Hoa', pin: '8642' });
    const bar = new CallingBarPage(counter.page);
    await bar.chooseDesk(1);
    await bar.callNext();
    await expect.poll(() => bar.current()).toBe(ticket);
    const prereg = new CounterPreregPage(counter.page);
    await prereg.openCalled();
    await prereg.waitForFilledForm();
    expect(await prereg.notice()).toContain(code);
    const form = await prereg.form();
    expect(form).toMatchObject({ name: 'Lò Thị Mai', id: '014192000123' });
    expect(form.received).toEqual(ticked);
    await prereg.expectFilledFormScreenshot('prereg-counter-called');
    await counter.tickAllDocuments();
    await prereg.pickFirstDueDate();
    expect(await counter.save()).toMatch(/^DEMO-/);
    await counterContext.close();
    await kiosk.page.context().close();
  });

  it('a citizen who walks away mid-way leaves nothing behind: the kiosk resets to home and keeps no draft', async () => {
    const kiosk = await enrolledKiosk();
    await kiosk.open(`${harness.server.url}?idle=6`);
    await kiosk.startFromHome();
    await kiosk.scanCard(CARD);
    await kiosk.pickProcedure('khai sinh', BIRTH);
    // Nobody touches the screen: the idle reset takes the kiosk home.
    await kiosk.waitForIdleReset();
    expect(await kiosk.visibleText()).not.toContain('Lò Thị Mai');
    await kiosk.startFromHome();
    expect(await kiosk.scanInputValue()).toBe('');
    expect(await kiosk.storedDraftCount()).toBe(0);
    await kiosk.page.context().close();
  });
});
