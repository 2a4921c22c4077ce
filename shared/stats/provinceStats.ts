/**
 * A province's figures for a period: the same figures a center sees (shared/stats/centerStats.ts),
 * for each of the province's centers side by side (a center with no file in the period shows
 * zeros), per field across the province, and in total. One table for the screen, the server's CSV
 * and the screen's XLSX, with Vietnamese headers like the center's report.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { computeCenterStats, type CenterStats, type GroupFigures, type StatsOptions } from './centerStats.ts';
import type { FileSummary } from './fileSummary.ts';
import { CSV_BOM, csvCell, FIGURE_COLUMNS, percent, type Cell } from './statsTable.ts';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
export const figuresSchema = z.object({
  received: count,
  receivedInPerson: count,
  receivedOnline: count,
  receivedPostal: count,
  done: count,
  returned: count,
  early: count,
  onTime: count,
  overdue: count,
  withinPeriod: count,
  pendingOverdue: count,
  noDueDate: count,
  doneNoDueDate: count,
  pendingNoDueDate: count,
  rejected: count,
  withdrawn: count,
  rated: count,
  satisfied: count,
  onlineRate: rate,
  onTimeRate: rate,
  satisfactionRate: rate,
});
const groupSchema = figuresSchema.extend({ key: z.string(), label: z.string(), field: z.string().nullable() });

export const provinceStatsSchema = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  total: figuresSchema,
  /** Every center of the province, by code: `label` is the center's name. */
  byCenter: z.array(groupSchema),
  byField: z.array(groupSchema),
});
export type ProvinceStats = z.infer<typeof provinceStatsSchema>;

export interface ProvinceCenter {
  code: string;
  name: string;
}

/** The figures of the province's centers, from their files' summaries (one read for all of them). */
export function computeProvinceStats(
  files: readonly FileSummary[],
  province: ProvinceCenter,
  centers: readonly ProvinceCenter[],
  options: Omit<StatsOptions, 'centerCode' | 'series'>,
): Result<ProvinceStats> {
  const members = new Set(centers.map((c) => c.code));
  const mine = files.filter((f) => members.has(f.centerCode));
  const computed = computeCenterStats(mine, { ...options, series: 'week' });
  if (!computed.ok) return computed;
  const stats: CenterStats = computed.value;
  const empty = computeCenterStats([], { ...options, series: 'week' });
  if (!empty.ok) return err(empty.error);
  const byCode = new Map(stats.byCenter.map((g) => [g.key, g]));
  const byCenter: GroupFigures[] = centers.map((c) => ({ ...(byCode.get(c.code) ?? { ...empty.value.total, key: c.code, field: null }), key: c.code, label: c.name }));
  return ok({ province, from: stats.from, to: stats.to, asOf: stats.asOf, total: stats.total, byCenter, byField: stats.byField });
}

export const PROVINCE_CSV_HEADER = ['Nhóm', 'Mã', 'Tên', ...FIGURE_COLUMNS.map(([, title]) => title)];

const cells = (g: ProvinceStats['total']): Cell[] => FIGURE_COLUMNS.map(([key]) => (key.endsWith('Rate') ? percent(g[key]) : g[key]));

/** The rows under the header: the province's total, each center, each field. */
export function provinceStatsRows(stats: ProvinceStats, periodLabel: string): Cell[][] {
  return [
    ['Toàn tỉnh', stats.province.code, `${stats.province.name} (${periodLabel})`, ...cells(stats.total)],
    ...stats.byCenter.map((g) => ['Trung tâm', g.key, g.label, ...cells(g)]),
    ...stats.byField.map((g) => ['Lĩnh vực', g.key, g.label, ...cells(g)]),
  ];
}

export function provinceStatsToCsv(stats: ProvinceStats, periodLabel = `${stats.from} – ${stats.to}`): string {
  const rows = [PROVINCE_CSV_HEADER, ...provinceStatsRows(stats, periodLabel)];
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
