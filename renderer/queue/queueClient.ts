/**
 * The queue's HTTP calls from a device (shared/queue/queueApi.ts), each with a timeout and its answer
 * checked against the schema. Every outcome is a value: `offline` (no answer: the kiosk then gives
 * its own number), `refused` with the server's code (the device translates it), or `server`.
 */
import type { z } from 'zod';
import {
  eventsPageSchema,
  eventsPushResponseSchema,
  issueResponseSchema,
  nextResponseSchema,
  QUEUE_PATHS,
  queueFiguresSchema,
  queueSettingsResponseSchema,
  type EventResult,
  type EventsPage,
  type IssueRequest,
  type IssueResponse,
  type QueueSettingsResponse,
} from '../../shared/queue/queueApi.ts';
import type { QueueEvent, StoredQueueEvent } from '../../shared/queue/queueEvents.ts';
import type { QueueFigures } from '../../shared/queue/queueFigures.ts';
import type { QueueSettings } from '../../shared/queue/queueSettings.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { apiErrorSchema } from '../../shared/sync/protocol.ts';

export type QueueClientError =
  | { kind: 'offline'; reason: string }
  /** The server answered no: `code` is its error code (`queue.error.*` for the queue's own refusals). */
  | { kind: 'refused'; status: number; code: string; reason: string }
  | { kind: 'server'; status: number; reason: string }
  | { kind: 'invalid'; reason: string };

export interface QueueClientOptions {
  serverUrl: string;
  token: string;
  timeoutMs?: number;
  fetchFn?: typeof fetch;
}

export interface QueueClient {
  settings(): Promise<Result<QueueSettingsResponse | null, QueueClientError>>;
  saveSettings(settings: QueueSettings, baseRevision: number | null): Promise<Result<QueueSettingsResponse, QueueClientError>>;
  issue(request: IssueRequest, timeoutMs?: number): Promise<Result<IssueResponse, QueueClientError>>;
  next(counter: number, id: string): Promise<Result<StoredQueueEvent | null, QueueClientError>>;
  pushEvents(events: QueueEvent[]): Promise<Result<EventResult[], QueueClientError>>;
  events(day: string, since: number): Promise<Result<EventsPage, QueueClientError>>;
  figures(from: string, to: string): Promise<Result<QueueFigures, QueueClientError>>;
}

export function createQueueClient(options: QueueClientOptions): QueueClient {
  const fetchFn = options.fetchFn ?? ((...args) => globalThis.fetch(...args));
  const baseTimeout = options.timeoutMs ?? 10_000;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };

  async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, timeoutMs = baseTimeout): Promise<Result<T, QueueClientError>> {
    let response: Response;
    try {
      response = await fetchFn(new URL(path, options.serverUrl).href, {
        method,
        headers: body === undefined ? { authorization: headers.authorization } : headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const name = (e as { name?: string }).name;
      return err({ kind: 'offline', reason: name === 'TimeoutError' ? `no answer within ${Math.round(timeoutMs / 100) / 10} s` : `cannot reach the server (${(e as Error).message})` });
    }
    let json: unknown = null;
    try {
      const text = await response.text();
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') return err({ kind: 'offline', reason: 'the answer was cut off' });
      if (response.ok) return err({ kind: 'invalid', reason: 'the server answered with something that is not JSON' });
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      return parsed.success ? ok(parsed.data) : err({ kind: 'invalid', reason: `unexpected answer from ${path}: ${parsed.error.issues[0]?.message ?? 'wrong shape'}` });
    }
    const apiError = apiErrorSchema.safeParse(json);
    const reason = apiError.success ? apiError.data.reason : `HTTP ${response.status}`;
    if (response.status >= 500) return err({ kind: 'server', status: response.status, reason });
    return err({ kind: 'refused', status: response.status, code: apiError.success ? apiError.data.error : `http_${response.status}`, reason });
  }

  return {
    async settings() {
      const found = await call('GET', QUEUE_PATHS.settings, queueSettingsResponseSchema);
      if (!found.ok && found.error.kind === 'refused' && found.error.code === 'queue.error.noSettings') return ok(null);
      return found;
    },
    saveSettings: (settings, baseRevision) => call('PUT', QUEUE_PATHS.settings, queueSettingsResponseSchema, { settings, baseRevision }),
    issue: (request, timeoutMs) => call('POST', QUEUE_PATHS.tickets, issueResponseSchema, request, timeoutMs),
    next: async (counter, id) => {
      const answer = await call('POST', QUEUE_PATHS.next(counter), nextResponseSchema, { id });
      return answer.ok ? ok(answer.value.event) : answer;
    },
    pushEvents: async (events) => {
      const answer = await call('POST', QUEUE_PATHS.events, eventsPushResponseSchema, { events });
      return answer.ok ? ok(answer.value.results) : answer;
    },
    events: (day, since) => call('GET', `${QUEUE_PATHS.events}?day=${day}&since=${since}`, eventsPageSchema),
    figures: (from, to) => call('GET', `${QUEUE_PATHS.figures}?from=${from}&to=${to}`, queueFiguresSchema),
  };
}
