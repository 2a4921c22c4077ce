/**
 * The center's figures as one table with Vietnamese headers (total, then each field, then each
 * procedure), and as CSV for Excel: UTF-8 with a BOM (or Excel reads Vietnamese as mojibake), CRLF,
 * RFC 4180 quoting, and cells that would start a formula defused. The server's /api/stats.csv and
 * the admin screen's CSV and XLSX downloads all come from here.
 */
import type { CenterStats, Figures, GroupFigures } from './centerStats.ts';

export const CSV_BOM = '\uFEFF';

export type Cell = string | number | null;

/** Column headers as a Vietnamese office reads them, with the figure each one holds. */
export const FIGURE_COLUMNS: readonly (readonly [keyof Figures, string])[] = [
  ['received', 'Tiếp nhận'],
  ['receivedInPerson', 'Trực tiếp'],
  ['receivedOnline', 'Trực tuyến'],
  ['receivedPostal', 'Bưu chính'],
  ['done', 'Đã giải quyết'],
  ['returned', 'Đã trả kết quả'],
  ['early', 'Trước hạn'],
  ['onTime', 'Đúng hạn'],
  ['overdue', 'Quá hạn'],
  ['withinPeriod', 'Đang giải quyết trong hạn'],
  ['pendingOverdue', 'Đang giải quyết quá hạn'],
  ['noDueDate', 'Không có hạn'],
  ['doneNoDueDate', 'Đã giải quyết (không có hạn)'],
  ['pendingNoDueDate', 'Đang giải quyết (chưa có hạn)'],
  ['rejected', 'Từ chối'],
  ['withdrawn', 'Rút hồ sơ'],
  ['rated', 'Lượt đánh giá'],
  ['satisfied', 'Hài lòng'],
  ['onlineRate', 'Tỷ lệ trực tuyến (%)'],
  ['onTimeRate', 'Tỷ lệ đúng hạn (%)'],
  ['satisfactionRate', 'Tỷ lệ hài lòng (%)'],
];

export const STATS_CSV_HEADER = ['Nhóm', 'Mã', 'Tên', 'Lĩnh vực', ...FIGURE_COLUMNS.map(([, title]) => title)];

const GROUP_TITLES = { total: 'Tổng cộng', field: 'Lĩnh vực', procedure: 'Thủ tục' } as const;

/** Rates as percentages with one decimal (92.5), blank when there was nothing to divide by. */
export const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

const figureCells = (f: Figures): Cell[] => FIGURE_COLUMNS.map(([key]) => (key.endsWith('Rate') ? percent(f[key]) : f[key]));
const groupRow = (group: keyof typeof GROUP_TITLES, g: GroupFigures): Cell[] => [GROUP_TITLES[group], g.key, g.label, g.field, ...figureCells(g)];

/** The rows under the header; `periodLabel` names the period in the total row. */
export function statsRows(stats: CenterStats, periodLabel: string): Cell[][] {
  return [
    [GROUP_TITLES.total, '', periodLabel, null, ...figureCells(stats.total)],
    ...stats.byField.map((g) => groupRow('field', g)),
    ...stats.byProcedure.map((g) => groupRow('procedure', g)),
  ];
}

/** A cell as CSV text: quoted when needed; a leading = + - @ is prefixed so a spreadsheet shows it, not runs it. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function statsToCsv(stats: CenterStats, periodLabel = `${stats.from} – ${stats.to}`): string {
  const rows = [STATS_CSV_HEADER, ...statsRows(stats, periodLabel)];
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
