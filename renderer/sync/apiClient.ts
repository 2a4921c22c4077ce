/**
 * The device's one HTTP client: every request to the motcua server goes through `send`, with one
 * timeout policy (shared/sync/linkTiming.ts), paths from the one registry (shared/sync/apiPaths.ts),
 * every answer checked against its schema, and every outcome a value in one vocabulary that says
 * how long it took (the sync loop marks the link slow from that).
 *
 * The vocabulary has five words. Four were asked for (offline, timeout, refused with a code, an
 * invalid answer); the fifth, `server`, keeps a 5xx apart: the server was reached and failed, so
 * it is neither "offline" (the link is fine, the status bar must not say otherwise) nor a refusal
 * (the same request may well succeed later, so nothing is given up).
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.ts';
import { queryString } from '../../shared/sync/apiPaths.ts';
import { REQUEST_TIMEOUTS, uploadTimeoutMs, type RequestWeight } from '../../shared/sync/linkTiming.ts';

export type ApiFailure =
  /** No answer at all: no network, DNS, connection refused, or the answer was cut off. */
  | { kind: 'offline'; reason: string }
  /** No complete answer within the request's time: a link too slow, or a server that hangs. */
  | { kind: 'timeout'; reason: string; timeoutMs: number }
  /**
   * The server answered no (4xx). `code` is the answer's stable error code (its `error` field,
   * e.g. `admin_only`, `sequence_gap`), or `http_<status>` when the answer has none; `body` is the
   * answer for refusals that carry more (a sequence gap's number, a conflict's procedures).
   */
  | { kind: 'refused'; status: number; code: string; reason: string; body: unknown }
  /** The server was reached and failed (5xx): try again later; the request itself was not refused. */
  | { kind: 'server'; status: number; code: string; reason: string }
  /** An answer that does not fit the protocol (not JSON, or the wrong shape). */
  | { kind: 'invalid'; reason: string };

export type ApiFailureKind = ApiFailure['kind'];

/** A result plus how long the request took, whatever its outcome. */
export type Answer<T> = Result<T, ApiFailure> & { elapsedMs: number };

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path from API_PATHS. */
  path: string;
  query?: Record<string, string | number | null | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** Raw bytes (application/octet-stream), e.g. a scan chunk. */
  bytes?: Blob;
  /** Which timeout applies (REQUEST_TIMEOUTS); a body adds time for its bytes. Default `normal`. */
  weight?: RequestWeight;
  /** The answer's schema (2xx). */
  schema: z.ZodType<T>;
  /** Send the device token (default: when the client has one). False for the public routes. */
  auth?: boolean;
}

/** A conditional GET: `unchanged` on 304, else the new value and its ETag. */
export type Revalidated<T> = { status: 'unchanged' } | { status: 'changed'; value: T; etag: string | null };

export interface ApiClientOptions {
  serverUrl: string;
  /** The device token; null or absent: anonymous requests only. */
  token?: string | null;
  fetchFn?: typeof fetch;
  /** Clock for elapsed times (ms). */
  clock?: () => number;
  /** Overrides of the timeout policy (tests, and the sync engine's configuration). */
  timeouts?: Partial<Record<RequestWeight, number>>;
}

export interface ApiClient {
  readonly serverUrl: string;
  send<T>(request: ApiRequest<T>): Promise<Answer<T>>;
  /** GET with If-None-Match: a 304 is `unchanged`, not a failure. */
  revalidate<T>(request: Omit<ApiRequest<T>, 'method' | 'json' | 'bytes'>, etag: string | null): Promise<Answer<Revalidated<T>>>;
}

/** No answer came back (offline or too late): what the link state calls offline. */
export const noAnswer = (failure: ApiFailure): boolean => failure.kind === 'offline' || failure.kind === 'timeout';

/** The server does not accept this device's token (unknown or revoked device). */
export const isUnauthorised = (failure: ApiFailure): boolean => failure.kind === 'refused' && failure.status === 401;

/** Whether sending the same request again later may succeed (the request itself was not refused). */
export const mayRetry = (failure: ApiFailure): boolean => noAnswer(failure) || failure.kind === 'server' || (failure.kind === 'refused' && (failure.status === 408 || failure.status === 429));

const errorName = (e: unknown) => (e as { name?: string } | null)?.name;

