/**
 * The center's figures from the sync server (GET /api/stats, all devices of the center), with this
 * device's token. Every outcome is a value: figures checked against their schema, or why not.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { CenterStats } from '../../../shared/stats/centerStats.ts';
import { apiErrorSchema, SYNC_PATHS } from '../../../shared/sync/protocol.ts';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
const figuresSchema = z.object({
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

export const centerStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  total: figuresSchema,
  byCenter: z.array(groupSchema),
  byField: z.array(groupSchema),
  byProcedure: z.array(groupSchema),
  series: z.object({
    bucket: z.enum(['day', 'week']),
    points: z.array(z.object({ start: z.string(), received: count, online: count, done: count })),
  }),
}) satisfies z.ZodType<CenterStats>;

export interface StatsQuery {
  from: string;
  to: string;
  location: string | null;
  groupBy: 'day' | 'week';
}

/** 'offline' means no answer (the screen then counts this device's files); anything else is a refusal. */
export type FetchStatsError = { kind: 'offline' | 'refused'; reason: string };

export async function fetchCenterStats(serverUrl: string, token: string, query: StatsQuery, timeoutMs = 15_000): Promise<Result<CenterStats, FetchStatsError>> {
  const url = new URL(SYNC_PATHS.stats, serverUrl);
  url.searchParams.set('from', query.from);
  url.searchParams.set('to', query.to);
  url.searchParams.set('groupBy', query.groupBy);
  if (query.location) url.searchParams.set('location', query.location);
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
  const parsed = centerStatsSchema.safeParse(body);
  return parsed.success ? ok(parsed.data) : err({ kind: 'refused', reason: `unexpected figures: ${parsed.error.issues[0]?.message ?? 'wrong shape'}` });
}
