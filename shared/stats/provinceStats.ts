/**
 * A province's figures for a period: the same figures a center sees (shared/stats/centerStats.ts),
 * for each of the province's centers side by side (a center with no file in the period shows
 * zeros), per field across the province, and in total. A province has hundreds of thousands of
 * files a year, so the database counts them where they are and only the counts come here. One table
 * for the screen, the server's CSV and the screen's XLSX, with Vietnamese headers like the center's
 * report.
 */
import { z } from 'zod';
import { ok, type Result } from '../result.ts';
import { statsPeriod, type StatsOptions } from './centerStats.ts';
import { addCounts, emptyCounts, figuresFromCounts, sortedGroupFigures, type CenterFieldCounts, type FigureCounts } from './figureCounts.ts';
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

/**
 * The figures of the province's centers from the counts the database made per center and field
 * (server/store/figureCountsSql.ts): summed per center, per field and in total, with the rates
 * and order the center's own figures have (figureCounts.ts). Counts of a center not in `centers`
 * are left out; a center without counts shows zeros.
 */
export function computeProvinceStats(
  counted: readonly CenterFieldCounts[],
  province: ProvinceCenter,
  centers: readonly ProvinceCenter[],
  options: Pick<StatsOptions, 'from' | 'to' | 'now'>,
): Result<ProvinceStats> {
  const period = statsPeriod(options);
  if (!period.ok) return period;
  const total = emptyCounts();
  const byCenter = new Map(centers.map((c) => [c.code, emptyCounts()]));
  const byField = new Map<string, FigureCounts>();
  for (const group of counted) {
    const center = byCenter.get(group.centerCode);
    if (!center) continue;
    addCounts(center, group.counts);
    addCounts(total, group.counts);
    let field = byField.get(group.field);
    if (!field) byField.set(group.field, (field = emptyCounts()));
    addCounts(field, group.counts);
  }
  return ok({
    province,
    from: options.from,
    to: options.to,
    asOf: new Date(period.value.asOfMs).toISOString(),
    total: figuresFromCounts(total),
    byCenter: centers.map((c) => ({ key: c.code, label: c.name, field: null, ...figuresFromCounts(byCenter.get(c.code)!) })),
    byField: sortedGroupFigures([...byField].map(([key, counts]) => ({ key, label: key, field: null, counts }))),
  });
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
