/**
 * The center's figures as CSV for Excel: UTF-8 with a BOM (or Excel reads Vietnamese as mojibake),
 * CRLF line ends, RFC 4180 quoting, and cells that would start a formula defused.
 */
import type { CenterStats, Figures, GroupFigures } from '../../shared/stats/centerStats.ts';

export const CSV_BOM = '\uFEFF';

/** Column headers as a Vietnamese office reads them, with the figure each one holds. */
const FIGURE_COLUMNS: readonly (readonly [keyof Figures, string])[] = [
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

/** A cell as text: quoted when needed; a leading = + - @ is prefixed so a spreadsheet shows it, not runs it. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rates as percentages with one decimal (92.5), blank when there was nothing to divide by. */
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function figureCells(f: Figures): (string | number | null)[] {
  return FIGURE_COLUMNS.map(([key]) => {
    const value = f[key];
    return key.endsWith('Rate') ? percent(value) : value;
  });
}

const groupRow = (group: keyof typeof GROUP_TITLES, g: GroupFigures) => [GROUP_TITLES[group], g.key, g.label, g.field, ...figureCells(g)];

/** One table: the total, then each field, then each procedure (largest first, as computed). */
export function statsToCsv(stats: CenterStats): string {
  const rows: (string | number | null)[][] = [
    STATS_CSV_HEADER,
    [GROUP_TITLES.total, '', `${stats.from} – ${stats.to}`, null, ...figureCells(stats.total)],
    ...stats.byField.map((g) => groupRow('field', g)),
    ...stats.byProcedure.map((g) => groupRow('procedure', g)),
  ];
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
