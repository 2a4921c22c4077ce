/**
 * The front desk's figures as a table with Vietnamese headers (total, then by service, counter, hour
 * and day), and as CSV for Excel in the same form as the files' figures (shared/stats/statsTable.ts:
 * BOM, CRLF, quoting, formulas defused). The server's /api/queue/figures.csv and the figures
 * screen's CSV and XLSX come from here.
 */
import type { QueueFigureGroup, QueueFigures } from '../queue/queueFigures.ts';
import { CSV_BOM, csvCell, type Cell } from './statsTable.ts';

export const QUEUE_FIGURE_COLUMNS: readonly (readonly [Exclude<keyof QueueFigureGroup, 'key' | 'label'>, string])[] = [
  ['tickets', 'Số đã cấp'],
  ['called', 'Đã gọi'],
  ['served', 'Đã phục vụ'],
  ['noShows', 'Vắng mặt'],
  ['cancelled', 'Hủy'],
  ['waitMinutesAvg', 'Chờ trung bình (phút)'],
  ['waitMinutesMax', 'Chờ lâu nhất (phút)'],
  ['serveMinutesAvg', 'Phục vụ trung bình (phút)'],
];

export const QUEUE_CSV_HEADER = ['Nhóm', 'Tên', ...QUEUE_FIGURE_COLUMNS.map(([, title]) => title)];

const GROUP_TITLES = { total: 'Tổng cộng', service: 'Dịch vụ', counter: 'Quầy', hour: 'Giờ lấy số', day: 'Ngày' } as const;

const row = (group: keyof typeof GROUP_TITLES, g: QueueFigureGroup, label = g.label): Cell[] => [GROUP_TITLES[group], label, ...QUEUE_FIGURE_COLUMNS.map(([key]) => g[key])];

/** Rows under the header; `periodLabel` names the period in the total row, `dayLabel` writes a day. */
export function queueFigureRows(figures: QueueFigures, periodLabel: string, dayLabel: (isoDay: string) => string = (d) => d): Cell[][] {
  return [
    row('total', figures.total, periodLabel),
    ...figures.byService.map((g) => row('service', g)),
    ...figures.byCounter.map((g) => row('counter', g)),
    ...figures.byHour.map((g) => row('hour', g)),
    ...figures.byDay.map((g) => row('day', g, dayLabel(g.key))),
  ];
}

export function queueFiguresToCsv(figures: QueueFigures, periodLabel = `${figures.from} – ${figures.to}`, dayLabel?: (isoDay: string) => string): string {
  const rows = [QUEUE_CSV_HEADER, ...queueFigureRows(figures, periodLabel, dayLabel)];
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
