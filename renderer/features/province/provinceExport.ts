/**
 * The province's figures as files an office opens in Excel, from the same table as the server's
 * /api/province/stats.csv (shared/stats/provinceStats.ts): CSV and XLSX, with Vietnamese dates.
 */
import { PROVINCE_CSV_HEADER, provinceStatsRows, provinceStatsToCsv, type ProvinceStats } from '../../../shared/stats/provinceStats.ts';
import { vietnameseDate } from '../stats/statsPeriod.ts';

const periodLabel = (stats: ProvinceStats, lastDay: string) => `${vietnameseDate(stats.from)} – ${vietnameseDate(lastDay)}`;

export const provinceCsv = (stats: ProvinceStats, lastDay: string): string => provinceStatsToCsv(stats, periodLabel(stats, lastDay));

export async function provinceXlsx(stats: ProvinceStats, lastDay: string, title: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = PROVINCE_CSV_HEADER.map((value) => ({ value, fontWeight: 'bold' as const, wrap: true, align: 'center' as const }));
  const data = [[{ value: title, fontWeight: 'bold' as const }], header, ...provinceStatsRows(stats, periodLabel(stats, lastDay))];
  const columns = PROVINCE_CSV_HEADER.map((_, i) => ({ width: i === 2 ? 40 : 12 }));
  return writeXlsxFile(data, { columns, sheet: 'Thống kê tỉnh' }).toBlob();
}

export const provinceFileName = (stats: ProvinceStats, ext: 'csv' | 'xlsx') => `thong-ke-tinh-${stats.province.code}-${stats.from}-${stats.to}.${ext}`;
