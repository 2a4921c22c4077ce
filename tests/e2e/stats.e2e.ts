/**
 * The center's figures end to end: the July 2025 report's files pushed to the real server by the
 * devices that received them, then an admin at an enrolled counter opens the statistics for
 * 01/07/2025–31/07/2025 and reads the report's numbers, downloads the CSV, and, offline, is told
 * the figures are only this counter's.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHolidayTablePath } from '../../server/calendar/importCalendar.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { buildWorkCalendar, parseHolidayTable } from '../../shared/calendar/holidayTable.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { CENTER, julyReport, LOCATION } from '../fixtures/centerReports.ts';
import { enrolAt, postRatings, pushAll, replayRatings, replaySummaries } from '../integration/lifecycleFixtures.ts';
import { addTestCenter, testAdminCode } from '../support/syncFixtures.ts';
import { CounterPage } from './pageModels/CounterPage.ts';
import { SCREENSHOTS } from './pageModels/KioskPage.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';

let browser: Browser;
let server: TestServer;

/** Every file of the fixture pushed through /api/sync/push by a device of its own center and location. */
async function seedJulyReport(): Promise<void> {
  const table = parseHolidayTable(JSON.parse(await readFile(defaultHolidayTablePath(), 'utf8')));
  if (!table.ok) throw new Error(table.error);
  const fixture = julyReport(buildWorkCalendar(table.value));
  // The server reads each procedure's field from its catalog.
  const catalog = await server.store.replaceCatalog(demoCatalog.procedures, 'test');
  if (!catalog.ok) throw new Error(catalog.error.reason);
  const groups = new Map<string, FileSummary[]>();
  for (const f of fixture.files) groups.set(`${f.centerCode}|${f.locationCode}`, [...(groups.get(`${f.centerCode}|${f.locationCode}`) ?? []), f]);
  const centers = new Set<string>();
  for (const [key, files] of groups) {
    const [center, location] = key.split('|') as [string, string];
    if (!centers.has(center)) await addTestCenter(server.store, center);
    centers.add(center);
    const device = await enrolAt(server.app, center, location);
    const answers = await pushAll(server.app, device, replaySummaries(device, files));
    const refused = answers.flatMap((a) => a.results).filter((r) => r.status !== 'applied');
    if (refused.length > 0) throw new Error(`the server refused ${refused.length} seeded mutations`);
    await postRatings(server.app, device, replayRatings(device, files));
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  await seedJulyReport();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the statistics screen', () => {
  it("shows the July 2025 report's figures, exports them as CSV and prints as a report", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    const counter = new CounterPage(await context.newPage());
    const page = counter.page;
    await counter.open(server.url);
    await page.getByTestId('enrol-location').fill(LOCATION);
    // The figures are the center admin's: this counter is enrolled as the admin device.
    await counter.enrol(CENTER, testAdminCode(CENTER), 'Quầy thống kê', true);
    await counter.createFirstAdmin('Nguyễn Thị Lan', '2468');

    await page.getByTestId('nav-stats').click();
    await page.getByTestId('stats-screen').waitFor();
    await page.getByTestId('stats-period-custom').click();
    await page.getByTestId('stats-from').fill('2025-07-01');
    await page.getByTestId('stats-to').fill('2025-07-31');
    await page.getByTestId('stats-location').fill(LOCATION);
    await page.getByTestId('stats-apply').click();
    await page.locator('[data-testid="stats-report"][data-source="server"]').waitFor();
    await expect.poll(() => page.getByTestId('stats-period').textContent()).toContain('từ ngày 01/07/2025 đến ngày 31/07/2025');

    const figure = async (key: string) => ({
      value: Number(await page.getByTestId(`figure-${key}`).getAttribute('data-value')),
      text: await page.getByTestId(`figure-${key}`).innerText(),
    });
    expect(await figure('received')).toEqual({ value: 279, text: expect.stringMatching(/279\s+Tiếp nhận/) });
    expect(await figure('receivedInPerson')).toEqual({ value: 223, text: expect.stringMatching(/223\s+Trực tiếp/) });
    expect(await figure('receivedOnline')).toEqual({ value: 56, text: expect.stringMatching(/56\s+Trực tuyến/) });
    expect(await figure('returned')).toEqual({ value: 256, text: expect.stringMatching(/256\s+Đã trả kết quả/) });
    expect(await figure('withinPeriod')).toEqual({ value: 23, text: expect.stringMatching(/23\s+Đang giải quyết trong hạn/) });
    expect((await figure('overdue')).value).toBe(0);
    expect(await page.getByTestId('stats-source').textContent()).toContain('Số liệu toàn trung tâm');
    expect(await page.locator('[data-testid="stats-by-field"] tbody tr').count()).toBeGreaterThan(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`thong-ke-${CENTER}-2025-07-01-2025-08-01.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Nhóm,Mã,Tên,Lĩnh vực,Tiếp nhận,Trực tiếp,Trực tuyến,Bưu chính,Đã giải quyết,Đã trả kết quả,/);
    const header = lines[0]!.split(',');
    const total = lines[1]!.split(',');
    const cell = (title: string) => total[header.indexOf(title)];
    expect(total[0]).toBe('Tổng cộng');
    expect([cell('Tiếp nhận'), cell('Trực tiếp'), cell('Trực tuyến'), cell('Đã trả kết quả'), cell('Đang giải quyết trong hạn')]).toEqual(['279', '223', '56', '256', '23']);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`thong-ke-${CENTER}-2025-07-01-2025-08-01.xlsx`);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');

    // The report as it goes to paper: print styles on a page as wide as A4 landscape at 96 dpi.
    await page.setViewportSize({ width: 1123, height: 2400 });
    await page.evaluate(() => document.body.classList.add('printing-stats'));
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('stats-report').screenshot({ path: `${SCREENSHOTS}/stats.png` });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-stats'));
    await page.setViewportSize({ width: 1366, height: 900 });

    // Without the server, the figures are this counter's own files, and the screen says so.
    await context.setOffline(true);
    await page.getByTestId('stats-apply').click();
    await page.locator('[data-testid="stats-report"][data-source="local"]').waitFor();
    expect(await page.getByTestId('stats-source').textContent()).toContain('chỉ tính hồ sơ của quầy này');
    expect(await page.getByTestId('figure-received').getAttribute('data-value')).toBe('0');
    await context.close();
  });
});
