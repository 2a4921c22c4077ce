/**
 * The queue's requests from a device (shared/queue/queueApi.ts) through the one API client: its
 * paths (API_PATHS.queue), timeout policy and error vocabulary. A kiosk's number is a `glance`
 * request (a citizen stands waiting; without an answer the kiosk gives its own number), the rest
 * `normal`. A refusal's code is the server's (`queue.error.*` for the queue's own).
 */
import {
  eventsPageSchema,
  eventsPushResponseSchema,
  issueResponseSchema,
  nextResponseSchema,
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
import { ok, type Result } from '../../shared/result.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { ApiClient, ApiFailure } from './apiClient.ts';

export type QueueAnswer<T> = Promise<Result<T, ApiFailure>>;

export interface QueueClient {
  /** The center's settings; null when it has none yet. */
  settings(): QueueAnswer<QueueSettingsResponse | null>;
  saveSettings(settings: QueueSettings, baseRevision: number | null): QueueAnswer<QueueSettingsResponse>;
  issue(request: IssueRequest): QueueAnswer<IssueResponse>;
  next(counter: number, id: string): QueueAnswer<StoredQueueEvent | null>;
  pushEvents(events: QueueEvent[]): QueueAnswer<EventResult[]>;
  events(day: string, since: number): QueueAnswer<EventsPage>;
  figures(from: string, to: string): QueueAnswer<QueueFigures>;
}

export function createQueueClient(api: ApiClient): QueueClient {
  return {
    async settings() {
      const found = await api.send({ path: API_PATHS.queue.settings, schema: queueSettingsResponseSchema });
      if (!found.ok && found.error.kind === 'refused' && found.error.code === 'queue.error.noSettings') return ok(null);
      return found;
    },
    saveSettings: (settings, baseRevision) => api.send({ method: 'PUT', path: API_PATHS.queue.settings, json: { settings, baseRevision }, schema: queueSettingsResponseSchema }),
    issue: (request) => api.send({ method: 'POST', path: API_PATHS.queue.tickets, json: request, weight: 'glance', schema: issueResponseSchema }),
    async next(counter, id) {
      const answer = await api.send({ method: 'POST', path: API_PATHS.queue.next.at(String(counter)), json: { id }, schema: nextResponseSchema });
      return answer.ok ? ok(answer.value.event) : answer;
    },
    async pushEvents(events) {
      const answer = await api.send({ method: 'POST', path: API_PATHS.queue.events, json: { events }, schema: eventsPushResponseSchema });
      return answer.ok ? ok(answer.value.results) : answer;
    },
    events: (day, since) => api.send({ path: API_PATHS.queue.events, query: { day, since }, schema: eventsPageSchema }),
    figures: (from, to) => api.send({ path: API_PATHS.queue.figures, query: { from, to }, schema: queueFiguresSchema }),
  };
}
