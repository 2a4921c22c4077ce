/** Follows a server-sent event stream over fetch in a test, collecting what arrives until closed. */
import { createSseParser, type ServerSentEvent } from '../../shared/http/serverSentEvents.ts';

export interface SseFollower {
  readonly received: ServerSentEvent[];
  /** Resolves with the first event (from the start) that passes `test`. */
  waitFor(test: (e: ServerSentEvent) => boolean, timeoutMs?: number): Promise<ServerSentEvent>;
  close(): void;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
}

export async function followSse(url: string, headers: Record<string, string> = {}): Promise<SseFollower> {
  const controller = new AbortController();
  const received: ServerSentEvent[] = [];
  const waiters: { test: (e: ServerSentEvent) => boolean; resolve: (e: ServerSentEvent) => void }[] = [];
  const parser = createSseParser((e) => {
    received.push(e);
    for (const w of [...waiters]) {
      if (w.test(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  });
  const response = await fetch(url, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream ${url}: HTTP ${response.status} ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.push(value);
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    received,
    ended,
    waitFor(test, timeoutMs = 5000) {
      const found = received.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${received.map((e) => e.event).join(', ')}`)), timeoutMs);
        waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    close: () => controller.abort(),
  };
}
