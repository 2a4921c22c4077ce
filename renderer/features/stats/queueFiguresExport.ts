/**
 * The front desk's figures as files for Excel, from the same table as the server's
 * /api/queue/figures.csv (shared/stats/queueFiguresTable.ts), with days written dd/mm/yyyy.
 */
import type { QueueFigures } from '../../../shared/queue/queueFigures.ts';
import { QUEUE_CSV_HEADER, queueFigureRows, queueFiguresToCsv } from '../../../shared/stats/queueFiguresTable.ts';
import { vietnameseDate } from './statsPeriod.ts';

export function queueFiguresCsv(figures: QueueFigures, periodLabel: string): string {
  return queueFiguresToCsv(figures, periodLabel, vietnameseDate);
}

export async function queueFiguresToXlsx(figures: QueueFigures, periodLabel: string, title: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = QUEUE_CSV_HEADER.map((value) => ({ value, fontWeight: 'bold' as const, wrap: true, align: 'center' as const }));
  const data = [[{ value: title, fontWeight: 'bold' as const }], header, ...queueFigureRows(figures, periodLabel, vietnameseDate)];
  const columns = QUEUE_CSV_HEADER.map((_, i) => ({ width: i === 1 ? 40 : i === 0 ? 14 : 12 }));
  return writeXlsxFile(data, { columns, sheet: 'Xếp hàng' }).toBlob();
}

export const queueFiguresFileName = (centerCode: string, figures: QueueFigures, ext: 'csv' | 'xlsx') => `xep-hang-${centerCode}-${figures.from}-${figures.to}.${ext}`;
