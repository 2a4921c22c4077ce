/**
 * The center's figures end to end: the July 2025 report's files pushed to the real server by the
 * devices that received them, then an admin at an enrolled counter opens the statistics for
 * 01/07/2025–31/07/2025 and reads the report's numbers, downloads the CSV, and, offline, is told
 * the figures are only this counter's.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultHolidayTablePath } from '../../server/calendar/importCalendar.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { buildWorkCalendar, parseHolidayTable } from '../../shared/calendar/holidayTable.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { CENTER, julyReport, LOCATION } from '../fixtures/centerReports.ts';
import { enrolAt, postRatings, pushAll, replayRatings, replaySummaries } from '../integration/lifecycleFixtures.ts';
import { addTestCenter, testAdminCode } from '../support/syncFixtures.ts';
import { CounterPage } from './pageModels/CounterPage.ts';
import { StatsPage } from './pageModels/StatsPage.ts';
import { useBrowserAndServer } from './support/harness.ts';

const harness = useBrowserAndServer();

/** Every file of the fixture pushed through /api/sync/push by a device of its own center and location. */
async function seedJulyReport(): Promise<void> {
  const server = harness.server;
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

beforeAll(seedJulyReport);

describe('the statistics screen', () => {
  it("shows the July 2025 report's figures, exports them as CSV and prints as a report", async () => {
    const context = await harness.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const counter = new CounterPage(await context.newPage());
    await counter.open(harness.server.url);
    // The figures are the center admin's: this counter is enrolled as the admin device.
    await counter.enrol(CENTER, testAdminCode(CENTER), 'Quầy thống kê', true, LOCATION);
    await counter.createFirstAdmin('Nguyễn Thị Lan', '2468');

    const stats = new StatsPage(counter.page);
    await stats.open();
    await stats.chooseCustomPeriod('2025-07-01', '2025-07-31', LOCATION);
    await stats.apply('server');
    await expect.poll(() => stats.period()).toContain('từ ngày 01/07/2025 đến ngày 31/07/2025');

    expect(await stats.figure('received')).toEqual({ value: 279, text: expect.stringMatching(/279\s+Tiếp nhận/) });
    expect(await stats.figure('receivedInPerson')).toEqual({ value: 223, text: expect.stringMatching(/223\s+Trực tiếp/) });
    expect(await stats.figure('receivedOnline')).toEqual({ value: 56, text: expect.stringMatching(/56\s+Trực tuyến/) });
    expect(await stats.figure('returned')).toEqual({ value: 256, text: expect.stringMatching(/256\s+Đã trả kết quả/) });
    expect(await stats.figure('withinPeriod')).toEqual({ value: 23, text: expect.stringMatching(/23\s+Đang giải quyết trong hạn/) });
    expect((await stats.figure('overdue')).value).toBe(0);
    expect(await stats.source()).toContain('Số liệu toàn trung tâm');
    expect(await stats.fieldRows()).toBeGreaterThan(1);

    const download = await stats.export('csv');
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

    const xlsx = await stats.export('xlsx');
    expect(xlsx.suggestedFilename()).toBe(`thong-ke-${CENTER}-2025-07-01-2025-08-01.xlsx`);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');

    await stats.expectPrintedScreenshot('stats');

    // Without the server, the figures are this counter's own files, and the screen says so.
    await context.setOffline(true);
    await stats.apply('local');
    expect(await stats.source()).toContain('chỉ tính hồ sơ của quầy này');
    expect((await stats.figure('received')).value).toBe(0);
    await context.close();
  });
});
