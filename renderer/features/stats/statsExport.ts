/**
 * The figures as files an office opens in Excel: CSV (UTF-8 with a BOM, CRLF, RFC 4180 quoting,
 * formula-looking cells defused) and XLSX (write-excel-file), from the same table as the server's
 * /api/stats.csv (shared/stats/statsTable.ts), then saved by the browser.
 */
import type { CenterStats } from '../../../shared/stats/centerStats.ts';
import { STATS_CSV_HEADER, statsRows, statsToCsv as sharedStatsToCsv } from '../../../shared/stats/statsTable.ts';
import { vietnameseDate } from './statsPeriod.ts';

/** The CSV the screen downloads: the server's table, with the period in Vietnamese dates. */
export function statsToCsv(stats: CenterStats, lastDay: string): string {
  return sharedStatsToCsv(stats, periodLabel(stats, lastDay));
}

const periodLabel = (stats: CenterStats, lastDay: string) => `${vietnameseDate(stats.from)} – ${vietnameseDate(lastDay)}`;

export async function statsToXlsx(stats: CenterStats, lastDay: string, title: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = STATS_CSV_HEADER.map((value) => ({ value, fontWeight: 'bold' as const, wrap: true, align: 'center' as const }));
  const data = [[{ value: title, fontWeight: 'bold' as const }], header, ...statsRows(stats, periodLabel(stats, lastDay))];
  const columns = STATS_CSV_HEADER.map((_, i) => ({ width: i === 2 ? 48 : i === 3 ? 24 : 12 }));
  return writeXlsxFile(data, { columns, sheet: 'Thống kê' }).toBlob();
}

/** Saves a blob through the browser's download (an <a download>, so it works offline too). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const exportFileName = (centerCode: string, stats: CenterStats, ext: 'csv' | 'xlsx') => `thong-ke-${centerCode}-${stats.from}-${stats.to}.${ext}`;
