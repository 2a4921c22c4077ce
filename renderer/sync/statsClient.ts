/** The center's figures from the server (GET /api/stats, all devices of the center) through the one API client. */
import type { CenterStats } from '../../shared/stats/centerStats.ts';
import { centerStatsSchema } from '../../shared/stats/statsApi.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { createApiClient, type Answer } from './apiClient.ts';

export interface StatsQuery {
  from: string;
  to: string;
  location: string | null;
  groupBy: 'day' | 'week';
}

export function fetchCenterStats(link: { serverUrl: string; token: string; fetchFn?: typeof fetch }, query: StatsQuery): Promise<Answer<CenterStats>> {
  const api = createApiClient({ serverUrl: link.serverUrl, token: link.token, ...(link.fetchFn ? { fetchFn: link.fetchFn } : {}) });
  return api.send({ path: API_PATHS.stats.figures, query: { from: query.from, to: query.to, groupBy: query.groupBy, location: query.location }, schema: centerStatsSchema });
}
