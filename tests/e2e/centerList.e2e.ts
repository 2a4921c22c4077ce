/**
 * A due date for every file: a center admin posts the center's own time for khai sinh (which the
 * national data gives as "1" with no unit), a kiosk of the center shows it with the center's marker
 * after its next pull, the receipt carries it and a real due date, an imported table fills the rest
 * of the field with a row-by-row report, and the field's poster prints on A4 and A3.
 */
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMMUNE_CATALOG, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { DEMO_CENTER } from '../../server/centers/addCenter.ts';
import { CenterListPage } from './pageModels/CenterListPage.ts';
import { CounterPage, testCardQr } from './pageModels/CounterPage.ts';
import { KioskPage } from './pageModels/KioskPage.ts';
import { useBrowserAndServer } from './support/harness.ts';

const harness = useBrowserAndServer({ server: { catalogPath: join(sharedDataDir(), COMMUNE_CATALOG) } });
const KHAI_SINH = '1.001193';
const ADMIN_DEVICE = 'Máy quản trị';

const IMPORT_CSV = [
  'DANH MỤC THỦ TỤC HÀNH CHÍNH NIÊM YẾT TẠI TRUNG TÂM',
  'STT,Mã thủ tục,Tên thủ tục,Thời hạn giải quyết,Giờ nhận hồ sơ trả trong ngày,"Phí, lệ phí",Địa điểm tiếp nhận,Quầy,Ghi chú',
  '1,1.000894,Đăng ký kết hôn,Trong ngày,15:00,Miễn phí,Điểm tiếp nhận số 1,Quầy 2,Cần xác minh thì không quá 5 ngày làm việc',
  '2,1.000656,Đăng ký khai tử,Trong ngày,,Miễn phí,Điểm tiếp nhận số 1,Quầy 2,',
  '3,1.004873,Xác nhận tình trạng hôn nhân,03 ngày làm việc,,"15.000 đồng",Điểm tiếp nhận số 1,Quầy 2,',
  '4,2.000635,Cấp bản sao trích lục hộ tịch,Trong ngày,15:00,8.000 đồng/bản,Điểm tiếp nhận số 1,Quầy 2,',
  '5,1.001022,Đăng ký nhận cha mẹ con,3,,,,,',
  '6,9.999999,Không có thủ tục này,2 ngày làm việc,,,,,',
  '',
].join('\r\n');

async function newContext(): Promise<BrowserContext> {
  return harness.browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN' });
}

