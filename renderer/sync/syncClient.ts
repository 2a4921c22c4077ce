/**
 * The sync protocol's requests (shared/sync/protocol.ts) through the one API client: push, the
 * status pull, the catalog's changes, and enrolment. Outcomes are the client's timed values; the
 * refusals the protocol gives meaning to (a sequence gap) are read here, once.
 */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { RequestWeight } from '../../shared/sync/linkTiming.ts';
import {
  catalogChangesSchema,
  enrolResponseSchema,
  pushResponseSchema,
  sequenceGapSchema,
  statusPullResponseSchema,
  type CatalogChanges,
  type EnrolRequest,
  type EnrolResponse,
  type Mutation,
  type PushResponse,
  type StatusPullResponse,
} from '../../shared/sync/protocol.ts';
import { createApiClient, type Answer, type ApiFailure } from './apiClient.ts';

export interface SyncClientOptions {
  serverUrl: string;
  token: string;
  /** Timeout of an ordinary request (REQUEST_TIMEOUTS.normal by default); a push gets more per byte. */
  timeoutMs?: number;
  fetchFn?: typeof fetch;
  /** Clock for elapsed times (ms). */
  clock?: () => number;
}

export interface SyncClient {
  push(mutations: Mutation[]): Promise<Answer<PushResponse>>;
  pullStatuses(cursor: number, limit?: number): Promise<Answer<StatusPullResponse>>;
  catalogChanges(version: number): Promise<Answer<CatalogChanges>>;
}

/**
 * The server's last applied number when it refused a push that does not follow it (409
 * `sequence_gap`): resend from there + 1. Null for any other failure.
 */
export function sequenceGapOf(failure: ApiFailure): number | null {
  if (failure.kind !== 'refused' || failure.code !== 'sequence_gap') return null;
  const gap = sequenceGapSchema.safeParse(failure.body);
  return gap.success ? gap.data.lastAppliedSeq : null;
}

/** The timeouts of a client built for the sync loop: its ordinary one, and the bulk ones in proportion. */
export function timeoutsFrom(timeoutMs: number | undefined): Partial<Record<RequestWeight, number>> | undefined {
  return timeoutMs === undefined ? undefined : { glance: timeoutMs, normal: timeoutMs, bulk: timeoutMs * 4 };
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const timeouts = timeoutsFrom(options.timeoutMs);
  const api = createApiClient({
    serverUrl: options.serverUrl,
    token: options.token,
    ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(timeouts ? { timeouts } : {}),
  });
  return {
    push: (mutations) => api.send({ method: 'POST', path: API_PATHS.sync.push, json: { mutations }, schema: pushResponseSchema }),
    pullStatuses: (cursor, limit = 200) => api.send({ path: API_PATHS.sync.statuses, query: { since: cursor, limit }, schema: statusPullResponseSchema }),
    // A full catalog can be a few MB, so it gets the bulk time.
    catalogChanges: (version) => api.send({ path: API_PATHS.catalog.changes, query: { since: version }, weight: 'bulk', schema: catalogChangesSchema }),
  };
}

/** Enrols this device with a center; the answer (token included) is for deviceRepository.saveDevice. */
export function enrol(
  serverUrl: string,
  body: EnrolRequest,
  options: { timeoutMs?: number; fetchFn?: typeof fetch; clock?: () => number } = {},
): Promise<Answer<EnrolResponse>> {
  const timeouts = timeoutsFrom(options.timeoutMs);
  const api = createApiClient({
    serverUrl,
    ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(timeouts ? { timeouts } : {}),
  });
  return api.send({ method: 'POST', path: API_PATHS.devices.enrol, json: body, schema: enrolResponseSchema });
}
