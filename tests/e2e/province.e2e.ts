/**
 * A province's figures end to end: four communes of a province push their July 2025 files to the
 * real server (one of them late on a quarter of its files), a device enrolled with the province's
 * code opens the figures for 01/07/2025–31/07/2025 and reads each center's numbers side by side,
 * the chart of online and on-time rates, and downloads the table as CSV and Excel.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultHolidayTablePath } from '../../server/calendar/importCalendar.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { buildWorkCalendar, parseHolidayTable } from '../../shared/calendar/holidayTable.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { CENTER, julyReport } from '../fixtures/centerReports.ts';
import { enrolAt, pushAll, replaySummaries } from '../integration/lifecycleFixtures.ts';
import { addTestCenter, addTestProvince, testProvinceCode } from '../support/syncFixtures.ts';
import { ProvincePage } from './pageModels/ProvincePage.ts';
import { useBrowserAndServer } from './support/harness.ts';

const harness = useBrowserAndServer();
const DAY = 24 * 60 * 60 * 1000;

/** A result ready two days after its due date (and returned the day after): overdue. */
const late = (f: FileSummary): FileSummary =>
  f.dueAt === null || f.doneAt === null ? f : { ...f, doneAt: Number(new Date(f.dueAt)) + 2 * DAY, returnedAt: f.returnedAt === null ? null : Number(new Date(f.dueAt)) + 3 * DAY };

/** The communes of the province and the July files each received. */
async function julyFiles(): Promise<[string, FileSummary[]][]> {
  const table = parseHolidayTable(JSON.parse(await readFile(defaultHolidayTablePath(), 'utf8')));
  if (!table.ok) throw new Error(table.error);
  const july = julyReport(buildWorkCalendar(table.value)).files.filter((f) => f.centerCode === CENTER && String(f.receivedAt) >= '2025-07' && new Date(f.receivedAt) < new Date('2025-07-31T17:00:00Z'));
  return [
    [CENTER, july],
    ['ANLAO', july.filter((f) => f.channel === 'in_person').slice(0, 150)],
    ['KIENTHUY', july.filter((f, i) => f.channel === 'online' || i % 4 === 0)],
    ['TIENLANG', july.filter((_, i) => i % 3 === 0).map((f, i) => (i % 4 === 0 ? late(f) : f))],
  ];
}

beforeAll(async () => {
  const server = harness.server;
  const catalog = await server.store.replaceCatalog(demoCatalog.procedures, 'test');
  if (!catalog.ok) throw new Error(catalog.error.reason);
  await addTestProvince(server.store, 'HP');
  for (const [center, files] of await julyFiles()) {
    await addTestCenter(server.store, center, undefined, 'HP');
    const device = await enrolAt(server.app, center, `${center}-TT`);
    const answers = await pushAll(server.app, device, replaySummaries(device, files.map((f) => ({ ...f, centerCode: center }))));
    const refused = answers.flatMap((a) => a.results).filter((r) => r.status !== 'applied');
    if (refused.length > 0) throw new Error(`the server refused ${refused.length} seeded mutations: ${refused[0]!.reason}`);
  }
});

describe("the province's figures", () => {
  it('shows every center of the province side by side, charts their rates and exports the table', async () => {
    const seeded = await julyFiles();
    const context = await harness.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const province = new ProvincePage(await context.newPage());
    await province.open(harness.server.url);
    await province.enrol('HP', testProvinceCode('HP'));
    await province.createFirstUser('Trần Văn Sở', '1357');
    // A province device has no counter: nothing to register, no outbox.
    expect(await province.offersRegistration()).toBe(false);
    await province.showPeriod('2025-07-01', '2025-07-31');

    expect(await province.figure('received')).toBe(seeded.reduce((n, [, files]) => n + files.length, 0));
    const rows = await province.centerRows();
    expect(rows.map(([name, received]) => [name, Number(received)])).toEqual(
      [...seeded].sort(([a], [b]) => (a < b ? -1 : 1)).map(([center, files]) => [`Trung tâm ${center}`, files.length]),
    );
    // The late commune's on-time rate is below the others' 100%.
    const rate = (center: string) => rows.find(([name]) => name === `Trung tâm ${center}`)![2];
    expect(rate(CENTER)).toBe('100%');
    expect(rate('TIENLANG')).not.toBe('100%');
    await province.waitForChart();
    await province.expectScreenshot('province-figures');

    const csv = await province.exportCsv();
    expect(csv.suggestedFilename()).toBe('thong-ke-tinh-HP-2025-07-01-2025-08-01.csv');
    const lines = (await readFile((await csv.path())!, 'utf8')).slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Nhóm,Mã,Tên,Tiếp nhận,/);
    expect(lines.filter((l) => l.startsWith('Trung tâm,'))).toHaveLength(4);
    const xlsx = await province.exportXlsx();
    expect(xlsx.suggestedFilename()).toBe('thong-ke-tinh-HP-2025-07-01-2025-08-01.xlsx');
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');

    // Portrait, as on a tall office screen.
    await province.turnPortrait();
    await province.expectScreenshot('province-figures-portrait');
    await context.close();
  });
});
