/**
 * The HTTP side of sync, per shared/sync/protocol.ts: every request has a timeout, every answer is
 * checked against its schema, and every outcome, good or bad, is a value that says how long the
 * request took (the sync loop marks the link slow from that).
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.ts';
import {
  apiErrorSchema,
  catalogChangesSchema,
  enrolResponseSchema,
  pushResponseSchema,
  sequenceGapSchema,
  statusPullResponseSchema,
  SYNC_PATHS,
  type CatalogChanges,
  type EnrolRequest,
  type EnrolResponse,
  type Mutation,
  type PushResponse,
  type StatusPullResponse,
} from '../../shared/sync/protocol.ts';
import { offsetMismatchSchema } from '../../shared/sync/scanUpload.ts';

export type SyncClientError =
  /** No answer: network down, DNS, refused connection or timeout. */
  | { kind: 'offline'; reason: string }
  /** 401: the token is unknown or revoked (or, at enrolment, the enrolment code is wrong). */
  | { kind: 'unauthorised'; reason: string }
  /** 409: the push does not follow what the server has applied; resend from `lastAppliedSeq` + 1. */
  | { kind: 'gap'; lastAppliedSeq: number; reason: string }
  /**
   * 400 (or another 4xx): the server refused the request itself. `code` is the answer's stable
   * error code; `committed` comes with a scan chunk sent at the wrong offset (resume from there).
   */
  | { kind: 'rejected'; status: number; reason: string; code?: string; committed?: number }
  /** 404: the server does not have this resource or route (e.g. an older server). */
  | { kind: 'not_found'; reason: string }
  /** 5xx: the server is there but failed. */
  | { kind: 'server'; status: number; reason: string }
  /** An answer that does not match the protocol. */
  | { kind: 'invalid'; reason: string };

/** A result plus how long the request took, whatever its outcome. */
export type Timed<T> = Result<T, SyncClientError> & { elapsedMs: number };

export interface SyncClientOptions {
  serverUrl: string;
  token: string;
  /** Timeout for a small request; a push gets more time per byte it carries. */
  timeoutMs?: number;
  fetchFn?: typeof fetch;
  /** Clock for elapsed times (ms). */
  clock?: () => number;
}

export interface SyncClient {
  push(mutations: Mutation[]): Promise<Timed<PushResponse>>;
  pullStatuses(cursor: number, limit?: number): Promise<Timed<StatusPullResponse>>;
  catalogChanges(version: number): Promise<Timed<CatalogChanges>>;
}

/** A slow link still gets this many bytes through per second before a push or a scan chunk times out. */
export const MIN_UPLOAD_BYTES_PER_SECOND = 32 * 1024;

export interface RequestSpec<T> {
  url: string;
  init: RequestInit;
  timeoutMs: number;
  schema: z.ZodType<T>;
}

