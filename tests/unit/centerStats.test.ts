import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { buildWorkCalendar, parseHolidayTable } from '../../shared/calendar/holidayTable.ts';
import { computeCenterStats, type CenterStats, type Figures, type StatsOptions } from '../../shared/stats/centerStats.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { CENTER, generateFiles, julyReport, LOCATION, onlineEarlyReport, qualityReport } from '../fixtures/centerReports.ts';

const table = parseHolidayTable(JSON.parse(readFileSync(join(sharedDataDir(), 'calendar/vn_holidays_2025_2027.json'), 'utf8')));
if (!table.ok) throw new Error(table.error);
const calendar = buildWorkCalendar(table.value);

const stats = (files: readonly FileSummary[], options: StatsOptions): CenterStats => {
  const r = computeCenterStats(files, options);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));
const COUNTS: Array<keyof Figures> = ['received', 'receivedInPerson', 'receivedOnline', 'receivedPostal', 'done', 'returned', 'early', 'onTime', 'overdue', 'withinPeriod', 'pendingOverdue', 'noDueDate', 'rejected', 'withdrawn', 'rated', 'satisfied'];

/** Every breakdown must add up to the total. */
function expectBreakdownsAddUp(s: CenterStats) {
  for (const groups of [s.byCenter, s.byField, s.byProcedure]) {
    for (const key of COUNTS) expect(groups.reduce((n, g) => n + (g[key] as number), 0), key).toBe(s.total[key]);
  }
  expect(s.series.points.reduce((n, p) => n + p.received, 0)).toBe(s.total.received);
  expect(s.series.points.reduce((n, p) => n + p.online, 0)).toBe(s.total.receivedOnline);
}

