/**
 * A province's figures (GET /api/province/stats, and .csv for Excel): the province's own devices
 * only (role 'province', enrolled with the province's code), over the centers that name the
 * province: the database counts their files per center and field (store/figureCountsSql.ts), and
 * shared/stats makes the figures from the counts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { statsPeriod } from '../../shared/stats/centerStats.ts';
import { computeProvinceStats, provinceStatsToCsv, type ProvinceStats } from '../../shared/stats/provinceStats.ts';
import { statsQuerySchema } from '../../shared/stats/statsApi.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { DeviceStore, FileStore } from '../store/store.ts';

const PROVINCE = { config: { roles: ['province'] } } as const;

export function registerProvinceRoutes(app: FastifyInstance, store: FileStore & DeviceStore): void {
  /** The figures, or an error already sent. */
  async function figures(request: FastifyRequest, reply: FastifyReply): Promise<ProvinceStats | null> {
    const device = deviceOf(request);
    const query = statsQuerySchema.safeParse(request.query);
    if (!query.success) {
      sendError(reply, 400, 'invalid_request', describeIssues(query.error));
      return null;
    }
    const [province, centers] = await Promise.all([store.findCenter(device.centerCode), store.provinceCenters(device.centerCode)]);
    if (!province.ok || !centers.ok) {
      sendError(reply, 503, 'storage', !province.ok ? province.error.reason : !centers.ok ? centers.error.reason : '');
      return null;
    }
    if (province.value?.kind !== 'province') {
      sendError(reply, 403, 'not_a_province', `${device.centerCode} is not a province's account`);
      return null;
    }
    const { from, to } = query.data;
    // One moment for the counts and the answer's asOf.
    const now = app.serverNow();
    const period = statsPeriod({ from, to, now });
    if (!period.ok) {
      sendError(reply, 400, 'invalid_request', period.error);
      return null;
    }
    const counts = await store.figureCounts({ centerCodes: centers.value.map((c) => c.code), ...period.value });
    if (!counts.ok) {
      sendError(reply, 503, 'storage', counts.error.reason);
      return null;
    }
    const stats = computeProvinceStats(
      counts.value,
      { code: province.value.code, name: province.value.name },
      centers.value.map((c) => ({ code: c.code, name: c.name })),
      { from, to, now },
    );
    if (!stats.ok) {
      sendError(reply, 400, 'invalid_request', stats.error);
      return null;
    }
    return stats.value;
  }

  app.get(API_PATHS.province.figures, PROVINCE, async (request, reply) => {
    const stats = await figures(request, reply);
    return stats ?? reply;
  });

  app.get(API_PATHS.province.csv, PROVINCE, async (request, reply) => {
    const stats = await figures(request, reply);
    if (!stats) return reply;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="thong-ke-tinh-${stats.province.code}-${stats.from}-${stats.to}.csv"`)
      .send(provinceStatsToCsv(stats));
  });
}
