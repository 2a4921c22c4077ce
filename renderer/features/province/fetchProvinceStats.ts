/**
 * A province's figures from the sync server (GET /api/province/stats) with the province device's
 * token. Every outcome is a value: figures checked against the shared schema, or why not.
 */
import { err, ok, type Result } from '../../../shared/result.ts';
import { PROVINCE_PATHS, provinceStatsSchema, type ProvinceStats } from '../../../shared/stats/provinceStats.ts';
import { apiErrorSchema } from '../../../shared/sync/protocol.ts';

/** 'offline': no answer (try again); 'refused': the server said why not. */
export type FetchProvinceError = { kind: 'offline' | 'refused'; reason: string };

export async function fetchProvinceStats(serverUrl: string, token: string, period: { from: string; to: string }, timeoutMs = 30_000): Promise<Result<ProvinceStats, FetchProvinceError>> {
  const url = new URL(PROVINCE_PATHS.stats, serverUrl);
  url.searchParams.set('from', period.from);
  url.searchParams.set('to', period.to);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    return err({ kind: 'offline', reason: (e as Error).message });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return err({ kind: response.ok ? 'refused' : 'offline', reason: `HTTP ${response.status}: not JSON` });
  }
  if (!response.ok) {
    const apiError = apiErrorSchema.safeParse(body);
    return err({ kind: response.status >= 500 ? 'offline' : 'refused', reason: apiError.success ? apiError.data.reason : `HTTP ${response.status}` });
  }
  const parsed = provinceStatsSchema.safeParse(body);
  return parsed.success ? ok(parsed.data) : err({ kind: 'refused', reason: `unexpected figures: ${parsed.error.issues[0]?.message ?? 'wrong shape'}` });
}