describe('center figures', () => {
  it('reproduces "279 received in July (223 in person, 56 online), 256 returned, 23 still within the period"', () => {
    const fixture = julyReport(calendar);
    const s = stats(fixture.files, fixture.options);
    expect(s.total).toMatchObject(fixture.expected);
    expect(s.total.done).toBe(256);
    expect(s.total.early + s.total.onTime).toBe(256);
    expect(s.total.onTimeRate).toBe(1);
    expect(percent(s.total.onlineRate)).toBe(20);
    expect(s.byCenter.map((c) => c.key)).toEqual([CENTER]);
    expect(s.series.points).toHaveLength(31);
    expectBreakdownsAddUp(s);
  });

  it('reproduces "926 received (924 online, 2 in person), 918 early"', () => {
    const fixture = onlineEarlyReport(calendar);
    const s = stats(fixture.files, fixture.options);
    expect(s.total).toMatchObject(fixture.expected);
    expect(s.total.returned).toBe(926);
    expectBreakdownsAddUp(s);
  });

  it('reproduces "100% on time, 92% online, satisfaction 100%" over a quarter that spans Tết', () => {
    const fixture = qualityReport(calendar);
    const s = stats(fixture.files, fixture.options);
    expect(s.total).toMatchObject(fixture.expected);
    expect([percent(s.total.onTimeRate), percent(s.total.onlineRate), percent(s.total.satisfactionRate)]).toEqual([100, 92, 100]);
    expect(s.total.rated).toBe(50);
    // Weeks start on Monday: 29/12/2025 holds 1–4/01/2026; 30/03 holds the quarter's last two days.
    expect(s.series.bucket).toBe('week');
    expect(s.series.points[0]!.start).toBe('2025-12-29');
    expect(s.series.points.at(-1)!.start).toBe('2026-03-30');
    expect(s.series.points).toHaveLength(14);
    expectBreakdownsAddUp(s);
  });

  it('leaves out other centers, other locations and files received outside [from, to)', () => {
    const fixture = julyReport(calendar);
    const everywhere = stats(fixture.files, { ...fixture.options, centerCode: undefined, locationCode: undefined });
    expect(everywhere.total.received).toBe(279 + 50);
    expect(everywhere.byCenter.map((c) => [c.key, c.received])).toEqual([[CENTER, 304], ['TIENLANG', 25]]);
    const allLocations = stats(fixture.files, { ...fixture.options, locationCode: undefined });
    expect(allLocations.total.received).toBe(304);
  });

  it('takes the figures as of `now`, ignoring results stamped later', () => {
    const fixture = julyReport(calendar);
    const midMonth = stats(fixture.files, { ...fixture.options, now: '2025-07-16T00:00:00+07:00' });
    const endOfMonth = stats(fixture.files, fixture.options);
    expect(midMonth.asOf).toBe('2025-07-15T17:00:00.000Z');
    expect(midMonth.total.received).toBe(endOfMonth.total.received);
    expect(midMonth.total.returned).toBeLessThan(endOfMonth.total.returned);
    expect(midMonth.total.withinPeriod + midMonth.total.pendingOverdue + midMonth.total.done).toBe(279);
  });

  it('splits done files into early, on time and overdue, and counts pending files past due', () => {
    const base = { centerCode: 'X', locationCode: null, channel: 'in_person', field: 'Hộ tịch', procedureCode: '1.001193', procedureName: 'Khai sinh', receivedAt: '2026-03-02T09:00:00+07:00', dueAt: '2026-03-03T17:00:00+07:00', returnedAt: null } as const;
    const files: FileSummary[] = [
      { ...base, status: 'done', doneAt: '2026-03-02T15:00:00+07:00' },
      { ...base, status: 'done', doneAt: '2026-03-03T16:00:00+07:00' },
      { ...base, status: 'done', doneAt: '2026-03-04T08:00:00+07:00' },
      { ...base, status: 'processing', doneAt: null },
      { ...base, status: 'rejected', doneAt: null },
      { ...base, status: 'processing', doneAt: null, dueAt: null },
      { ...base, status: 'returned', doneAt: '2026-03-02T10:00:00+07:00', returnedAt: '2026-03-02T11:00:00+07:00', channel: 'postal', rating: 2 },
    ];
    const s = stats(files, { from: '2026-03-01', to: '2026-04-01', now: '2026-03-10T00:00:00+07:00' }).total;
    expect(s).toMatchObject({ received: 7, receivedPostal: 1, done: 4, returned: 1, early: 2, onTime: 1, overdue: 1, pendingOverdue: 1, withinPeriod: 0, noDueDate: 1, rejected: 1, rated: 1, satisfied: 0 });
    expect(s.onTimeRate).toBe(0.75);
    expect(s.satisfactionRate).toBe(0);
  });

  it('reads epoch milliseconds as well as ISO strings, with the same result', () => {
    const files = generateFiles(2_000, 7);
    const asNumbers = files.map((f) => ({
      ...f,
      receivedAt: Date.parse(f.receivedAt as string),
      dueAt: f.dueAt === null ? null : Date.parse(f.dueAt as string),
      doneAt: f.doneAt === null ? null : Date.parse(f.doneAt as string),
      returnedAt: f.returnedAt === null ? null : Date.parse(f.returnedAt as string),
    }));
    const options: StatsOptions = { from: '2025-03-01', to: '2025-09-01', now: '2026-01-01T00:00:00+07:00', centerCode: CENTER, locationCode: LOCATION, series: 'week' };
    expect(stats(asNumbers, options)).toEqual(stats(files, options));
  });

  it('gives null rates when there is nothing to divide, and refuses a backwards period', () => {
    const s = stats([], { from: '2026-03-01', to: '2026-03-02', now: '2026-03-02T00:00:00+07:00' });
    expect(s.total).toMatchObject({ received: 0, onlineRate: null, onTimeRate: null, satisfactionRate: null });
    expect(computeCenterStats([], { from: '2026-03-02', to: '2026-03-01', now: 0 })).toMatchObject({ ok: false });
    expect(computeCenterStats([], { from: '2026-02-30', to: '2026-03-01', now: 0 })).toMatchObject({ ok: false });
  });
});