function errorBody(body: unknown): { code: string | null; reason: string | null } {
  const b = body as { error?: unknown; reason?: unknown } | null;
  return {
    code: typeof b?.error === 'string' && b.error.length <= 80 ? b.error : null,
    reason: typeof b?.reason === 'string' ? b.reason : null,
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchFn = options.fetchFn ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const clock = options.clock ?? (() => performance.now());
  const timeoutOf = (weight: RequestWeight) => options.timeouts?.[weight] ?? REQUEST_TIMEOUTS[weight];

  async function exchange<T>(request: ApiRequest<T>, extraHeaders: Record<string, string>, accept304: boolean): Promise<Answer<T | null> & { etag?: string | null }> {
    const started = clock();
    const done = <V,>(result: Result<V, ApiFailure>): Answer<V> => ({ ...result, elapsedMs: clock() - started });
    const headers: Record<string, string> = { ...extraHeaders };
    if (request.auth !== false && options.token) headers.authorization = `Bearer ${options.token}`;
    let body: BodyInit | undefined;
    let bodyBytes = 0;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      bodyBytes = body.length;
      headers['content-type'] = 'application/json';
    } else if (request.bytes) {
      body = request.bytes;
      bodyBytes = request.bytes.size;
      headers['content-type'] = 'application/octet-stream';
    }
    const timeoutMs = uploadTimeoutMs(timeoutOf(request.weight ?? 'normal'), bodyBytes);
    const url = new URL(request.path + queryString(request.query), options.serverUrl).href;
    const tooLate = (): ApiFailure => ({ kind: 'timeout', timeoutMs, reason: `no answer within ${Math.round(timeoutMs / 100) / 10} s` });

    let response: Response;
    try {
      response = await fetchFn(url, { method: request.method ?? 'GET', headers, ...(body === undefined ? {} : { body }), cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      if (errorName(e) === 'TimeoutError') return done(err(tooLate()));
      return done(err({ kind: 'offline', reason: `cannot reach the server (${e instanceof Error ? e.message : String(e)})` }));
    }
    if (accept304 && response.status === 304) return done(ok(null));
    let json: unknown = null;
    try {
      const text = await response.text();
      json = text.length > 0 ? JSON.parse(text) : null;
    } catch (e) {
      if (errorName(e) === 'TimeoutError') return done(err(tooLate()));
      if (errorName(e) === 'AbortError' || errorName(e) === 'TypeError') return done(err({ kind: 'offline', reason: 'the answer was cut off' }));
      if (response.ok) return done(err({ kind: 'invalid', reason: `the answer to ${request.path} is not JSON` }));
      // A refusal without JSON is still judged by its status below.
    }
    const status = response.status;
    if (response.ok) {
      const parsed = request.schema.safeParse(json);
      if (!parsed.success) return done(err({ kind: 'invalid', reason: `unexpected answer from ${request.path}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}` }));
      return { ...done(ok(parsed.data)), etag: response.headers.get('etag') };
    }
    const said = errorBody(json);
    const code = said.code ?? `http_${status}`;
    const reason = said.reason ?? `HTTP ${status}`;
    if (status >= 500) return done(err({ kind: 'server', status, code, reason }));
    return done(err({ kind: 'refused', status, code, reason, body: json }));
  }

  return {
    serverUrl: options.serverUrl,
    async send<T>(request: ApiRequest<T>): Promise<Answer<T>> {
      const answer = await exchange(request, {}, false);
      // Without If-None-Match a 304 is not accepted, so a success always carries the value.
      return answer.ok ? { ok: true, value: answer.value as T, elapsedMs: answer.elapsedMs } : answer;
    },
    async revalidate<T>(request: Omit<ApiRequest<T>, 'method' | 'json' | 'bytes'>, etag: string | null): Promise<Answer<Revalidated<T>>> {
      const answer = await exchange<T>({ ...request, method: 'GET' }, etag ? { 'if-none-match': etag } : {}, true);
      if (!answer.ok) return answer;
      const value: Revalidated<T> = answer.value === null ? { status: 'unchanged' } : { status: 'changed', value: answer.value, etag: answer.etag ?? null };
      return { ok: true, value, elapsedMs: answer.elapsedMs };
    },
  };
}
