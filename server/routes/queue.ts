/**
 * The queue for enrolled devices (shared/queue/queueApi.ts): kiosks take numbers and send the ones
 * they gave offline, counters call and send their events, admins set up and read the figures, and
 * every device reads the day's log, once or as a live stream it resumes from its cursor.
 */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { dayNumberFromIso } from '../../shared/calendar/civilDay.ts';
import {
  eventsPushSchema,
  eventsQuerySchema,
  figuresQuerySchema,
  issueRequestSchema,
  MAX_FIGURE_DAYS,
  nextParamsSchema,
  nextRequestSchema,
  queueSettingsWriteSchema,
  STREAM_EVENTS,
} from '../../shared/queue/queueApi.ts';
import { queueFiguresToCsv } from '../../shared/stats/queueFiguresTable.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import type { RouteRole } from '../auth/routeRoles.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import { openEventStream, trackStreams } from '../queue/eventStream.ts';
import type { DeskFailure, QueueDesk } from '../queue/queueDesk.ts';

const roles = (...r: RouteRole[]) => ({ config: { roles: r } });
const ANY_DEVICE = roles('kiosk', 'counter', 'admin');

function sendFailure(reply: FastifyReply, failure: DeskFailure): FastifyReply {
  return failure.kind === 'storage' ? sendError(reply, 503, 'storage', failure.reason) : sendError(reply, failure.status, failure.code, failure.reason);
}

export async function registerQueueRoutes(parent: FastifyInstance, desk: QueueDesk): Promise<void> {
  await parent.register(async (app) => {
    const streams = trackStreams(app);

    app.get(API_PATHS.queue.settings, ANY_DEVICE, async (request, reply) => {
      const found = await desk.settings(deviceOf(request).centerCode);
      if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
      if (!found.value) return sendError(reply, 404, 'queue.error.noSettings', 'this center has no queue settings yet');
      return found.value;
    });

    app.put(API_PATHS.queue.settings, roles('admin'), async (request, reply) => {
      const body = queueSettingsWriteSchema.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'invalid_settings', describeIssues(body.error, 10));
      const saved = await desk.saveSettings(deviceOf(request), body.data.settings, body.data.baseRevision);
      if (!saved.ok) {
        if (saved.error.kind === 'conflict') return reply.code(409).send({ error: 'queue.error.settingsConflict', reason: saved.error.reason, revision: saved.error.revision });
        return sendError(reply, 503, 'storage', saved.error.reason);
      }
      return saved.value;
    });

    app.post(API_PATHS.queue.tickets, roles('kiosk'), async (request, reply) => {
      const body = issueRequestSchema.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
      const issued = await desk.issue(deviceOf(request), body.data);
      if (!issued.ok) return sendFailure(reply, issued.error);
      return reply.code(201).send(issued.value);
    });

    app.post(API_PATHS.queue.next.route, roles('counter'), async (request, reply) => {
      const params = nextParamsSchema.safeParse(request.params);
      const body = nextRequestSchema.safeParse(request.body);
      if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
      if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
      const called = await desk.callNext(deviceOf(request), params.data.counter, body.data.id);
      if (!called.ok) return sendFailure(reply, called.error);
      return { event: called.value };
    });

    app.post(API_PATHS.queue.events, roles('kiosk', 'counter'), async (request, reply) => {
      const body = eventsPushSchema.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
      const taken = await desk.takeEvents(deviceOf(request), body.data.events);
      if (!taken.ok) return sendError(reply, 503, 'storage', taken.error.reason);
      return { results: taken.value };
    });

    app.get(API_PATHS.queue.events, ANY_DEVICE, async (request, reply) => {
      const query = eventsQuerySchema.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
      const day = query.data.day ?? desk.today();
      const page = await desk.eventsOfDay(deviceOf(request).centerCode, day, query.data.since, query.data.limit + 1);
      if (!page.ok) return sendError(reply, 503, 'storage', page.error.reason);
      const events = page.value.slice(0, query.data.limit);
      return { day, cursor: events.length > 0 ? events[events.length - 1]!.cursor : query.data.since, events, more: page.value.length > query.data.limit };
    });

    // The day's log after `since`, then each new event as it is stored; a device that drops comes
    // back with the last id it saw. New events are held while the backlog is read, so none is lost.
    app.get(API_PATHS.queue.stream, ANY_DEVICE, async (request, reply) => {
      const query = eventsQuerySchema.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
      const center = deviceOf(request).centerCode;
      const day = query.data.day ?? desk.today();
      const lastEventId = Number(request.headers['last-event-id']);
      let sent = Number.isInteger(lastEventId) && lastEventId > query.data.since ? lastEventId : query.data.since;
      const held: Parameters<Parameters<QueueDesk['subscribe']>[1]>[0]['events'] = [];
      let live = false;
      const stream = openEventStream(request, reply, streams);
      const forward = (events: typeof held) => {
        for (const e of events) {
          if (e.day !== day || e.cursor <= sent) continue;
          stream.send(STREAM_EVENTS.event, e, e.cursor);
          sent = e.cursor;
        }
      };
      const unsubscribe = desk.subscribe(center, (update) => (live ? forward(update.events) : held.push(...update.events)));
      stream.onClose(unsubscribe);
      stream.send(STREAM_EVENTS.day, { day });
      for (;;) {
        const page = await desk.eventsOfDay(center, day, sent, 2000);
        if (!page.ok) {
          request.log.error({ reason: page.error.reason }, 'queue stream: backlog unreadable');
          stream.close();
          return;
        }
        forward(page.value);
        if (page.value.length < 2000 || stream.closed) break;
      }
      live = true;
      forward(held.splice(0));
    });

    app.get(API_PATHS.queue.figures, roles('admin'), async (request, reply) => {
      const figures = await figuresOf(request.query, deviceOf(request).centerCode, reply);
      return figures ?? reply;
    });

    app.get(API_PATHS.queue.figuresCsv, roles('admin'), async (request, reply) => {
      const figures = await figuresOf(request.query, deviceOf(request).centerCode, reply);
      if (!figures) return reply;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="xep-hang-${deviceOf(request).centerCode}-${figures.from}-${figures.to}.csv"`)
        .send(queueFiguresToCsv(figures));
    });

    async function figuresOf(rawQuery: unknown, centerCode: string, reply: FastifyReply) {
      const query = figuresQuerySchema.safeParse(rawQuery);
      if (!query.success) {
        sendError(reply, 400, 'invalid_request', describeIssues(query.error));
        return null;
      }
      const span = dayNumberFromIso(query.data.to)! - dayNumberFromIso(query.data.from)!;
      if (span <= 0 || span > MAX_FIGURE_DAYS) {
        sendError(reply, 400, 'invalid_request', `to must be after from, at most ${MAX_FIGURE_DAYS} days later`);
        return null;
      }
      const figures = await desk.figures(centerCode, query.data.from, query.data.to);
      if (!figures.ok) {
        sendError(reply, 503, 'storage', figures.error.reason);
        return null;
      }
      return figures.value;
    }
  });
}
