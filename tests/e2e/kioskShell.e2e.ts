/**
 * The kiosk inside the shell (the Electron bridge faked at its boundary): the hidden corner
 * gesture + PIN opens settings, the printer choice goes to the shell, idle is reported so updates
 * wait, and receipts print through the shell rather than the browser dialog.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CENTER } from '../../shared/demo/demoCenter.ts';
import { installFakeBridge, shellLog } from './support/fakeBridge.ts';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { KioskPage } from './pageModels/KioskPage.ts';
import { KioskSettingsPage } from './pageModels/KioskSettingsPage.ts';
import { LookupPage } from './pageModels/LookupPage.ts';

const harness = useBrowserAndServer();

async function kioskInShell() {
  const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
  await installFakeBridge(context, { adminPin: '2580' });
  const kiosk = new KioskPage(await context.newPage());
  await kiosk.open(harness.server.url);
  return { context, kiosk, settings: new KioskSettingsPage(kiosk.page) };
}

describe('the kiosk in the shell', () => {
  it('opens settings only after the corner gesture and the right PIN, and saves the printer', async () => {
    const { context, kiosk, settings } = await kioskInShell();

    // Four taps are not enough; taps elsewhere do nothing.
    await settings.tapCorner(4);
    await settings.tapElsewhere();
    expect((await shellLog(kiosk.page)).gestures).toBe(0);
    expect(await settings.shown()).toBe(false);

    await settings.openPinPad();
    expect((await shellLog(kiosk.page)).gestures).toBe(1);
    await settings.enterPin('1111');
    await settings.waitForWrongPin();
    await settings.enterPin('2580');

    await settings.saveSettings('HP_LaserJet', '120');
    await kiosk.expectScreenshot('kiosk-admin-settings');
    await settings.exportLogs();
    await expect.poll(() => settings.message()).toContain('/media/usb/motcua-logs');
    await settings.close();

    const log = await shellLog(kiosk.page);
    expect(log.unlockAttempts).toEqual(['1111', '2580']);
    expect(log.printerChoices).toEqual([{ printer: 'HP_LaserJet', printMode: 'silent' }]);
    expect(log.locks).toBe(1);
    expect(await settings.storedIdleSeconds()).toBe('120');
    await context.close();
  });

  it("enrols the kiosk from its settings, and its home-screen rating then counts for its center", async () => {
    const { context, kiosk, settings } = await kioskInShell();
    await settings.open('2580');
    // A wrong code is refused with a reason and enrols nothing.
    await settings.fillEnrolment(DEMO_CENTER.code, 'not-the-right-code', 'Ki-ốt sảnh');
    expect(await settings.submitRefusedEnrolment()).not.toBe('');
    await settings.fillEnrolment(DEMO_CENTER.code, DEMO_CENTER.enrolmentCode, 'Ki-ốt sảnh');
    await settings.submitEnrolment();
    await kiosk.expectScreenshot('kiosk-admin-enrolled');
    await settings.close();

    const before = await harness.server.store.listRatings(DEMO_CENTER.code);
    const known = new Set(before.ok ? before.value.map((r) => r.id) : []);
    const rating = new LookupPage(kiosk.page);
    await rating.rateFromHome();
    await rating.rate(3);
    await expect
      .poll(async () => {
        const after = await harness.server.store.listRatings(DEMO_CENTER.code);
        return after.ok ? after.value.filter((r) => !known.has(r.id)).map((r) => ({ score: r.score, counted: r.counted, byDevice: r.deviceId !== null })) : [];
      }, { timeout: 15_000 })
      .toEqual([{ score: 3, counted: true, byDevice: true }]);
    await context.close();
  });

  it('tells the shell when the kiosk is idle, so updates wait for it', async () => {
    const { context, kiosk } = await kioskInShell();
    await expect.poll(async () => (await shellLog(kiosk.page)).idle.at(-1)).toBe(true);
    await kiosk.tapType('khai');
    await expect.poll(async () => (await shellLog(kiosk.page)).idle.at(-1)).toBe(false);
    await kiosk.goHome();
    await expect.poll(async () => (await shellLog(kiosk.page)).idle.at(-1)).toBe(true);
    await context.close();
  });

  it('prints the counter receipt through the shell', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(context, { adminPin: '2580', profile: 'counter' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCardAndWait(testCardQr(5));
    await counter.tickAllDocuments();
    await counter.save();
    await counter.printReceipt();
    const { printed } = await shellLog(counter.page);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(printed[0]).toContain('@page { size: A5 portrait');
    expect(printed[0]).toContain('data:image/png;base64,');
    await context.close();
  });

  it('offers to save the receipt as a PDF on a computer with no printer, and says where it went', async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(context, { adminPin: '2580', profile: 'counter', printers: 'none' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCardAndWait(testCardQr(6));
    await counter.tickAllDocuments();
    const number = await counter.save();
    expect(await counter.printReceiptExpectingProblem()).toBe('Chưa có máy in: chọn máy in trong cài đặt hoặc lưu PDF.');
    expect(await counter.saveReceiptAsPdf()).toBe(`Đã lưu tệp PDF: C:\\Users\\motcua\\Documents\\${number}.pdf`);
    await counter.expectScreenshot('counter-receipt-saved-as-pdf');
    const log = await shellLog(counter.page);
    expect(log.printed).toEqual([]);
    expect(log.pdfs.map((p) => p.fileName)).toEqual([`${number}.pdf`]);
    expect(log.pdfs[0]!.html).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    await context.close();
  });
});
