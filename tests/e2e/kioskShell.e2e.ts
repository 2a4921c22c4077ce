/**
 * The kiosk inside the shell (the Electron bridge faked at its boundary): the hidden corner
 * gesture + PIN opens settings, the printer choice goes to the shell, idle is reported so updates
 * wait, and receipts print through the shell rather than the browser dialog.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CENTER } from '../../shared/demo/demoCenter.ts';
import { installFakeBridge, type FakeShellLog } from './support/fakeBridge.ts';
import { useBrowserAndServer } from './support/harness.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { KioskPage } from './pageModels/KioskPage.ts';

const harness = useBrowserAndServer();

const shellLog = (kiosk: KioskPage) => kiosk.page.evaluate(() => (window as unknown as { __shell: FakeShellLog }).__shell);

describe('the kiosk in the shell', () => {
  it('opens settings only after the corner gesture and the right PIN, and saves the printer', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(context, { adminPin: '2580' });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(harness.server.url);

    // Four taps are not enough; taps elsewhere do nothing.
    for (let i = 0; i < 4; i += 1) await kiosk.page.mouse.click(20, 20);
    await kiosk.page.mouse.click(600, 400);
    expect((await shellLog(kiosk)).gestures).toBe(0);
    expect(await kiosk.page.getByTestId('admin-settings').count()).toBe(0);

    for (let i = 0; i < 5; i += 1) await kiosk.page.mouse.click(20, 20);
    await kiosk.page.getByTestId('admin-settings').waitFor();
    expect((await shellLog(kiosk)).gestures).toBe(1);
    for (const d of '1111') await kiosk.page.locator(`.pin-key[data-pin="${d}"]`).click();
    await kiosk.page.getByTestId('admin-unlock').click();
    await kiosk.page.getByText('Sai mã PIN quản trị.').waitFor();
    for (const d of '2580') await kiosk.page.locator(`.pin-key[data-pin="${d}"]`).click();
    await kiosk.page.getByTestId('admin-unlock').click();

    await kiosk.page.locator('[data-printer="HP_LaserJet"]').click();
    await kiosk.page.getByTestId('admin-idle').fill('120');
    await kiosk.page.getByTestId('admin-save').click();
    await kiosk.page.getByTestId('admin-message').waitFor();
    await kiosk.screenshot('kiosk-admin-settings');
    await kiosk.page.getByTestId('admin-export-logs').click();
    await expect.poll(() => kiosk.page.getByTestId('admin-message').textContent()).toContain('/media/usb/motcua-logs');
    await kiosk.page.getByTestId('admin-close').click();

    const log = await shellLog(kiosk);
    expect(log.unlockAttempts).toEqual(['1111', '2580']);
    expect(log.printerChoices).toEqual([{ printer: 'HP_LaserJet', printMode: 'silent' }]);
    expect(log.locks).toBe(1);
    expect(await kiosk.page.evaluate(() => localStorage.getItem('motcua.kiosk.idleSeconds'))).toBe('120');
    await context.close();
  });

  it("enrols the kiosk from its settings, and its home-screen rating then counts for its center", async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(context, { adminPin: '2580' });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await kiosk.openAdminSettings('2580');
    // A wrong code is refused with a reason and enrols nothing.
    await kiosk.page.getByTestId('enrol-center').fill(DEMO_CENTER.code);
    await kiosk.page.getByTestId('enrol-code').fill('not-the-right-code');
    await kiosk.page.getByTestId('enrol-name').fill('Ki-ốt sảnh');
    await kiosk.page.getByTestId('enrol-submit').click();
    await kiosk.page.getByTestId('enrol-problem').waitFor();
    await kiosk.enrolKiosk(DEMO_CENTER.code, DEMO_CENTER.enrolmentCode, 'Ki-ốt sảnh');
    await kiosk.screenshot('kiosk-admin-enrolled');
    await kiosk.page.getByTestId('admin-close').click();

    const before = await harness.server.store.listRatings(DEMO_CENTER.code);
    const known = new Set(before.ok ? before.value.map((r) => r.id) : []);
    await kiosk.page.getByTestId('home-rate').click();
    await kiosk.page.locator('.rating-face[data-score="3"]').click();
    await kiosk.page.getByTestId('rating-thanks').waitFor();
    await expect
      .poll(async () => {
        const after = await harness.server.store.listRatings(DEMO_CENTER.code);
        return after.ok ? after.value.filter((r) => !known.has(r.id)).map((r) => ({ score: r.score, counted: r.counted, byDevice: r.deviceId !== null })) : [];
      }, { timeout: 15_000 })
      .toEqual([{ score: 3, counted: true, byDevice: true }]);
    await context.close();
  });

  it('tells the shell when the kiosk is idle, so updates wait for it', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(context, { adminPin: '2580' });
    const kiosk = new KioskPage(await context.newPage());
    await kiosk.open(harness.server.url);
    await expect.poll(async () => (await shellLog(kiosk)).idle.at(-1)).toBe(true);
    await kiosk.tapType('khai');
    await expect.poll(async () => (await shellLog(kiosk)).idle.at(-1)).toBe(false);
    await kiosk.page.getByTestId('home-button').click();
    await expect.poll(async () => (await shellLog(kiosk)).idle.at(-1)).toBe(true);
    await context.close();
  });

  it('prints the counter receipt through the shell', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(context, { adminPin: '2580', profile: 'counter' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCard(testCardQr(5));
    await counter.page.getByTestId('register-notice').waitFor();
    await counter.tickAllDocuments();
    await counter.save();
    await counter.page.getByTestId('print-receipt').click();
    await counter.page.getByText('Đã gửi lệnh in.').waitFor();
    const printed = await counter.page.evaluate(() => (window as unknown as { __shell: FakeShellLog }).__shell.printed);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(printed[0]).toContain('@page { size: A5 portrait');
    expect(printed[0]).toContain('data:image/png;base64,');
    await context.close();
  });

  it('offers to save the receipt as a PDF on a computer with no printer, and says where it went', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await installFakeBridge(context, { adminPin: '2580', profile: 'counter', printers: 'none' });
    const counter = await CounterPage.enrolled(context, harness.server.url);
    await counter.pickProcedure('khai sinh', '1.001193');
    await counter.scanCard(testCardQr(6));
    await counter.page.getByTestId('register-notice').waitFor();
    await counter.tickAllDocuments();
    await counter.save();
    const number = await counter.page.getByTestId('saved-receipt').getAttribute('data-number');
    await counter.page.getByTestId('print-receipt').click();
    await counter.page.getByText('Chưa có máy in: chọn máy in trong cài đặt hoặc lưu PDF.').waitFor();
    await counter.page.getByTestId('save-pdf').click();
    await expect.poll(() => counter.page.getByTestId('pdf-result').textContent()).toBe(`Đã lưu tệp PDF: C:\\Users\\motcua\\Documents\\${number}.pdf`);
    await counter.screenshot('counter-receipt-saved-as-pdf');
    const log = await counter.page.evaluate(() => (window as unknown as { __shell: FakeShellLog }).__shell);
    expect(log.printed).toEqual([]);
    expect(log.pdfs.map((p) => p.fileName)).toEqual([`${number}.pdf`]);
    expect(log.pdfs[0]!.html).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    await context.close();
  });
});
