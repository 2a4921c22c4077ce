/**
 * The waiting-room screen's public view of a center's queue: the board (numbers per counter and
 * next numbers per service) and a live stream of it with every call, for the chime and the voice.
 *
 * Public on purpose: a TV in the waiting room is often a plain browser or a smart TV that cannot
 * hold a device token safely, and the board carries only what the screen shows to everyone in the
 * room anyway (numbers, counter names, service names; no priority category, procedure or draft).
 * Limited per address and per center so it cannot be used to wear the center's server down.
 */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import { STREAM_EVENTS } from '../../shared/queue/queueApi.ts';
import { announcementOf } from '../../shared/queue/queueBoard.ts';
import { sendError } from '../http/apiError.ts';
import { openEventStream, trackStreams } from '../queue/eventStream.ts';
import type { QueueDesk } from '../queue/queueDesk.ts';

const PUBLIC = { config: { roles: ['public'] } } as const;
const paramsSchema = z.object({ center: z.string().trim().min(1).max(20) });
const streamQuerySchema = z.object({ since: z.coerce.number().int().nonnegative().default(0) });

/** Screens per center at once: a center has a few; more is someone holding connections open. */
export const MAX_BOARD_STREAMS_PER_CENTER = 20;
/** A call missed during a short drop is still announced when the screen is back; an older one is not. */
export const REPLAY_CALLS_WITHIN_MS = 60_000;

export async function registerQueueBoardRoutes(parent: FastifyInstance, desk: QueueDesk): Promise<void> {
  await parent.register(async (app) => {
    await app.register(rateLimit, {
      max: 60,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `too many requests from this address; try again in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    });
    const streams = trackStreams(app);
    const perCenter = new Map<string, number>();

    app.get(API_PATHS.public.queueBoard.route, PUBLIC, async (request, reply) => {
      const params = paramsSchema.safeParse(request.params);
      if (!params.success) return sendError(reply, 400, 'invalid_request', 'no such center');
      const board = await desk.board(params.data.center.toUpperCase());
      if (!board.ok) return sendError(reply, 503, 'storage', board.error.reason);
      if (!board.value) return sendError(reply, 404, 'queue.error.noBoard', `no queue for center ${params.data.center}`);
      return board.value;
    });

    app.get(API_PATHS.public.queueBoardStream.route, PUBLIC, async (request, reply) => {
      const params = paramsSchema.safeParse(request.params);
      const query = streamQuerySchema.safeParse(request.query);
      if (!params.success || !query.success) return sendError(reply, 400, 'invalid_request', 'no such center');
      const center = params.data.center.toUpperCase();
      const first = await desk.board(center);
      if (!first.ok) return sendError(reply, 503, 'storage', first.error.reason);
      if (!first.value) return sendError(reply, 404, 'queue.error.noBoard', `no queue for center ${center}`);
      const count = perCenter.get(center) ?? 0;
      if (count >= MAX_BOARD_STREAMS_PER_CENTER) return sendError(reply, 429, 'too_many_screens', `${count} screens already follow center ${center}`);
      perCenter.set(center, count + 1);

      const stream = openEventStream(request, reply, streams);
      stream.onClose(() => perCenter.set(center, (perCenter.get(center) ?? 1) - 1));
      const since = Number(request.headers['last-event-id']) || query.data.since;
      // Calls the screen missed during a short drop, then the board as it is now.
      if (since > 0) {
        const missed = await desk.eventsOfDay(center, first.value.day, since, 200);
        if (missed.ok) {
          for (const e of missed.value) {
            const call = announcementOf(e);
            if (call && Date.now() - Date.parse(e.receivedAt) <= REPLAY_CALLS_WITHIN_MS) stream.send(STREAM_EVENTS.call, call, e.cursor);
          }
        }
      }
      stream.send(STREAM_EVENTS.board, first.value, first.value.cursor);
      // The board is read once per change (not per event): a burst of events gives one board.
      let pending = false;
      const unsubscribe = desk.subscribe(center, (update) => {
        for (const e of update.events) {
          const call = announcementOf(e);
          if (call) stream.send(STREAM_EVENTS.call, call, e.cursor);
        }
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
          pending = false;
          void desk.board(center).then((board) => {
            if (board.ok && board.value) stream.send(STREAM_EVENTS.board, board.value, board.value.cursor);
          });
        });
      });
      stream.onClose(unsubscribe);
    });
  });
}
