/**
 * The center's figures and the holiday table on the server, over a real SQLite file: GET
 * /api/stats from pushed files, their status stamps and ratings (a small hand-made set, and the
 * July 2025 report replayed push by push), the CSV export, and GET /api/calendar with its ETag.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultHolidayTablePath, importCalendar } from '../../server/calendar/importCalendar.ts';
import { calendarResponseSchema } from '../../shared/sync/protocol.ts';
import { csvCell, CSV_BOM, STATS_CSV_HEADER } from '../../shared/stats/statsTable.ts';
import { buildWorkCalendar, parseHolidayTable, type WorkCalendar } from '../../shared/calendar/holidayTable.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { computeCenterStats, type CenterStats } from '../../shared/stats/centerStats.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { apiErrorSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { CENTER, julyReport } from '../fixtures/centerReports.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { addTestCenter, bearer } from '../support/syncFixtures.ts';
import { enrolAt, postRatings, pushAll, replayRatings, replaySummaries } from './lifecycleFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: [] }, (ready) => ({ app, temp } = ready));

const stats = async (device: EnrolResponse, query: string): Promise<CenterStats> => {
  const res = await app.inject({ url: `${API_PATHS.stats.figures}?${query}`, headers: bearer(device) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CenterStats;
};

/** A summary in July 2025, Vietnam time, with the procedure of the demo catalog at `code`. */
function july(day: number, fields: Partial<FileSummary> & Pick<FileSummary, 'channel'>): FileSummary {
  const at = (d: number, hour: number) => `2025-07-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+07:00`;
  return {
    centerCode: 'VB11824',
    locationCode: 'Q1',
    receivedAt: at(day, 9),
    field: null,
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    status: 'processing',
    dueAt: at(day + 2, 17),
    doneAt: null,
    returnedAt: null,
    rating: null,
    ...fields,
  };
}

