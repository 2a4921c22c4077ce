/**
 * The center's figures for a period (GET /api/stats, and /api/stats.csv for Excel): the device's
 * own center only, computed by shared/stats from the files, their history and the ratings.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dayNumberFromIso, instantAt } from '../../shared/calendar/civilDay.ts';
import { computeCenterStats, type CenterStats } from '../../shared/stats/centerStats.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import { statsQuerySchema } from '../../shared/stats/statsApi.ts';
import { statsToCsv } from '../../shared/stats/statsTable.ts';
import type { FileStore } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

/** The center's official figures: a center admin's device only. */
const ADMIN = { config: { roles: ['admin'] } } as const;

export function registerStatsRoutes(app: FastifyInstance, store: FileStore): void {
  /** The figures, or an error already sent. */
  async function figures(request: FastifyRequest, reply: FastifyReply): Promise<CenterStats | null> {
    const device = deviceOf(request);
    const query = statsQuerySchema.safeParse(request.query);
    if (!query.success) {
      sendError(reply, 400, 'invalid_request', describeIssues(query.error));
      return null;
    }
    const { from, to, location, groupBy } = query.data;
    const summaries = await store.fileSummaries({
      centerCode: device.centerCode,
      fromMs: instantAt(dayNumberFromIso(from)!).getTime(),
      toMs: instantAt(dayNumberFromIso(to)!).getTime(),
    });
    if (!summaries.ok) {
      sendError(reply, 503, 'storage', summaries.error.reason);
      return null;
    }
    const stats = computeCenterStats(summaries.value, {
      from,
      to,
      now: new Date(),
      centerCode: device.centerCode,
      ...(location === undefined ? {} : { locationCode: location }),
      series: groupBy,
    });
    if (!stats.ok) {
      sendError(reply, 400, 'invalid_request', stats.error);
      return null;
    }
    return stats.value;
  }

  app.get(API_PATHS.stats.figures, ADMIN, async (request, reply) => {
    const stats = await figures(request, reply);
    return stats ?? reply;
  });

  app.get(API_PATHS.stats.csv, ADMIN, async (request, reply) => {
    const stats = await figures(request, reply);
    if (!stats) return reply;
    const center = deviceOf(request).centerCode;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="thong-ke-${center}-${stats.from}-${stats.to}.csv"`)
      .send(statsToCsv(stats));
  });
}
