/**
 * The statistics screen's pure parts: the periods it offers in Vietnam dates, the figures it
 * validates from the server, and the CSV it writes, which must keep the server's columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { csvCell, STATS_CSV_HEADER, statsToCsv as serverCsv } from '../../shared/stats/statsTable.ts';
import { buildWorkCalendar, parseHolidayTable } from '../../shared/calendar/holidayTable.ts';
import { computeCenterStats } from '../../shared/stats/centerStats.ts';
import { centerStatsSchema } from '../../shared/stats/statsApi.ts';
import { formatRate } from '../../renderer/features/stats/formatFigures.ts';
import { statsToCsv } from '../../renderer/features/stats/statsExport.ts';
import { periodOf, vietnameseDate } from '../../renderer/features/stats/statsPeriod.ts';
import { julyReport } from '../fixtures/centerReports.ts';

const table = parseHolidayTable(JSON.parse(readFileSync(join(sharedDataDir(), 'calendar/vn_holidays_2025_2027.json'), 'utf8')));
if (!table.ok) throw new Error(table.error);
const fixture = julyReport(buildWorkCalendar(table.value));
const computed = computeCenterStats(fixture.files, fixture.options);
if (!computed.ok) throw new Error(computed.error);
const july = computed.value;

describe('the statistics periods', () => {
  it('takes this month and last month in Vietnam time, even late on the last evening UTC', () => {
    // 31/07/2025 18:30 UTC is already 01/08/2025 01:30 in Vietnam.
    const now = Date.parse('2025-07-31T18:30:00Z');
    expect(periodOf({ kind: 'thisMonth' }, now)).toEqual({ from: '2025-08-01', to: '2025-09-01', last: '2025-08-31' });
    expect(periodOf({ kind: 'lastMonth' }, now)).toEqual({ from: '2025-07-01', to: '2025-08-01', last: '2025-07-31' });
    expect(periodOf({ kind: 'lastMonth' }, Date.parse('2026-01-10T03:00:00Z'))).toEqual({ from: '2025-12-01', to: '2026-01-01', last: '2025-12-31' });
  });

  it('counts a chosen range up to and including its last day, and refuses one that runs backwards', () => {
    expect(periodOf({ kind: 'custom', first: '2025-07-01', last: '2025-07-31' }, 0)).toEqual({ from: '2025-07-01', to: '2025-08-01', last: '2025-07-31' });
    expect(periodOf({ kind: 'custom', first: '2025-07-02', last: '2025-07-01' }, 0)).toBeNull();
    expect(periodOf({ kind: 'custom', first: '', last: '2025-07-01' }, 0)).toBeNull();
    expect(vietnameseDate('2025-07-31')).toBe('31/07/2025');
  });
});

describe('the statistics export', () => {
  it('accepts the figures shared/stats computes, and nothing with a negative count', () => {
    expect(centerStatsSchema.safeParse(JSON.parse(JSON.stringify(july))).success).toBe(true);
    expect(centerStatsSchema.safeParse({ ...july, total: { ...july.total, received: -1 } }).success).toBe(false);
  });

  it("writes the server's columns, with a BOM, and the July totals in the first row", () => {
    const csv = statsToCsv(july, '2025-07-31');
    expect(csv.startsWith(`\uFEFF${STATS_CSV_HEADER.slice(0, 5).join(',')},`)).toBe(true);
    const [header, total] = csv.slice(1).split('\r\n').map((line) => line.split(','));
    const cell = (title: string) => total![header!.indexOf(title)];
    expect([total![0], total![2], cell('Tiếp nhận'), cell('Trực tiếp'), cell('Trực tuyến'), cell('Đã trả kết quả'), cell('Đang giải quyết trong hạn')]).toEqual([
      'Tổng cộng',
      '01/07/2025 – 31/07/2025',
      '279',
      '223',
      '56',
      '256',
      '23',
    ]);
    // Field and procedure rows are the server's, cell for cell.
    expect(csv.split('\r\n').slice(2)).toEqual(serverCsv(july).split('\r\n').slice(2));
  });

  it('defuses cells a spreadsheet would run, and writes rates the Vietnamese way', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(formatRate(0.925, 'vi')).toBe('92,5%');
    expect(formatRate(1, 'en')).toBe('100%');
    expect(formatRate(null, 'vi')).toBe('—');
  });
});