describe("the center's own list", () => {
  it('reaches the kiosk, the receipt and the posters', async () => {
    // A kiosk of the center, enrolled, showing khai sinh with the national data only.
    const kioskContext = await newContext();
    await CounterPage.enrolled(kioskContext, harness.server.url, { name: 'Kiosk sảnh', pin: '1357' });
    const kiosk = new KioskPage(await kioskContext.newPage());
    await kiosk.page.goto(`${harness.server.url}#/p/${KHAI_SINH}`);
    await kiosk.detail.waitFor();
    const time = kiosk.detail.locator('[data-fact="time"]');
    expect(await time.textContent()).toContain('1 (chưa rõ đơn vị)');
    expect(await time.getAttribute('data-source')).toBe('unknown');
    expect(await kiosk.detail.getByTestId('center-mark').count()).toBe(0);

    // The center admin's counter: before the list, khai sinh has no usable time (the national "1" has
    // no unit), so staff must choose the due date themselves before saving.
    const adminContext = await newContext();
    const counter = new CounterPage(await adminContext.newPage());
    await counter.open(harness.server.url);
    await counter.enrol(DEMO_CENTER.code, DEMO_CENTER.adminEnrolmentCode, ADMIN_DEVICE, true);
    await counter.createFirstAdmin('Nguyễn Thị Lan', '2468');
    await counter.pickProcedure('khai sinh', KHAI_SINH);
    await counter.page.getByTestId('due-entry').waitFor();
    await counter.scanCard(testCardQr(301));
    await counter.page.getByTestId('register-notice').waitFor();
    await counter.tickAllDocuments();
    await counter.page.getByTestId('save-file').click();
    await expect.poll(() => counter.errorFor('dueDate')).toContain('Chọn ngày hẹn trả');
    const chosen = (await counter.page.locator('[data-testid="due-date-grid"] [data-date]:not([disabled])').first().getAttribute('data-date'))!;
    await counter.pickDueDate(chosen);
    await counter.save();
    expect(await counter.page.getByTestId('receipt-due').textContent()).toContain(chosen.split('-').reverse().join('/'));
    await counter.page.getByTestId('register-next').click();

    // The admin posts the center's time for khai sinh and saves it to the server.
    const list = new CenterListPage(counter.page);
    await list.open();
    await list.add('khai sinh', KHAI_SINH, { sameDayBefore: '15:00', fee: 'free', location: 'Điểm tiếp nhận số 1', counter: 'Quầy 2 – Hộ tịch', note: 'Nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo.' });
    expect(await list.row(KHAI_SINH).getAttribute('data-state')).toBe('added');
    expect(await list.save()).toContain('phiên bản 1');
    expect(await list.row(KHAI_SINH).getAttribute('data-state')).toBe('saved');

    // The kiosk pulls at its next start and shows the center's values, marked as the center's.
    await kiosk.page.reload();
    await kiosk.detail.locator('[data-fact="time"][data-source="center"]').waitFor({ timeout: 20_000 });
    expect(await time.textContent()).toContain('Trong ngày (nhận trước 15:00)');
    expect(await time.textContent()).toContain('Theo niêm yết của Trung tâm');
    expect(await kiosk.detail.locator('[data-fact="place"]').textContent()).toContain('Quầy 2 – Hộ tịch, Điểm tiếp nhận số 1');
    expect(await kiosk.detail.getByTestId('center-note').textContent()).toContain('Nhận sau 15 giờ');
    await kiosk.screenshot('detail-center-values');
    await kiosk.page.setViewportSize({ width: 1080, height: 1920 });
    await kiosk.screenshot('detail-center-values-portrait');

    // A file for khai sinh now gets the center's time and a true due date on its receipt.
    await counter.page.getByTestId('nav-register').click();
    await expect.poll(() => counter.page.getByTestId('register-form').isVisible()).toBe(true);
    await counter.pickProcedure('khai sinh', KHAI_SINH);
    await counter.scanCard(testCardQr(302));
    await counter.page.getByTestId('register-notice').waitFor();
    expect(await counter.page.getByTestId('due-entry').count()).toBe(0);
    await counter.tickAllDocuments();
    await counter.save();
    const due = (await counter.page.getByTestId('receipt-due').textContent()) ?? '';
    expect(due).not.toContain('cán bộ sẽ hẹn sau');
    expect(due).toMatch(/17:00.*\d{2}\/\d{2}\/\d{4}|\d{2}\/\d{2}\/\d{4}.*17:00/);
    expect(await counter.page.getByTestId('receipt-time').textContent()).toContain('Trong ngày (nhận trước 15:00) (theo niêm yết của Trung tâm)');
    expect(await counter.page.getByTestId('receipt-where').textContent()).toContain('Quầy 2 – Hộ tịch');
    await counter.screenshot('receipt-center-values');
    await counter.page.getByTestId('register-next').click();

    // The rest of the field comes from the table the center already keeps: good rows in, bad rows reported.
    await list.open();
    await list.importFile('danh-muc-niem-yet.csv', IMPORT_CSV);
    expect(await list.reportRows()).toEqual([
      { row: 7, verdict: 'error' },
      { row: 8, verdict: 'error' },
      { row: 4, verdict: 'warning' },
      { row: 3, verdict: 'imported' },
      { row: 5, verdict: 'imported' },
      { row: 6, verdict: 'imported' },
    ]);
    expect(await list.page.getByTestId('import-report').textContent()).toContain('thiếu đơn vị');
    await list.screenshot('center-list-import');
    await list.page.getByTestId('import-report-close').click();
    expect(await list.save()).toContain('phiên bản 2');
    await list.screenshot('center-list');

    // Posters of the field, A4 and A3, with a QR code per procedure.
    await list.openPoster('Hộ tịch', 'A4');
    expect(await list.poster().locator('tbody tr').count()).toBe(5);
    expect(await list.poster().locator('img.poster-qr').count()).toBe(5);
    await list.screenshotAsPrinted('poster-a4', 'A4');
    await list.openPoster('Hộ tịch', 'A3');
    await list.screenshotAsPrinted('poster-a3', 'A3');
    await list.page.setViewportSize({ width: 1366, height: 768 });
    await list.screenshot('poster-screen');

    await kioskContext.close();
    await adminContext.close();
  });

  it("keeps a counter's edits on the device and says the server needs an admin's device", async () => {
    const context = await newContext();
    const counter = await CounterPage.enrolled(context, harness.server.url);
    const list = new CenterListPage(counter.page);
    await list.open();
    await list.add('nhận cha mẹ con', '1.001022', { workingDays: '3' });
    await list.page.getByTestId('center-list-save').click();
    await list.page.locator('[data-testid="center-list-notice"].error').waitFor();
    expect(await list.notice.textContent()).toContain('máy của quản trị trung tâm');
    await list.page.reload();
    await list.page.getByTestId('sign-in').waitFor();
    await counter.signIn('Nguyễn Thị Lan', '2468');
    await list.open();
    expect(await list.row('1.001022').getAttribute('data-state')).toBe('added');

    // Offline: the same edits wait on the device with a plain message.
    await context.setOffline(true);
    await list.page.getByTestId('center-list-save').click();
    await list.page.locator('[data-testid="center-list-notice"].warning').waitFor();
    expect(await list.notice.textContent()).toContain('Cần kết nối tới máy chủ');
    await context.close();
  });
});
