/**
 * Follows a server-sent event stream over fetch (so a device can send its bearer token, which
 * EventSource cannot) and keeps following it: after a drop, a server restart or a silent line (no
 * heartbeat for a while) it reconnects with growing pauses, from the place the caller says it reached.
 */
import { createSseParser, type ServerSentEvent } from '../../shared/http/serverSentEvents.ts';

export type StreamState = 'connecting' | 'live' | 'offline';

export interface StreamOptions {
  /** The URL to open now (it carries the cursor the caller reached). */
  url(): string;
  headers?: Record<string, string>;
  onEvent(event: ServerSentEvent): void;
  onState?(state: StreamState, reason: string | null): void;
  /** A refusal (4xx): the follower stops, unless this says to keep trying (a screen set up before its center). */
  onRefused?(status: number, body: string): 'retry' | 'stop';
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

export function followEventStream(options: StreamOptions): StreamFollower {
  const fetchFn = options.fetchFn ?? ((...args) => globalThis.fetch(...args));
  const silenceMs = options.silenceMs ?? 40_000;
  const retry = options.retryMs ?? { first: 1000, max: 10_000 };
  let stopped = false;
  let pause = retry.first;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;
  let now = false;

  const setState = (state: StreamState, reason: string | null = null) => options.onState?.(state, reason);

  async function connectOnce(): Promise<'again' | 'stop'> {
    controller = new AbortController();
    const mine = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => mine.abort(new DOMException('no heartbeat', 'TimeoutError')), silenceMs);
    };
    setState('connecting');
    try {
      heard();
      const response = await fetchFn(options.url(), { headers: options.headers, cache: 'no-store', signal: mine.signal });
      if (response.status >= 400 && response.status < 500 && response.status !== 429 && response.status !== 408) {
        const next = options.onRefused?.(response.status, await response.text()) ?? 'stop';
        if (next === 'stop') return 'stop';
        setState('offline', `HTTP ${response.status}`);
        return 'again';
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
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
      setState('offline', 'the server closed the stream');
    } catch (e) {
      if (!stopped) setState('offline', (e as Error).message);
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
