/** A province's figures from the server (GET /api/province/stats, province devices only) through the one API client. */
import { provinceStatsSchema, type ProvinceStats } from '../../shared/stats/provinceStats.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { createApiClient, type Answer } from './apiClient.ts';

export function fetchProvinceStats(link: { serverUrl: string; token: string; fetchFn?: typeof fetch }, period: { from: string; to: string }): Promise<Answer<ProvinceStats>> {
  const api = createApiClient({ serverUrl: link.serverUrl, token: link.token, ...(link.fetchFn ? { fetchFn: link.fetchFn } : {}) });
  return api.send({ path: API_PATHS.province.figures, query: { from: period.from, to: period.to }, schema: provinceStatsSchema });
}