describe('GET /api/stats', () => {
  /** Seven files in July (and one in June) across two locations, each outcome once or twice. */
  async function seedSmallSet() {
    await addTestCenter(temp.store, 'VB11824');
    await addTestCenter(temp.store, 'OTHER');
    const catalog = await temp.store.replaceCatalog(demoCatalog.procedures, 'test');
    if (!catalog.ok) throw new Error(catalog.error.reason);
    // The figures are an admin route: the devices that ask for them are admin devices (which push like counters).
    const q1 = await enrolAt(app, 'VB11824', 'Q1', 'admin');
    const q2 = await enrolAt(app, 'VB11824', 'Q2');
    const other = await enrolAt(app, 'OTHER', 'Q1', 'admin');
    const q1Files = [
      july(1, { channel: 'in_person', doneAt: '2025-07-02T10:00:00+07:00', returnedAt: '2025-07-03T08:00:00+07:00', rating: 4 }), // early
      july(2, { channel: 'online', doneAt: '2025-07-04T16:00:00+07:00', returnedAt: '2025-07-05T08:00:00+07:00', rating: 2 }), // on time
      july(3, { channel: 'in_person', procedureCode: '9.999999', procedureName: 'Thủ tục ngoài danh mục, "đặc biệt"', doneAt: '2025-07-09T10:00:00+07:00' }), // overdue
      july(28, { channel: 'online', dueAt: '2025-08-05T17:00:00+07:00' }), // within period at the end of July
      july(10, { channel: 'postal' }), // still open, past due
      july(11, { channel: 'in_person', dueAt: null, status: 'rejected' }), // closed
    ];
    const outside = july(1, { channel: 'in_person', receivedAt: '2025-06-30T16:00:00+07:00' });
    const q2Files = [july(15, { channel: 'in_person', locationCode: 'Q2', doneAt: '2025-07-16T10:00:00+07:00', returnedAt: '2025-07-21T08:00:00+07:00', rating: 3 })];

    const answers = [...(await pushAll(app, q1, replaySummaries(q1, [...q1Files, outside]))), ...(await pushAll(app, q2, replaySummaries(q2, q2Files)))];
    expect(answers.flatMap((a) => a.results).filter((r) => r.status !== 'applied')).toEqual([]);
    await postRatings(app, q1, replayRatings(q1, [...q1Files, outside]));
    await postRatings(app, q2, replayRatings(q2, q2Files));
    await pushAll(app, other, replaySummaries(other, [july(5, { channel: 'online' })]));
    return { q1, q2, other };
  }

  it('counts received, done, returned, timeliness and ratings for the device\'s own center', async () => {
    const { q1, other } = await seedSmallSet();
    const all = await stats(q1, 'from=2025-07-01&to=2025-08-01');
    expect(all.total).toMatchObject({
      received: 7,
      receivedInPerson: 4,
      receivedOnline: 2,
      receivedPostal: 1,
      done: 4,
      returned: 3,
      early: 2,
      onTime: 1,
      overdue: 1,
      withinPeriod: 1,
      pendingOverdue: 1,
      rejected: 1,
      rated: 3,
      satisfied: 2,
      onTimeRate: 0.75,
    });
    expect(all.total.onlineRate).toBeCloseTo(2 / 7);
    expect(all.byCenter.map((c) => c.key)).toEqual(['VB11824']);
    expect(all.byField.map((f) => [f.key, f.received])).toEqual([
      ['Hộ tịch', 6],
      ['Khác', 1],
    ]);
    expect(all.byProcedure.find((p) => p.key === '9.999999')).toMatchObject({ field: 'Khác', overdue: 1 });
    expect(all.series.points).toHaveLength(31);

    const q1Only = await stats(q1, 'from=2025-07-01&to=2025-08-01&location=Q1&groupBy=week');
    expect(q1Only.total).toMatchObject({ received: 6, returned: 2, rated: 2, satisfied: 1 });
    expect(q1Only.series.bucket).toBe('week');
    expect(q1Only.series.points[0]!.start).toBe('2025-06-30');
    expect(q1Only.series.points.reduce((n, p) => n + p.received, 0)).toBe(6);

    const theirs = await stats(other, 'from=2025-07-01&to=2025-08-01');
    expect(theirs.total.received).toBe(1);
  });

  it('refuses a bad period or grouping with 400 and a reason, a missing token with 401, a device that is not an admin with 403', async () => {
    await addTestCenter(temp.store, 'VB11824');
    const device = await enrolAt(app, 'VB11824', 'Q1', 'admin');
    const bad: [string, RegExp][] = [
      ['to=2025-08-01', /from/],
      ['from=2025-07-32&to=2025-08-01', /from: must be a real date/],
      ['from=2025-07-01&to=2025-07-01', /to: must be after from/],
      ['from=2025-07-01&to=2027-01-01', /at most 400 days/],
      ['from=2025-07-01&to=2025-08-01&groupBy=month', /groupBy/],
      ['from=2025-07-01&to=2025-08-01&location=', /location/],
    ];
    for (const [query, reason] of bad) {
      for (const path of [API_PATHS.stats.figures, API_PATHS.stats.csv]) {
        const res = await app.inject({ url: `${path}?${query}`, headers: bearer(device) });
        expect(res.statusCode, `${path}?${query}`).toBe(400);
        expect(apiErrorSchema.parse(res.json()).reason).toMatch(reason);
      }
    }
    expect((await app.inject({ url: `${API_PATHS.stats.figures}?from=2025-07-01&to=2025-08-01` })).statusCode).toBe(401);
    // A counter or a kiosk is not a center admin's device.
    for (const role of ['counter', 'kiosk'] as const) {
      const notAdmin = await enrolAt(app, 'VB11824', 'Q1', role);
      const refused = await app.inject({ url: `${API_PATHS.stats.figures}?from=2025-07-01&to=2025-08-01`, headers: bearer(notAdmin) });
      expect(refused.statusCode, role).toBe(403);
    }
    expect((await app.inject({ url: `${API_PATHS.stats.csv}?from=2025-07-01&to=2025-08-01` })).statusCode).toBe(401);
  });

  it('exports the same figures as CSV with a BOM, Vietnamese headers and quoted names', async () => {
    const { q1 } = await seedSmallSet();
    const res = await app.inject({ url: `${API_PATHS.stats.csv}?from=2025-07-01&to=2025-08-01`, headers: bearer(q1) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="thong-ke-VB11824-2025-07-01-2025-08-01.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(STATS_CSV_HEADER.join(','));
    expect(lines[0]).toMatch(/^Nhóm,Mã,Tên,Lĩnh vực,Tiếp nhận,Trực tiếp,Trực tuyến,Bưu chính,Đã giải quyết,Đã trả kết quả/);
    expect(lines[1]).toBe('Tổng cộng,,2025-07-01 – 2025-08-01,,7,4,2,1,4,3,2,1,1,1,1,0,0,0,1,0,3,2,28.6,75,66.7');
    expect(lines).toContain('Lĩnh vực,Hộ tịch,Hộ tịch,,6,3,2,1,3,3,2,1,0,1,1,0,0,0,1,0,3,2,33.3,100,66.7');
    expect(lines.some((l) => l.startsWith('Thủ tục,9.999999,"Thủ tục ngoài danh mục, ""đặc biệt""",Khác,1,'))).toBe(true);
    expect(lines).toHaveLength(1 + 1 + 2 + 2);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });
});

describe('the July 2025 report replayed through the sync server', () => {
  let calendar: WorkCalendar;
  beforeAll(async () => {
    const table = parseHolidayTable(JSON.parse(await readFile(defaultHolidayTablePath(), 'utf8')));
    if (!table.ok) throw new Error(table.error);
    calendar = buildWorkCalendar(table.value);
  });

  it('gives 279 received, 223 in person, 56 online, 256 returned and 23 within the period', async () => {
    const fixture = julyReport(calendar);
    // One device per center and location, each pushing its files, status changes and ratings.
    const groups = new Map<string, FileSummary[]>();
    for (const f of fixture.files) groups.set(`${f.centerCode}|${f.locationCode}`, [...(groups.get(`${f.centerCode}|${f.locationCode}`) ?? []), f]);
    let report: EnrolResponse | null = null;
    const centers = new Set<string>();
    for (const [key, files] of groups) {
      const [center, location] = key.split('|') as [string, string];
      if (!centers.has(center)) await addTestCenter(temp.store, center);
      centers.add(center);
      const device = await enrolAt(app, center, location, 'admin');
      const answers = await pushAll(app, device, replaySummaries(device, files));
      expect(answers.flatMap((a) => a.results).filter((r) => r.status !== 'applied')).toEqual([]);
      await postRatings(app, device, replayRatings(device, files));
      if (center === CENTER && location === fixture.options.locationCode) report = device;
    }

    const started = performance.now();
    const figures = await stats(report!, `from=2025-07-01&to=2025-08-01&location=${fixture.options.locationCode}`);
    const ms = performance.now() - started;
    expect(figures.total).toMatchObject(fixture.expected);
    expect(figures.total).toMatchObject({ received: 279, receivedInPerson: 223, receivedOnline: 56, returned: 256, withinPeriod: 23 });
    // Exactly what the shared computation gives on the fixture itself: nothing lost on the way.
    const direct = computeCenterStats(fixture.files, { ...fixture.options, now: new Date() });
    expect(direct.ok && figures.total).toEqual(direct.ok && direct.value.total);
    expect(ms).toBeLessThan(2000);
  });
});

describe('GET /api/calendar', () => {
  it('is 404 until a table is imported, then serves it with its version and an ETag, 304 when unchanged', async () => {
    const none = await app.inject({ url: API_PATHS.calendar });
    expect(none.statusCode).toBe(404);
    expect(apiErrorSchema.parse(none.json()).error).toBe('no_calendar');

    const imported = await importCalendar(temp.store, defaultHolidayTablePath());
    expect(imported.ok && [imported.value.changed, imported.value.stored.version]).toEqual([true, 1]);
    const first = await app.inject({ url: API_PATHS.calendar });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"calendar-1"');
    const body = calendarResponseSchema.parse(first.json());
    expect(body.version).toBe(1);
    expect(body.table).toMatchObject({ version: 'vn-public-sector-holidays-2025-2027', years: [2025, 2026, 2027] });
    expect(buildWorkCalendar(body.table).describeDay(Date.UTC(2026, 1, 17) / 86_400_000)).toMatchObject({ working: false, source: 'table' });
    const cached = await app.inject({ url: API_PATHS.calendar, headers: { 'if-none-match': '"calendar-1"' } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');

    // The same file again stores nothing; an edited one is the next version.
    const again = await importCalendar(temp.store, defaultHolidayTablePath());
    expect(again.ok && [again.value.changed, again.value.stored.version]).toEqual([false, 1]);
    const edited = JSON.parse(await readFile(defaultHolidayTablePath(), 'utf8')) as { days: unknown[] };
    edited.days = edited.days.slice(1);
    const path = join(temp.dir, 'edited.json');
    await writeFile(path, JSON.stringify(edited));
    const second = await importCalendar(temp.store, path);
    expect(second.ok && second.value.stored.version).toBe(2);
    const after = await app.inject({ url: API_PATHS.calendar, headers: { 'if-none-match': '"calendar-1"' } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).toBe('"calendar-2"');
    expect(calendarResponseSchema.parse(after.json()).table.days).toHaveLength(body.table.days.length - 1);
  });

  it('refuses a table the shared schema refuses and keeps the last good one', async () => {
    await importCalendar(temp.store, defaultHolidayTablePath());
    const path = join(temp.dir, 'bad.json');
    await writeFile(path, JSON.stringify({ version: 'x', years: [2026], days: [{ date: '2026-02-30', name: 'Tết', kind: 'statutory_holiday', status: 'official' }] }));
    const refused = await importCalendar(temp.store, path);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/days\.0\.date: date must be a real YYYY-MM-DD date/);
    expect((await importCalendar(temp.store, join(temp.dir, 'missing.json'))).ok).toBe(false);
    const current = calendarResponseSchema.parse((await app.inject({ url: API_PATHS.calendar })).json());
    expect(current.version).toBe(1);
  });
});
