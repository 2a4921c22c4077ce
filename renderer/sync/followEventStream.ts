/**
 * Follows a server-sent event stream of the motcua server and keeps following it: after a drop, a
 * server restart or a silent line (no heartbeat for a while) it reconnects with growing pauses, from
 * the place the caller says it reached. It sits beside the API client because a stream is the one
 * request that client cannot make (its answer never ends): the path comes from the same registry,
 * the token is sent the same way (fetch, since EventSource cannot send one), and every way a
 * connection fails is told in the client's vocabulary (offline, timeout, refused with a code, server).
 */
import { createSseParser, type ServerSentEvent } from '../../shared/http/serverSentEvents.ts';
import { queryString } from '../../shared/sync/apiPaths.ts';
import type { ApiFailure } from './apiClient.ts';

export type StreamState = 'connecting' | 'live' | 'offline';

export interface StreamOptions {
  serverUrl: string;
  /** A path from API_PATHS. */
  path: string;
  /** The query for the next connection (it carries the cursor the caller reached). */
  query(): Record<string, string | number | null | undefined>;
  /** The device token; none for the public streams. */
  token?: string | null;
  onEvent(event: ServerSentEvent): void;
  /** The link's state, with why it is not live (null while connecting or live). */
  onState?(state: StreamState, failure: ApiFailure | null): void;
  /** A refusal (4xx but 408/429): the follower stops, unless this says to keep trying (a screen set up before its center). */
  onRefused?(failure: Extract<ApiFailure, { kind: 'refused' }>): 'retry' | 'stop';
  fetchFn?: typeof fetch;
  /** The server sends a comment every 15 s; nothing for this long means the line is dead. */
  silenceMs?: number;
  retryMs?: { first: number; max: number };
}

export interface StreamFollower {
  stop(): void;
  /** Drops the current connection and opens a new one at once (e.g. the day changed). */
  reconnect(): void;
}

/** A refusal's answer as the API client reads one: its `error` code, else `http_<status>`. */
async function refusalOf(response: Response): Promise<Extract<ApiFailure, { kind: 'refused' }>> {
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // No JSON: judged by its status alone.
  }
  const said = body as { error?: unknown; reason?: unknown } | null;
  const code = typeof said?.error === 'string' && said.error.length <= 80 ? said.error : `http_${response.status}`;
  const reason = typeof said?.reason === 'string' ? said.reason : `HTTP ${response.status}`;
  return { kind: 'refused', status: response.status, code, reason, body };
}

export function followEventStream(options: StreamOptions): StreamFollower {
  const fetchFn = options.fetchFn ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const silenceMs = options.silenceMs ?? 40_000;
  const retry = options.retryMs ?? { first: 1000, max: 10_000 };
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' } : { accept: 'text/event-stream' };
  let stopped = false;
  let pause = retry.first;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;
  let now = false;

  const setState = (state: StreamState, failure: ApiFailure | null = null) => options.onState?.(state, failure);

  async function connectOnce(): Promise<'again' | 'stop'> {
    controller = new AbortController();
    const mine = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    let silent = false;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        silent = true;
        mine.abort();
      }, silenceMs);
    };
    setState('connecting');
    try {
      heard();
      const url = new URL(options.path + queryString(options.query()), options.serverUrl).href;
      const response = await fetchFn(url, { headers, cache: 'no-store', signal: mine.signal });
      if (response.status >= 400 && response.status < 500 && response.status !== 429 && response.status !== 408) {
        const refused = await refusalOf(response);
        if ((options.onRefused?.(refused) ?? 'stop') === 'stop') return 'stop';
        setState('offline', refused);
        return 'again';
      }
      if (response.status >= 500) {
        setState('offline', { kind: 'server', status: response.status, code: `http_${response.status}`, reason: `HTTP ${response.status}` });
        return 'again';
      }
      if (!response.ok || !response.body) {
        setState('offline', { kind: 'invalid', reason: `the stream answered HTTP ${response.status} without a body` });
        return 'again';
      }
      pause = retry.first;
      setState('live');
      const parser = createSseParser(options.onEvent);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        heard();
        parser.push(value);
      }
      setState('offline', { kind: 'offline', reason: 'the server closed the stream' });
    } catch (e) {
      if (stopped) return 'stop';
      if (silent) setState('offline', { kind: 'timeout', timeoutMs: silenceMs, reason: `nothing from the stream for ${Math.round(silenceMs / 1000)} s` });
      else setState('offline', { kind: 'offline', reason: `cannot reach the server (${e instanceof Error ? e.message : String(e)})` });
    } finally {
      clearTimeout(silence);
    }
    return 'again';
  }

  void (async () => {
    while (!stopped) {
      if ((await connectOnce()) === 'stop') break;
      if (stopped) break;
      if (now) {
        now = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      pause = Math.min(retry.max, pause * 2);
    }
  })();

  return {
    stop() {
      stopped = true;
      controller?.abort();
      wake?.();
    },
    reconnect() {
      pause = retry.first;
      now = true;
      controller?.abort();
      wake?.();
    },
  };
}