export async function request<T>(spec: RequestSpec<T>, fetchFn: typeof fetch, clock: () => number): Promise<Timed<T>> {
  const started = clock();
  const done = (result: Result<T, SyncClientError>): Timed<T> => ({ ...result, elapsedMs: clock() - started });
  let response: Response;
  try {
    response = await fetchFn(spec.url, { ...spec.init, cache: 'no-store', signal: AbortSignal.timeout(spec.timeoutMs) });
  } catch (e) {
    const name = (e as { name?: string }).name;
    const reason = name === 'TimeoutError' ? `no answer within ${Math.round(spec.timeoutMs / 1000)} s` : `cannot reach the server (${(e as Error).message})`;
    return done(err({ kind: 'offline', reason }));
  }
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text.length > 0 ? JSON.parse(text) : null;
  } catch (e) {
    if ((e as { name?: string }).name === 'TimeoutError' || (e as { name?: string }).name === 'AbortError') {
      return done(err({ kind: 'offline', reason: 'the answer was cut off' }));
    }
    if (response.ok) return done(err({ kind: 'invalid', reason: 'the server answered with something that is not JSON' }));
  }
  if (response.ok) {
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) return done(err({ kind: 'invalid', reason: `unexpected answer from ${new URL(spec.url).pathname}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}` }));
    return done(ok(parsed.data));
  }
  const apiError = apiErrorSchema.safeParse(body);
  const reason = apiError.success ? apiError.data.reason : `HTTP ${response.status}`;
  const status = response.status;
  if (status === 401 || status === 403) return done(err({ kind: 'unauthorised', reason }));
  if (status === 404) return done(err({ kind: 'not_found', reason }));
  if (status === 409) {
    const gap = sequenceGapSchema.safeParse(body);
    if (gap.success) return done(err({ kind: 'gap', lastAppliedSeq: gap.data.lastAppliedSeq, reason: `the server has applied up to ${gap.data.lastAppliedSeq}` }));
    const offset = offsetMismatchSchema.safeParse(body);
    if (offset.success) return done(err({ kind: 'rejected', status, reason, code: offset.data.error, committed: offset.data.committed }));
    if (!apiError.success) return done(err({ kind: 'invalid', reason: `409 without a sequence number: ${reason}` }));
  }
  if (status >= 500) return done(err({ kind: 'server', status, reason }));
  return done(err({ kind: 'rejected', status, reason, ...(apiError.success ? { code: apiError.data.error } : {}) }));
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const fetchFn = options.fetchFn ?? ((...args) => globalThis.fetch(...args));
  const clock = options.clock ?? (() => performance.now());
  const url = (path: string, query?: Record<string, number>) => {
    const u = new URL(path, options.serverUrl);
    for (const [k, v] of Object.entries(query ?? {})) u.searchParams.set(k, String(v));
    return u.href;
  };
  const headers = { authorization: `Bearer ${options.token}` };

  return {
    push(mutations) {
      const body = JSON.stringify({ mutations });
      return request(
        {
          url: url(SYNC_PATHS.push),
          init: { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body },
          timeoutMs: timeoutMs + Math.ceil((body.length / MIN_UPLOAD_BYTES_PER_SECOND) * 1000),
          schema: pushResponseSchema,
        },
        fetchFn,
        clock,
      );
    },
    pullStatuses(cursor, limit = 200) {
      return request(
        { url: url(SYNC_PATHS.statuses, { since: cursor, limit }), init: { headers }, timeoutMs, schema: statusPullResponseSchema },
        fetchFn,
        clock,
      );
    },
    catalogChanges(version) {
      return fetchCatalogChanges(options.serverUrl, version, { timeoutMs, fetchFn, clock, headers });
    },
  };
}

/**
 * The catalog's changes since `version` (0: the whole catalog). A public route: a kiosk asks it
 * before it is enrolled, a counter through its client above; both apply the answer the same way
 * (sync/catalogPull.ts).
 */
export function fetchCatalogChanges(
  serverUrl: string,
  version: number,
  options: { timeoutMs?: number; fetchFn?: typeof fetch; clock?: () => number; headers?: Record<string, string> } = {},
): Promise<Timed<CatalogChanges>> {
  const url = new URL(SYNC_PATHS.catalogChanges, serverUrl);
  url.searchParams.set('since', String(version));
  return request(
    // A whole catalog is a few hundred KB compressed, so it gets longer than a small request.
    { url: url.href, init: { headers: options.headers ?? {} }, timeoutMs: (options.timeoutMs ?? 20_000) * 4, schema: catalogChangesSchema },
    options.fetchFn ?? ((...args) => globalThis.fetch(...args)),
    options.clock ?? (() => performance.now()),
  );
}

/** Enrols this device with a center; the answer (token included) is for deviceRepository.saveDevice. */
export function enrol(
  serverUrl: string,
  body: EnrolRequest,
  options: { timeoutMs?: number; fetchFn?: typeof fetch; clock?: () => number } = {},
): Promise<Timed<EnrolResponse>> {
  return request(
    {
      url: new URL(SYNC_PATHS.enrol, serverUrl).href,
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      timeoutMs: options.timeoutMs ?? 20_000,
      schema: enrolResponseSchema,
    },
    options.fetchFn ?? ((...args) => globalThis.fetch(...args)),
    options.clock ?? (() => performance.now()),
  );
}
